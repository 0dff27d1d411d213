// Deadlines computed from a ledger's declared time limits and the working-day calendar.
#include "ledger/deadline.h"

#include <gmock/gmock.h>

#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_rules.h"

namespace fazhi {
namespace {

LedgerRecord blank(const LedgerDeclaration& l, std::string state) {
  LedgerRecord r;
  r.state = std::move(state);
  r.values.assign(l.fields.size(), nullptr);
  return r;
}

const Deadline* find(const std::vector<Deadline>& ds, std::string_view name) {
  for (const auto& d : ds)
    if (d.limit->name == name) return &d;
  return nullptr;
}

Date day(const char* iso) {
  return parse_date(iso).value();
}

TEST(Deadline, ExaminationAcrossNationalDay2024) {
  const auto& l = *find_ledger("reconsideration");
  auto r = blank(l, "received");
  set_field(l, r, "received_on", std::string("2024-09-27"));
  auto ds = compute_deadlines(l, r, day("2024-10-09"));
  const Deadline* d = find(ds, "examination");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->due->iso(), "2024-10-10");  // RULES.md W1
  EXPECT_EQ(d->state, DeadlineState::kDueSoon);
  EXPECT_EQ(d->working_days_left, 1);
  EXPECT_EQ(compute_deadlines(l, r, day("2024-10-10"))[0].state, DeadlineState::kDueToday);
  EXPECT_EQ(find(compute_deadlines(l, r, day("2024-10-11")), "examination")->state, DeadlineState::kOverdue);
}

TEST(Deadline, DecisionPeriodMovesOffAHolidayAndCountsTheExtension) {
  const auto& l = *find_ledger("reconsideration");
  auto r = blank(l, "accepted");
  set_field(l, r, "simplified", std::int64_t{0});
  set_field(l, r, "accepted_on", std::string("2025-08-04"));
  auto d = find(compute_deadlines(l, r, day("2025-08-05")), "decision");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->due->iso(), "2025-10-09");  // RULES.md W4: day 60 is in the National Day holiday
  // The rule keeps added_days = approved extension + suspended days (reconsideration_rules.cpp).
  set_field(l, r, "added_days", std::int64_t{30});
  EXPECT_EQ(find(compute_deadlines(l, r, day("2025-08-05")), "decision")->due->iso(), "2025-11-03");
}

TEST(Deadline, OnlyTheProcedureInUseApplies) {
  const auto& l = *find_ledger("reconsideration");
  auto r = blank(l, "accepted_simplified");
  set_field(l, r, "simplified", std::int64_t{1});
  set_field(l, r, "accepted_on", std::string("2025-03-03"));
  auto ds = compute_deadlines(l, r, day("2025-03-04"));
  EXPECT_NE(find(ds, "decision_simplified"), nullptr);
  EXPECT_EQ(find(ds, "decision"), nullptr);
  EXPECT_EQ(find(ds, "decision_simplified")->due->iso(), "2025-04-02");
  // Concluded: the ordinary limit still does not apply to a simplified case.
  set_field(l, r, "concluded_on", std::string("2025-03-20"));
  r.state = "concluded";
  ds = compute_deadlines(l, r, day("2025-06-01"));
  EXPECT_EQ(find(ds, "decision"), nullptr);
  EXPECT_EQ(find(ds, "decision_simplified")->state, DeadlineState::kMet);
}

TEST(Deadline, DisclosureLimitFollowsTheKindOfDecision) {
  const auto& l = *find_ledger("enforcement_case");
  auto r = blank(l, "decided");
  set_field(l, r, "kind", std::string("penalty"));
  set_field(l, r, "decided_on", std::string("2025-01-24"));
  auto ds = compute_deadlines(l, r, day("2025-01-27"));
  ASSERT_NE(find(ds, "disclosure_licensing_penalty"), nullptr);
  EXPECT_EQ(find(ds, "disclosure_other"), nullptr);
  // 7 working days after Fri 2025-01-24: Sun 1-26 (worked) = 1, 1-27 = 2, 1-28..2-4 off,
  // 2-5..2-7 = 3..5, Sat 2-8 (worked) = 6, Mon 2-10 = 7.
  EXPECT_EQ(find(ds, "disclosure_licensing_penalty")->due->iso(), "2025-02-10");
  set_field(l, r, "kind", std::string("inspection"));
  ds = compute_deadlines(l, r, day("2025-01-27"));
  EXPECT_EQ(find(ds, "disclosure_licensing_penalty"), nullptr);
  EXPECT_NE(find(ds, "disclosure_other"), nullptr);
}

}  // namespace
}  // namespace fazhi

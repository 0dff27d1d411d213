// The workflow ledgers' time limits on the working-day calendar, around the 2024 National Day
// and 2025 Spring Festival adjustments and across a year boundary (RULES.md §10), each due date
// counted by hand in the comment beside it; and a region's own period replacing the national
// default.
#include <gmock/gmock.h>

#include "ledger/deadline.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_rules.h"
#include "ledger/region_time_limits.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

LedgerRecord blank(const LedgerDeclaration& l, std::string state) {
  LedgerRecord r;
  r.state = std::move(state);
  r.values.assign(l.fields.size(), nullptr);
  return r;
}

Date day(const char* iso) {
  return parse_date(iso).value();
}

// The deadline `name` of a record of `ledger` in `state` with `fields` set, as of `today`.
Deadline deadline_of(const char* ledger, const char* state, std::vector<std::pair<const char*, SqlValue>> fields,
                     const char* name, const char* today = "2024-01-02") {
  const LedgerDeclaration& l = *find_ledger(ledger);
  LedgerRecord r = blank(l, state);
  for (auto& [f, v] : fields) set_field(l, r, f, v);
  for (const Deadline& d : compute_deadlines(l, r, day(today)))
    if (d.limit->name == name) return d;
  ADD_FAILURE() << ledger << " has no running deadline " << name;
  return {};
}

std::string due(const Deadline& d) {
  return d.due ? d.due->iso() : "none";
}

TEST(WorkflowDeadlines, EnforcementDisclosureInWorkingDays) {
  // Penalty decided Fri 2024-09-27, 7 WD: 9-29 Sun (adjusted) 1, 9-30 2, 10-1..7 off, 10-8..11
  // 3..6, 10-12 Sat (adjusted) 7.
  EXPECT_EQ(due(deadline_of("enforcement_case", "decided",
                            {{"kind", std::string("penalty")}, {"decided_on", std::string("2024-09-27")}},
                            "disclosure_licensing_penalty")),
            "2024-10-12");
  // Coercive measure decided Fri 2025-01-24, 20 WD: 1-26 Sun (adjusted) 1, 1-27 2, 1-28..2-4 off,
  // 2-5..7 3..5, 2-8 Sat (adjusted) 6, 2-10..14 7..11, 2-17..21 12..16, 2-24..27 17..20.
  EXPECT_EQ(due(deadline_of("enforcement_case", "decided",
                            {{"kind", std::string("coercion")}, {"decided_on", std::string("2025-01-24")}},
                            "disclosure_other")),
            "2025-02-27");
  // Penalty decided Tue 2024-12-24, 7 WD: 12-25..27 1..3, 12-30 4, 12-31 5, 1-1 off, 1-2 6, 1-3 7.
  Deadline d = deadline_of("enforcement_case", "closed",
                           {{"kind", std::string("penalty")},
                            {"decided_on", std::string("2024-12-24")},
                            {"disclosed_on", std::string("2025-01-06")}},
                           "disclosure_licensing_penalty");
  EXPECT_EQ(due(d), "2025-01-03");
  EXPECT_EQ(d.state, DeadlineState::kMetLate);
}

TEST(WorkflowDeadlines, InspectionResultsAcrossTheYearBoundary) {
  // Finished Mon 2024-12-16, 20 WD: 12-17..20 1..4, 12-23..27 5..9, 12-30 10, 12-31 11, 1-1 off,
  // 1-2 12, 1-3 13, 1-6..10 14..18, 1-13 19, 1-14 20.
  Deadline d = deadline_of("inspection_result", "", {{"finished_on", std::string("2024-12-16")}}, "result_disclosure",
                           "2025-01-14");
  EXPECT_EQ(due(d), "2025-01-14");
  EXPECT_EQ(d.state, DeadlineState::kDueToday);
}

TEST(WorkflowDeadlines, NormativeDocumentFilingInCalendarDays) {
  // Published 2024-09-05: day 30 is Sat 10-5, in the National Day holiday → Tue 10-8.
  EXPECT_EQ(
      due(deadline_of("normative_document", "published", {{"published_on", std::string("2024-09-05")}}, "filing")),
      "2024-10-08");
  // Published 2025-01-03: day 30 is Sun 2-2, in the Spring Festival → Wed 2-5.
  EXPECT_EQ(
      due(deadline_of("normative_document", "published", {{"published_on", std::string("2025-01-03")}}, "filing")),
      "2025-02-05");
  // Published 2024-12-10: day 30 is Thu 2025-01-09, a working day.
  Deadline d = deadline_of("normative_document", "published", {{"published_on", std::string("2024-12-10")}}, "filing",
                           "2025-01-10");
  EXPECT_EQ(due(d), "2025-01-09");
  EXPECT_EQ(d.state, DeadlineState::kOverdue);
  // In force until 2026-06-30: raised 180 days before for evaluation and cleanup.
  EXPECT_EQ(deadline_of("normative_document", "in_force", {{"valid_until", std::string("2026-06-30")}}, "expiry",
                        "2026-01-05")
                .state,
            DeadlineState::kDueSoon);
  EXPECT_EQ(deadline_of("normative_document", "in_force", {{"valid_until", std::string("2026-06-30")}}, "expiry",
                        "2025-12-31")
                .state,
            DeadlineState::kRunning);
}

TEST(WorkflowDeadlines, PetitionNoticeHandlingAndExtension) {
  // Received 2024-09-20: day 15 is Sat 10-5, in the holiday → Tue 10-8.
  EXPECT_EQ(due(deadline_of("petition", "received", {{"received_on", std::string("2024-09-20")}}, "acceptance_notice")),
            "2024-10-08");
  // Accepted 2024-11-29: day 60 is Tue 2025-01-28, the first day of the Spring Festival → Wed 2-5.
  EXPECT_EQ(due(deadline_of("petition", "accepted", {{"accepted_on", std::string("2024-11-29")}}, "handling")),
            "2025-02-05");
  // Extended by 30: day 90 is Thu 2025-02-27, a working day.
  EXPECT_EQ(
      due(deadline_of("petition", "extended",
                      {{"accepted_on", std::string("2024-11-29")}, {"extension_days", std::int64_t{30}}}, "handling")),
      "2025-02-27");
  // Review requested 2024-12-20: day 30 is Sun 2025-01-19 → Mon 1-20.
  EXPECT_EQ(
      due(deadline_of("petition", "under_review", {{"review_requested_on", std::string("2024-12-20")}}, "review")),
      "2025-01-20");
}

TEST(WorkflowDeadlines, PoliceAnswerLegalityReviewCertificateAndRectification) {
  // Transferred Sat 2024-09-28: day 3 is 10-1, in the holiday → Tue 10-8.
  EXPECT_EQ(due(deadline_of("criminal_transfer", "transferred", {{"transferred_on", std::string("2024-09-28")}},
                            "police_response")),
            "2024-10-08");
  // Document received Fri 2024-12-20, 15 WD: 12-23..27 1..5, 12-30 6, 12-31 7, 1-2 8, 1-3 9,
  // 1-6..10 10..14, 1-13 15.
  EXPECT_EQ(due(deadline_of("legality_review", "received",
                            {{"subject_kind", std::string("document")}, {"received_on", std::string("2024-12-20")}},
                            "document_review")),
            "2025-01-13");
  // A certificate valid until 2025-01-31 (in the Spring Festival week: a date, not a period).
  std::vector<std::pair<const char*, SqlValue>> card = {{"valid_until", std::string("2025-01-31")}};
  EXPECT_EQ(due(deadline_of("certificate", "valid", card, "expiry", "2024-10-01")), "2025-01-31");
  EXPECT_EQ(deadline_of("certificate", "valid", card, "expiry", "2024-10-01").state, DeadlineState::kRunning);
  EXPECT_EQ(deadline_of("certificate", "valid", card, "expiry", "2024-11-10").state, DeadlineState::kDueSoon);
  EXPECT_EQ(deadline_of("certificate", "valid", card, "expiry", "2025-02-01").state, DeadlineState::kOverdue);
  card.push_back({"renewed_on", std::string("2025-01-20")});
  EXPECT_EQ(deadline_of("certificate", "renewed", card, "expiry", "2025-02-01").state, DeadlineState::kMet);
  // Rectification due 2024-12-31, done 2025-01-02: late; still open on 2025-01-01: overdue.
  std::vector<std::pair<const char*, SqlValue>> problem = {{"deadline", std::string("2024-12-31")}};
  EXPECT_EQ(deadline_of("supervision_problem", "rectifying", problem, "rectification", "2025-01-01").state,
            DeadlineState::kOverdue);
  problem.push_back({"rectified_on", std::string("2025-01-02")});
  EXPECT_EQ(deadline_of("supervision_problem", "submitted", problem, "rectification", "2025-01-03").state,
            DeadlineState::kMetLate);
}

TEST(WorkflowDeadlines, ARegionsOwnPeriodReplacesTheNationalDefault) {
  const LedgerDeclaration& l = *find_ledger("normative_document");
  auto table = std::make_shared<RegionTimeLimits>();
  table->set(l, l.time_limits[1], 15, DayCount::kCalendarDays, "示例省行政规范性文件管理办法 第二十六条");
  install_region_time_limits(table);
  // Published 2025-01-03: day 15 is Sat 1-18 → Mon 1-20.
  Deadline d = deadline_of("normative_document", "published", {{"published_on", std::string("2025-01-03")}}, "filing");
  EXPECT_EQ(due(d), "2025-01-20");
  EXPECT_EQ(d.limit->days, 15);
  EXPECT_THAT(d.limit->source, HasSubstr("示例省行政规范性文件管理办法"));
  EXPECT_THAT(deadline_to_json(d).dump(), HasSubstr("全国默认"));
  install_region_time_limits(nullptr);
  EXPECT_EQ(
      due(deadline_of("normative_document", "published", {{"published_on", std::string("2025-01-03")}}, "filing")),
      "2025-02-05");
}

}  // namespace
}  // namespace fazhi

// The reconsideration and litigation workflows through the ledger service, on both backends:
// the law's order enforced with a reason, deemed acceptance, the one extension, suspension,
// the simplified procedure, and time limits around the 2024 National Day and the 2025 Spring
// Festival (RULES.md §1–3).
#include <gmock/gmock.h>

#include "ledger/deadline.h"
#include "ledger/ledger_rules.h"
#include "ledger_fixture.h"

namespace fazhi {
namespace {

using ::fazhi::testing::IsOk;

class ReconsiderationWorkflowTest : public testing::LedgerFixture {
 protected:
  const LedgerDeclaration& cases() { return *find_ledger("reconsideration"); }
  const LedgerDeclaration& lawsuits() { return *find_ledger("litigation"); }
  UserContext clerk() { return user(Role::kClerk, "370100.sfj"); }

  LedgerRecord receive(const std::string& received_on) {
    auto r = service_->create(clerk(), cases(),
                              {{"fields",
                                {{"case_number", "示政复〔2025〕" + std::to_string(++number_) + "号"},
                                 {"applicant", "张三"},
                                 {"respondent_org", "370102"},
                                 {"act_description", "责令停产停业决定"},
                                 {"received_on", received_on}}}});
    EXPECT_TRUE(r.has_value()) << r.error().full_message();
    return *r;
  }

  Result<LedgerRecord> step(const LedgerRecord& r, const std::string& name, nlohmann::json fields) {
    return service_->transition(clerk(), cases(), r.id, name, {{"version", r.version}, {"fields", std::move(fields)}});
  }

  const Deadline* deadline(const LedgerDeclaration& l, const LedgerRecord& r, const char* name, const char* today) {
    deadlines_ = compute_deadlines(l, r, parse_date(today).value());
    for (const auto& d : deadlines_)
      if (d.limit->name == name) return &d;
    return nullptr;
  }

  std::string field(const LedgerRecord& r, const char* name) { return sql_text(field_of(cases(), r, name)); }

  int number_ = 0;
  std::vector<Deadline> deadlines_;
};

TEST_P(ReconsiderationWorkflowTest, ReceivedTheFridayBeforeNationalDay2024) {
  LedgerRecord r = receive("2024-09-27");
  const Deadline* exam = deadline(cases(), r, "examination", "2024-09-30");
  ASSERT_NE(exam, nullptr);
  // Working days after 27 Sep: 29 Sep (an adjusted working Sunday), 30 Sep, then 8, 9, 10 Oct.
  EXPECT_EQ(exam->due->iso(), "2024-10-10");
  EXPECT_EQ(exam->state, DeadlineState::kRunning);
  EXPECT_EQ(deadline(cases(), r, "examination", "2024-10-11")->state, DeadlineState::kOverdue);
  // Accepted in time on 10 Oct: the 60-day hearing period ends on 9 Dec 2024 (a Monday).
  auto accepted = step(
      r, "accept", {{"examined_on", "2024-10-10"}, {"examination_outcome", "accepted"}, {"accepted_on", "2024-10-10"}});
  ASSERT_THAT(accepted, IsOk());
  EXPECT_EQ(field(*accepted, "deemed_accepted"), "");
  EXPECT_EQ(field(*accepted, "simplified"), "0");
  EXPECT_EQ(deadline(cases(), *accepted, "decision", "2024-10-11")->due->iso(), "2024-12-09");
}

TEST_P(ReconsiderationWorkflowTest, ReceivedDuringSpringFestival2025) {
  LedgerRecord r = receive("2025-01-29");
  // Working days after 29 Jan: 5, 6, 7 Feb, 8 Feb (an adjusted working Saturday), 10 Feb.
  EXPECT_EQ(deadline(cases(), r, "examination", "2025-01-30")->due->iso(), "2025-02-10");
  // Refusing after the period has ended is against the law's order: the application is
  // deemed accepted from 10 Feb.
  auto late_refusal = step(r, "reject",
                           {{"examined_on", "2025-02-11"},
                            {"examination_outcome", "not_accepted"},
                            {"not_accepted_reason", "不属于受理范围"}});
  ASSERT_FALSE(late_refusal.has_value());
  EXPECT_EQ(late_refusal.error().code, ErrorCode::kConflict);
  EXPECT_THAT(late_refusal.error().message(), ::testing::HasSubstr("视为受理"));
  EXPECT_THAT(late_refusal.error().message(), ::testing::HasSubstr("2025-02-10"));
  // Accepting late records the deemed acceptance from the period's last day.
  auto accepted = step(
      r, "accept", {{"examined_on", "2025-02-12"}, {"examination_outcome", "accepted"}, {"accepted_on", "2025-02-12"}});
  ASSERT_THAT(accepted, IsOk());
  EXPECT_EQ(field(*accepted, "deemed_accepted"), "1");
  EXPECT_EQ(field(*accepted, "accepted_on"), "2025-02-10");
  // 10 Feb + 60 days = 11 Apr 2025, a Friday.
  EXPECT_EQ(deadline(cases(), *accepted, "decision", "2025-02-12")->due->iso(), "2025-04-11");
}

TEST_P(ReconsiderationWorkflowTest, SupplementRestartsTheExaminationPeriod) {
  LedgerRecord r = receive("2025-03-03");
  auto asked =
      step(r, "request_supplement", {{"supplement_requested_on", "2025-03-05"}, {"supplement_items", "身份证明"}});
  ASSERT_THAT(asked, IsOk());
  EXPECT_EQ(deadline(cases(), *asked, "supplement_by_applicant", "2025-03-06")->due->iso(), "2025-03-19");
  auto completed = step(*asked, "supplement", {{"supplement_received_on", "2025-03-28"}});
  ASSERT_THAT(completed, IsOk());
  // Five working days from the completed materials: 31 Mar, 1, 2, 3 Apr, then 7 Apr (Qingming 4–6 Apr).
  EXPECT_EQ(deadline(cases(), *completed, "examination_after_supplement", "2025-03-31")->due->iso(), "2025-04-07");
  // Accepting on 7 Apr is in time, though long past five days from the first receipt.
  auto accepted =
      step(*completed, "accept",
           {{"examined_on", "2025-04-07"}, {"examination_outcome", "accepted"}, {"accepted_on", "2025-04-07"}});
  ASSERT_THAT(accepted, IsOk());
  EXPECT_EQ(field(*accepted, "deemed_accepted"), "");
}

TEST_P(ReconsiderationWorkflowTest, TheHearingPeriodIsExtendedOnceByAtMostThirtyDaysBeforeItEnds) {
  LedgerRecord r = receive("2025-06-03");
  auto a = step(r, "accept",
                {{"examined_on", "2025-06-04"}, {"examination_outcome", "accepted"}, {"accepted_on", "2025-06-04"}});
  ASSERT_THAT(a, IsOk());
  // 4 Jun + 60 days = 3 Aug, a Sunday: the period ends on Monday 4 Aug.
  EXPECT_EQ(deadline(cases(), *a, "decision", "2025-06-05")->due->iso(), "2025-08-04");
  auto too_long =
      step(*a, "extend",
           {{"extension_days", 31}, {"extension_approved_on", "2025-07-30"}, {"extension_notified_on", "2025-07-30"}});
  ASSERT_FALSE(too_long.has_value());
  EXPECT_EQ(too_long.error().field, "extension_days");
  auto too_late =
      step(*a, "extend",
           {{"extension_days", 30}, {"extension_approved_on", "2025-08-05"}, {"extension_notified_on", "2025-08-05"}});
  ASSERT_FALSE(too_late.has_value());
  EXPECT_EQ(too_late.error().code, ErrorCode::kConflict);
  auto extended =
      step(*a, "extend",
           {{"extension_days", 30}, {"extension_approved_on", "2025-07-30"}, {"extension_notified_on", "2025-07-31"}});
  ASSERT_THAT(extended, IsOk());
  // 30 more days from the original 60th day (3 Aug): 2 Sep, a Tuesday.
  EXPECT_EQ(deadline(cases(), *extended, "decision", "2025-08-05")->due->iso(), "2025-09-02");
  auto hearing = step(*extended, "start_hearing", {{"hearing_on", "2025-08-10"}});
  ASSERT_THAT(hearing, IsOk());
  auto twice =
      step(*hearing, "extend",
           {{"extension_days", 10}, {"extension_approved_on", "2025-08-20"}, {"extension_notified_on", "2025-08-20"}});
  ASSERT_FALSE(twice.has_value());
  EXPECT_THAT(twice.error().message(), ::testing::HasSubstr("只能延长一次"));
}

TEST_P(ReconsiderationWorkflowTest, SuspensionDoesNotCountAndConversionEndsTheSimplifiedProcedure) {
  LedgerRecord r = receive("2025-09-01");
  auto a = step(r, "accept_simplified",
                {{"examined_on", "2025-09-02"},
                 {"examination_outcome", "accepted"},
                 {"accepted_on", "2025-09-02"},
                 {"simplified", true}});
  ASSERT_THAT(a, IsOk());
  EXPECT_EQ(field(*a, "simplified"), "1");
  // 2 Sep + 30 days = 2 Oct, in the National Day holiday: the period ends on 9 Oct.
  EXPECT_EQ(deadline(cases(), *a, "decision_simplified", "2025-09-03")->due->iso(), "2025-10-09");
  auto no_date = step(*a, "convert_to_ordinary", {});
  ASSERT_FALSE(no_date.has_value());
  auto converted = step(*a, "convert_to_ordinary", {{"converted_on", "2025-09-10"}});
  ASSERT_THAT(converted, IsOk());
  EXPECT_EQ(field(*converted, "simplified"), "0");
  EXPECT_EQ(deadline(cases(), *converted, "decision_simplified", "2025-09-11"), nullptr);
  EXPECT_EQ(deadline(cases(), *converted, "decision", "2025-09-11")->due->iso(), "2025-11-03");  // 1 Nov is a Saturday
  auto suspended =
      step(*converted, "suspend", {{"suspended_on", "2025-09-15"}, {"suspension_reason", "申请人丧失参加能力"}});
  ASSERT_THAT(suspended, IsOk());
  EXPECT_EQ(deadline(cases(), *suspended, "decision", "2025-11-20"), nullptr);  // paused, never overdue
  auto resumed = step(*suspended, "resume", {{"resumed_on", "2025-10-15"}});
  ASSERT_THAT(resumed, IsOk());
  EXPECT_EQ(field(*resumed, "suspended_days"), "30");
  EXPECT_EQ(deadline(cases(), *resumed, "decision", "2025-10-16")->due->iso(), "2025-12-01");  // 1 Nov + 30
}

TEST_P(ReconsiderationWorkflowTest, ConclusionsTheLawDoesNotAllowAreRefused) {
  LedgerRecord r = receive("2025-04-01");
  auto a = step(r, "accept",
                {{"examined_on", "2025-04-02"}, {"examination_outcome", "accepted"}, {"accepted_on", "2025-04-02"}});
  ASSERT_THAT(a, IsOk());
  auto before_acceptance = step(
      *a, "conclude",
      {{"decision_kind", "maintained"}, {"concluded_on", "2025-03-30"}, {"decision_number", "示政复决〔2025〕1号"}});
  ASSERT_FALSE(before_acceptance.has_value());
  EXPECT_EQ(before_acceptance.error().field, "concluded_on");
  auto mediated = step(*a, "conclude", {{"decision_kind", "mediated"}, {"concluded_on", "2025-05-10"}});
  ASSERT_FALSE(mediated.has_value());
  EXPECT_THAT(mediated.error().message(), ::testing::HasSubstr("调解"));
  auto terminated = step(*a, "conclude", {{"decision_kind", "terminated"}, {"concluded_on", "2025-05-10"}});
  ASSERT_FALSE(terminated.has_value());
  EXPECT_EQ(terminated.error().field, "termination_reason");
  auto no_number = step(*a, "conclude", {{"decision_kind", "revoked"}, {"concluded_on", "2025-05-10"}});
  ASSERT_FALSE(no_number.has_value());
  EXPECT_EQ(no_number.error().field, "decision_number");
  auto skipped = step(r, "start_hearing", {{"hearing_on", "2025-04-10"}});
  ASSERT_FALSE(skipped.has_value());  // a received application cannot go to a hearing
  auto done =
      step(*a, "conclude",
           {{"decision_kind", "revoked"}, {"concluded_on", "2025-05-10"}, {"decision_number", "示政复决〔2025〕2号"}});
  ASSERT_THAT(done, IsOk());
  EXPECT_EQ(deadline(cases(), *done, "decision", "2025-12-31")->state, DeadlineState::kMet);
}

TEST_P(ReconsiderationWorkflowTest, RespondentOrganSeesTheCasesAgainstIt) {
  receive("2025-05-06");
  auto respondent = service_->list(user(Role::kReader, "370102"), cases(), {});
  ASSERT_THAT(respondent, IsOk());
  EXPECT_EQ(respondent->total, 1);
  auto other = service_->list(user(Role::kReader, "370102.sfj"), cases(), {});
  ASSERT_THAT(other, IsOk());
  EXPECT_EQ(other->total, 0);
}

TEST_P(ReconsiderationWorkflowTest, LawsuitsAreLinkedAcrossInstancesAndTheHeadsAbsenceIsExplained) {
  auto create = [&](nlohmann::json fields) {
    return service_->create(clerk(), lawsuits(), {{"fields", std::move(fields)}});
  };
  auto first = create({{"case_number", "（2025）示0102行初1号"},
                       {"instance", "first"},
                       {"plaintiff", "李四"},
                       {"filed_on", "2025-03-03"},
                       {"complaint_served_on", "2025-03-07"}});
  ASSERT_THAT(first, IsOk());
  // 7 Mar + 15 days = 22 Mar, a Saturday: the defence is due on Monday 24 Mar.
  EXPECT_EQ(deadline(lawsuits(), *first, "defence", "2025-03-10")->due->iso(), "2025-03-24");
  auto unlinked = create({{"case_number", "（2025）示01行终1号"},
                          {"instance", "second"},
                          {"plaintiff", "李四"},
                          {"filed_on", "2025-07-01"}});
  ASSERT_FALSE(unlinked.has_value());
  EXPECT_EQ(unlinked.error().field, "previous_instance");
  auto absent = service_->transition(
      clerk(), lawsuits(), first->id, "hold_hearing",
      {{"version", first->version},
       {"fields", {{"hearing_on", "2025-04-15"}, {"head_notified", true}, {"head_appeared", "not_appeared"}}}});
  ASSERT_FALSE(absent.has_value());
  EXPECT_EQ(absent.error().field, "absence_reason");
  auto heard = service_->transition(
      clerk(), lawsuits(), first->id, "hold_hearing",
      {{"version", first->version},
       {"fields", {{"hearing_on", "2025-04-15"}, {"head_notified", true}, {"head_appeared", "deputy"}}}});
  ASSERT_THAT(heard, IsOk());
  auto lost_without_kind = service_->transition(
      clerk(), lawsuits(), first->id, "conclude",
      {{"version", heard->version}, {"fields", {{"concluded_on", "2025-06-01"}, {"outcome", "lost"}}}});
  ASSERT_FALSE(lost_without_kind.has_value());
  EXPECT_EQ(lost_without_kind.error().field, "judgement_kind");
  auto lost = service_->transition(
      clerk(), lawsuits(), first->id, "conclude",
      {{"version", heard->version},
       {"fields", {{"concluded_on", "2025-06-01"}, {"outcome", "lost"}, {"judgement_kind", "revoked"}}}});
  ASSERT_THAT(lost, IsOk());
  auto early_appeal = create({{"case_number", "（2025）示01行终1号"},
                              {"instance", "second"},
                              {"plaintiff", "李四"},
                              {"previous_instance", first->id},
                              {"filed_on", "2025-05-20"}});
  ASSERT_FALSE(early_appeal.has_value());
  EXPECT_EQ(early_appeal.error().code, ErrorCode::kConflict);
  auto appeal = create({{"case_number", "（2025）示01行终1号"},
                        {"instance", "second"},
                        {"plaintiff", "示例市司法局"},
                        {"previous_instance", first->id},
                        {"filed_on", "2025-06-20"}});
  ASSERT_THAT(appeal, IsOk());
  auto retrial_of_retrial_path = create({{"case_number", "（2025）示行再1号"},
                                         {"instance", "second"},
                                         {"plaintiff", "李四"},
                                         {"previous_instance", appeal->id},
                                         {"filed_on", "2025-09-01"}});
  ASSERT_FALSE(retrial_of_retrial_path.has_value());  // a second instance follows a first
}

INSTANTIATE_TEST_SUITE_P(Backends, ReconsiderationWorkflowTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi

// Each ledger's own workflow rules through the service, on both storage backends: the happy
// path of each workflow and every step the rules refuse, with the reason the clerk reads.
#include <gmock/gmock.h>

#include "harness/result_matchers.h"
#include "ledger/audit_verification.h"
#include "ledger/deadline.h"
#include "ledger/ledger_rules.h"
#include "ledger/region_time_limits.h"
#include "ledger_fixture.h"

namespace fazhi {
namespace {

using testing::ErrorIs;
using ::testing::HasSubstr;
using testing::IsOk;

class WorkflowRulesTest : public testing::LedgerFixture {
 protected:
  void TearDown() override { install_region_time_limits(nullptr); }

  static const LedgerDeclaration& ledger(const char* name) { return *find_ledger(name); }
  static UserContext system() { return UserContext::system_context(); }

  // Creates a record of `name` owned by 甲区司法局; fails the test when refused.
  LedgerRecord create(const char* name, nlohmann::json fields, const std::string& org = "370102.sfj") {
    auto r = service_->create(system(), ledger(name), {{"org_code", org}, {"fields", std::move(fields)}});
    EXPECT_THAT(r, IsOk());
    return r ? *r : LedgerRecord{};
  }
  Result<LedgerRecord> step(const char* name, std::int64_t id, const char* transition, nlohmann::json fields = {}) {
    return service_->transition(system(), ledger(name), id, transition,
                                {{"fields", fields.is_null() ? nlohmann::json::object() : fields}});
  }
  static std::string value(const char* name, const LedgerRecord& r, const char* field) {
    return sql_text(field_of(ledger(name), r, field));
  }
};

TEST_P(WorkflowRulesTest, MajorEnforcementDecisionNeedsItsLegalReview) {
  LedgerRecord c = create("enforcement_case", {{"kind", "penalty"},
                                               {"party", "示例市某食品有限公司"},
                                               {"case_number", "示市监罚〔2025〕12号"},
                                               {"opened_on", "2025-03-03"},
                                               {"is_major", true}});
  EXPECT_THAT(
      step("enforcement_case", c.id, "decide", {{"decided_on", "2025-04-01"}, {"decision_result", "penalised"}}),
      ErrorIs(ErrorCode::kConflict,
              "执法案件「示市监罚〔2025〕12号」, 办理「作出决定」: "
              "重大执法决定未经法制审核，不能作出决定（《行政处罚法》第五十八条）"));
  EXPECT_THAT(
      step("enforcement_case", c.id, "legal_review",
           {{"legal_review_on", "2025-03-01"}, {"legal_review_opinion", "approved"}}),
      ErrorIs(ErrorCode::kInvalidInput, HasSubstr("「法制审核日期」（2025-03-01）不能早于「立案日期」（2025-03-03）")));
  ASSERT_THAT(step("enforcement_case", c.id, "legal_review",
                   {{"legal_review_on", "2025-03-20"}, {"legal_review_opinion", "disapproved"}}),
              IsOk());
  EXPECT_THAT(
      step("enforcement_case", c.id, "decide", {{"decided_on", "2025-04-01"}, {"decision_result", "penalised"}}),
      ErrorIs(ErrorCode::kConflict, HasSubstr("法制审核意见为「不同意」")));
  auto fixed = service_->update(system(), ledger("enforcement_case"), c.id,
                                {{"fields", {{"legal_review_opinion", "approved_with_changes"}}}});
  ASSERT_THAT(fixed, IsOk());
  auto decided =
      step("enforcement_case", c.id, "decide", {{"decided_on", "2025-04-01"}, {"decision_result", "penalised"}});
  ASSERT_THAT(decided, IsOk());
  EXPECT_EQ(decided->state, "decided");
  // A case that is not major is decided without one.
  LedgerRecord minor =
      create("enforcement_case", {{"kind", "licensing"}, {"party", "某个体户"}, {"opened_on", "2025-03-03"}});
  EXPECT_THAT(step("enforcement_case", minor.id, "decide",
                   {{"decided_on", "2025-03-05"}, {"decision_result", "licence_granted"}}),
              IsOk());
}

TEST_P(WorkflowRulesTest, AFirstLegalReviewerNeedsTheLegalQualification) {
  LedgerRecord novice = create("people", {{"name", "赵审核"}});
  create("officer", {{"person", novice.id}, {"legal_qualification", false}});
  LedgerRecord lawyer = create("people", {{"name", "钱审核"}});
  create("officer", {{"person", lawyer.id}, {"legal_qualification", true}});
  LedgerRecord c = create("enforcement_case",
                          {{"kind", "penalty"}, {"party", "某公司"}, {"opened_on", "2025-03-03"}, {"is_major", true}});
  EXPECT_THAT(
      step("enforcement_case", c.id, "legal_review",
           {{"legal_review_on", "2025-03-20"}, {"legal_review_opinion", "approved"}, {"legal_reviewer", novice.id}}),
      ErrorIs(ErrorCode::kInvalidInput,
              HasSubstr("初次从事法制审核的人员应当通过国家统一法律职业资格考试取得法律职业资格")));
  EXPECT_THAT(
      step("enforcement_case", c.id, "legal_review",
           {{"legal_review_on", "2025-03-20"}, {"legal_review_opinion", "approved"}, {"legal_reviewer", lawyer.id}}),
      IsOk());
}

TEST_P(WorkflowRulesTest, AnExemptionCitesAListEntryInForce) {
  LedgerRecord entry = create("exemption_list", {{"list_name", "市场监管领域轻微违法行为免罚清单"},
                                                 {"offence", "未按规定公示营业执照且及时改正"},
                                                 {"exemption_kind", "first_offence"},
                                                 {"in_force", true}});
  LedgerRecord old = create(
      "exemption_list",
      {{"list_name", "旧清单"}, {"offence", "店招标牌设置不规范"}, {"exemption_kind", "minor"}, {"in_force", false}});
  nlohmann::json base = {{"kind", "penalty"}, {"party", "某商店"}, {"opened_on", "2025-05-06"}};
  nlohmann::json cited = base;
  cited["exemption_entry"] = entry.id;
  LedgerRecord c = create("enforcement_case", cited);
  EXPECT_EQ(value("enforcement_case", c, "exempted"), "1");  // derived from the citation
  nlohmann::json fined = cited;
  fined["fine_amount"] = "500";
  EXPECT_THAT(service_->create(system(), ledger("enforcement_case"), {{"fields", fined}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("适用免罚清单的案件不能有罚没金额")));
  nlohmann::json stale = base;
  stale["exemption_entry"] = old.id;
  EXPECT_THAT(service_->create(system(), ledger("enforcement_case"), {{"fields", stale}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("所引免罚清单事项「店招标牌设置不规范」已失效")));
  nlohmann::json uncited = base;
  uncited["exempted"] = true;
  EXPECT_THAT(service_->create(system(), ledger("enforcement_case"), {{"fields", uncited}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("免予处罚须注明适用的免罚清单事项")));
  EXPECT_THAT(
      step("enforcement_case", c.id, "decide", {{"decided_on", "2025-05-08"}, {"decision_result", "penalised"}}),
      ErrorIs(ErrorCode::kInvalidInput, HasSubstr("处理结果应为「不予处罚」")));
  EXPECT_THAT(
      step("enforcement_case", c.id, "decide", {{"decided_on", "2025-05-08"}, {"decision_result", "not_penalised"}}),
      IsOk());
}

TEST_P(WorkflowRulesTest, CertificatesAndCriminalTransfers) {
  LedgerRecord person = create("people", {{"name", "张执法"}});
  LedgerRecord officer = create("officer", {{"person", person.id}});
  LedgerRecord card = create("certificate", {{"certificate_number", "37990100001"},
                                             {"officer", officer.id},
                                             {"issued_on", "2024-03-01"},
                                             {"valid_until", "2099-02-28"}});
  EXPECT_THAT(step("certificate", card.id, "expire"),
              ErrorIs(ErrorCode::kConflict, HasSubstr("证件有效期至2099-02-28，尚未届满，不能登记到期失效")));
  EXPECT_THAT(
      step("certificate", card.id, "suspend", {{"suspended_on", "2024-01-01"}, {"withdrawal_reason", "涉嫌违纪"}}),
      ErrorIs(ErrorCode::kInvalidInput, HasSubstr("「暂扣日期」（2024-01-01）不能早于「发证日期」（2024-03-01）")));
  ASSERT_THAT(
      step("certificate", card.id, "suspend", {{"suspended_on", "2024-06-01"}, {"withdrawal_reason", "涉嫌违纪"}}),
      IsOk());
  ASSERT_THAT(step("certificate", card.id, "reinstate", {{"reinstated_on", "2024-07-01"}}), IsOk());
  auto renewed = step("certificate", card.id, "renew", {{"renewed_on", "2029-01-15"}});
  ASSERT_THAT(renewed, IsOk());
  EXPECT_EQ(renewed->state, "renewed");
  EXPECT_THAT(
      service_->create(system(), ledger("certificate"),
                       {{"fields",
                         {{"certificate_number", "37990100002"},
                          {"officer", officer.id},
                          {"issued_on", "2024-03-01"},
                          {"valid_until", "2024-03-01"}}}}),
      ErrorIs(ErrorCode::kInvalidInput, HasSubstr("「有效期至」（2024-03-01）应晚于「发证日期」（2024-03-01）")));

  LedgerRecord t =
      create("criminal_transfer", {{"case_name", "涉嫌生产销售伪劣产品案"}, {"transferred_on", "2025-06-03"}});
  EXPECT_THAT(step("criminal_transfer", t.id, "record_answer",
                   {{"police_response", "filed"}, {"police_response_on", "2025-06-01"}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("不能早于「移送日期」")));
  ASSERT_THAT(step("criminal_transfer", t.id, "record_answer",
                   {{"police_response", "filed"}, {"police_response_on", "2025-06-05"}}),
              IsOk());
  EXPECT_THAT(step("criminal_transfer", t.id, "close_followup",
                   {{"followup", "公安机关已立案侦查，行政机关配合移交证据"}, {"followed_up_on", "2025-08-01"}}),
              IsOk());
}

TEST_P(WorkflowRulesTest, CaseFileReviewScoresAndTurnsProblemsIntoRectifications) {
  LedgerRecord body =
      create("enforcement_body", {{"name", "甲区司法局"}, {"body_kind", "statutory"}, {"organization", "370102.sfj"}});
  LedgerRecord reviewer = create("people", {{"name", "李评查"}}, "370100.sfj");
  LedgerRecord r = create("case_file_review",
                          {{"file_number", "甲司罚〔2025〕3号"},
                           {"enforcement_body", body.id},
                           {"deductions", "B2 2 证据材料未逐页编号\nD2 3 未告知听证权利"}},
                          "370100.sfj");
  EXPECT_EQ(value("case_file_review", r, "score"), "");  // not scored before the step
  EXPECT_THAT(service_->update(system(), ledger("case_file_review"), r.id,
                               {{"fields", {{"deductions", "B2 2 证据未编页\nQ1 1 不存在的条目"}}}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("扣分明细第2行：评分标准中没有条目「Q1」")));
  auto scored = step("case_file_review", r.id, "score", {{"reviewed_on", "2025-09-10"}, {"reviewer", reviewer.id}});
  ASSERT_THAT(scored, IsOk());
  EXPECT_EQ(value("case_file_review", *scored, "score"), "95");  // 100 - 2 - 3
  EXPECT_EQ(value("case_file_review", *scored, "grade"), "excellent");
  EXPECT_EQ(value("case_file_review", *scored, "problem_count"), "2");
  EXPECT_THAT(step("case_file_review", r.id, "conclude", {{"concluded_on", "2025-09-12"}}),
              ErrorIs(ErrorCode::kConflict, HasSubstr("评查发现2个问题，须先下达整改")));
  ASSERT_THAT(step("case_file_review", r.id, "assign_rectification",
                   {{"rectification_assigned_on", "2025-09-15"}, {"rectification_due_on", "2025-10-31"}}),
              IsOk());
  ListQuery q;
  q.filters.push_back({"case_file_review", "eq", std::to_string(r.id)});
  auto problems = service_->list(system(), ledger("supervision_problem"), q);
  ASSERT_THAT(problems, IsOk());
  ASSERT_EQ(problems->total, 2);
  for (const LedgerRecord& p : problems->records) {
    EXPECT_EQ(value("supervision_problem", p, "responsible_org"), "370102.sfj");
    EXPECT_EQ(value("supervision_problem", p, "deadline"), "2025-10-31");
    EXPECT_EQ(value("supervision_problem", p, "source"), "case_file_review");
    EXPECT_EQ(p.org_code, "370100.sfj");
  }
  EXPECT_THAT(value("supervision_problem", problems->records.back(), "title"), HasSubstr("案卷「甲司罚〔2025〕3号」"));
  EXPECT_THAT(step("case_file_review", r.id, "conclude", {{"concluded_on", "2025-11-03"}}),
              ErrorIs(ErrorCode::kConflict, HasSubstr("尚有2个整改问题未销号")));
  for (const LedgerRecord& p : problems->records) {
    ASSERT_THAT(step("supervision_problem", p.id, "submit", {{"rectified_on", "2025-10-20"}}), IsOk());
    ASSERT_THAT(step("supervision_problem", p.id, "sign_off", {{"signed_off_on", "2025-10-28"}}), IsOk());
  }
  EXPECT_THAT(step("case_file_review", r.id, "conclude", {{"concluded_on", "2025-11-03"}}), IsOk());
  // A sampled file cites a draw of case files, not of inspection targets.
  LedgerRecord targets = create("draw", {{"draw_number", "CQ-2025-009"},
                                         {"draw_kind", "targets"},
                                         {"drawn_at", "2025-03-03T09:30:00"},
                                         {"plan_hash", std::string(64, 'b')}});
  EXPECT_THAT(service_->create(system(), ledger("case_file_review"),
                               {{"fields", {{"file_number", "甲司罚〔2025〕5号"}, {"draw", targets.id}}}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("所引抽取记录「CQ-2025-009」不是评查案卷的抽取")));
  // A file without problems needs no rectification.
  LedgerRecord clean = create("case_file_review", {{"file_number", "甲司罚〔2025〕4号"}}, "370100.sfj");
  ASSERT_THAT(step("case_file_review", clean.id, "score", {{"reviewed_on", "2025-09-10"}, {"reviewer", reviewer.id}}),
              IsOk());
  EXPECT_THAT(step("case_file_review", clean.id, "assign_rectification",
                   {{"rectification_assigned_on", "2025-09-15"}, {"rectification_due_on", "2025-10-31"}}),
              ErrorIs(ErrorCode::kConflict, HasSubstr("未发现问题，无需下达整改")));
  // Every write, the generated problems included, is in the audit log.
  auto v = verify_audit(*store_);
  ASSERT_THAT(v, IsOk());
  EXPECT_TRUE(v->intact) << (v->problems.empty() ? "" : v->problems[0]);
}

TEST_P(WorkflowRulesTest, NormativeDocumentFromDraftToFilingWithComputedTimeliness) {
  LedgerRecord d =
      create("normative_document", {{"title", "示例市甲区农村集体资产管理办法"}, {"drafted_on", "2024-11-01"}});
  ASSERT_THAT(step("normative_document", d.id, "submit_for_review", {{"submitted_for_review_on", "2024-11-20"}}),
              IsOk());
  EXPECT_THAT(step("normative_document", d.id, "pass_review",
                   {{"legality_reviewed_on", "2024-12-02"}, {"legality_review_opinion", "disapproved"}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("应当退回起草单位修改")));
  ASSERT_THAT(step("normative_document", d.id, "pass_review",
                   {{"legality_reviewed_on", "2024-12-02"}, {"legality_review_opinion", "approved"}}),
              IsOk());
  EXPECT_THAT(
      step("normative_document", d.id, "discuss", {{"discussed_on", "2024-11-30"}}),
      ErrorIs(ErrorCode::kInvalidInput, HasSubstr("「集体审议日期」（2024-11-30）不能早于「合法性审核完成日期」")));
  ASSERT_THAT(step("normative_document", d.id, "discuss", {{"discussed_on", "2024-12-20"}}), IsOk());
  auto published = step("normative_document", d.id, "publish", {{"published_on", "2025-01-03"}});
  ASSERT_THAT(published, IsOk());
  EXPECT_EQ(value("normative_document", *published, "registration_number"), "370102.sfj-2025-001");
  // Due 2025-02-05 (day 30 in the Spring Festival): filed that day is on time.
  auto filed = step("normative_document", d.id, "file", {{"filed_on", "2025-02-05"}});
  ASSERT_THAT(filed, IsOk());
  EXPECT_EQ(value("normative_document", *filed, "filing_timely"), "1");
  auto late =
      service_->update(system(), ledger("normative_document"), d.id, {{"fields", {{"filed_on", "2025-02-06"}}}});
  ASSERT_THAT(late, IsOk());
  EXPECT_EQ(value("normative_document", *late, "filing_timely"), "0");
  // A typed timeliness is overwritten by the computed one.
  auto typed = service_->update(system(), ledger("normative_document"), d.id, {{"fields", {{"filing_timely", true}}}});
  ASSERT_THAT(typed, IsOk());
  EXPECT_EQ(value("normative_document", *typed, "filing_timely"), "0");
  // The next document of the organisation that year gets the next number.
  LedgerRecord second = create("normative_document", {{"title", "第二件"}});
  for (auto [t, f] : std::vector<std::pair<const char*, nlohmann::json>>{
           {"submit_for_review", {{"submitted_for_review_on", "2025-03-03"}}},
           {"pass_review", {{"legality_reviewed_on", "2025-03-10"}, {"legality_review_opinion", "approved"}}},
           {"discuss", {{"discussed_on", "2025-03-20"}}}})
    ASSERT_THAT(step("normative_document", second.id, t, f), IsOk());
  auto p2 = step("normative_document", second.id, "publish", {{"published_on", "2025-04-01"}});
  ASSERT_THAT(p2, IsOk());
  EXPECT_EQ(value("normative_document", *p2, "registration_number"), "370102.sfj-2025-002");
}

TEST_P(WorkflowRulesTest, MajorDecisionIsNotDecidedWhileAProcedureIsMissing) {
  LedgerRecord d = create("major_decision", {{"title", "中心城区停车收费调整"},
                                             {"comment_period_days", 20},
                                             {"comment_shortened_reason", "价格调整窗口期紧迫"}});
  EXPECT_THAT(
      service_->update(system(), ledger("major_decision"), d.id, {{"fields", {{"comment_shortened_reason", nullptr}}}}),
      ErrorIs(ErrorCode::kInvalidInput, HasSubstr("征求意见期限20日少于30日，须写明缩短理由")));
  nlohmann::json decide = {
      {"legality_review_on", "2025-05-20"}, {"collective_decision_on", "2025-06-03"}, {"decision_outcome", "approved"}};
  EXPECT_THAT(
      step("major_decision", d.id, "decide", decide),
      ErrorIs(ErrorCode::kConflict, HasSubstr("尚未履行法定程序「公众参与」（第十四条）、「专家论证」（第十九条）、"
                                              "「风险评估」（第二十二条），不能作出决定")));
  ASSERT_THAT(service_->update(system(), ledger("major_decision"), d.id,
                               {{"fields",
                                 {{"public_participation_on", "2025-04-30"},
                                  {"expert_review_on", "2025-05-10"},
                                  {"risk_assessment_na_reason", "经研判不涉及社会稳定风险"}}}}),
              IsOk());
  nlohmann::json early = decide;
  early["collective_decision_on"] = "2025-05-19";
  EXPECT_THAT(
      step("major_decision", d.id, "decide", early),
      ErrorIs(ErrorCode::kInvalidInput, HasSubstr("「集体讨论决定日期」（2025-05-19）不能早于「合法性审查完成日期」")));
  ASSERT_THAT(step("major_decision", d.id, "decide", decide), IsOk());
  ASSERT_THAT(step("major_decision", d.id, "publish", {{"published_on", "2025-06-10"}}), IsOk());
  EXPECT_THAT(step("major_decision", d.id, "evaluate",
                   {{"post_evaluation_on", "2027-06-01"}, {"post_evaluation_conclusion", "continue"}}),
              IsOk());
  LedgerRecord rejected = create("major_decision", {{"title", "被否决的事项"},
                                                    {"public_participation_na_reason", "依法不予公开"},
                                                    {"expert_review_na_reason", "不涉及专业技术问题"},
                                                    {"risk_assessment_na_reason", "不涉及社会稳定风险"}});
  ASSERT_THAT(step("major_decision", rejected.id, "decide",
                   {{"legality_review_on", "2025-05-20"},
                    {"collective_decision_on", "2025-06-03"},
                    {"decision_outcome", "rejected"}}),
              IsOk());
  EXPECT_THAT(step("major_decision", rejected.id, "publish", {{"published_on", "2025-06-10"}}),
              ErrorIs(ErrorCode::kConflict, HasSubstr("不能公布执行")));
}

TEST_P(WorkflowRulesTest, ContractsAndLegalityReviews) {
  LedgerRecord c = create("government_contract", {{"name", "物业管理服务采购合同"}});
  ASSERT_THAT(step("government_contract", c.id, "submit_for_review", {{"submitted_for_review_on", "2025-02-10"}}),
              IsOk());
  ASSERT_THAT(step("government_contract", c.id, "complete_review",
                   {{"reviewed_on", "2025-02-14"}, {"review_opinion", "disapproved"}}),
              IsOk());
  EXPECT_THAT(step("government_contract", c.id, "sign", {{"signed_on", "2025-02-20"}}),
              ErrorIs(ErrorCode::kConflict, HasSubstr("不同意签订")));
  ASSERT_THAT(step("government_contract", c.id, "resubmit", {{"submitted_for_review_on", "2025-02-21"}}), IsOk());
  ASSERT_THAT(step("government_contract", c.id, "complete_review",
                   {{"reviewed_on", "2025-02-26"}, {"review_opinion", "approved_with_changes"}}),
              IsOk());
  EXPECT_THAT(step("government_contract", c.id, "sign", {{"signed_on", "2025-02-28"}}), IsOk());
  EXPECT_THAT(service_->update(system(), ledger("government_contract"), c.id, {{"fields", {{"amended", true}}}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("合同已变更的，须填写变更日期")));
  EXPECT_THAT(service_->update(system(), ledger("government_contract"), c.id,
                               {{"fields", {{"amendment_reviewed_on", "2025-06-10"}, {"amended_on", "2025-06-01"}}}}),
              ErrorIs(ErrorCode::kInvalidInput,
                      HasSubstr("「变更日期」（2025-06-01）不能早于「变更合法性审查日期」（2025-06-10）")));
  auto amended =
      service_->update(system(), ledger("government_contract"), c.id,
                       {{"fields", {{"amendment_reviewed_on", "2025-06-10"}, {"amended_on", "2025-06-20"}}}});
  ASSERT_THAT(amended, IsOk());
  EXPECT_EQ(value("government_contract", *amended, "amended"), "1");

  // Received Fri 2024-09-27, opinion Thu 10-10: 9-29 (adjusted Sunday), 9-30, 10-8, 10-9, 10-10.
  LedgerRecord r =
      create("legality_review",
             {{"subject", "常务会议议题合法性审查"}, {"subject_kind", "meeting_topic"}, {"received_on", "2024-09-27"}});
  auto done = step("legality_review", r.id, "issue_opinion", {{"opinion_on", "2024-10-10"}, {"opinion", "approved"}});
  ASSERT_THAT(done, IsOk());
  EXPECT_EQ(value("legality_review", *done, "days_taken"), "5");
  EXPECT_THAT(service_->create(system(), ledger("legality_review"),
                               {{"fields",
                                 {{"subject", "x"},
                                  {"subject_kind", "contract"},
                                  {"received_on", "2024-09-27"},
                                  {"opinion_on", "2024-09-26"}}}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("不能早于「收到送审日期」")));
}

TEST_P(WorkflowRulesTest, DisputesMediationAndJudicialConfirmation) {
  LedgerRecord d = create("dispute", {{"subject", "相邻通行纠纷"}, {"found_on", "2025-03-01"}});
  ASSERT_THAT(
      step("dispute", d.id, "resolve", {{"resolved_on", "2025-03-10"}, {"resolution", "administrative_mediation"}}),
      IsOk());
  EXPECT_THAT(step("dispute", d.id, "confirm", {{"confirmed_on", "2025-03-20"}}),
              ErrorIs(ErrorCode::kConflict, HasSubstr("只有经人民调解达成的调解协议可以申请司法确认")));
  LedgerRecord m = create("mediation", {{"subject", "婚姻家庭纠纷"}, {"accepted_on", "2025-01-20"}});
  EXPECT_THAT(step("mediation", m.id, "succeed",
                   {{"concluded_on", "2025-01-24"}, {"outcome", "failed"}, {"agreement_kind", "written"}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("调解结果应为「调解成功」")));
  ASSERT_THAT(step("mediation", m.id, "succeed",
                   {{"concluded_on", "2025-01-24"},
                    {"outcome", "succeeded"},
                    {"agreement_kind", "written"},
                    {"agreement_on", "2025-01-24"}}),
              IsOk());
  // 30 days from 2025-01-24: day 30 is Sun 2-23 → Mon 2-24.
  EXPECT_THAT(
      service_->update(system(), ledger("mediation"), m.id, {{"fields", {{"confirmation_applied_on", "2025-02-25"}}}}),
      ErrorIs(ErrorCode::kInvalidInput, HasSubstr("已超过「协议生效日期」（2025-01-24）后30日的期限（截至2025-02-24")));
  ASSERT_THAT(
      service_->update(system(), ledger("mediation"), m.id, {{"fields", {{"confirmation_applied_on", "2025-02-24"}}}}),
      IsOk());
  LedgerRecord failed = create("mediation", {{"subject", "劳务费纠纷"}, {"accepted_on", "2025-01-20"}});
  EXPECT_THAT(step("mediation", failed.id, "fail",
                   {{"concluded_on", "2025-02-10"}, {"outcome", "failed"}, {"confirmation_applied_on", "2025-02-11"}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("未达成调解协议的，不能申请司法确认")));
  EXPECT_THAT(step("mediation", failed.id, "fail", {{"concluded_on", "2025-02-10"}, {"outcome", "failed"}}), IsOk());
}

TEST_P(WorkflowRulesTest, PetitionsKeepTheirPeriods) {
  LedgerRecord p = create("petition", {{"petitioner", "王某"}, {"received_on", "2025-03-03"}});
  EXPECT_THAT(
      step("petition", p.id, "accept",
           {{"acceptance", "transferred"}, {"accepted_on", "2025-03-10"}, {"acceptance_notified_on", "2025-03-10"}}),
      ErrorIs(ErrorCode::kInvalidInput, HasSubstr("受理情况与所办理的步骤不一致")));
  ASSERT_THAT(
      step("petition", p.id, "accept",
           {{"acceptance", "accepted"}, {"accepted_on", "2025-03-10"}, {"acceptance_notified_on", "2025-03-10"}}),
      IsOk());
  // 60 days from 2025-03-10 end on Fri 5-9: an extension approved on 5-12 comes too late.
  EXPECT_THAT(step("petition", p.id, "extend", {{"extension_days", 30}, {"extension_approved_on", "2025-05-12"}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("延期须在60日办理期限届满前批准")));
  ASSERT_THAT(step("petition", p.id, "extend", {{"extension_days", 30}, {"extension_approved_on", "2025-05-06"}}),
              IsOk());
  ASSERT_THAT(step("petition", p.id, "reply", {{"replied_on", "2025-06-03"}}), IsOk());
  // 30 days from 6-3 end on Thu 7-3.
  EXPECT_THAT(step("petition", p.id, "request_review", {{"review_requested_on", "2025-07-04"}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("信访工作条例 第三十五条")));
  ASSERT_THAT(step("petition", p.id, "request_review", {{"review_requested_on", "2025-07-03"}}), IsOk());
}

TEST_P(WorkflowRulesTest, SupervisionProblemsEscalateOnlyWhenOverdueAndCloseWithTheirMeasures) {
  LedgerRecord p = create("supervision_problem",
                          {{"title", "规范性文件未按期报备"},
                           {"source", "supervision"},
                           {"found_on", "2025-04-01"},
                           {"responsible_org", "370102.sfj"},
                           {"deadline", "2025-06-30"}},
                          "370100.sfj");
  EXPECT_THAT(step("supervision_problem", p.id, "escalate", {{"escalated_on", "2025-06-30"}}),
              ErrorIs(ErrorCode::kConflict, HasSubstr("整改期限（2025-06-30）尚未届满，不能按逾期报告协调机构")));
  auto escalated = step("supervision_problem", p.id, "escalate", {{"escalated_on", "2025-07-01"}});
  ASSERT_THAT(escalated, IsOk());
  EXPECT_EQ(escalated->state, "rectifying");
  create("rectification", {{"problem", p.id}, {"measure", "补报备案并建立台账"}, {"due_on", "2025-07-15"}},
         "370102.sfj");
  ASSERT_THAT(step("supervision_problem", p.id, "submit", {{"rectified_on", "2025-07-10"}}), IsOk());
  EXPECT_THAT(step("supervision_problem", p.id, "sign_off", {{"signed_off_on", "2025-07-20"}}),
              ErrorIs(ErrorCode::kConflict, HasSubstr("尚有1项整改措施未验收，不能销号")));
}

TEST_P(WorkflowRulesTest, RandomInspectionPlansAndResults) {
  EXPECT_THAT(service_->create(system(), ledger("inspection_plan"),
                               {{"fields", {{"plan_name", "文化市场联合抽查"}, {"year", 2025}, {"joint", true}}}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("跨部门联合抽查须填写参与部门")));
  LedgerRecord plan = create("inspection_plan", {{"plan_name", "文化市场联合抽查"},
                                                 {"year", 2025},
                                                 {"joint", true},
                                                 {"partner_orgs", "文化和旅游局、市场监督管理局"}});
  EXPECT_THAT(step("inspection_plan", plan.id, "record_draw"),
              ErrorIs(ErrorCode::kConflict, HasSubstr("本计划还没有抽取记录")));
  create("draw", {{"draw_number", "CQ-2025-001"},
                  {"draw_kind", "targets"},
                  {"plan", plan.id},
                  {"drawn_at", "2025-03-03T09:30:00"},
                  {"plan_hash", std::string(64, 'a')}});
  ASSERT_THAT(step("inspection_plan", plan.id, "record_draw"), IsOk());
  LedgerRecord target = create("inspection_target", {{"name", "示例市某网吧"}});
  // Finished Mon 2024-12-16: 20 working days end on 2025-01-14.
  LedgerRecord on_time =
      create("inspection_result",
             {{"plan", plan.id}, {"target", target.id}, {"finished_on", "2024-12-16"}, {"disclosed_on", "2025-01-14"}});
  EXPECT_EQ(value("inspection_result", on_time, "disclosure_late"), "0");
  LedgerRecord late =
      create("inspection_result",
             {{"plan", plan.id}, {"target", target.id}, {"finished_on", "2024-12-16"}, {"disclosed_on", "2025-01-15"}});
  EXPECT_EQ(value("inspection_result", late, "disclosure_late"), "1");
}

TEST_P(WorkflowRulesTest, RegionSettingsChangeTheDeadlinesOfTheRegion) {
  EXPECT_THAT(service_->create(system(), ledger("region_time_limit"),
                               {{"fields",
                                 {{"ledger_name", "normative_document"},
                                  {"limit_name", "filling"},
                                  {"days", 15},
                                  {"day_count", "calendar_days"},
                                  {"basis", "示例省规定"},
                                  {"in_force", true}}}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("没有代码名为「filling」的时限；可设置的有：")));
  EXPECT_THAT(service_->create(user(Role::kClerk, "370100"), ledger("region_time_limit"),
                               {{"fields",
                                 {{"ledger_name", "normative_document"},
                                  {"limit_name", "filing"},
                                  {"days", 15},
                                  {"day_count", "calendar_days"},
                                  {"basis", "示例省规定"},
                                  {"in_force", true}}}}),
              ErrorIs(ErrorCode::kForbidden, ::testing::_));
  nlohmann::json setting = {{"ledger_name", "normative_document"},
                            {"limit_name", "filing"},
                            {"days", 15},
                            {"day_count", "calendar_days"},
                            {"basis", "示例省行政规范性文件管理办法 第二十六条"},
                            {"effective_from", "2020-01-01"},
                            {"in_force", true}};
  LedgerRecord s = create("region_time_limit", setting, "370100");
  EXPECT_EQ(value("region_time_limit", s, "limit_label"), "行政规范性文件：报送备案期限");
  EXPECT_THAT(service_->create(system(), ledger("region_time_limit"), {{"fields", setting}}),
              ErrorIs(ErrorCode::kConflict, HasSubstr("已有有效的地方设置")));
  // The document published 2025-01-03 is now due Mon 1-20 (day 15, Sat 1-18, moved), so
  // filing on 2-5 is late.
  const LedgerDeclaration& docs = ledger("normative_document");
  LedgerRecord d =
      create("normative_document", {{"title", "某办法"}, {"published_on", "2025-01-03"}, {"filed_on", "2025-02-05"}});
  EXPECT_EQ(value("normative_document", d, "filing_timely"), "0");
  d.state = "published";
  set_field(docs, d, "filed_on", nullptr);
  auto ds = compute_deadlines(docs, d, parse_date("2025-01-10").value());
  ASSERT_FALSE(ds.empty());
  EXPECT_EQ(ds.front().due->iso(), "2025-01-20");
  // Set out of force, the national default applies again.
  ASSERT_THAT(service_->update(system(), ledger("region_time_limit"), s.id, {{"fields", {{"in_force", false}}}}),
              IsOk());
  EXPECT_EQ(compute_deadlines(docs, d, parse_date("2025-01-10").value()).front().due->iso(), "2025-02-05");
}

// The remaining refusals of each ledger's rule, one by one.
TEST_P(WorkflowRulesTest, EveryOtherRefusedStep) {
  auto refused = [&](const char* name, nlohmann::json fields, const char* reason) {
    EXPECT_THAT(service_->create(system(), ledger(name), {{"org_code", "370102.sfj"}, {"fields", fields}}),
                ErrorIs(ErrorCode::kInvalidInput, HasSubstr(reason)))
        << name;
  };
  LedgerRecord entry = create(
      "exemption_list",
      {{"list_name", "清单"}, {"offence", "未按规定公示"}, {"exemption_kind", "first_offence"}, {"in_force", true}});
  refused("enforcement_case", {{"kind", "licensing"}, {"party", "某公司"}, {"exemption_entry", entry.id}},
          "免罚清单只适用于行政处罚案件");
  refused("inspection_result",
          {{"plan", create("inspection_plan", {{"plan_name", "计划"}, {"year", 2025}}).id},
           {"target", create("inspection_target", {{"name", "某店"}}).id},
           {"finished_on", "2025-03-10"},
           {"disclosed_on", "2025-03-09"}},
          "「结果公示日期」（2025-03-09）不能早于「检查结束日期」（2025-03-10）");
  refused("major_decision",
          {{"title", "事项"}, {"public_participation_on", "2025-03-01"}, {"comment_started_on", "2025-03-05"}},
          "「公众参与完成日期」（2025-03-01）不能早于「征求意见开始日期」");
  refused("mediation",
          {{"subject", "纠纷"},
           {"accepted_on", "2025-01-02"},
           {"outcome", "succeeded"},
           {"confirmation_applied_on", "2025-01-10"}},
          "申请司法确认须填写协议生效日期");
  refused("mediation", {{"subject", "纠纷"}, {"accepted_on", "2025-01-02"}, {"judicially_confirmed", true}},
          "经司法确认的，须填写申请司法确认日期");
  // 30 days from 2025-03-03 end on Wed 4-2.
  refused("petition",
          {{"petitioner", "某人"},
           {"received_on", "2025-01-02"},
           {"review_opinion_on", "2025-03-03"},
           {"recheck_requested_on", "2025-04-03"}},
          "信访工作条例 第三十六条");
  EXPECT_THAT(service_->create(system(), ledger("region_time_limit"),
                               {{"fields",
                                 {{"ledger_name", "no_such_ledger"},
                                  {"limit_name", "x"},
                                  {"days", 5},
                                  {"day_count", "working_days"},
                                  {"basis", "某规定"},
                                  {"in_force", true}}}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("没有代码名为「no_such_ledger」的台账")));
  EXPECT_THAT(service_->create(system(), ledger("region_time_limit"),
                               {{"fields",
                                 {{"ledger_name", "certificate"},
                                  {"limit_name", "expiry"},
                                  {"days", 30},
                                  {"day_count", "calendar_days"},
                                  {"basis", "某规定"},
                                  {"in_force", true}}}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("期限由记录中的日期确定，不能按天数设置")));

  // Steps.
  LedgerRecord p =
      create("supervision_problem",
             {{"title", "问题"}, {"source", "audit"}, {"found_on", "2025-04-01"}, {"responsible_org", "370102.sfj"}});
  EXPECT_THAT(step("supervision_problem", p.id, "escalate", {{"escalated_on", "2025-07-01"}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("问题尚未确定整改期限，不能按逾期报告")));
  LedgerRecord m = create("mediation", {{"subject", "纠纷"}, {"accepted_on", "2025-01-02"}});
  EXPECT_THAT(step("mediation", m.id, "fail", {{"concluded_on", "2025-01-10"}, {"outcome", "succeeded"}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("调解结果应为「调解不成」或「终止调解」")));
  LedgerRecord d = create("major_decision", {{"title", "事项"},
                                             {"public_participation_on", "2025-04-30"},
                                             {"expert_review_na_reason", "不涉及"},
                                             {"risk_assessment_na_reason", "不涉及"}});
  EXPECT_THAT(step("major_decision", d.id, "decide",
                   {{"legality_review_on", "2025-05-20"},
                    {"collective_decision_on", "2025-06-03"},
                    {"decision_outcome", "approved"}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("已履行公众参与的，须填写征求意见期限（日）")));
  LedgerRecord doc = create("normative_document", {{"title", "某办法"}});
  ASSERT_THAT(step("normative_document", doc.id, "submit_for_review", {{"submitted_for_review_on", "2025-03-03"}}),
              IsOk());
  ASSERT_THAT(step("normative_document", doc.id, "pass_review",
                   {{"legality_reviewed_on", "2025-03-10"}, {"legality_review_opinion", "approved"}}),
              IsOk());
  EXPECT_THAT(step("normative_document", doc.id, "discuss",
                   {{"discussed_on", "2025-03-20"}, {"legality_review_opinion", "disapproved"}}),
              ErrorIs(ErrorCode::kConflict, HasSubstr("不得提交集体审议")));
  LedgerRecord person = create("people", {{"name", "孙执法"}});
  LedgerRecord officer = create("officer", {{"person", person.id}});
  LedgerRecord card = create("certificate", {{"certificate_number", "37990100009"},
                                             {"officer", officer.id},
                                             {"issued_on", "2020-03-01"},
                                             {"valid_until", "2025-02-28"}});
  ASSERT_THAT(
      step("certificate", card.id, "suspend", {{"suspended_on", "2024-06-01"}, {"withdrawal_reason", "涉嫌违纪"}}),
      IsOk());
  EXPECT_THAT(step("certificate", card.id, "reinstate", {{"reinstated_on", "2025-03-03"}}),
              ErrorIs(ErrorCode::kConflict, HasSubstr("证件有效期已于2025-02-28届满，不能发还，应办理换证")));
}

INSTANTIATE_TEST_SUITE_P(Backends, WorkflowRulesTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi

// A small fixed data set for the report tests, on either backend, over LedgerFixture's tree
// (370100 示例市人民政府 ├ 370100.sfj 示例市司法局 └ 370102 甲区人民政府 └ 370102.sfj):
// reconsideration cases of 示例市司法局 (respondent 甲区人民政府), worked out here:
//   #  received    accepted    concluded   decision
//   1  2024-02-05  2024-02-07  2024-03-20  maintained
//   2  2024-04-01  2024-04-03  2024-05-20  revoked       (corrected)
//   3  2024-06-03  2024-06-05  2024-07-22  maintained
//   4  2024-09-02  2024-09-04  open
//   5  2023-05-04  2023-05-06  2023-06-15  maintained
//   6  2023-08-01  2023-08-03  2023-09-11  revoked       (corrected)
// so for 2024: received 4 (2023: 2, +100%), concluded 3 (2023: 2, +50%), corrected 1 (2023: 1),
// correction rate 1/3 = 33.33% (2023: 50.00%, −16.67 points).
// round() opens the city's 2024 round as the coordinator; write_part() adds a part.
#pragma once

#include <gmock/gmock.h>

#include "../ledger/ledger_fixture.h"
#include "indicator/indicator_engine.h"
#include "ledger/ledger_rules.h"
#include "report/report_composer.h"

namespace fazhi::testing {

inline const std::vector<std::string> kReportIndicators = {"reconsideration.received", "reconsideration.concluded",
                                                           "reconsideration.corrected",
                                                           "reconsideration.correction_rate"};

class ReportFixture : public LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    case_("1", "2024-02-05", "2024-02-07", "2024-03-20", "maintained");
    case_("2", "2024-04-01", "2024-04-03", "2024-05-20", "revoked");
    case_("3", "2024-06-03", "2024-06-05", "2024-07-22", "maintained");
    case_("4", "2024-09-02", "2024-09-04", "", "");
    case_("5", "2023-05-04", "2023-05-06", "2023-06-15", "maintained");
    case_("6", "2023-08-01", "2023-08-03", "2023-09-11", "revoked");
  }

  void case_(const std::string& n, const std::string& received, const std::string& accepted,
             const std::string& concluded, const std::string& kind) {
    nlohmann::json f = {{"case_number", "复" + n},           {"applicant", "申请人" + n}, {"respondent_org", "370102"},
                        {"act_description", "行政处罚决定"}, {"received_on", received},   {"examined_on", accepted},
                        {"examination_outcome", "accepted"}, {"accepted_on", accepted}};
    std::string state = "accepted";
    if (!concluded.empty()) {
      f["concluded_on"] = concluded;
      f["decision_kind"] = kind;
      state = "concluded";
    }
    auto r = service_->create(UserContext::system_context(), *find_ledger("reconsideration"),
                              {{"org_code", "370100.sfj"}, {"state", state}, {"fields", f}});
    ASSERT_TRUE(r.has_value()) << r.error().full_message();
  }

  static const LedgerDeclaration& rounds() { return *find_ledger("report_round"); }
  static const LedgerDeclaration& parts() { return *find_ledger("report_part"); }
  static UserContext coordinator() { return user(Role::kCoordinator, "370100"); }
  static UserContext clerk() { return user(Role::kClerk, "370100.sfj"); }

  // The city's 2024 round, opened by the coordinator.
  LedgerRecord round(nlohmann::json fields = nlohmann::json::object()) {
    fields["year"] = 2024;
    if (!fields.contains("opening"))
      fields["opening"] = "2024年，示例市坚持依法行政，法治政府建设各项任务有序推进。现将有关情况报告如下。";
    fields["report_date"] = "2025-03-28";
    auto r = service_->create(coordinator(), rounds(), {{"fields", fields}});
    EXPECT_TRUE(r.has_value()) << r.error().full_message();
    return r ? *r : LedgerRecord{};
  }

  Result<LedgerRecord> write_part(const UserContext& as, std::int64_t round_id, nlohmann::json fields,
                                  const std::string& org = "") {
    fields["round"] = round_id;
    nlohmann::json body = {{"fields", fields}};
    if (!org.empty()) body["org_code"] = org;
    return service_->create(as, parts(), body);
  }

  Result<LedgerRecord> step(const UserContext& as, const LedgerDeclaration& ledger, std::int64_t id,
                            const std::string& name, nlohmann::json fields = nlohmann::json::object()) {
    auto now = service_->get(UserContext::system_context(), ledger, id);
    if (!now) return now.error();
    return service_->transition(as, ledger, id, name, {{"version", now->version}, {"fields", fields}});
  }

  // The round with the department's part submitted and the city's own part, moved to composing.
  LedgerRecord composed_round() {
    LedgerRecord r = round();
    auto dept = write_part(clerk(), r.id,
                           {{"disputes", "市司法局发挥行政复议化解行政争议主渠道作用，推进行政复议规范化建设。"},
                            {"shortcomings", "行政争议实质性化解力度仍需加强。"}});
    EXPECT_TRUE(dept.has_value()) << dept.error().full_message();
    if (dept) {
      EXPECT_TRUE(step(clerk(), parts(), dept->id, "submit").has_value());
    }
    auto own = write_part(coordinator(), r.id,
                          {{"first_responsibility", "政府主要负责同志带头研究部署法治政府建设。"},
                           {"next_year", "2025年，将继续完善行政复议工作机制。"}});
    EXPECT_TRUE(own.has_value()) << own.error().full_message();
    if (own) {
      EXPECT_TRUE(step(coordinator(), parts(), own->id, "submit").has_value());
    }
    auto c = step(coordinator(), rounds(), r.id, "compose");
    EXPECT_TRUE(c.has_value()) << c.error().full_message();
    return c ? *c : r;
  }

  Result<ReportDocument> compose(bool trace = false, const UserContext& as = UserContext::system_context()) {
    IndicatorEngine engine(*service_);
    ReportComposer composer(*service_, engine);
    return composer.compose(as, {.org = "370100", .year = 2024, .trace = trace, .indicators = kReportIndicators});
  }
};

}  // namespace fazhi::testing

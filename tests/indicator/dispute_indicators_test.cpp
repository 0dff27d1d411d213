// The reconsideration and litigation indicators on a small hand-built data set whose right
// answers are worked out in the comments, on both backends; and their drill-down.
#include <gmock/gmock.h>

#include <map>

#include "../ledger/ledger_fixture.h"
#include "indicator/indicator_engine.h"
#include "indicator/indicator_sql.h"

namespace fazhi {
namespace {

using ::fazhi::testing::IsOk;

class DisputeIndicatorsTest : public testing::LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    // Reconsideration cases. The decision limit is 60 calendar days from acceptance (a last day
    // on a rest day moves to the next working day), plus any approved extension.
    //  #  owner        received    accepted    concluded   decision              limit due
    //  1  370100.sfj   2025-01-10  2025-01-14  2025-03-01  maintained            03-17 met
    //  2  370100.sfj   2025-02-03  2025-02-07  2025-04-03  revoked               04-08 met
    //  3  370100.sfj   2025-03-03  (not accepted 2025-03-05)
    //  4  370100.sfj   2024-12-20  2024-12-25  2025-02-10  mediated              02-24 met
    //  5  370100.sfj   2025-06-02  2025-06-04  open                              08-04 overdue
    //  6  370100.sfj   2025-05-06  2025-05-08  2025-07-30  confirmed_unlawful    +30 → 08-06 met
    //  7  370102.sfj   2025-04-01  2025-04-03  2025-09-01  claim_rejected        06-02 met late
    //  8  370102.sfj   2024-03-01  2024-03-05  2024-04-20  maintained            05-06 met
    case_("370100.sfj", "1", "2025-01-10", "2025-01-14", "2025-03-01", "maintained", "370102");
    case_("370100.sfj", "2", "2025-02-03", "2025-02-07", "2025-04-03", "revoked", "370102");
    not_accepted("370100.sfj", "3", "2025-03-03", "2025-03-05", "370102");
    case_("370100.sfj", "4", "2024-12-20", "2024-12-25", "2025-02-10", "mediated", "370102");
    case_("370100.sfj", "5", "2025-06-02", "2025-06-04", "", "", "370100.sfj");
    case_("370100.sfj", "6", "2025-05-06", "2025-05-08", "2025-07-30", "confirmed_unlawful", "370100.sfj", 30);
    case_("370102.sfj", "7", "2025-04-01", "2025-04-03", "2025-09-01", "claim_rejected", "370102");
    case_("370102.sfj", "8", "2024-03-01", "2024-03-05", "2024-04-20", "maintained", "370102");
    // Lawsuits.
    //  L1 first   370100.sfj filed 2025-02-01 heard 2025-04-01 notified, principal appeared; won 2025-06-01
    //  L2 first   370100.sfj filed 2024-11-01 heard 2025-01-15 notified, not appeared; lost 2025-03-01, not performed
    //  L3 second  370100.sfj filed 2025-05-01 heard 2025-07-01 not notified; open
    //  L4 retrial 370100.sfj filed 2025-08-01; open
    //  L5 first   370102.sfj filed 2024-02-01 heard 2024-03-01 notified, deputy appeared; won 2024-05-01
    //  (L3 appeals L2; L4 asks for a retrial of L1.)
    auto l1 = lawsuit("370100.sfj", "L1", "first", "2025-02-01", "2025-04-01", true, "principal", "2025-06-01", "won");
    auto l2 =
        lawsuit("370100.sfj", "L2", "first", "2024-11-01", "2025-01-15", true, "not_appeared", "2025-03-01", "lost");
    lawsuit("370100.sfj", "L3", "second", "2025-05-01", "2025-07-01", false, "", "", "", l2);
    lawsuit("370100.sfj", "L4", "retrial", "2025-08-01", "", false, "", "", "", l1);
    lawsuit("370102.sfj", "L5", "first", "2024-02-01", "2024-03-01", true, "deputy", "2024-05-01", "won");
  }

  void case_(const std::string& org, const std::string& n, const std::string& received, const std::string& accepted,
             const std::string& concluded, const std::string& kind, const std::string& respondent, int extension = 0) {
    nlohmann::json f = {{"case_number", "复" + n},           {"applicant", "申请人" + n},
                        {"respondent_org", respondent},      {"act_description", "行政处罚决定"},
                        {"received_on", received},           {"examined_on", accepted},
                        {"examination_outcome", "accepted"}, {"accepted_on", accepted}};
    std::string state = "accepted";
    if (extension > 0) {
      f["extension_days"] = extension;
      f["extension_approved_on"] = accepted;
      f["extension_notified_on"] = accepted;
    }
    if (!concluded.empty()) {
      f["concluded_on"] = concluded;
      f["decision_kind"] = kind;
      state = "concluded";
    }
    create("reconsideration", org, state, f);
  }

  void not_accepted(const std::string& org, const std::string& n, const std::string& received,
                    const std::string& examined, const std::string& respondent) {
    create("reconsideration", org, "not_accepted",
           {{"case_number", "复" + n},
            {"applicant", "申请人" + n},
            {"respondent_org", respondent},
            {"act_description", "行政处罚决定"},
            {"received_on", received},
            {"examined_on", examined},
            {"examination_outcome", "not_accepted"},
            {"not_accepted_reason", "超过申请期限"}});
  }

  std::int64_t lawsuit(const std::string& org, const std::string& n, const std::string& instance,
                       const std::string& filed, const std::string& hearing, bool notified, const std::string& appeared,
                       const std::string& concluded, const std::string& outcome, std::int64_t previous = 0) {
    nlohmann::json f = {{"case_number", n},  {"instance", instance},         {"plaintiff", "原告" + n},
                        {"filed_on", filed}, {"complaint_served_on", filed}, {"head_notified", notified}};
    if (previous) f["previous_instance"] = previous;
    std::string state = "served";
    if (!hearing.empty()) {
      f["hearing_on"] = hearing;
      f["defence_submitted_on"] = filed;
      if (!appeared.empty()) f["head_appeared"] = appeared;
      if (appeared == "not_appeared") f["absence_reason"] = "需要履行他人不能代替的公务";
      state = "heard";
    }
    if (!concluded.empty()) {
      f["concluded_on"] = concluded;
      f["outcome"] = outcome;
      if (outcome == "lost") {
        f["judgement_kind"] = "revoked";
        f["performed"] = false;
      }
      state = "concluded";
    }
    return create("litigation", org, state, f);
  }

  std::int64_t create(const std::string& ledger, const std::string& org, const std::string& state,
                      nlohmann::json fields) {
    auto r = service_->create(UserContext::system_context(), *find_ledger(ledger),
                              {{"org_code", org}, {"state", state}, {"fields", std::move(fields)}});
    EXPECT_TRUE(r.has_value()) << r.error().full_message();
    return r ? r->id : 0;
  }

  std::map<std::string, IndicatorValue> compute(const std::string& org,
                                                const UserContext& user = UserContext::system_context()) {
    IndicatorEngine engine(*service_);
    auto r = engine.compute(user, {.org = org, .period = Period::year(2025), .ids = {}});
    EXPECT_TRUE(r.has_value()) << r.error().full_message();
    std::map<std::string, IndicatorValue> out;
    if (r) {
      for (auto& v : *r) out.emplace(v.indicator->id, v);
    }
    return out;
  }
};

TEST_P(DisputeIndicatorsTest, ReconsiderationFiguresForTheWholeCity) {
  auto v = compute("370100");
  auto cur = [&](const char* id) { return v.at(id).current.value.value_or(-1); };
  auto prev = [&](const char* id) { return v.at(id).previous.value.value_or(-1); };
  EXPECT_EQ(cur("reconsideration.received"), 6);   // 1 2 3 5 6 7
  EXPECT_EQ(prev("reconsideration.received"), 2);  // 4 8
  EXPECT_EQ(v.at("reconsideration.received").change().value(), 4);
  EXPECT_EQ(cur("reconsideration.accepted"), 5);  // 1 2 5 6 7
  EXPECT_EQ(cur("reconsideration.not_accepted"), 1);
  EXPECT_EQ(cur("reconsideration.concluded"), 5);   // 1 2 4 6 7
  EXPECT_EQ(prev("reconsideration.concluded"), 1);  // 8
  EXPECT_EQ(cur("reconsideration.maintained"), 1);
  EXPECT_EQ(cur("reconsideration.rejected"), 1);
  EXPECT_EQ(cur("reconsideration.corrected"), 2);  // 2 revoked, 6 confirmed unlawful
  EXPECT_EQ(cur("reconsideration.mediated"), 1);
  EXPECT_EQ(cur("reconsideration.withdrawn"), 0);
  EXPECT_EQ(cur("reconsideration.on_hand"), 6);  // 1 2 4 5 6 7
  EXPECT_DOUBLE_EQ(cur("reconsideration.correction_rate"), 40.0);
  EXPECT_DOUBLE_EQ(cur("reconsideration.mediation_rate"), 20.0);
  EXPECT_EQ(format_figure(*v.at("reconsideration.conclusion_rate").indicator, cur("reconsideration.conclusion_rate")),
            "83.33");
  EXPECT_EQ(cur("reconsideration.overdue"), 2);  // 5 open past 08-04, 7 concluded after 06-02
  EXPECT_EQ(prev("reconsideration.overdue"), 0);
  EXPECT_DOUBLE_EQ(prev("reconsideration.correction_rate"), 0.0);
  const auto& by_respondent = v.at("reconsideration.received").current.breakdown;
  ASSERT_EQ(by_respondent.size(), 2u);
  EXPECT_EQ(by_respondent[0].key, "370102");
  EXPECT_EQ(by_respondent[0].label, "示例市甲区人民政府");
  EXPECT_EQ(by_respondent[0].value, 4);  // 1 2 3 7
  EXPECT_EQ(by_respondent[1].value, 2);  // 5 6
}

TEST_P(DisputeIndicatorsTest, ACountyCountsOnlyItsOwnBodysCases) {
  auto v = compute("370102");
  EXPECT_EQ(v.at("reconsideration.received").current.value, 1);   // 7
  EXPECT_EQ(v.at("reconsideration.received").previous.value, 1);  // 8
  EXPECT_EQ(v.at("reconsideration.overdue").current.value, 1);
  EXPECT_EQ(v.at("litigation.cases").current.value, 0);
  EXPECT_FALSE(v.at("litigation.win_rate").current.value.has_value());  // nothing concluded
  EXPECT_EQ(v.at("litigation.win_rate").previous.value, 100.0);         // L5
}

TEST_P(DisputeIndicatorsTest, LitigationFigures) {
  auto v = compute("370100");
  auto cur = [&](const char* id) { return v.at(id).current.value.value_or(-1); };
  auto prev = [&](const char* id) { return v.at(id).previous.value.value_or(-1); };
  EXPECT_EQ(cur("litigation.cases"), 4);   // L1 L2 L3 L4
  EXPECT_EQ(prev("litigation.cases"), 2);  // L2 L5
  EXPECT_EQ(cur("litigation.first_instance"), 2);
  EXPECT_EQ(cur("litigation.second_instance"), 1);
  EXPECT_EQ(cur("litigation.retrial"), 1);
  EXPECT_EQ(cur("litigation.concluded"), 2);
  EXPECT_EQ(cur("litigation.won"), 1);
  EXPECT_EQ(cur("litigation.lost"), 1);
  EXPECT_DOUBLE_EQ(cur("litigation.win_rate"), 50.0);
  EXPECT_DOUBLE_EQ(cur("litigation.loss_rate"), 50.0);
  EXPECT_EQ(cur("litigation.head_notified"), 2);  // L1 L2
  EXPECT_DOUBLE_EQ(cur("litigation.head_appearance_rate"), 50.0);
  EXPECT_DOUBLE_EQ(prev("litigation.head_appearance_rate"), 100.0);  // L5, a deputy
  EXPECT_EQ(cur("litigation.unperformed"), 1);
  EXPECT_DOUBLE_EQ(v.at("litigation.win_rate").change().value(), -50.0);
}

TEST_P(DisputeIndicatorsTest, DrillDownListsExactlyTheRecordsBehindEachFigure) {
  IndicatorEngine engine(*service_);
  const IndicatorQuery q{.org = "370100", .period = Period::year(2025), .ids = {}};
  auto values = engine.compute(UserContext::system_context(), q);
  ASSERT_THAT(values, IsOk());
  for (const auto& v : *values) {
    auto r = engine.records(UserContext::system_context(), q, v.indicator->id);
    ASSERT_THAT(r, IsOk()) << v.indicator->id;
    EXPECT_EQ(static_cast<double>(r->total), v.current.numerator) << v.indicator->id;
    EXPECT_EQ(r->records.size(), static_cast<size_t>(r->total)) << v.indicator->id;
  }
  auto overdue = engine.records(UserContext::system_context(), q, "reconsideration.overdue");
  ASSERT_THAT(overdue, IsOk());
  std::vector<std::string> numbers;
  for (const auto& r : overdue->records) numbers.push_back(sql_text(r.values[0]));  // case_number
  EXPECT_THAT(numbers, ::testing::ElementsAre("复5", "复7"));
  auto page = engine.records(UserContext::system_context(), q, "reconsideration.received", 2, 4);
  ASSERT_THAT(page, IsOk());
  EXPECT_EQ(page->total, 6);
  EXPECT_EQ(page->records.size(), 2u);
}

TEST_P(DisputeIndicatorsTest, AUserSeesFiguresOnlyWithinTheirScope) {
  IndicatorEngine engine(*service_);
  UserContext county = user(Role::kLeader, "370102");
  auto own = engine.compute(county, {.org = "", .period = Period::year(2025), .ids = {"reconsideration.received"}});
  ASSERT_THAT(own, IsOk());
  EXPECT_EQ((*own)[0].current.value, 1);
  auto city = engine.compute(county, {.org = "370100", .period = Period::year(2025), .ids = {}});
  ASSERT_FALSE(city.has_value());
  EXPECT_EQ(city.error().code, ErrorCode::kForbidden);
  auto unknown = engine.compute(county, {.org = "", .period = Period::year(2025), .ids = {"no.such"}});
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidInput);
}

TEST_P(DisputeIndicatorsTest, ReproducingSqlGivesTheSameFigure) {
  IndicatorEngine engine(*service_);
  const IndicatorQuery q{.org = "370100", .period = Period::year(2025), .ids = {}};
  auto sql = engine.reproducing_sql(UserContext::system_context(), q, "reconsideration.corrected");
  ASSERT_THAT(sql, IsOk());
  double figure = -1;
  ASSERT_THAT(store_->read([&](SqlSession& s) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(SqlResult r, s.query(*sql));
    figure = static_cast<double>(sql_int(r.rows[0][0]).value_or(-1));
    return ok();
  }),
              IsOk());
  EXPECT_EQ(figure, 2);
}

TEST(IndicatorCatalogue, EveryDeclarationNamesWhatExists) {
  std::set<std::string> ids;
  for (const auto& d : indicator_catalogue()) {
    EXPECT_TRUE(ids.insert(d.id).second) << "duplicate id " << d.id;
    auto r = check_indicator_declaration(d);
    EXPECT_TRUE(r.has_value()) << r.error().message();
  }
}

TEST(IndicatorFigure, FormatsAsReportsPrintThem) {
  const IndicatorDeclaration rate{.id = "x.rate", .aggregate = IndicatorAggregate::kRatio, .decimals = 2};
  const IndicatorDeclaration count{.id = "x.count"};
  EXPECT_EQ(format_figure(rate, 100.0), "100.00");
  EXPECT_EQ(format_figure(rate, 200.0 / 3.0), "66.67");
  EXPECT_EQ(format_figure(rate, 12.345), "12.35");
  EXPECT_EQ(format_figure(count, 1234.0), "1234");
}

INSTANTIATE_TEST_SUITE_P(Backends, DisputeIndicatorsTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi

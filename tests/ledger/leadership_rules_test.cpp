// The leadership ledgers' rules and the region's yearly-duty settings through the service, on
// both backends: the table cases/leadership_rules.txt (records accepted with the fields the
// rules fill, or refused with the clerk's reason), with the clock fixed at 2025-06-30.
#include <gmock/gmock.h>

#include <sstream>

#include "core/case_file.h"
#include "core/clock.h"
#include "harness/result_matchers.h"
#include "ledger/ledger_rules.h"
#include "ledger_fixture.h"

namespace fazhi {
namespace {

using testing::ErrorIs;
using ::testing::HasSubstr;
using testing::IsOk;

class FixedClock : public Clock {
 public:
  explicit FixedClock(Date day)
      : at_(std::chrono::system_clock::time_point(std::chrono::hours(24) * day.days_since_epoch() +
                                                  std::chrono::hours(4))) {}
  std::chrono::system_clock::time_point now() const override { return at_; }

 private:
  std::chrono::system_clock::time_point at_;
};

class LeadershipRulesTest : public testing::LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    set_clock_for_testing(&clock_);
    auto p = service_->create(
        UserContext::system_context(), people(),
        {{"org_code", "370102"}, {"fields", {{"name", "王局长"}, {"is_leader", true}, {"principal", true}}}});
    ASSERT_THAT(p, IsOk());
    leader_ = p->id;
  }
  void TearDown() override { set_clock_for_testing(nullptr); }

  // "name=value name=value" as the body's fields (@leader: the leader's id; digits: numbers).
  nlohmann::json fields(const std::string& text) const {
    nlohmann::json out = nlohmann::json::object();
    std::stringstream ss(text);
    std::string pair;
    while (ss >> pair) {
      auto eq = pair.find('=');
      std::string name = pair.substr(0, eq), value = pair.substr(eq + 1);
      if (value == "@leader")
        out[name] = leader_;
      else
        out[name] = value;
    }
    return out;
  }

  FixedClock clock_{Date::from_ymd(2025, 6, 30).value()};
  std::int64_t leader_ = 0;
};

TEST_P(LeadershipRulesTest, CasesTable) {
  for (const auto& c : testing::read_cases("leadership_rules.txt")) {
    SCOPED_TRACE(c.where());
    const LedgerDeclaration& l = *find_ledger(c[1]);
    auto r = service_->create(UserContext::system_context(), l, {{"org_code", "370102"}, {"fields", fields(c[2])}});
    std::stringstream expect(c[3]);
    std::string verdict;
    expect >> verdict;
    if (verdict == "error") {
      std::string reason;
      std::getline(expect, reason);
      EXPECT_THAT(r, ErrorIs(ErrorCode::kInvalidInput, HasSubstr(testing::trim_case_text(reason))));
      continue;
    }
    ASSERT_EQ(verdict, "ok");
    ASSERT_THAT(r, IsOk());
    std::string pair;
    while (expect >> pair) {
      auto eq = pair.find('=');
      EXPECT_EQ(sql_text(field_of(l, *r, pair.substr(0, eq))), pair.substr(eq + 1)) << pair;
    }
  }
}

// A changed score changes the result; a result contradicting the score is refused on update.
TEST_P(LeadershipRulesTest, ResultFollowsAChangedScore) {
  const LedgerDeclaration& l = *find_ledger("pre_appointment_exam");
  auto r = service_->create(
      UserContext::system_context(), l,
      {{"org_code", "370102"}, {"fields", {{"person", leader_}, {"exam_on", "2025-03-01"}, {"score", "58"}}}});
  ASSERT_THAT(r, IsOk());
  EXPECT_EQ(sql_text(field_of(l, *r, "passed")), "0");
  auto again = service_->update(UserContext::system_context(), l, r->id,
                                {{"version", 1}, {"fields", {{"score", "71"}, {"passed", nullptr}}}});
  ASSERT_THAT(again, IsOk());
  EXPECT_EQ(sql_text(field_of(l, *again, "passed")), "1");
  EXPECT_THAT(
      service_->update(UserContext::system_context(), l, r->id, {{"version", 2}, {"fields", {{"passed", false}}}}),
      ErrorIs(ErrorCode::kInvalidInput, HasSubstr("「是否合格」应为「是」")));
}

// 地方年度职责设置: a declared duty only, one in force per duty, its label filled in.
TEST_P(LeadershipRulesTest, RegionYearlyDutySettings) {
  const LedgerDeclaration& l = *find_ledger("region_yearly_duty");
  auto setting = [&](const std::string& ledger, const std::string& duty) {
    return service_->create(user(Role::kCoordinator, "370100"), l,
                            {{"fields",
                              {{"ledger_name", ledger},
                               {"duty_name", duty},
                               {"minimum", 6},
                               {"basis", "示例省会前学法规定"},
                               {"in_force", true}}}});
  };
  auto first = setting("law_study_session", "executive_meeting_study");
  ASSERT_THAT(first, IsOk());
  EXPECT_EQ(sql_text(field_of(l, *first, "duty_label")), "学法活动：常务会议会前学法");
  EXPECT_THAT(setting("law_study_session", "executive_meeting_study"),
              ErrorIs(ErrorCode::kConflict, HasSubstr("已有有效的地方设置")));
  EXPECT_THAT(setting("law_study_session", "no_such_duty"),
              ErrorIs(ErrorCode::kInvalidInput,
                      HasSubstr("可设置的有：law_lectures（法治专题讲座）、executive_meeting_study")));
  EXPECT_THAT(setting("petition", "x"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("该台账没有年度职责")));
  EXPECT_THAT(
      service_->create(user(Role::kClerk, "370100.sfj"), l, {{"fields", {{"ledger_name", "law_study_session"}}}}),
      ErrorIs(ErrorCode::kForbidden, HasSubstr("无权修改")));
}

INSTANTIATE_TEST_SUITE_P(Backends, LeadershipRulesTest, ::testing::ValuesIn(testing::all_backends()));

}  // namespace
}  // namespace fazhi

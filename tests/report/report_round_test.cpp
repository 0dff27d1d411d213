// Report rounds and parts (report_rounds.cpp, report_rounds_rules.cpp, report_round_status.h)
// on both backends: what the round fills in, one round per organisation and year, who may
// do what, the part's submit/return/accept steps, the checked publication and the portal list.
#include "harness/result_matchers.h"
#include "report/report_round_status.h"
#include "report_fixture.h"

namespace fazhi {
namespace {

using ::fazhi::testing::ErrorIs;
using ::testing::HasSubstr;

class ReportRoundTest : public testing::ReportFixture {};

TEST_P(ReportRoundTest, OpeningFillsTitleDeadlineAndRefusesASecondRound) {
  LedgerRecord r = round();
  EXPECT_EQ(r.state, "open");
  EXPECT_EQ(sql_text(field_of(rounds(), r, "title")), "示例市人民政府关于2024年度法治政府建设情况的报告");
  EXPECT_EQ(sql_text(field_of(rounds(), r, "deadline")), "2025-04-01");
  auto again = service_->create(coordinator(), rounds(), {{"fields", {{"year", 2024}}}});
  EXPECT_THAT(again, ErrorIs(ErrorCode::kInvalidInput, HasSubstr("同一单位同一年度只编制一份报告")));
  // A department's own report is titled as one.
  auto dept = service_->create(coordinator(), rounds(), {{"org_code", "370100.sfj"}, {"fields", {{"year", 2024}}}});
  ASSERT_TRUE(dept.has_value()) << dept.error().full_message();
  EXPECT_EQ(sql_text(field_of(rounds(), *dept, "title")), "示例市司法局2024年度法治政府建设工作报告");
}

TEST_P(ReportRoundTest, ClerksCannotOpenRoundsNorWriteOtherDepartmentsParts) {
  auto r = service_->create(clerk(), rounds(), {{"fields", {{"year", 2024}}}});
  EXPECT_THAT(r, ErrorIs(ErrorCode::kForbidden, ::testing::_));
  LedgerRecord opened = round();
  auto other = write_part(clerk(), opened.id, {{"disputes", "文字"}}, "370102.sfj");
  EXPECT_THAT(other, ErrorIs(ErrorCode::kForbidden, ::testing::_));
  auto twice = write_part(clerk(), opened.id, {{"disputes", "文字"}});
  ASSERT_TRUE(twice.has_value()) << twice.error().full_message();
  EXPECT_EQ(sql_int(field_of(parts(), *twice, "year")), 2024);  // from the round
  EXPECT_THAT(write_part(clerk(), opened.id, {{"disputes", "又一份"}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("本单位已有编号")));
}

TEST_P(ReportRoundTest, PartIsSubmittedReturnedWithCommentsResubmittedAndAccepted) {
  LedgerRecord r = round();
  auto empty = write_part(clerk(), r.id, nlohmann::json::object());
  ASSERT_TRUE(empty.has_value());
  EXPECT_THAT(step(clerk(), parts(), empty->id, "submit"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("至少填写")));
  auto filled = service_->update(clerk(), parts(), empty->id,
                                 {{"version", empty->version}, {"fields", {{"disputes", "推进行政复议规范化建设。"}}}});
  ASSERT_TRUE(filled.has_value()) << filled.error().full_message();
  auto submitted = step(clerk(), parts(), empty->id, "submit");
  ASSERT_TRUE(submitted.has_value()) << submitted.error().full_message();
  EXPECT_EQ(submitted->state, "submitted");
  EXPECT_FALSE(sql_text(field_of(parts(), *submitted, "submitted_on")).empty());
  // Fixed once submitted; only the coordinator returns it, and only with comments.
  EXPECT_THAT(service_->update(clerk(), parts(), empty->id,
                               {{"version", submitted->version}, {"fields", {{"disputes", "改"}}}}),
              ErrorIs(ErrorCode::kConflict, HasSubstr("须由协调员退回")));
  EXPECT_THAT(step(clerk(), parts(), empty->id, "return", {{"return_comment", "补充"}}),
              ErrorIs(ErrorCode::kForbidden, ::testing::_));
  EXPECT_THAT(step(coordinator(), parts(), empty->id, "return"), ErrorIs(ErrorCode::kInvalidInput, ::testing::_));
  auto returned = step(coordinator(), parts(), empty->id, "return", {{"return_comment", "请补充具体成效"}});
  ASSERT_TRUE(returned.has_value()) << returned.error().full_message();
  EXPECT_EQ(returned->state, "returned");
  auto edited = service_->update(clerk(), parts(), empty->id,
                                 {{"version", returned->version}, {"fields", {{"disputes", "补充后的材料。"}}}});
  ASSERT_TRUE(edited.has_value()) << edited.error().full_message();
  ASSERT_TRUE(step(clerk(), parts(), empty->id, "submit").has_value());
  auto accepted = step(coordinator(), parts(), empty->id, "accept");
  ASSERT_TRUE(accepted.has_value()) << accepted.error().full_message();
  EXPECT_EQ(accepted->state, "accepted");
  auto status = round_status(*service_, coordinator(), r.id);
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(status->submitted, 1);
  EXPECT_EQ(status->outstanding, 0);
  EXPECT_EQ(status->departments[0].state_label, "已采用");
}

TEST_P(ReportRoundTest, PublicationIsCheckedThenClosesTheRound) {
  LedgerRecord r = round();
  IndicatorEngine engine(*service_);
  // Not while parts are being collected.
  EXPECT_THAT(publish_round(*service_, engine, nullptr, coordinator(), r.id),
              ErrorIs(ErrorCode::kConflict, ::testing::_));
  ASSERT_TRUE(step(coordinator(), rounds(), r.id, "compose").has_value());
  // The department with records has handed in nothing: blocked, not failed.
  auto blocked = publish_round(*service_, engine, nullptr, coordinator(), r.id);
  ASSERT_TRUE(blocked.has_value()) << blocked.error().full_message();
  EXPECT_FALSE(blocked->published);
  ASSERT_FALSE(blocked->findings.empty());
  EXPECT_EQ(blocked->findings[0].kind, "missing_part");
  // The generic transition cannot skip the check.
  EXPECT_THAT(step(coordinator(), rounds(), r.id, "publish", {{"published_on", "2025-03-28"}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("一致性检查")));
  // Once the part is in (the coordinator may still take it while composing), it publishes.
  EXPECT_THAT(write_part(clerk(), r.id, {{"disputes", "迟交的材料。"}}), ErrorIs(ErrorCode::kConflict, ::testing::_));
  auto part = write_part(coordinator(), r.id, {{"disputes", "推进行政复议规范化建设。"}}, "370100.sfj");
  ASSERT_TRUE(part.has_value()) << part.error().full_message();
  EXPECT_THAT(step(clerk(), parts(), part->id, "submit"), ErrorIs(ErrorCode::kConflict, HasSubstr("不再接收")));
  ASSERT_TRUE(step(coordinator(), parts(), part->id, "submit").has_value());
  EXPECT_THAT(publish_round(*service_, engine, nullptr, clerk(), r.id), ErrorIs(ErrorCode::kForbidden, ::testing::_));
  auto published = publish_round(*service_, engine, nullptr, coordinator(), r.id, "2025-03-28");
  ASSERT_TRUE(published.has_value()) << published.error().full_message();
  ASSERT_TRUE(published->published);
  EXPECT_EQ(published->round["state"], "published");
  EXPECT_EQ(published->round["fields"]["published_on"], "2025-03-28");
  // Closed: no more edits to the round or its parts.
  EXPECT_THAT(write_part(coordinator(), r.id, {{"disputes", "迟到"}}, "370100"),
              ErrorIs(ErrorCode::kConflict, ::testing::_));
  auto list = published_reports(*store_);
  ASSERT_TRUE(list.has_value());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].year, 2024);
  EXPECT_EQ((*list)[0].org_name, "示例市人民政府");
  EXPECT_EQ((*list)[0].published_on, "2025-03-28");
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportRoundTest, ::testing::ValuesIn(testing::all_backends()));

}  // namespace
}  // namespace fazhi

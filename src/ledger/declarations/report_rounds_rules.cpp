#include "ledger/declarations/report_rounds_rules.h"

#include <fmt/format.h>

#include "core/clock.h"
#include "core/error.h"

namespace fazhi {
namespace {

Error field_error(std::string subject, std::string field, std::string reason) {
  Error e = invalid_input(std::move(subject), "", std::move(reason));
  e.field = std::move(field);
  return e;
}

bool is_coordinating(const UserContext& user) {
  return user.system || user.role == Role::kAdmin || user.role == Role::kCoordinator;
}

}  // namespace

Result<void> report_round_rule(const RuleContext& c, const LedgerRecord* before, LedgerRecord& after,
                               const TransitionDeclaration* step) {
  std::optional<std::int64_t> year = sql_int(field_of(c.ledger, after, "year"));
  if (!year) return field_error("年度报告", "year", "必须填写报告年度");
  if (before && sql_int(field_of(c.ledger, *before, "year")) != year)
    return field_error("年度报告", "year", "报告年度启动后不能修改，请另行启动一轮");
  bool unchanged = before && !step && before->values == after.values && before->state == after.state;
  if (before && before->state == "published" && !unchanged)
    return conflict(fmt::format("{}年度报告", *year), "已发布，不能再修改");
  const OrgNode* org = c.orgs.find(after.org_code);
  std::string org_name = org ? org->name : after.org_code;
  if (is_null(field_of(c.ledger, after, "title"))) {
    bool department = org && org->kind != "government";
    set_field(c.ledger, after, "title",
              department ? fmt::format("{}{}年度法治政府建设工作报告", org_name, *year)
                         : fmt::format("{}关于{}年度法治政府建设情况的报告", org_name, *year));
  }
  if (is_null(field_of(c.ledger, after, "deadline")))
    set_field(c.ledger, after, "deadline", fmt::format("{:04}-04-01", *year + 1));
  if (is_null(field_of(c.ledger, after, "opened_on"))) set_field(c.ledger, after, "opened_on", china_today());
  std::vector<SqlValue> p = {*year, after.org_code, after.id};
  FAZHI_ASSIGN_OR_RETURN(auto same,
                         c.sql.query("SELECT id FROM report_round WHERE year = ? AND org_code = ? AND id <> ?", p));
  if (!same.rows.empty())
    return field_error(
        fmt::format("{}{}年度报告", org_name, *year), "year",
        fmt::format("已由编号 {} 的报告启动，同一单位同一年度只编制一份报告", sql_text(same.rows[0][0])));
  if (step && step->name == "publish" && is_null(field_of(c.ledger, after, "checked_on")))
    return field_error(fmt::format("{}{}年度报告", org_name, *year), "checked_on",
                       "发布前须通过一致性检查（在报告编制页面点击“检查并发布”）");
  return ok();
}

Result<void> report_part_rule(const RuleContext& c, const LedgerRecord* before, LedgerRecord& after,
                              const TransitionDeclaration* step) {
  std::optional<std::int64_t> round = sql_int(field_of(c.ledger, after, "round"));
  if (!round) return field_error("部门材料", "round", "必须选择所属报告");
  if (before && sql_int(field_of(c.ledger, *before, "round")) != round)
    return field_error("部门材料", "round", "所属报告不能修改");
  std::vector<SqlValue> p = {*round};
  FAZHI_ASSIGN_OR_RETURN(auto r,
                         c.sql.query("SELECT year, state, org_code, org_path FROM report_round WHERE id = ?", p));
  if (r.rows.empty()) return field_error("部门材料", "round", fmt::format("年度报告编号 {} 不存在", *round));
  std::int64_t year = sql_int(r.rows[0][0]).value_or(0);
  std::string round_state = sql_text(r.rows[0][1]);
  std::string round_path = sql_text(r.rows[0][3]);
  const OrgNode* org = c.orgs.find(after.org_code);
  std::string subject = fmt::format("{}{}年度报告材料", org ? org->name : after.org_code, year);
  set_field(c.ledger, after, "year", year);
  if (org && !path_in_scope(round_path, org->path))
    return field_error(subject, "org_code", "报送单位不在该报告的组织单位范围内");
  // Once the report is published its parts stand as they were: no new part, no change, no
  // step (an unchanged record still checks as valid).
  bool unchanged = before && !step && before->values == after.values && before->state == after.state;
  if (round_state == "published" && !unchanged) return conflict(subject, "所属报告已发布，材料不能再修改");
  bool coordinator = is_coordinating(c.user);
  if (!step) {
    if (round_state != "open" && !coordinator)
      return conflict(subject, "所属报告已进入汇总审核，材料请联系协调员退回后再修改");
    if (before && (before->state == "submitted" || before->state == "accepted") && !coordinator)
      return conflict(subject, "材料已提交，须由协调员退回后才能修改");
  }
  if (step && step->name == "submit") {
    if (round_state != "open" && !coordinator) return conflict(subject, "所属报告已进入汇总审核，不再接收材料");
    if (is_null(field_of(c.ledger, after, "submitted_on"))) set_field(c.ledger, after, "submitted_on", china_today());
  }
  if (step && step->name == "submit") {
    bool any_text = false;
    for (const char* chapter :
         {"functions", "institutions", "decisions", "enforcement", "emergency", "disputes", "oversight", "technology",
          "leadership", "first_responsibility", "shortcomings", "next_year"})
      if (!is_null(field_of(c.ledger, after, chapter)) && !sql_text(field_of(c.ledger, after, chapter)).empty())
        any_text = true;
    if (!any_text) return invalid_input(subject, "", "材料各章节均为空，至少填写一个章节后再提交");
  }
  std::vector<SqlValue> q = {*round, after.org_code, after.id};
  FAZHI_ASSIGN_OR_RETURN(auto same,
                         c.sql.query("SELECT id FROM report_part WHERE round = ? AND org_code = ? AND id <> ?", q));
  if (!same.rows.empty())
    return field_error(subject, "org_code",
                       fmt::format("本单位已有编号 {} 的材料，请在该材料中修改", sql_text(same.rows[0][0])));
  return ok();
}

}  // namespace fazhi

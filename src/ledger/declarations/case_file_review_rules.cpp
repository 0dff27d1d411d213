#include "ledger/declarations/case_file_review_rules.h"

#include <fmt/format.h>

#include "core/clock.h"
#include "ledger/case_file_rubric.h"
#include "ledger/declarations/record_checks.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_table.h"
#include "store/store.h"

namespace fazhi {
namespace {

// One supervision problem for deduction `d`, owned by the reviewing office and assigned to
// the reviewed body's organisation, written and audited in the review's transaction.
Result<void> write_problem(const RuleContext& c, const LedgerRecord& review, const RubricDeduction& d,
                           const std::string& responsible_org) {
  const LedgerDeclaration& pl = *find_ledger("supervision_problem");
  const RubricItem* item = default_case_file_rubric().item(d.item);
  LedgerRecord p;
  p.values.assign(pl.fields.size(), nullptr);
  p.org_code = review.org_code;
  const OrgNode* owner = c.orgs.find(review.org_code);
  p.org_path = owner ? owner->path : review.org_path;
  p.state = pl.initial_state;
  FAZHI_ASSIGN_OR_RETURN(p.id, next_record_id(c.sql, pl));
  p.version = 1;
  p.created_at = p.updated_at = utc_timestamp();
  p.created_by = p.updated_by = c.user.login;
  std::string file = text_field(c.ledger, review, "file_number");
  set_field(pl, p, "title", fmt::format("案卷「{}」：{}", file, d.problem));
  set_field(pl, p, "details",
            fmt::format("评查扣分：{} {}（扣{}分）", d.item, item ? item->label : "", score_text(d.points)));
  set_field(pl, p, "source", std::string("case_file_review"));
  set_field(pl, p, "batch", field_of(c.ledger, review, "review_batch"));
  set_field(pl, p, "case_file_review", review.id);
  set_field(pl, p, "found_on", field_of(c.ledger, review, "reviewed_on"));
  set_field(pl, p, "responsible_org", responsible_org);
  set_field(pl, p, "deadline", field_of(c.ledger, review, "rectification_due_on"));
  return insert_audited_record(*c.tx, pl, p);
}

// The organisation that answers for the reviewed body (its own organisation, else the
// review's owner).
Result<std::string> responsible_org_of(const RuleContext& c, const LedgerRecord& r) {
  std::int64_t body = sql_int(field_of(c.ledger, r, "enforcement_body")).value_or(0);
  if (body) {
    std::vector<SqlValue> p = {body};
    FAZHI_ASSIGN_OR_RETURN(auto q, c.sql.query("SELECT organization FROM enforcement_body WHERE id = ?", p));
    if (!q.rows.empty() && !is_null(q.rows[0][0]) && c.orgs.find(sql_text(q.rows[0][0]))) return sql_text(q.rows[0][0]);
  }
  return r.org_code;
}

}  // namespace

Result<void> case_file_review_rule(const RuleContext& c, const LedgerRecord* before, LedgerRecord& r,
                                   const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  const CaseFileRubric& rubric = default_case_file_rubric();
  FAZHI_TRY(require_not_before(c, r, step, "rectification_assigned_on", "reviewed_on"));
  FAZHI_TRY(require_not_before(c, r, step, "rectification_due_on", "rectification_assigned_on"));
  FAZHI_TRY(require_not_before(c, r, step, "concluded_on", "reviewed_on"));
  // A sampled file cites the draw of case files it came from (a verifiable draw).
  if (std::int64_t draw = sql_int(field_of(l, r, "draw")).value_or(0)) {
    std::vector<SqlValue> p = {draw};
    FAZHI_ASSIGN_OR_RETURN(auto q, c.sql.query("SELECT draw_kind, draw_number FROM draw WHERE id = ?", p));
    if (!q.rows.empty() && sql_text(q.rows[0][0]) != "case_files")
      return rule_refusal(c, r, step, "所引抽取记录「" + sql_text(q.rows[0][1]) + "」不是评查案卷的抽取", "draw");
  }
  auto parsed = parse_deductions(rubric, text_field(l, r, "deductions"));
  if (!parsed) return rule_refusal(c, r, step, parsed.error().place + "：" + parsed.error().reason, "deductions");
  const std::vector<RubricDeduction>& deductions = *parsed;
  bool scored = r.state != l.initial_state;
  std::string from = before ? before->state : std::string();
  if (scored) {
    CaseFileScore s = score_case_file(rubric, deductions);
    set_field(l, r, "score", score_text(s.score));
    set_field(l, r, "grade", s.grade);
    set_field(l, r, "problem_count", static_cast<std::int64_t>(deductions.size()));
    std::string problems = problems_text(rubric, deductions);
    set_field(l, r, "problems", problems.empty() ? SqlValue(nullptr) : SqlValue(problems));
  } else {
    set_field(l, r, "score", nullptr);
    set_field(l, r, "grade", nullptr);
    set_field(l, r, "problem_count", nullptr);
  }
  if (!step) return ok();
  if (step->name == "assign_rectification") {
    if (deductions.empty())
      return order_refusal(c, r, step, "本案卷评查未发现问题，无需下达整改，请直接办理「评查完结」", "deductions");
    if (!c.tx) return order_refusal(c, r, step, "下达整改须在写入事务中办理");
    FAZHI_ASSIGN_OR_RETURN(std::string org, responsible_org_of(c, r));
    for (const auto& d : deductions) FAZHI_TRY(write_problem(c, r, d, org));
  }
  if (step->name == "conclude") {
    if (from == "scored" && !deductions.empty())
      return order_refusal(c, r, step,
                           fmt::format("评查发现{}个问题，须先下达整改，整改销号后方可完结", deductions.size()));
    if (from == "rectifying") {
      std::vector<SqlValue> p = {r.id};
      FAZHI_ASSIGN_OR_RETURN(auto q, c.sql.query("SELECT COUNT(*) FROM supervision_problem WHERE case_file_review = ? "
                                                 "AND state <> 'signed_off'",
                                                 p));
      std::int64_t open = q.rows.empty() ? 0 : sql_int(q.rows[0][0]).value_or(0);
      if (open > 0) return order_refusal(c, r, step, fmt::format("尚有{}个整改问题未销号，不能完结评查", open));
    }
  }
  return ok();
}

}  // namespace fazhi

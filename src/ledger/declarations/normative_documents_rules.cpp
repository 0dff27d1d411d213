#include "ledger/declarations/normative_documents_rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "core/working_day_calendar.h"
#include "ledger/declarations/record_checks.h"
#include "ledger/region_time_limits.h"

namespace fazhi {
namespace {

const TimeLimitDeclaration* declared_limit(const LedgerDeclaration& l, std::string_view name) {
  for (const auto& t : l.time_limits)
    if (t.name == name) return &t;
  return nullptr;
}

// The next unified registration number of `org` for `year`: "<单位编码>-<年度>-<序号>", the
// sequence continuing the highest already given.
Result<std::string> next_registration_number(const RuleContext& c, const std::string& org, int year) {
  std::string prefix = fmt::format("{}-{}-", org, year);
  std::vector<SqlValue> p = {prefix + "%"};
  FAZHI_ASSIGN_OR_RETURN(
      auto q, c.sql.query("SELECT registration_number FROM normative_document WHERE registration_number LIKE ?", p));
  int highest = 0;
  for (const auto& row : q.rows) {
    std::string n = sql_text(row[0]).substr(prefix.size());
    if (!n.empty() && n.find_first_not_of("0123456789") == std::string::npos) highest = std::max(highest, std::stoi(n));
  }
  return fmt::format("{}{:03}", prefix, highest + 1);
}

}  // namespace

Result<void> normative_document_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                     const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  if (step && step->name == "submit_for_review") {
    // Sent (again) for review: an earlier review's conclusion no longer stands.
    set_field(l, r, "legality_reviewed_on", nullptr);
    set_field(l, r, "legality_review_opinion", nullptr);
  }
  FAZHI_TRY(require_not_before(c, r, step, "submitted_for_review_on", "drafted_on"));
  FAZHI_TRY(require_not_before(c, r, step, "legality_reviewed_on", "submitted_for_review_on"));
  FAZHI_TRY(require_not_before(c, r, step, "discussed_on", "legality_reviewed_on"));
  FAZHI_TRY(require_not_before(c, r, step, "published_on", "discussed_on"));
  FAZHI_TRY(require_not_before(c, r, step, "filed_on", "published_on"));
  FAZHI_TRY(require_not_before(c, r, step, "effective_on", "published_on"));
  FAZHI_TRY(require_not_before(c, r, step, "valid_until", "effective_on"));
  FAZHI_TRY(require_not_before(c, r, step, "cleanup_on", "published_on"));
  FAZHI_TRY(require_not_before(c, r, step, "abolished_on", "published_on"));
  if (step && step->name == "pass_review" && text_field(l, r, "legality_review_opinion") == "disapproved")
    return rule_refusal(c, r, step, "审核结论为「不同意」的，应当退回起草单位修改，不能作为审核通过",
                        "legality_review_opinion");
  if (step && step->name == "discuss" && text_field(l, r, "legality_review_opinion") == "disapproved")
    return order_refusal(c, r, step, "合法性审核意见为「不同意」的，不得提交集体审议（国办发〔2018〕115号）",
                         "legality_review_opinion");
  if (step && step->name == "publish" && !has_field(l, r, "registration_number")) {
    auto published = date_field(l, r, "published_on");
    FAZHI_ASSIGN_OR_RETURN(std::string number,
                           next_registration_number(c, r.org_code, published ? published->year() : 0));
    set_field(l, r, "registration_number", number);
  }
  // Filing timeliness: filed on or before the last day of the region's filing period.
  auto published = date_field(l, r, "published_on");
  auto filed = date_field(l, r, "filed_on");
  const TimeLimitDeclaration* national = declared_limit(l, "filing");
  if (published && filed && national) {
    auto region = current_region_time_limits();
    const TimeLimitDeclaration& limit = region_time_limit(*region, l, *national);
    const WorkingDayCalendar& calendar = default_calendar();
    auto due = limit.count == DayCount::kWorkingDays ? calendar.add_working_days(*published, limit.days)
                                                     : calendar.calendar_deadline(*published, limit.days);
    if (due) set_field(l, r, "filing_timely", std::int64_t{*filed <= *due ? 1 : 0});
  } else {
    set_field(l, r, "filing_timely", nullptr);
  }
  return ok();
}

Result<void> legality_review_rule(const RuleContext& c, const LedgerRecord*, LedgerRecord& r,
                                  const TransitionDeclaration* step) {
  const LedgerDeclaration& l = c.ledger;
  FAZHI_TRY(require_not_before(c, r, step, "opinion_on", "received_on"));
  if (step && step->name == "return") FAZHI_TRY(require_not_before(c, r, step, "returned_on", "received_on"));
  auto received = date_field(l, r, "received_on");
  auto opinion = date_field(l, r, "opinion_on");
  set_field(l, r, "days_taken", nullptr);
  if (received && opinion) {
    auto days = default_calendar().working_days_between(*received, *opinion);
    if (days) set_field(l, r, "days_taken", static_cast<std::int64_t>(*days));
  }
  return ok();
}

}  // namespace fazhi

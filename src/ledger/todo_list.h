// The one to-do list (待办): every running statutory deadline of every ledger a user may read,
// within their organisation scope, that is due soon (即将到期), due today (今日到期) or overdue
// (已超期) on a given day, each with the time limit that set it and that limit's source.
//
// The deadlines are those of deadline.h (compute_deadlines), computed in SQL against the
// working-day table (working_day_table.h) so that a request reads only the open records
// near their due dates — through one partial index per time limit on its start field, over
// the records the limit still runs on (`until` empty, an active state, applies_if) — never
// every record of the million-row ledgers. Nothing is stored: a corrected date or a new
// holiday notice changes the list at once.
//
// Scope is the ledgers' own (LedgerService::scope_sql): the user's organisation and
// everything below it, plus the records a ledger makes visible to another organisation
// (a reconsideration case to the respondent organ, a ticket to its handling unit).
//
// The list also holds the yearly duties not yet met (yearly_duties.h): a principal leader
// whose 述法 of the year is not recorded, a government short of its 法治专题讲座 — from the
// duty's due-soon days before its due day until the next year's takes its place. Such an item
// names its owner (the organisation, or the leader in the people ledger) as its record.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "ledger/deadline.h"
#include "ledger/ledger_service.h"
#include "ledger/yearly_duties.h"

namespace fazhi {

// What the list is asked for.
struct TodoQuery {
  Date today;          // the day the states are reckoned on
  std::string org;     // narrow to this organisation's subtree (by owner); empty: the whole scope
  std::string ledger;  // only this ledger (for a duty, the ledger whose records meet it)
  std::string state;   // "due_soon", "due_today" or "overdue"; empty: all three
  int page = 1;        // from 1
  int page_size = 50;  // items a page; 0: every item (the CLI)
};

// One running deadline, or one yearly duty not yet met.
struct TodoItem {
  const LedgerDeclaration* ledger = nullptr;
  const TimeLimitDeclaration* limit = nullptr;  // null for a duty
  // A duty (`limit` null): the duty as the region applies it, its year and the records
  // that count so far; `ledger` and `record` are its owner (organizations or people).
  std::optional<DutyInForce> duty;
  int duty_year = 0;
  std::int64_t duty_done = 0;
  std::int64_t record = 0;
  std::string record_title;
  Date due;
  DeadlineState state = DeadlineState::kDueSoon;  // kDueSoon, kDueToday or kOverdue
  std::string org_code;
  std::string org_name;
};

// A page of the list, ordered by due date (oldest first), then ledger, record and step,
// with the totals of each state over the whole list (ignoring `state`).
struct TodoPage {
  std::int64_t total = 0;  // items matching the query, all pages
  int page = 1;
  int page_size = 50;
  std::int64_t due_soon = 0;
  std::int64_t due_today = 0;
  std::int64_t overdue = 0;
  std::vector<TodoItem> items;
};

// The list for `user`. Fails with kInvalidInput naming the parameter for an unknown ledger,
// organisation or state, and with kForbidden when `ledger` is named and the role may not
// read it; ledgers the role may not read are otherwise left out silently.
Result<TodoPage> list_todo(LedgerService& service, const UserContext& user, const TodoQuery& query);

// The rule that sets a limit's deadline, in words: "受理审查期限：受理之日起5个工作日".
std::string todo_rule(const LedgerDeclaration& ledger, const TimeLimitDeclaration& limit);
// An item's step, its label, its rule in words and its source, for deadlines and duties alike.
std::string todo_step(const TodoItem& item);
std::string todo_step_label(const TodoItem& item);
std::string todo_item_rule(const TodoItem& item);
std::string todo_source(const TodoItem& item);

// {"kind":"deadline","ledger","ledger_label","record","record_title","step","step_label",
//  "due","state","state_label","rule","source","org_code","org_name"}; a duty has "kind":
//  "duty", its owner as ledger and record, and "duty_ledger", "duty_ledger_label", "year",
//  "minimum", "done" and "note" ("2025年度已记录1期，应不少于2期").
nlohmann::json todo_item_to_json(const TodoItem& item);
// {"total","page","page_size","totals":{"due_soon","due_today","overdue"},"items":[…]}.
nlohmann::json todo_page_to_json(const TodoPage& page);

// What the list needs in the database: the working-day table, the partial index of each
// time limit and those of the yearly duties. Idempotent; a migration per version of the
// calendar and of the declarations.
Result<void> ensure_todo_schema(Store& store);

// The predicate over a ledger's columns under which `limit` is still running (its `until`
// empty, an active state, its applies_if), as SQL with literal constants from the
// declaration — the same text in the partial index and the query, so the planner uses it.
std::string running_limit_predicate(const LedgerDeclaration& ledger, const TimeLimitDeclaration& limit);

}  // namespace fazhi

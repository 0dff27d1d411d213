// A ledger (台账) declared as data: its fields, states and transitions, statutory time
// limits, and who may read and write it. One declaration yields the table (ledger_schema.h),
// validation (field_validation.h), the JSON API and /api/schema, CSV/XLSX import and export
// with Chinese headers, and list filters. Declarations live in declarations/, one file per
// ledger; logic that is more than data lives in <ledger>_rules.cpp beside them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ledger/role.h"

namespace fazhi {

enum class FieldType {
  kText,          // one line of text
  kLongText,      // paragraphs
  kInteger,       // whole number
  kDecimal,       // exact decimal, kept as text ("1234.50"), e.g. amounts in 元 or 万元
  kDate,          // YYYY-MM-DD
  kDateTime,      // YYYY-MM-DDTHH:MM:SS, local (Beijing) time
  kEnum,          // one of `options`, stored by value, shown by label
  kBoolean,       // 是/否
  kNationalCode,  // a national code checked by its standard (see `code`)
  kOrgRef,        // an organisation, by its code
  kPersonRef,     // a person (people ledger), by id
  kRecordRef,     // a record of `ref_ledger`, by id
  kAttachment,    // files, by their stored ids (attachments)
};

// Which national code a kNationalCode field holds.
enum class NationalCodeKind {
  kUnifiedSocialCreditCode,  // 统一社会信用代码, GB 32100-2015
  kCitizenId,                // 公民身份号码, GB 11643-1999
  kRegionCode,               // 行政区划代码, GB/T 2260 (6 digits; 9/12 for townships/villages)
};

struct EnumOption {
  std::string value;  // code name, stored
  std::string label;  // Chinese, shown and accepted on import
};

struct FieldDeclaration {
  std::string name;   // column and JSON name, snake_case
  std::string label;  // Chinese label: form label, column header, import header
  FieldType type = FieldType::kText;
  bool required = false;
  bool unique = false;                                                 // unique across the ledger
  bool indexed = false;                                                // filtered or aggregated often: gets an index
  std::vector<EnumOption> options;                                     // kEnum
  NationalCodeKind code = NationalCodeKind::kUnifiedSocialCreditCode;  // kNationalCode
  std::string ref_ledger;                                              // kRecordRef: the ledger referred to
  int max_length = 0;         // text: characters, 0 = the default (200 / 20000)
  std::optional<double> min;  // numbers
  std::optional<double> max;
  std::string help;     // a hint under the form field
  bool in_list = true;  // a default column of the list page
};

struct StateDeclaration {
  std::string name;
  std::string label;
  bool terminal = false;  // no transition leaves it
};

// A step from one of `from` to `to`. `requires_fields` must be non-empty after the step
// (the step's form asks for them); `roles` empty means the ledger's write roles.
struct TransitionDeclaration {
  std::string name;
  std::string label;
  std::vector<std::string> from;
  std::string to;
  std::vector<std::string> requires_fields;
  std::vector<Role> roles;
};

// How the days of a time limit are counted (RULES.md §1).
enum class DayCount {
  kWorkingDays,   // only working days after the event; the Nth is the last day
  kCalendarDays,  // calendar days after the event; a last day that is a rest day moves to
                  // the next working day (民事诉讼法 Art 85(3))
};

// A statutory time limit: `days` counted from the date in field `from`, met when field
// `until` is set (or the record reaches one of `done_states`), running while the record is
// in `active_states` (empty: any non-terminal state). An extension field, when set, adds its
// number of days (approved extensions). `days` 0 means the `from` field is itself the due
// date (a certificate's expiry, a rectification deadline). A region may set its own days
// and counting (region_time_limits.h); the declaration holds the national default.
struct TimeLimitDeclaration {
  std::string name;
  std::string label;  // 受理审查期限
  std::string from;   // date field that starts the period
  int days = 0;
  DayCount count = DayCount::kCalendarDays;
  std::string until;  // date field that ends it (met on or before the due date)
  std::vector<std::string> active_states;
  std::string extension_days_field;  // integer field with approved extra days, optional
  int due_soon_days = 3;             // raised as 即将到期 this many days (calendar) before
  std::string source;                // 行政复议法 第三十条
  // The limit applies only to records whose field `applies_if_field` holds one of
  // `applies_if_values` (stored values: an enum's value, "1"/"0" for a boolean, "" for
  // empty); no field means every record. The simplified procedure's limits, say, apply only
  // to simplified cases, and the 7-day disclosure only to licensing and penalty decisions.
  std::string applies_if_field;
  std::vector<std::string> applies_if_values;
};

// Who owes a yearly duty.
enum class DutyOwner {
  kOrganization,     // each organisation of the listed kinds, by records it owns
  kPrincipalLeader,  // each principal leader (people.principal) of those organisations
};

// A yearly duty (年度职责): at least `minimum` records of this ledger a year from each owner,
// due on a day of that year or of the next — 述法 of the year by each principal leader by
// 31 March after it, two 法治专题讲座 a year by each government's leadership. A region may set
// its own minimum (the `region_yearly_duty` ledger; yearly_duties.h); the declaration holds
// the national default. An owner short of the minimum is on the to-do list from
// `due_soon_days` before the due day until the next year's duty takes its place (todo_list.h).
struct YearlyDutyDeclaration {
  std::string name;   // "law_lectures"
  std::string label;  // 法治专题讲座
  DutyOwner owner = DutyOwner::kOrganization;
  std::vector<std::string> org_kinds;  // organizations.kind values of the organisations owing it
  // What places a record in a year: an integer field holding the year, else a date field.
  std::string year_field;
  std::string date_field;
  std::string person_field;  // kPrincipalLeader: the field naming the leader
  std::string done_field;    // a record counts only once this field is set (empty: always)
  // A record counts only when `kind_field` holds one of `kind_values` (no field: every record).
  std::string kind_field;
  std::vector<std::string> kind_values;
  int minimum = 1;     // records a year, national default
  std::string unit;    // 期, 次 — how the minimum reads
  int due_month = 12;  // the due day: month and day of the duty's year, or of the next
  int due_day = 31;
  bool due_next_year = false;
  int due_soon_days = 30;
  std::string source;  // where the duty and its default minimum come from
};

// Running counts of a ledger of millions of rows (tickets, ratings) by the month of a date
// field, the owner's org_path and the fields its indicators count by, kept by triggers on
// every insert, update and delete (ledger_tally.h), so that a year's figures add up a few
// thousand monthly counts instead of millions of records. Table <ledger>_tally_<name>.
struct MonthlyTallyDeclaration {
  std::string name;
  std::string date_field;            // a date or date-time field: the month it falls in
  std::vector<std::string> columns;  // fields (or state) counted by, besides org_path
};

struct LedgerDeclaration {
  std::string name;         // table, API path, import --ledger
  std::string label;        // 行政复议案件
  std::string area;         // the report chapter area it feeds: disputes, enforcement …
  std::string title_field;  // the field that names a record in lists and messages
  std::vector<FieldDeclaration> fields;
  std::vector<StateDeclaration> states;  // empty: a ledger without workflow
  std::string initial_state;
  std::vector<TransitionDeclaration> transitions;
  std::vector<TimeLimitDeclaration> time_limits;
  std::vector<Role> read_roles = {Role::kAdmin, Role::kCoordinator, Role::kClerk, Role::kLeader, Role::kReader};
  std::vector<Role> write_roles = {Role::kAdmin, Role::kCoordinator, Role::kClerk};
  // An org-reference field whose organisation also sees the record (besides its owner):
  // a reconsideration case is visible to the respondent organ too.
  std::string also_visible_to_field;
  // What each organisation or its principal leaders must record here every year.
  std::vector<YearlyDutyDeclaration> yearly_duties;
  std::vector<MonthlyTallyDeclaration> monthly_tallies;

  const FieldDeclaration* field(std::string_view name) const;
  const StateDeclaration* state(std::string_view name) const;
  const TransitionDeclaration* transition(std::string_view name) const;
  bool can_read(Role role) const;
  bool can_write(Role role) const;
};

}  // namespace fazhi

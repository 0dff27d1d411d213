// Checks every ledger declaration in the catalogue for internal consistency (names, labels,
// enums, states, transitions, time limits, references), then states the right answers for the
// statutory limits and options the workflows rely on, and that every indicator of
// INDICATORS.md finds the fields it is computed from (cases/indicator_fields.txt).
#include "ledger/declarations/declarations.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/case_file.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_table.h"

namespace fazhi {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// The system columns every record has (ledger_table.h, plus the brief's list in case the
// table drops one); declarations must not redeclare their names or labels.
std::set<std::string> with(std::set<std::string> base, const std::vector<std::string>& more) {
  base.insert(more.begin(), more.end());
  return base;
}
const std::set<std::string> kSystemColumns = with(
    {"id", "org_code", "state", "version", "created_at", "created_by", "updated_at", "updated_by"}, system_columns());
const std::set<std::string> kSystemLabels =
    with({"编号", "所属单位", "状态", "创建时间", "创建人", "更新时间", "更新人", "版本"}, system_column_labels());

bool is_snake_case(const std::string& s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  char previous = 0;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
    if (c == '_' && previous == '_') return false;
    previous = c;
  }
  return s.back() != '_';
}

bool is_date_type(FieldType t) {
  return t == FieldType::kDate || t == FieldType::kDateTime;
}

bool contains(const std::vector<Role>& roles, Role r) {
  return std::find(roles.begin(), roles.end(), r) != roles.end();
}

const LedgerDeclaration& ledger_named(const std::string& name) {
  const LedgerDeclaration* l = find_ledger(name);
  if (l == nullptr) {
    ADD_FAILURE() << "no ledger " << name;
    static const LedgerDeclaration kEmpty{};
    return kEmpty;
  }
  return *l;
}

const TimeLimitDeclaration* limit_named(const LedgerDeclaration& l, const std::string& name) {
  for (const auto& t : l.time_limits)
    if (t.name == name) return &t;
  return nullptr;
}

std::vector<std::string> option_values(const FieldDeclaration& f) {
  std::vector<std::string> v;
  for (const auto& o : f.options) v.push_back(o.value + "=" + o.label);
  return v;
}

TEST(LedgerCatalogue, StartsWithOrganizationsAndPeopleAndNamesAreUnique) {
  const auto& all = all_ledgers();
  ASSERT_GE(all.size(), 2u);
  EXPECT_EQ(all[0]->name, "organizations");
  EXPECT_EQ(all[1]->name, "people");
  std::set<std::string> names, labels;
  for (const auto* l : all) {
    SCOPED_TRACE(l->name);
    EXPECT_TRUE(is_snake_case(l->name));
    EXPECT_TRUE(names.insert(l->name).second) << "duplicate ledger name";
    EXPECT_FALSE(l->label.empty());
    EXPECT_TRUE(labels.insert(l->label).second) << "duplicate ledger label " << l->label;
    EXPECT_FALSE(l->area.empty());
    EXPECT_EQ(find_ledger(l->name), l);
  }
  EXPECT_EQ(find_ledger("no_such_ledger"), nullptr);
}

TEST(LedgerCatalogue, DeclaresEveryLedgerTheGlossaryNames) {
  for (const char* name : {"organizations",
                           "people",
                           "reconsideration",
                           "litigation",
                           "enforcement_body",
                           "officer",
                           "certificate",
                           "enforcement_matter",
                           "enforcement_case",
                           "exemption_list",
                           "criminal_transfer",
                           "case_file_review",
                           "inspection_item_list",
                           "inspection_plan",
                           "inspection_target",
                           "inspector",
                           "draw",
                           "inspection_result",
                           "normative_document",
                           "legality_review",
                           "filing",
                           "major_decision",
                           "government_contract",
                           "legal_adviser",
                           "dispute",
                           "mediation",
                           "petition",
                           "hotline_ticket",
                           "service_rating",
                           "legal_publicity",
                           "legal_service",
                           "legal_aid",
                           "supervision_problem",
                           "rectification",
                           "law_report_by_leaders",
                           "law_study_session",
                           "pre_appointment_exam"}) {
    EXPECT_NE(find_ledger(name), nullptr) << name;
  }
}

TEST(LedgerDeclarations, FieldsAreWellFormed) {
  for (const auto* l : all_ledgers()) {
    SCOPED_TRACE(l->name);
    std::set<std::string> names, labels;
    ASSERT_FALSE(l->fields.empty());
    for (const auto& f : l->fields) {
      SCOPED_TRACE(f.name);
      EXPECT_TRUE(is_snake_case(f.name));
      EXPECT_TRUE(names.insert(f.name).second) << "duplicate field name";
      EXPECT_EQ(kSystemColumns.count(f.name), 0u) << "redeclares a system column";
      EXPECT_FALSE(f.label.empty());
      EXPECT_TRUE(labels.insert(f.label).second) << "duplicate label " << f.label;
      EXPECT_EQ(kSystemLabels.count(f.label), 0u) << "label clashes with a system column: " << f.label;
      if (f.type == FieldType::kEnum) {
        EXPECT_FALSE(f.options.empty()) << "enum without options";
        std::set<std::string> values, option_labels;
        for (const auto& o : f.options) {
          EXPECT_FALSE(o.value.empty());
          EXPECT_FALSE(o.label.empty());
          EXPECT_TRUE(values.insert(o.value).second) << "duplicate option value " << o.value;
          EXPECT_TRUE(option_labels.insert(o.label).second) << "duplicate option label " << o.label;
        }
      } else {
        EXPECT_TRUE(f.options.empty()) << "options on a non-enum field";
      }
      if (f.type == FieldType::kRecordRef) {
        EXPECT_NE(find_ledger(f.ref_ledger), nullptr) << "reference to unknown ledger '" << f.ref_ledger << "'";
      } else {
        EXPECT_TRUE(f.ref_ledger.empty()) << "ref_ledger on a non-reference field";
      }
      if (f.min && f.max) {
        EXPECT_LE(*f.min, *f.max);
      }
      if (f.min || f.max) {
        EXPECT_TRUE(f.type == FieldType::kInteger || f.type == FieldType::kDecimal) << "bounds on a non-number";
      }
      EXPECT_GE(f.max_length, 0);
    }
    EXPECT_NE(l->field(l->title_field), nullptr) << "title_field '" << l->title_field << "' is not a field";
    if (!l->also_visible_to_field.empty()) {
      const FieldDeclaration* f = l->field(l->also_visible_to_field);
      ASSERT_NE(f, nullptr) << "also_visible_to_field is not a field";
      EXPECT_EQ(f->type, FieldType::kOrgRef);
    }
  }
}

TEST(LedgerDeclarations, StatesAndTransitionsAreConsistent) {
  for (const auto* l : all_ledgers()) {
    SCOPED_TRACE(l->name);
    if (l->states.empty()) {
      EXPECT_TRUE(l->initial_state.empty());
      EXPECT_TRUE(l->transitions.empty());
      continue;
    }
    std::set<std::string> states, state_labels;
    for (const auto& s : l->states) {
      EXPECT_TRUE(is_snake_case(s.name)) << s.name;
      EXPECT_TRUE(states.insert(s.name).second) << "duplicate state " << s.name;
      EXPECT_FALSE(s.label.empty());
      EXPECT_TRUE(state_labels.insert(s.label).second) << "duplicate state label " << s.label;
    }
    ASSERT_NE(l->state(l->initial_state), nullptr) << "initial_state '" << l->initial_state << "'";
    EXPECT_FALSE(l->state(l->initial_state)->terminal);
    std::set<std::string> names;
    std::map<std::string, std::vector<std::string>> next;
    for (const auto& t : l->transitions) {
      SCOPED_TRACE(t.name);
      EXPECT_TRUE(is_snake_case(t.name));
      EXPECT_TRUE(names.insert(t.name).second) << "duplicate transition";
      EXPECT_FALSE(t.label.empty());
      EXPECT_FALSE(t.from.empty());
      ASSERT_NE(l->state(t.to), nullptr) << "to state '" << t.to << "'";
      for (const auto& from : t.from) {
        const StateDeclaration* s = l->state(from);
        ASSERT_NE(s, nullptr) << "from state '" << from << "'";
        EXPECT_FALSE(s->terminal) << "a transition leaves terminal state " << from;
        next[from].push_back(t.to);
      }
      for (const auto& field : t.requires_fields) EXPECT_NE(l->field(field), nullptr) << "requires " << field;
      for (Role r : t.roles) EXPECT_TRUE(contains(l->write_roles, r)) << "transition role outside write roles";
    }
    // Every state is reachable from the initial one, and every non-terminal state but the
    // end states of a workflow has a way on (a state nothing leaves must say it is terminal).
    std::set<std::string> seen = {l->initial_state};
    std::vector<std::string> todo = {l->initial_state};
    while (!todo.empty()) {
      const std::string s = todo.back();
      todo.pop_back();
      for (const auto& n : next[s])
        if (seen.insert(n).second) todo.push_back(n);
    }
    for (const auto& s : l->states) {
      EXPECT_TRUE(seen.count(s.name)) << "state " << s.name << " cannot be reached";
      if (next[s.name].empty() && !s.terminal) {
        // Allowed only for states that a record may rest in indefinitely (e.g. a won lawsuit
        // stays concluded); list them here so a forgotten terminal flag is caught.
        static const std::set<std::string> kResting = {"litigation.concluded", "dispute.resolved",
                                                       "mediation.succeeded"};
        EXPECT_TRUE(kResting.count(l->name + "." + s.name)) << "state " << s.name << " has no way on";
      }
    }
  }
}

TEST(LedgerDeclarations, TimeLimitsAreWellFormed) {
  for (const auto* l : all_ledgers()) {
    SCOPED_TRACE(l->name);
    std::set<std::string> names;
    for (const auto& t : l->time_limits) {
      SCOPED_TRACE(t.name);
      EXPECT_TRUE(is_snake_case(t.name));
      EXPECT_TRUE(names.insert(t.name).second) << "duplicate time limit";
      EXPECT_FALSE(t.label.empty());
      EXPECT_GE(t.days, 0);  // 0: the `from` date is itself the due date
      EXPECT_GE(t.due_soon_days, 0);
      EXPECT_FALSE(t.source.empty()) << "a time limit must cite its law";
      const FieldDeclaration* from = l->field(t.from);
      ASSERT_NE(from, nullptr) << "from field '" << t.from << "'";
      EXPECT_TRUE(is_date_type(from->type)) << "from field is not a date";
      if (t.until.empty()) {
        // A limit nothing meets (a validity running out) must stop with its states.
        EXPECT_FALSE(t.active_states.empty()) << "a limit without an until field needs active states";
      } else {
        const FieldDeclaration* until = l->field(t.until);
        ASSERT_NE(until, nullptr) << "until field '" << t.until << "'";
        EXPECT_TRUE(is_date_type(until->type)) << "until field is not a date";
      }
      for (const auto& s : t.active_states) EXPECT_NE(l->state(s), nullptr) << "active state " << s;
      if (!t.extension_days_field.empty()) {
        const FieldDeclaration* ext = l->field(t.extension_days_field);
        ASSERT_NE(ext, nullptr) << "extension field '" << t.extension_days_field << "'";
        EXPECT_EQ(ext->type, FieldType::kInteger);
      }
    }
  }
}

TEST(LedgerDeclarations, RolesAreSensible) {
  for (const auto* l : all_ledgers()) {
    SCOPED_TRACE(l->name);
    EXPECT_FALSE(l->write_roles.empty());
    for (Role r : l->write_roles) EXPECT_TRUE(l->can_read(r)) << "a writer must be able to read";
    EXPECT_TRUE(l->can_write(Role::kAdmin));
    EXPECT_TRUE(l->can_write(Role::kCoordinator));
    EXPECT_FALSE(l->can_write(Role::kLeader));
    EXPECT_FALSE(l->can_write(Role::kReader));
    EXPECT_TRUE(l->can_read(Role::kLeader));
  }
}

// --- The right answers (RULES.md) ------------------------------------------------------------

TEST(ReconsiderationDeclaration, TimeLimitsFollowTheLaw) {
  const auto& l = ledger_named("reconsideration");
  struct Expect {
    const char* name;
    const char* from;
    const char* until;
    int days;
    DayCount count;
    const char* extension;
    const char* source;
  };
  for (const Expect& e : {
           Expect{"examination", "received_on", "examined_on", 5, DayCount::kWorkingDays, "", "行政复议法 第三十条"},
           Expect{"supplement_notice", "received_on", "supplement_requested_on", 5, DayCount::kWorkingDays, "",
                  "行政复议法 第三十一条"},
           Expect{"supplement_by_applicant", "supplement_requested_on", "supplement_received_on", 10,
                  DayCount::kWorkingDays, "supplement_extension_days", "行政复议法 第三十一条"},
           Expect{"copy_to_respondent", "accepted_on", "copy_sent_on", 7, DayCount::kWorkingDays, "",
                  "行政复议法 第四十八条"},
           Expect{"copy_to_respondent_simplified", "accepted_on", "copy_sent_on", 3, DayCount::kWorkingDays, "",
                  "行政复议法 第五十四条"},
           Expect{"respondent_reply", "copy_received_on", "reply_on", 10, DayCount::kWorkingDays, "",
                  "行政复议法 第四十八条"},
           Expect{"respondent_reply_simplified", "copy_received_on", "reply_on", 5, DayCount::kWorkingDays, "",
                  "行政复议法 第五十四条"},
           // added_days: the approved extension plus suspended days, kept by the rule.
           Expect{"decision", "accepted_on", "concluded_on", 60, DayCount::kCalendarDays, "added_days",
                  "行政复议法 第六十二条"},
           Expect{"decision_simplified", "accepted_on", "concluded_on", 30, DayCount::kCalendarDays, "added_days",
                  "行政复议法 第六十二条"},
       }) {
    SCOPED_TRACE(e.name);
    const TimeLimitDeclaration* t = limit_named(l, e.name);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->from, e.from);
    EXPECT_EQ(t->until, e.until);
    EXPECT_EQ(t->days, e.days);
    EXPECT_EQ(t->count, e.count);
    EXPECT_EQ(t->extension_days_field, e.extension);
    EXPECT_EQ(t->source, e.source);
  }
  // The extension is at most 30 days (Art 62).
  ASSERT_NE(l.field("extension_days"), nullptr);
  EXPECT_EQ(l.field("extension_days")->max, 30);
  EXPECT_THAT(limit_named(l, "examination")->active_states, ElementsAre("received"));
  EXPECT_THAT(limit_named(l, "examination_after_supplement")->active_states, ElementsAre("supplemented"));
  // While a case runs, its state picks the procedure's limits; a suspension pauses the period
  // (第三十九条), and resuming adds the suspended days.
  EXPECT_THAT(limit_named(l, "decision")->active_states, ElementsAre("accepted", "hearing", "mediation", "extended"));
  EXPECT_THAT(limit_named(l, "decision_simplified")->active_states, ElementsAre("accepted_simplified"));
  EXPECT_THAT(limit_named(l, "copy_to_respondent_simplified")->active_states, ElementsAre("accepted_simplified"));
  EXPECT_THAT(limit_named(l, "respondent_reply_simplified")->active_states, ElementsAre("accepted_simplified"));
}

TEST(ReconsiderationDeclaration, DecisionKindsAreTheGlossarys) {
  const auto& l = ledger_named("reconsideration");
  const FieldDeclaration* f = l.field("decision_kind");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->type, FieldType::kEnum);
  EXPECT_TRUE(f->indexed);
  EXPECT_THAT(
      option_values(*f),
      ElementsAre("maintained=维持", "claim_rejected=驳回复议请求", "application_dismissed=驳回复议申请",
                  "revoked=撤销", "changed=变更", "confirmed_unlawful=确认违法", "ordered_to_perform=责令履行",
                  "confirmed_invalid=确认无效", "mediated=调解", "settled_withdrawn=和解撤回", "terminated=终止"));
}

TEST(ReconsiderationDeclaration, WorkflowScopeAndRoles) {
  const auto& l = ledger_named("reconsideration");
  EXPECT_EQ(l.initial_state, "received");
  EXPECT_EQ(l.also_visible_to_field, "respondent_org");
  EXPECT_EQ(l.field("respondent_org")->type, FieldType::kOrgRef);
  ASSERT_NE(l.transition("accept"), nullptr);
  EXPECT_THAT(l.transition("accept")->from, ElementsAre("received", "supplemented"));
  EXPECT_EQ(l.transition("accept")->to, "accepted");
  ASSERT_NE(l.transition("accept_simplified"), nullptr);
  EXPECT_EQ(l.transition("accept_simplified")->to, "accepted_simplified");
  EXPECT_THAT(l.transition("accept_simplified")->requires_fields,
              ElementsAre("accepted_on", "examination_outcome", "simplified"));
  EXPECT_EQ(l.transition("convert_to_ordinary")->to, "accepted");
  ASSERT_NE(l.transition("conclude"), nullptr);
  EXPECT_EQ(l.transition("conclude")->to, "concluded");
  EXPECT_THAT(l.transition("conclude")->requires_fields, ElementsAre("decision_kind", "concluded_on"));
  EXPECT_THAT(l.transition("extend")->requires_fields,
              ElementsAre("extension_days", "extension_approved_on", "extension_notified_on"));
  for (const char* terminal : {"not_accepted", "redirected", "abandoned", "concluded"})
    EXPECT_TRUE(l.state(terminal)->terminal) << terminal;
  EXPECT_THAT(l.write_roles, ElementsAre(Role::kAdmin, Role::kCoordinator, Role::kClerk));
  EXPECT_TRUE(l.can_read(Role::kLeader));
  EXPECT_TRUE(l.can_read(Role::kReader));
  for (const char* f : {"received_on", "accepted_on", "concluded_on", "decision_kind", "simplified"})
    EXPECT_TRUE(l.field(f)->indexed) << f;
  EXPECT_TRUE(l.field("received_on")->required);
}

TEST(LitigationDeclaration, InstancesHeadsAndDefence) {
  const auto& l = ledger_named("litigation");
  EXPECT_TRUE(l.also_visible_to_field.empty());
  const FieldDeclaration* instance = l.field("instance");
  ASSERT_NE(instance, nullptr);
  EXPECT_THAT(option_values(*instance), ElementsAre("first=一审", "second=二审", "retrial=再审"));
  const FieldDeclaration* previous = l.field("previous_instance");
  ASSERT_NE(previous, nullptr);
  EXPECT_EQ(previous->type, FieldType::kRecordRef);
  EXPECT_EQ(previous->ref_ledger, "litigation");
  EXPECT_EQ(l.field("head_notified")->type, FieldType::kBoolean);
  EXPECT_THAT(option_values(*l.field("head_appeared")),
              ElementsAre("principal=正职负责人出庭", "deputy=副职负责人出庭", "not_appeared=负责人未出庭"));
  EXPECT_THAT(option_values(*l.field("outcome")), ElementsAre("won=胜诉", "lost=败诉", "withdrawn=原告撤诉",
                                                              "mediated=调解结案", "dismissed=驳回起诉", "other=其他"));
  const TimeLimitDeclaration* defence = limit_named(l, "defence");
  ASSERT_NE(defence, nullptr);
  EXPECT_EQ(defence->from, "complaint_served_on");
  EXPECT_EQ(defence->until, "defence_submitted_on");
  EXPECT_EQ(defence->days, 15);
  EXPECT_EQ(defence->count, DayCount::kCalendarDays);
  EXPECT_EQ(defence->source, "行政诉讼法 第六十七条");
  for (const auto& t : l.time_limits) EXPECT_EQ(t.count, DayCount::kCalendarDays) << t.name;  // RULES.md §1
}

TEST(OtherDeclarations, StatutoryLimits) {
  struct Expect {
    const char* ledger;
    const char* limit;
    const char* from;
    int days;
    DayCount count;
    const char* source;
  };
  for (const Expect& e : {
           Expect{"petition", "acceptance_notice", "received_on", 15, DayCount::kCalendarDays,
                  "信访工作条例 第二十三条"},
           Expect{"petition", "handling", "accepted_on", 60, DayCount::kCalendarDays, "信访工作条例 第三十四条"},
           Expect{"petition", "review", "review_requested_on", 30, DayCount::kCalendarDays, "信访工作条例 第三十五条"},
           Expect{"petition", "recheck", "recheck_requested_on", 30, DayCount::kCalendarDays,
                  "信访工作条例 第三十六条"},
           Expect{"enforcement_case", "penalty_decision", "opened_on", 90, DayCount::kCalendarDays,
                  "行政处罚法 第六十条"},
           Expect{"openness_request", "reply", "received_on", 20, DayCount::kWorkingDays,
                  "政府信息公开条例 第三十三条"},
       }) {
    SCOPED_TRACE(std::string(e.ledger) + "." + e.limit);
    const TimeLimitDeclaration* t = limit_named(ledger_named(e.ledger), e.limit);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->from, e.from);
    EXPECT_EQ(t->days, e.days);
    EXPECT_EQ(t->count, e.count);
    EXPECT_EQ(t->source, e.source);
  }
  const auto& petition = ledger_named("petition");
  EXPECT_EQ(limit_named(petition, "handling")->extension_days_field, "extension_days");
  EXPECT_EQ(petition.field("extension_days")->max, 30);

  const auto& enforcement = ledger_named("enforcement_case");
  EXPECT_EQ(limit_named(enforcement, "disclosure_licensing_penalty")->days, 7);
  EXPECT_EQ(limit_named(enforcement, "disclosure_licensing_penalty")->count, DayCount::kWorkingDays);
  EXPECT_EQ(limit_named(enforcement, "disclosure_other")->days, 20);
  EXPECT_EQ(limit_named(enforcement, "disclosure_other")->until, "disclosed_on");

  const auto& documents = ledger_named("normative_document");
  const TimeLimitDeclaration* filing = limit_named(documents, "filing");
  ASSERT_NE(filing, nullptr);
  EXPECT_EQ(filing->from, "published_on");
  EXPECT_EQ(filing->until, "filed_on");
  EXPECT_EQ(filing->days, 30);
  EXPECT_EQ(filing->count, DayCount::kCalendarDays);

  const TimeLimitDeclaration* results = limit_named(ledger_named("inspection_result"), "result_disclosure");
  ASSERT_NE(results, nullptr);
  EXPECT_EQ(results->days, 20);
  EXPECT_EQ(results->count, DayCount::kWorkingDays);
}

TEST(OtherDeclarations, GradesRisksAndStars) {
  EXPECT_THAT(option_values(*ledger_named("case_file_review").field("grade")),
              ElementsAre("excellent=优秀", "pass=合格", "fail=不合格"));
  const FieldDeclaration* risk = ledger_named("inspection_target").field("credit_risk_class");
  ASSERT_NE(risk, nullptr);
  std::vector<std::string> values;
  for (const auto& o : risk->options) values.push_back(o.value);
  EXPECT_THAT(values, ElementsAre("A", "B", "C", "D"));
  const FieldDeclaration* stars = ledger_named("service_rating").field("stars");
  ASSERT_NE(stars, nullptr);
  EXPECT_EQ(stars->min, 1);
  EXPECT_EQ(stars->max, 5);
  const FieldDeclaration* uscc = ledger_named("inspection_target").field("uscc");
  EXPECT_EQ(uscc->type, FieldType::kNationalCode);
  EXPECT_EQ(uscc->code, NationalCodeKind::kUnifiedSocialCreditCode);
}

// Every indicator of INDICATORS.md names the ledger and fields (with enum values, if any) it
// is computed from; each must exist. Columns: indicator, ledger, then field or field=v1,v2.
TEST(IndicatorCoverage, EveryIndicatorFindsItsFields) {
  const auto cases = testing::read_cases("indicator_fields.txt");
  EXPECT_GE(cases.size(), 100u);
  std::set<std::string> ids;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.where());
    EXPECT_TRUE(ids.insert(c[0]).second) << "indicator listed twice";
    const LedgerDeclaration* l = find_ledger(c[1]);
    ASSERT_NE(l, nullptr) << "ledger " << c[1];
    for (std::size_t i = 2; i < c.columns.size(); ++i) {
      const std::string& spec = c.columns[i];
      const auto eq = spec.find('=');
      const std::string name = spec.substr(0, eq);
      if (name == "state") {  // a system column: the values must be states
        std::stringstream values(spec.substr(eq + 1));
        for (std::string v; std::getline(values, v, ',');) EXPECT_NE(l->state(v), nullptr) << "state " << v;
        continue;
      }
      const FieldDeclaration* f = l->field(name);
      ASSERT_NE(f, nullptr) << "field " << name;
      if (eq == std::string::npos) continue;
      std::stringstream values(spec.substr(eq + 1));
      for (std::string v; std::getline(values, v, ',');) {
        if (f->type == FieldType::kBoolean) {
          EXPECT_TRUE(v == "true" || v == "false") << v;
          continue;
        }
        ASSERT_EQ(f->type, FieldType::kEnum) << name << " takes no values";
        EXPECT_TRUE(
            std::any_of(f->options.begin(), f->options.end(), [&](const EnumOption& o) { return o.value == v; }))
            << name << " has no option " << v;
      }
    }
  }
}

}  // namespace
}  // namespace fazhi

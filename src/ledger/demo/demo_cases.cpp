// The workflow ledgers of the demo city, generated as cases really run (see demo_cases.h).
// Each record's whole course is drawn first; whatever would happen after 2025-12-31 is then
// cut off, so the state is the one the record has reached by that day and its dates agree.
#include "ledger/demo/demo_cases.h"

#include <fmt/format.h>

#include <algorithm>

#include "ledger/attachment_store.h"
#include "ledger/demo/demo_generic.h"
#include "ledger/ledger_catalogue.h"

namespace fazhi::demo {
namespace {

int volume(const DemoCity& city, int per_year_city, int per_year_small) {
  return city.small() ? per_year_small : per_year_city;
}

// Draws an index by cumulative weights (binary search: the big ledgers draw millions).
class WeightedPick {
 public:
  explicit WeightedPick(std::vector<double> weights) {
    double total = 0;
    for (double w : weights) cumulative_.push_back(total += w);
  }
  size_t operator()(DemoRandom& rng) const {
    double x = rng.unit() * cumulative_.back();
    return static_cast<size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), x) - cumulative_.begin());
  }

 private:
  std::vector<double> cumulative_;
};

Date year_start(int year) {
  return *Date::from_ymd(year, 1, 1);
}
Date year_end(int year) {
  return *Date::from_ymd(year, 12, 31);
}
Date day_in_year(DemoRandom& rng, int year) {
  Date d = random_working_day(rng, year_start(year), year_end(year));
  return d > last_day() ? last_day() : d;
}

// At small scale, most of the last year's cases start in its last weeks, so that the tests'
// little city still has cases open in every state when the year ends.
bool showcase(const DemoCity& city, int year) {
  return city.small() && year == kLastYear;
}
Date case_day(const DemoCity& city, DemoRandom& rng, int year) {
  if (showcase(city, year) && rng.chance(0.6))
    return random_working_day(rng, *Date::from_ymd(year, 10, 20), *Date::from_ymd(year, 12, 29));
  return day_in_year(rng, year);
}

// The case-number prefix of an organisation: 示 for the city level, 甲 for 甲区 …
std::string prefix_of(const DemoCity& city, size_t org) {
  int c = city.orgs[org].county;
  return c < 0 ? "示" : city.counties[c].prefix;
}

// Runs `per_year` records a year, one batch a year.
Result<void> yearly(DemoCity& city, Store& store, const char* name,
                    const std::function<Result<void>(LedgerWriter&, int year)>& year_body) {
  LedgerWriter writer(city, store, *find_ledger(name));
  for (int year = kFirstYear; year <= kLastYear; ++year)
    FAZHI_TRY(writer.batch([&]() { return year_body(writer, year); }));
  return ok();
}

std::string money(DemoRandom& rng, int lo, int hi) {
  return fmt::format("{}.{:02d}", rng.uniform(lo, hi), rng.uniform(0, 99));
}

// ---- enforcement cases ----------------------------------------------------------------

struct DisputeCourse {
  std::int64_t id;
  size_t township;
  Date found;
  std::string kind, subject, parties, amount;
  std::int64_t party_count;
  int outcome;  // 0 open, 1 resolved, 2 failed
  bool mediated;
  Date ended;
  bool confirmed;
  Date confirmed_on;
};
std::vector<DisputeCourse>& dispute_courses() {
  static thread_local std::vector<DisputeCourse> v;
  return v;
}

struct DocumentCourse {
  std::int64_t id;
  size_t owner;
  Date filed;
  std::string outcome;
  bool government;
};
std::vector<DocumentCourse>& document_courses() {
  static thread_local std::vector<DocumentCourse> v;
  return v;
}

struct ProblemCourse {
  std::int64_t id;
  size_t owner, responsible;
  Date found, deadline;
  std::string state;
  std::optional<Date> rectified, signed_off;
};
std::vector<ProblemCourse>& problem_courses() {
  static thread_local std::vector<ProblemCourse> v;
  return v;
}

}  // namespace

void reset_case_courses() {
  dispute_courses().clear();
  document_courses().clear();
  problem_courses().clear();
}

Result<void> generate_enforcement_cases(DemoCity& city, Store& store) {
  DemoRandom rng = DemoRandom::stream(city.seed, "enforcement_case");
  std::vector<double> weights;
  for (const auto& b : city.bodies) weights.push_back(city.orgs[b.org].weight);
  WeightedPick pick_body(weights);
  static const std::vector<std::string> kKinds = {"inspection", "penalty",    "licensing",
                                                  "coercion",   "collection", "other"};
  WeightedPick pick_kind({40, 35, 15, 5, 2, 3});
  static const std::map<std::string, std::string> kKindChar = {{"inspection", "检"}, {"penalty", "罚"},
                                                               {"licensing", "许"},  {"coercion", "强"},
                                                               {"collection", "征"}, {"other", "执"}};
  const auto& exemptions = city.ids["exemption_list"];
  const int per_year = volume(city, 50000, 60);
  std::int64_t serial = 0;
  return yearly(city, store, "enforcement_case", [&](LedgerWriter& w, int year) -> Result<void> {
    for (int k = 0; k < per_year; ++k) {
      ++serial;
      const DemoCity::Body& body =
          city.bodies[city.small() && k < static_cast<int>(city.bodies.size()) ? k : pick_body(rng)];
      const DemoOrg& org = city.orgs[body.org];
      const std::string& kind = kKinds[city.small() && k < 6 ? k : pick_kind(rng)];
      RecordBuilder& b = w.builder();
      Date opened = case_day(city, rng, year);
      b.set_text("case_number", fmt::format("{}{}{}立〔{}〕{}号", prefix_of(city, body.org),
                                            org.short_name.substr(0, 6), kKindChar.at(kind), year, serial));
      b.set_text("kind", kind);
      if (!body.matters.empty()) b.set_int("matter", rng.pick(body.matters));
      b.set_int("enforcement_body", body.id);
      bool company = rng.chance(0.7);
      if (company) {
        b.set_text("party", company_name(rng));
        b.set_text("party_uscc", credit_code(rng, '9', '1', org.region));
      } else {
        b.set_text("party", person_name(rng));
      }
      b.set_text("case_cause", kind == "penalty"      ? "涉嫌违反" + org.area + "管理规定"
                               : kind == "licensing"  ? "申请" + org.area + "许可"
                               : kind == "inspection" ? org.area + "日常监督检查"
                                                      : org.area + "执法事项");
      if (body.officers.size() >= 2) {
        size_t a = rng.index(body.officers.size());
        size_t c = (a + 1 + rng.index(body.officers.size() - 1)) % body.officers.size();
        b.set_text("officers", body.officers[a] + "、" + body.officers[c]);
      } else {
        b.set_text("officers", person_name(rng) + "、" + person_name(rng));
      }
      b.set_date("opened_on", opened);
      bool major = kind == "penalty" && rng.chance(showcase(city, year) ? 0.5 : 0.05);
      b.set_bool("is_major", major);
      Date decided;
      if (kind == "penalty")
        decided = opened.add_days(rng.chance(0.03) ? rng.uniform(91, 130) : rng.uniform(10, 85));
      else if (kind == "licensing")
        decided = add_workdays(opened, static_cast<int>(rng.uniform(1, 15)));
      else
        decided = opened.add_days(rng.uniform(0, 25));
      // 1% of the year's last cases are stuck: never decided (overdue on the to-do list).
      bool stuck = year == kLastYear && rng.chance(0.01);
      std::optional<Date> reviewed;
      bool disapproved = false;
      if (major) {
        decided = std::max(decided, opened.add_days(3));
        reviewed = opened.add_days(rng.uniform(1, std::max<std::int64_t>(1, days_between(opened, decided) - 1)));
        if (*reviewed <= last_day() && !(stuck && rng.chance(0.5))) {
          b.set_date("legal_review_on", *reviewed);
          std::string opinion = rng.chance(0.85)  ? "approved"
                                : rng.chance(0.9) ? "approved_with_changes"
                                                  : "disapproved";
          b.set_text("legal_review_opinion", opinion);
          // A decision the legal office disapproved is not made (行政处罚法 第五十八条): the case
          // waits at review.
          disapproved = opinion == "disapproved";
          b.set_int("legal_reviewer", city.person_at(rng, city.counties.empty() || org.county < 0
                                                              ? city.city_justice
                                                              : city.counties[org.county].justice_bureau));
        } else {
          reviewed.reset();
        }
        b.set_bool("hearing_held", rng.chance(0.3));
      }
      std::string state = reviewed ? "legally_reviewed" : "opened";
      if (!stuck && !disapproved && decided <= last_day()) {
        state = "decided";
        b.set_date("decided_on", decided);
        b.set_text("decision_number",
                   fmt::format("{}{}{}决〔{}〕{}号", prefix_of(city, body.org), org.short_name.substr(0, 6),
                               kKindChar.at(kind), decided.year(), serial));
        std::string result = "other";
        if (kind == "penalty") {
          double u = rng.unit();
          result = u < 0.86 ? "penalised" : u < 0.95 ? "not_penalised" : u < 0.98 ? "dropped" : "transferred";
        } else if (kind == "licensing") {
          result = rng.chance(0.95) ? "licence_granted" : "licence_refused";
        } else if (kind == "coercion") {
          result = "measure_taken";
        } else if (kind == "inspection") {
          result = rng.chance(0.9) ? "other" : "transferred";
        }
        b.set_text("decision_result", result);
        if (result == "penalised") {
          static const std::vector<int> kFines = {200, 500, 1000, 2000, 3000, 5000, 10000, 20000, 50000, 100000};
          b.set_text(
              "fine_amount",
              fmt::format("{}.00", kFines[std::min<size_t>(rng.index(kFines.size()), rng.index(kFines.size()))]));
        }
        if (kind == "penalty") {
          bool exempt = result == "not_penalised" && !exemptions.empty() && rng.chance(0.7);
          b.set_bool("exempted", exempt);
          if (exempt) b.set_int("exemption_entry", rng.pick(exemptions));
        }
        b.set_bool("transferred_to_police", result == "transferred" && rng.chance(0.5));
        // Disclosure: licensing and penalty decisions within 7 working days, others 20.
        bool short_limit = kind == "penalty" || kind == "licensing";
        int wd =
            short_limit
                ? (rng.chance(0.04) ? static_cast<int>(rng.uniform(8, 15)) : static_cast<int>(rng.uniform(1, 7)))
                : (rng.chance(0.03) ? static_cast<int>(rng.uniform(21, 30)) : static_cast<int>(rng.uniform(1, 20)));
        Date disclosed = add_workdays(decided, wd);
        if (disclosed <= last_day()) {
          b.set_date("disclosed_on", disclosed);
          b.set_text("disclosure_url", fmt::format("https://www.example.gov.cn/zfgs/{}/{}.html", org.code, serial));
        }
        Date closed = decided.add_days(kind == "penalty" ? rng.uniform(10, 60) : rng.uniform(0, 10));
        if (closed <= last_day()) {
          state = "closed";
          b.set_date("closed_on", closed);
        }
      }
      FAZHI_TRY(w.add(b, body.org, state));
    }
    return ok();
  });
}

Result<void> generate_normative_documents(DemoCity& city, Store& store) {
  DemoRandom rng = DemoRandom::stream(city.seed, "normative_document");
  const int per_year = volume(city, 150, 12);
  static const std::vector<std::string> kTopics = {"关于进一步优化营商环境的若干措施",
                                                   "城乡居民基本医疗保险实施办法",
                                                   "住宅专项维修资金管理办法",
                                                   "城市生活垃圾分类管理办法",
                                                   "农村宅基地审批管理办法",
                                                   "行政执法公示实施细则",
                                                   "政府投资项目管理办法",
                                                   "失业保险稳岗返还实施办法",
                                                   "城市道路挖掘管理办法",
                                                   "重大行政决策程序实施细则",
                                                   "公共租赁住房管理办法",
                                                   "养老服务补贴发放办法",
                                                   "中小微企业融资担保风险补偿办法",
                                                   "建设工程质量监督管理办法"};
  const auto& reviews = city.ids["legality_review"];
  std::map<std::pair<size_t, int>, int> counters;
  std::int64_t serial = 0;
  return yearly(city, store, "normative_document", [&](LedgerWriter& w, int year) -> Result<void> {
    for (int k = 0; k < per_year; ++k) {
      ++serial;
      bool government = rng.chance(0.4);
      size_t owner = government ? city.governments[rng.index(city.governments.size())]
                                : city.departments[rng.index(city.departments.size())];
      const DemoOrg& org = city.orgs[owner];
      RecordBuilder& b = w.builder();
      b.set_text("title",
                 fmt::format("{}{}", org.county < 0 ? "示例市" : city.counties[org.county].name, rng.pick(kTopics)));
      int n = ++counters[{owner, year}];
      b.set_text("document_number", fmt::format("{}{}〔{}〕{}号", prefix_of(city, owner),
                                                government ? "政发" : org.short_name.substr(0, 6) + "发", year, n));
      b.set_text("drafting_unit", org.code);
      Date drafted = random_date(rng, year_start(year).add_days(-60), year_end(year).add_days(-75));
      if (showcase(city, year) && rng.chance(0.5))
        drafted = random_date(rng, *Date::from_ymd(year, 9, 1), *Date::from_ymd(year, 12, 20));
      b.set_date("drafted_on", drafted);
      b.set_int("comment_period_days", rng.chance(0.9) ? 30 : rng.uniform(7, 29));
      Date submitted = drafted.add_days(rng.uniform(35, 60));
      Date reviewed = add_workdays(
          submitted, rng.chance(0.03) ? static_cast<int>(rng.uniform(16, 22)) : static_cast<int>(rng.uniform(5, 15)));
      double u = rng.unit();
      std::string opinion = u < 0.6 ? "approved" : u < 0.97 ? "approved_with_changes" : "disapproved";
      Date discussed = reviewed.add_days(rng.uniform(5, 20));
      Date published = discussed.add_days(rng.uniform(3, 15));
      double f = rng.unit();
      std::optional<Date> filed;
      if (f < 0.91)
        filed = published.add_days(rng.uniform(3, 30));
      else if (f < 0.97)
        filed = published.add_days(rng.uniform(31, 70));  // late filing
      // else never filed: the to-do list's overdue filing
      bool withdrawn = rng.chance(0.02) || opinion == "disapproved";
      if (showcase(city, year) && k == 3) submitted = last_day().add_days(5), withdrawn = false;  // still being drafted
      const bool force_amend = city.small() && year == kFirstYear && k == 0;  // marked for amendment, pending
      if (force_amend) {
        opinion = "approved";
        withdrawn = false;
        filed = published.add_days(10);
        drafted = std::min(drafted, *Date::from_ymd(year, 3, 1));
      }
      if (showcase(city, year) && k < 3) {  // open at the year's end in each stage of review
        const Date end = last_day();
        submitted = end.add_days(k == 0 ? -5 : k == 1 ? -30 : -50);
        reviewed = end.add_days(k == 0 ? 10 : k == 1 ? -5 : -30);
        discussed = end.add_days(k == 1 ? 10 : -5);
        published = end.add_days(10);
        drafted = submitted.add_days(-40);
        b.set_date("drafted_on", drafted);
        opinion = "approved";
        withdrawn = false;
      }
      std::string state = "drafting";
      auto cut = [&](Date d) { return d <= last_day(); };
      if (cut(submitted)) {
        b.set_date("submitted_for_review_on", submitted);
        state = "under_legality_review";
        if (!reviews.empty()) b.set_int("legality_review", rng.pick(reviews));
      }
      if (state == "under_legality_review" && cut(reviewed)) {
        b.set_date("legality_reviewed_on", reviewed);
        b.set_text("legality_review_opinion", opinion);
        state = opinion == "disapproved" ? "drafting" : "legality_reviewed";
      }
      if (withdrawn && state != "under_legality_review") {
        b.set_text("withdrawn_reason",
                   opinion == "disapproved" ? "经合法性审核不予通过，起草单位撤回" : "政策调整，不再制发");
        FAZHI_TRY(w.add(b, owner, "withdrawn"));
        continue;
      }
      if (state == "legality_reviewed" && cut(discussed)) {
        b.set_date("discussed_on", discussed);
        b.set_text("discussion_meeting", government ? org.name.substr(0, org.name.size() - 12) + "政府常务会议"
                                                    : org.short_name + "局务会议");
        state = "discussed";
      }
      std::optional<Date> effective;
      std::optional<DocumentCourse> pending;
      if (state == "discussed" && cut(published)) {
        b.set_text("registration_number", fmt::format("{}-{}-{:03d}", org.code, year, n));
        b.set_date("published_on", published);
        effective = published.add_days(rng.uniform(0, 30));
        b.set_date("effective_on", *effective);
        bool trial = rng.chance(0.1);
        b.set_bool("trial", trial);
        b.set_date("valid_until", add_years(*effective, trial ? 2 : 5).add_days(-1));
        state = "published";
        if (filed && cut(*filed)) {
          b.set_date("filed_on", *filed);
          state = "filed";
          Date review_done = filed->add_days(rng.uniform(10, 40));
          if (cut(review_done)) {
            double r = rng.unit();
            std::string outcome = r < 0.93 ? "passed" : r < 0.99 ? "corrected" : "revoked";
            b.set_text("filing_review_outcome", outcome);
            state = outcome == "revoked" ? "abolished" : "in_force";
            if (outcome == "revoked") b.set_date("abolished_on", review_done);
          }
          pending = DocumentCourse{
              0, owner, *filed,
              b.has("filing_review_outcome") ? sql_text(b.record().values[b.index("filing_review_outcome")]) : "",
              government};
        }
      }
      // Later life: cleanups in 2023 and 2025, expiry of the term of validity.
      if (state == "in_force") {
        for (int cleanup_year : {2023, 2025}) {
          if (published.year() > cleanup_year - 2 || state != "in_force") continue;
          Date on = random_date(rng, *Date::from_ymd(cleanup_year, 3, 1), *Date::from_ymd(cleanup_year, 10, 31));
          double c = force_amend ? 0.85 : rng.unit();
          b.set_date("cleanup_on", on);
          if (c < 0.8) {
            b.set_text("cleanup_outcome", "keep");
          } else if (c < 0.92) {
            b.set_text("cleanup_outcome", "amend");
            state = "to_amend";
            Date amended = on.add_days(rng.uniform(30, 150));
            if (cut(amended) && rng.chance(0.8) && !force_amend) b.set_date("amended_on", amended), state = "in_force";
          } else {
            b.set_text("cleanup_outcome", c < 0.98 ? "abolish" : "invalid");
            b.set_date("abolished_on", on.add_days(rng.uniform(5, 30)));
            state = "abolished";
          }
        }
        auto until = b.date("valid_until");
        if (state == "in_force" && until && *until < last_day()) {
          b.set_date("abolished_on", until->add_days(1));
          state = "abolished";
        }
      }
      FAZHI_ASSIGN_OR_RETURN(std::int64_t id, w.add(b, owner, state));
      if (pending) {
        pending->id = id;
        document_courses().push_back(*pending);
      }
    }
    return ok();
  });
}

Result<void> generate_filings(DemoCity& city, Store& store) {
  DemoRandom rng = DemoRandom::stream(city.seed, "filing");
  LedgerWriter w(city, store, *find_ledger("filing"));
  return w.batch([&]() -> Result<void> {
    for (const DocumentCourse& d : document_courses()) {
      std::vector<std::string> recipients =
          d.government ? std::vector<std::string>{"higher_government", "npc_standing_committee"}
                       : std::vector<std::string>{"own_government"};
      for (const auto& r : recipients) {
        RecordBuilder& b = w.builder();
        b.set_int("document", d.id);
        b.set_text("recipient", r);
        b.set_date("submitted_on", d.filed);
        bool conforming = rng.chance(0.95);
        b.set_bool("form_conforming", conforming);
        Date reviewed = d.filed.add_days(rng.uniform(10, 40));
        if (reviewed <= last_day()) {
          b.set_date("reviewed_on", reviewed);
          std::string outcome = !conforming                                  ? "returned"
                                : d.outcome == "passed" || d.outcome.empty() ? "passed"
                                : d.outcome == "corrected"                   ? "corrected"
                                                                             : "opinion_issued";
          b.set_text("review_outcome", outcome);
          if (outcome != "passed") {
            b.set_int("opinion_count", rng.uniform(1, 4));
            b.set_text("opinion_text", "个别条款与上位法规定不一致，建议修改。");
          }
          if (outcome == "returned" && reviewed.add_days(10) <= last_day())
            b.set_date("resubmitted_on", reviewed.add_days(rng.uniform(3, 10)));
        }
        FAZHI_TRY(w.add(b, d.owner));
      }
    }
    return ok();
  });
}

Result<void> generate_reconsiderations(DemoCity& city, Store& store) {
  DemoRandom rng = DemoRandom::stream(city.seed, "reconsideration");
  const int per_year = volume(city, 300, 20);
  static const std::vector<std::string> kActs = {"penalty",       "information",  "inaction",  "registration",
                                                 "confirmation",  "work_injury",  "coercion",  "licensing",
                                                 "expropriation", "compensation", "agreement", "other"};
  WeightedPick pick_act({30, 12, 10, 6, 6, 8, 5, 5, 6, 3, 2, 7});
  static const std::vector<std::string> kDecisions = {
      "maintained",         "claim_rejected",     "application_dismissed", "revoked",  "changed",
      "confirmed_unlawful", "ordered_to_perform", "confirmed_invalid",     "mediated", "settled_withdrawn",
      "terminated"};
  WeightedPick pick_decision({42, 8, 5, 9, 2, 7, 4, 0.5, 7, 12, 3.5});
  static const std::vector<std::string> kSectors = {"public_security", "natural_resources",
                                                    "human_resources", "market_regulation",
                                                    "housing",         "urban_management",
                                                    "transport",       "ecology",
                                                    "health",          "other"};
  std::map<std::pair<size_t, int>, int> counters;
  return yearly(city, store, "reconsideration", [&](LedgerWriter& w, int year) -> Result<void> {
    for (int k = 0; k < per_year; ++k) {
      // A third at the city, the rest at the counties' 司法局 (their reconsideration offices).
      size_t owner = rng.chance(0.33) || city.counties.empty()
                         ? city.city_justice
                         : city.counties[rng.index(city.counties.size())].justice_bureau;
      const DemoOrg& org = city.orgs[owner];
      size_t respondent;
      if (org.county < 0) {
        respondent = rng.chance(0.2) && !city.counties.empty()
                         ? city.counties[rng.index(city.counties.size())].government
                         : city.city_departments[rng.index(city.city_departments.size())];
      } else {
        const DemoCounty& c = city.counties[org.county];
        respondent = rng.chance(0.25) ? c.townships[rng.index(c.townships.size())]
                                      : c.departments[rng.index(c.departments.size())];
      }
      const DemoOrg& resp = city.orgs[respondent];
      RecordBuilder& b = w.builder();
      Date received = case_day(city, rng, year);
      // At small scale the last year's first cases are placed to be open, at the year's end,
      // in the states the random course rarely leaves a case in at that size.
      const int force = showcase(city, year) && k < 9 ? k : -1;
      if (force == 4)
        received = *Date::from_ymd(year, 3, 3);
      else if (force == 5)
        received = *Date::from_ymd(year, 12, 1);
      else if (force == 6)
        received = *Date::from_ymd(year, 10, 27);
      else if (force == 7)
        received = last_day();
      else if (force == 8)
        received = *Date::from_ymd(year, 12, 24);
      else if (force >= 0)
        received = *Date::from_ymd(year, force == 0 ? 12 : 10, force == 0 ? 17 : force == 2 ? 13 : 27);
      int n = ++counters[{owner, year}];
      std::string prefix = prefix_of(city, owner);
      b.set_text("case_number", fmt::format("{}政复〔{}〕{}号", prefix, year, n));
      double who = rng.unit();
      b.set_text("applicant_kind", who < 0.75 ? "citizen" : who < 0.97 ? "legal_person" : "other_organization");
      b.set_text("applicant", who < 0.75 ? person_name(rng) : company_name(rng));
      b.set_int("applicant_count", rng.chance(0.05) ? rng.uniform(2, 12) : 1);
      if (rng.chance(0.3)) b.set_text("agent", person_name(rng) + "（律师）");
      b.set_text("respondent_org", resp.code);
      b.set_text("sector", resp.org_kind == OrgKind::kDepartment ? resp.sector : rng.pick(kSectors));
      const std::string& act = kActs[pick_act(rng)];
      b.set_text("act_kind", act);
      b.set_text("act_description",
                 fmt::format("{}作出的{}行为", resp.name, act == "inaction" ? "不履行法定职责" : "具体行政"));
      Date act_date = received.add_days(-rng.uniform(10, 55));
      b.set_date("act_date", act_date);
      b.set_date("known_on", act_date.add_days(rng.uniform(0, 5)));
      b.set_text("claims", "请求撤销或者变更被申请人作出的行政行为。");
      double via = rng.unit();
      std::string channel = via < 0.45   ? "in_person"
                            : via < 0.7  ? "mail"
                            : via < 0.93 ? "online"
                            : via < 0.97 ? "oral"
                                         : "forwarded";
      b.set_text("received_via", channel);
      b.set_date("received_on", received);
      if (channel == "mail") b.set_date("postmark_on", received.add_days(-rng.uniform(1, 3)));
      b.set_int("handler", city.person_at(rng, owner));

      // The course of the case, then cut at the demo's last day.
      auto in = [&](Date d) { return d <= last_day(); };
      std::string state = "received";
      double route = rng.unit();
      if (force == 0 || force == 4 || force == 8)
        route = 0.99 * (0.14 * 3);
      else if (force > 0)
        route = 0.99;
      Date examined = add_workdays(
          received, rng.chance(0.03) ? static_cast<int>(rng.uniform(6, 8)) : static_cast<int>(rng.uniform(1, 5)));
      const double boost = showcase(city, year) ? 3 : 1;
      const double refuse = 0.06 * boost, redirect_to = 0.08 * boost, supplement = 0.14 * boost;
      if (route < redirect_to) {
        bool redirect = route >= refuse;
        if (in(examined)) {
          b.set_date("examined_on", examined);
          b.set_text("examination_outcome", redirect ? "redirected" : "not_accepted");
          if (redirect)
            b.set_text("redirected_to", "被申请人的上一级主管部门");
          else
            b.set_text("not_accepted_reason", rng.chance(0.5) ? "超过法定申请期限" : "不属于行政复议范围");
          state = redirect ? "redirected" : "not_accepted";
        }
        FAZHI_TRY(w.add(b, owner, state));
        continue;
      }
      if (route < supplement) {
        Date requested = add_workdays(received, force == 0 || force == 8 ? 1 : static_cast<int>(rng.uniform(1, 5)));
        if (!in(requested)) {
          FAZHI_TRY(w.add(b, owner, state));
          continue;
        }
        b.set_date("supplement_requested_on", requested);
        b.set_text("supplement_items", "申请人身份证明、被申请复议的行政行为的相关材料");
        state = "supplement_requested";
        if (force == 4 || (force < 0 && rng.chance(0.3))) {
          Date abandoned = add_workdays(requested, static_cast<int>(rng.uniform(11, 14)));
          if (in(abandoned)) {
            b.set_date("abandoned_on", abandoned);
            state = "abandoned";
          }
          FAZHI_TRY(w.add(b, owner, state));
          continue;
        }
        Date supplied = add_workdays(requested, force == 0 ? 9 : static_cast<int>(rng.uniform(2, 10)));
        if (!in(supplied)) {
          FAZHI_TRY(w.add(b, owner, state));
          continue;
        }
        b.set_date("supplement_received_on", supplied);
        state = "supplemented";
        examined = add_workdays(supplied, static_cast<int>(rng.uniform(1, 5)));
      }
      if (!in(examined)) {
        FAZHI_TRY(w.add(b, owner, state));
        continue;
      }
      Date accepted = examined;
      b.set_date("examined_on", examined);
      b.set_text("examination_outcome", "accepted");
      b.set_date("accepted_on", accepted);
      b.set_bool("deemed_accepted", false);
      bool simplified = force == 5 || (force < 0 && rng.chance(0.25));
      b.set_bool("simplified", simplified);
      state = simplified ? "accepted_simplified" : "accepted";
      Date copy_sent =
          add_workdays(accepted, static_cast<int>(rng.uniform(1, simplified ? 3 : 7)) + (rng.chance(0.03) ? 2 : 0));
      Date copy_received = copy_sent.add_days(rng.uniform(1, 3));
      Date reply = add_workdays(copy_received,
                                static_cast<int>(rng.uniform(2, simplified ? 5 : 10)) + (rng.chance(0.05) ? 3 : 0));
      b.set_date_if("copy_sent_on", copy_sent, last_day());
      b.set_date_if("copy_received_on", copy_received, last_day());
      b.set_date_if("reply_on", reply, last_day());
      // Art 55: a few simplified cases turn out complex and go to the ordinary procedure.
      Date converted = accepted.add_days(rng.uniform(5, 15));
      if (simplified && force < 0 && rng.chance(0.06) && in(converted)) {
        simplified = false;
        b.set_bool("simplified", false);
        b.set_date("converted_on", converted);
        state = "accepted";
      }
      bool hearing = !simplified && rng.chance(0.08 * boost);
      bool mediation = !simplified && rng.chance(0.15 * boost);
      bool extension = !simplified && rng.chance(0.12 * boost);
      bool suspension = !simplified && rng.chance(0.03 * boost * 2);
      if (force > 0) {
        hearing = force == 1;
        mediation = force == 6;
        extension = force == 2;
        suspension = force == 3;
      }
      int limit = simplified ? 30 : 60;
      Date hearing_on = reply.add_days(rng.uniform(5, 20));
      Date mediation_on = (hearing ? hearing_on : reply).add_days(rng.uniform(3, 12));
      int extension_days = static_cast<int>(rng.chance(0.8) ? 30 : rng.uniform(10, 29));
      Date extension_on = accepted.add_days(rng.uniform(48, 57));
      Date suspended_on = accepted.add_days(rng.uniform(20, 40));
      int suspended_days = force == 3 ? 90 : static_cast<int>(rng.uniform(10, 50));
      if (extension) limit += extension_days;
      if (suspension) limit += suspended_days;
      Date concluded = accepted.add_days(rng.chance(0.04) ? limit + rng.uniform(1, 15)
                                                          : rng.uniform(std::min(limit - 5, 20), limit));
      if (extension && concluded <= extension_on) concluded = extension_on.add_days(rng.uniform(3, extension_days));
      // A few of the last year's cases stall: still open long after their limit.
      if ((year == kLastYear && rng.chance(0.05)) || force > 0) concluded = last_day().add_days(400);
      if (hearing && in(hearing_on) && hearing_on < concluded) b.set_date("hearing_on", hearing_on), state = "hearing";
      if (mediation && in(mediation_on) && mediation_on < concluded)
        b.set_date("mediation_started_on", mediation_on), state = "mediation";
      if (suspension && in(suspended_on) && suspended_on < concluded) {
        b.set_date("suspended_on", suspended_on);
        b.set_text("suspension_reason", "案件涉及法律适用问题，需要有权机关作出解释");
        Date resumed = suspended_on.add_days(suspended_days);
        if (in(resumed)) {
          b.set_date("resumed_on", resumed);
          b.set_int("suspended_days", suspended_days);
          state = simplified ? "accepted_simplified" : "accepted";
        } else {
          state = "suspended";
        }
      }
      if (extension && in(extension_on) && extension_on < concluded && state != "suspended") {
        b.set_int("extension_days", extension_days);
        b.set_date("extension_approved_on", extension_on);
        b.set_date("extension_notified_on", extension_on.add_days(rng.uniform(0, 1)));
        state = "extended";
      }
      if (rng.chance(0.03)) b.set_bool("incidental_document_review", true);
      if (in(concluded)) {
        std::string decision = kDecisions[pick_decision(rng)];
        if (mediation && rng.chance(0.5)) decision = rng.chance(0.6) ? "mediated" : "settled_withdrawn";
        b.set_text("decision_kind", decision);
        if (decision == "terminated") b.set_text("termination_reason", rng.chance(0.7) ? "withdrawn" : "other");
        b.set_text("decision_number", fmt::format("{}政复决〔{}〕{}号", prefix, concluded.year(), n));
        b.set_date("concluded_on", concluded);
        bool corrected = decision == "revoked" || decision == "changed" || decision == "confirmed_unlawful" ||
                         decision == "ordered_to_perform" || decision == "confirmed_invalid";
        if (corrected && rng.chance(0.3)) {
          Date letter = concluded.add_days(rng.uniform(3, 10));
          if (in(letter)) {
            b.set_date("opinion_letter_on", letter);
            Date feedback = letter.add_days(rng.chance(0.8) ? rng.uniform(20, 60) : rng.uniform(61, 90));
            if (in(feedback) && rng.chance(0.9)) b.set_date("opinion_feedback_on", feedback);
          }
        }
        bool sueable = decision != "mediated" && decision != "settled_withdrawn" && decision != "terminated";
        b.set_bool("sued_after", sueable && rng.chance(0.18));
        state = "concluded";
      }
      FAZHI_TRY(w.add(b, owner, state));
    }
    return ok();
  });
}

Result<void> generate_litigations(DemoCity& city, Store& store) {
  DemoRandom rng = DemoRandom::stream(city.seed, "litigation");
  const int per_year = volume(city, 500, 20);
  std::vector<size_t> defendants;
  std::vector<double> weights;
  for (size_t i : city.units) {
    defendants.push_back(i);
    const DemoOrg& o = city.orgs[i];
    weights.push_back(o.org_kind == OrgKind::kGovernment ? 3 : o.org_kind == OrgKind::kTownship ? 0.4 : o.weight);
  }
  WeightedPick pick_defendant(weights);
  static const std::vector<std::string> kActs = {
      "penalty",   "information",   "inaction",     "registration", "confirmation",    "work_injury", "coercion",
      "licensing", "expropriation", "compensation", "agreement",    "reconsideration", "other"};
  WeightedPick pick_act({25, 8, 10, 6, 5, 7, 6, 4, 12, 4, 3, 6, 4});
  static const std::vector<std::string> kOutcomes = {"won", "lost", "withdrawn", "mediated", "dismissed", "other"};
  WeightedPick pick_outcome({68, 9, 13, 2, 7, 1});
  std::vector<std::pair<std::int64_t, Date>> first_instances;  // concluded ones, with the day
  std::map<std::pair<std::string, int>, int> counters;
  const auto& reconsiderations = city.ids["reconsideration"];
  return yearly(city, store, "litigation", [&](LedgerWriter& w, int year) -> Result<void> {
    for (int k = 0; k < per_year; ++k) {
      size_t owner = defendants[pick_defendant(rng)];
      const DemoOrg& org = city.orgs[owner];
      RecordBuilder& b = w.builder();
      Date served = case_day(city, rng, year);
      Date filed = served.add_days(-rng.uniform(1, 7));
      double inst = rng.unit();
      std::string instance = inst < 0.8 || first_instances.empty() ? "first" : inst < 0.98 ? "second" : "retrial";
      // A later instance follows a first instance concluded before it was filed.
      std::int64_t previous = 0;
      if (instance != "first") {
        const auto& [id, concluded_on] = first_instances[rng.index(first_instances.size())];
        if (concluded_on < filed)
          previous = id;
        else
          instance = "first";
      }
      std::string court_region =
          org.county < 0 ? (city.counties.empty() ? "379900" : city.counties[rng.index(city.counties.size())].region)
                         : city.counties[org.county].region;
      bool intermediate = instance != "first" || (org.org_kind == OrgKind::kGovernment && org.county < 0);
      std::string court_code = intermediate ? "9900" : court_region.substr(2, 4);
      std::string kind_code = instance == "first" ? "行初" : instance == "second" ? "行终" : "行申";
      int n = ++counters[{court_code + kind_code, year}];
      b.set_text("case_number", fmt::format("（{}）示{}{}{}号", year, court_code, kind_code, n));
      b.set_text("instance", instance);
      if (previous) b.set_int("previous_instance", previous);
      std::string court_name = "示例市中级人民法院";
      if (!intermediate)
        for (const auto& c : city.counties)
          if (c.region == court_region) court_name = c.name + "人民法院";
      b.set_text("court", court_name);
      b.set_text("plaintiff", rng.chance(0.7) ? person_name(rng) : company_name(rng));
      b.set_text("party_role", instance == "first"    ? (rng.chance(0.88)  ? "defendant"
                                                         : rng.chance(0.7) ? "co_defendant"
                                                                           : "third_party")
                               : instance == "second" ? (rng.chance(0.75) ? "appellee" : "appellant")
                                                      : "retrial_respondent");
      const std::string& act = kActs[pick_act(rng)];
      b.set_text("act_kind", act);
      b.set_text("act_description", org.name + "作出的行政行为");
      if (act == "reconsideration" && !reconsiderations.empty())
        b.set_int("reconsideration_case", rng.pick(reconsiderations));
      b.set_int("handler", city.person_at(rng, owner));
      if (rng.chance(0.6)) b.set_text("lawyer", person_name(rng) + "（律师）");
      b.set_date("filed_on", filed);
      b.set_date("complaint_served_on", served);
      auto in = [&](Date d) { return d <= last_day(); };
      std::string state = "served";
      Date defence = served.add_days(rng.chance(0.04) ? rng.uniform(16, 25) : rng.uniform(5, 15));
      const std::string outcome = kOutcomes[pick_outcome(rng)];
      bool heard = !(outcome == "withdrawn" && rng.chance(0.6)) && outcome != "dismissed";
      Date hearing = served.add_days(rng.uniform(30, 100));
      Date concluded = heard ? hearing.add_days(rng.uniform(10, 60)) : served.add_days(rng.uniform(20, 70));
      if (year == kLastYear && rng.chance(0.04)) concluded = last_day().add_days(300);  // pending long
      if (in(defence) && defence < concluded) {
        b.set_date("defence_submitted_on", defence);
        state = "defended";
      }
      if (heard && in(hearing) && hearing < concluded) {
        bool notified = rng.chance(0.65);
        b.set_date("hearing_on", hearing);
        b.set_bool("head_notified", notified);
        double h = rng.unit();
        std::string appeared = notified ? (h < 0.25   ? "principal"
                                           : h < 0.95 ? "deputy"
                                                      : "not_appeared")
                                        : (h < 0.1   ? "principal"
                                           : h < 0.6 ? "deputy"
                                                     : "not_appeared");
        b.set_text("head_appeared", appeared);
        if (notified) b.set_date("head_notice_received_on", hearing.add_days(-rng.uniform(5, 15)));
        auto it = city.people_by_org.find(owner);
        if (appeared != "not_appeared" && it != city.people_by_org.end() && it->second.size() >= 2)
          b.set_int("head_person", city.people[it->second[appeared == "principal" ? 0 : 1]].id);
        if (appeared == "not_appeared" && notified) b.set_text("absence_reason", "需要履行他人不能代替的公务");
        b.set_text("staff_appeared", person_name(rng) + "、" + person_name(rng));
        state = "heard";
      }
      if (in(concluded)) {
        b.set_date("concluded_on", concluded);
        b.set_text("outcome", outcome);
        std::string judgement;
        if (outcome == "won")
          judgement = instance == "first" ? "claim_rejected" : "appeal_rejected";
        else if (outcome == "lost")
          judgement = rng.pick(std::vector<std::string>{"revoked", "revoked", "confirmed_unlawful",
                                                        "ordered_to_perform", "changed", "compensation"});
        else if (outcome == "withdrawn")
          judgement = "withdrawal_allowed";
        else if (outcome == "mediated")
          judgement = "mediation_statement";
        else if (outcome == "dismissed")
          judgement = "suit_dismissed";
        else
          judgement = "other";
        b.set_text("judgement_kind", judgement);
        b.set_bool("judicial_suggestion", rng.chance(0.03));
        Date served_judgement = concluded.add_days(rng.uniform(3, 10));
        if (in(served_judgement)) b.set_date("judgement_served_on", served_judgement);
        state = "concluded";
        if (outcome == "lost" && instance == "first" && rng.chance(0.4)) {
          Date appealed = served_judgement.add_days(rng.uniform(5, 14));
          if (in(appealed)) b.set_date("appealed_on", appealed);
        }
        // Closing: the effective judgement performed (most; a lost case sometimes lags).
        Date performed = served_judgement.add_days(rng.uniform(16, 75));
        bool performs = outcome == "lost" ? rng.chance(0.85) : rng.chance(0.97);
        if (performs && in(performed) && !b.has("appealed_on")) {
          b.set_bool("performed", true);
          b.set_date("performed_on", performed);
          state = "performed";
        }
      }
      bool concluded_in_time = b.has("concluded_on");
      FAZHI_ASSIGN_OR_RETURN(std::int64_t id, w.add(b, owner, state));
      if (instance == "first" && concluded_in_time) first_instances.emplace_back(id, concluded);
    }
    return ok();
  });
}

Result<void> generate_disputes(DemoCity& city, Store& store) {
  DemoRandom rng = DemoRandom::stream(city.seed, "dispute");
  const int per_year = volume(city, 15000, 30);
  const LedgerDeclaration& ledger = *find_ledger("dispute");
  const FieldDeclaration* kinds = ledger.field("dispute_kind");
  WeightedPick pick_kind({20, 18, 8, 8, 7, 8, 8, 6, 4, 3, 5, 2, 4});
  static const std::vector<std::string> kResolutions = {"people_mediation", "administrative_mediation", "judicial",
                                                        "arbitration",      "reconsideration",          "other"};
  WeightedPick pick_resolution({72, 10, 5, 3, 1, 9});
  const auto& screenings = city.ids["dispute_screening"];
  return yearly(city, store, "dispute", [&](LedgerWriter& w, int year) -> Result<void> {
    for (int k = 0; k < per_year; ++k) {
      size_t town = city.townships[rng.index(city.townships.size())];
      const DemoOrg& org = city.orgs[town];
      RecordBuilder& b = w.builder();
      const EnumOption& kind = kinds->options[std::min(pick_kind(rng), kinds->options.size() - 1)];
      std::string parties = person_name(rng) + "与" + (rng.chance(0.8) ? person_name(rng) : company_name(rng));
      b.set_text("subject", parties + kind.label + "纠纷");
      b.set_text("dispute_kind", kind.value);
      double s = rng.unit();
      std::string source = s < 0.35   ? "screening"
                           : s < 0.7  ? "application"
                           : s < 0.82 ? "referral"
                           : s < 0.9  ? "petition"
                                      : "hotline";
      b.set_text("source", source);
      if (source == "screening" && !screenings.empty()) b.set_int("screening", rng.pick(screenings));
      Date found = case_day(city, rng, year);
      const int force = showcase(city, year) && k < 2 ? k : -1;  // one being mediated, one just registered
      if (force >= 0) found = last_day().add_days(-2);
      b.set_date("found_on", found);
      b.set_text("parties", parties);
      std::int64_t count = rng.chance(0.9) ? 2 : rng.uniform(3, 30);
      b.set_int("party_count", count);
      std::string amount = money(rng, 0, rng.chance(0.9) ? 5 : 200);
      b.set_text("amount", amount);
      b.set_text("region_code", org.region);
      double r = rng.unit();
      b.set_text("risk_level", r < 0.9 ? "ordinary" : r < 0.98 ? "major" : "serious");
      DisputeCourse course{0,     town,  found, kind.value, parties + kind.label + "纠纷", parties, amount, count, 0,
                           false, found, false, found};
      std::string state = "screened";
      double o = force >= 0 ? 0.5 : rng.unit();
      if (o < 0.06) {
        Date failed = found.add_days(rng.uniform(10, 45));
        if (failed <= last_day()) {
          b.set_date("failed_on", failed);
          b.set_text("failed_reason", "双方分歧较大，调解不成，已引导通过诉讼途径解决");
          state = "failed";
          course.outcome = 2;
          course.ended = failed;
          course.mediated = true;
        } else {
          state = "mediating";
          course.mediated = true;
        }
      } else {
        Date resolved = found.add_days(rng.chance(0.9) ? rng.uniform(1, 30) : rng.uniform(31, 90));
        if (force >= 0) resolved = found.add_days(20);
        const std::string& how = kResolutions[pick_resolution(rng)];
        course.mediated = how == "people_mediation";
        if (resolved <= last_day() && !(year == kLastYear && rng.chance(0.01))) {
          b.set_date("resolved_on", resolved);
          b.set_text("resolution", how);
          state = "resolved";
          course.outcome = 1;
          course.ended = resolved;
          if (how == "people_mediation" && rng.chance(0.07)) {
            Date confirmed = resolved.add_days(rng.uniform(5, 30));
            if (confirmed <= last_day()) {
              b.set_date("confirmed_on", confirmed);
              b.set_text("confirming_court",
                         org.county < 0 ? "示例市中级人民法院" : city.counties[org.county].name + "人民法院");
              state = "confirmed";
              course.confirmed = true;
              course.confirmed_on = confirmed;
            }
          }
        } else {
          state = force == 0 ? "mediating" : force == 1 ? "screened" : rng.chance(0.5) ? "mediating" : "screened";
          if (force == 0) course.mediated = true;
          if (state == "screened") course.mediated = false;
        }
      }
      FAZHI_ASSIGN_OR_RETURN(course.id, w.add(b, town, state));
      if (course.mediated) dispute_courses().push_back(course);
    }
    return ok();
  });
}

Result<void> generate_mediations(DemoCity& city, Store& store) {
  DemoRandom rng = DemoRandom::stream(city.seed, "mediation");
  LedgerWriter w(city, store, *find_ledger("mediation"));
  std::map<std::pair<size_t, int>, int> counters;
  auto& courses = dispute_courses();
  const size_t batch = 20000;
  for (size_t from = 0; from < courses.size(); from += batch) {
    FAZHI_TRY(w.batch([&]() -> Result<void> {
      for (size_t i = from; i < std::min(courses.size(), from + batch); ++i) {
        const DisputeCourse& d = courses[i];
        size_t committee = city.org_index.at(city.orgs[d.township].code + ".tjw");
        RecordBuilder& b = w.builder();
        Date accepted = d.found.add_days(rng.uniform(0, 1));
        if (d.outcome != 0 && accepted > d.ended) accepted = d.ended;
        int n = ++counters[{committee, accepted.year()}];
        b.set_text("case_number",
                   fmt::format("{}调字〔{}〕{}号", city.orgs[committee].short_name.substr(0, 6), accepted.year(), n));
        b.set_text("subject", d.subject);
        b.set_int("dispute", d.id);
        b.set_text("dispute_kind", d.kind);
        b.set_date("accepted_on", accepted);
        auto m = city.mediators_by_org.find(committee);
        if (m != city.mediators_by_org.end()) b.set_int("mediator", city.people[rng.pick(m->second)].id);
        b.set_text("parties", d.parties);
        b.set_int("party_count", d.party_count);
        b.set_text("amount", d.amount);
        std::string state = "accepted";
        if (d.outcome == 1) {
          b.set_date("concluded_on", d.ended);
          b.set_text("outcome", "succeeded");
          b.set_text("agreement_kind", rng.chance(0.7) ? "written" : "oral");
          b.set_date("agreement_on", d.ended);
          state = "succeeded";
          if (d.confirmed) {
            b.set_date("confirmation_applied_on", d.confirmed_on.add_days(-rng.uniform(1, 4)) < d.ended
                                                      ? d.ended
                                                      : d.confirmed_on.add_days(-rng.uniform(1, 4)));
            b.set_bool("judicially_confirmed", true);
          }
          Date fulfilled = d.ended.add_days(rng.uniform(0, 30));
          if (rng.chance(0.96) && fulfilled <= last_day()) {
            b.set_bool("fulfilled", true);
            b.set_date("fulfilled_on", fulfilled);
            state = "fulfilled";
          }
        } else if (d.outcome == 2) {
          b.set_date("concluded_on", d.ended);
          b.set_text("outcome", rng.chance(0.85) ? "failed" : "terminated");
          state = "failed";
        }
        FAZHI_TRY(w.add(b, committee, state));
      }
      return ok();
    }));
  }
  courses.clear();
  return ok();
}

Result<void> generate_hotline_tickets(DemoCity& city, Store& store) {
  DemoRandom rng = DemoRandom::stream(city.seed, "hotline_ticket");
  const int per_year = city.small() ? 40 : city.large() ? 600000 : 60000;
  std::vector<size_t> handlers;
  std::vector<double> weights;
  for (size_t i : city.units) {
    handlers.push_back(i);
    const DemoOrg& o = city.orgs[i];
    weights.push_back(o.org_kind == OrgKind::kTownship ? 1.5 : o.org_kind == OrgKind::kGovernment ? 0.3 : o.weight);
  }
  WeightedPick pick_handler(weights);
  static const std::vector<std::string> kKinds = {"consultation", "help",       "complaint",
                                                  "report",       "suggestion", "praise"};
  static const std::vector<std::string> kKindLabels = {"咨询", "求助", "投诉", "举报", "建议", "表扬"};
  static const std::vector<int> kDays = {1, 3, 5, 10, 10, 3};
  WeightedPick pick_kind({35, 25, 25, 5, 8, 2});
  static const std::vector<std::string> kChannels = {"phone", "web", "app", "wechat", "other"};
  WeightedPick pick_channel({70, 8, 10, 10, 2});
  static const std::vector<std::string> kTopics = {"噪音扰民", "道路破损", "物业服务", "拖欠工资",
                                                   "社保缴纳", "食品安全", "占道经营", "供暖不热",
                                                   "违章建筑", "公交线路", "房屋漏水", "医保报销"};
  std::int64_t serial = 0;
  LedgerWriter w(city, store, *find_ledger("hotline_ticket"));
  const int chunk = 200000;
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    for (int from = 0; from < per_year; from += chunk) {
      FAZHI_TRY(w.batch([&]() -> Result<void> {
        for (int k = from; k < std::min(per_year, from + chunk); ++k) {
          ++serial;
          RecordBuilder& b = w.builder();
          Date day = random_date(rng, year_start(year), year_end(year));
          int minute_of_day = static_cast<int>(rng.uniform(8 * 60, 22 * 60 - 1));
          int second = static_cast<int>(rng.uniform(0, 59));
          size_t kind = pick_kind(rng);
          size_t handler = handlers[pick_handler(rng)];
          b.set_text("ticket_number",
                     fmt::format("12345-{:04d}{:02d}{:02d}-{:07d}", day.year(), day.month(), day.day(), serial));
          b.set_text("kind", kKinds[kind]);
          b.set_text("channel", kChannels[pick_channel(rng)]);
          std::string time = fmt::format("T{:02d}:{:02d}:{:02d}", minute_of_day / 60, minute_of_day % 60, second);
          b.set_text("received_at", day.iso() + time);
          b.set_text("content", kKindLabels[kind] + "：关于" + rng.pick(kTopics) + "的诉求");
          b.set_text("handling_org", city.orgs[handler].code);
          Date due = add_workdays(day, kDays[kind]);
          b.set_text("due_at", due.iso() + time);
          bool late = rng.chance(0.06);
          Date closed = late ? due.add_days(rng.uniform(1, 6)) : day.add_days(rng.uniform(0, days_between(day, due)));
          if (closed <= last_day()) {
            // Closed on the due day itself: before the due time.
            std::string closed_time =
                fmt::format("T{:02d}:{:02d}:{:02d}", rng.uniform(8, 17), rng.uniform(0, 59), rng.uniform(0, 59));
            if (closed == due && !late) closed_time = "T08:00:00";  // before the due time
            if (closed == day)
              closed_time = fmt::format("T{:02d}:{:02d}:{:02d}", minute_of_day / 60 + 1, minute_of_day % 60, second);
            b.set_text("closed_at", closed.iso() + closed_time);
            b.set_bool("on_time", !late);
            double s = rng.unit();
            double bad = late ? 0.15 : 0.02;
            b.set_text("satisfaction", s < bad         ? "dissatisfied"
                                       : s < 0.1 + bad ? "basically_satisfied"
                                       : s < 0.95      ? "satisfied"
                                                       : "not_rated");
          }
          FAZHI_TRY(w.add(b, city.city_service_centre));
        }
        return ok();
      }));
    }
  }
  return ok();
}

Result<void> generate_hotline_traffic(DemoCity& city, Store& store) {
  DemoRandom rng = DemoRandom::stream(city.seed, "hotline_traffic");
  const int per_year = city.small() ? 40 : city.large() ? 600000 : 60000;
  LedgerWriter w(city, store, *find_ledger("hotline_traffic"));
  return w.batch([&]() -> Result<void> {
    for (Date d = first_day(); d <= last_day(); d = d.add_days(1)) {
      RecordBuilder& b = w.builder();
      // Calls outnumber tickets; even the small city's line takes about a hundred a day.
      double daily = std::max<double>(static_cast<double>(per_year), 36500.0) / 365.0;
      std::int64_t calls =
          static_cast<std::int64_t>(daily * (d.is_weekend() ? 1.1 : 1.7) * (0.85 + 0.3 * rng.unit())) + 1;
      b.set_date("traffic_date", d);
      b.set_int("calls", calls);
      b.set_int("answered", calls * rng.uniform(930, 995) / 1000);
      FAZHI_TRY(w.add(b, city.city_service_centre));
    }
    return ok();
  });
}

Result<void> generate_service_ratings(DemoCity& city, Store& store) {
  DemoRandom rng = DemoRandom::stream(city.seed, "service_rating");
  const std::int64_t per_year = city.small() ? 40 : city.large() ? 8500000 : 85000;
  std::vector<size_t> rated;
  std::vector<double> weights;
  for (size_t i : city.units) {
    const DemoOrg& o = city.orgs[i];
    rated.push_back(i);
    weights.push_back(o.department == "zwfw"               ? 30
                      : o.org_kind == OrgKind::kTownship   ? 2
                      : o.org_kind == OrgKind::kGovernment ? 0.2
                                                           : o.weight);
  }
  WeightedPick pick_org(weights);
  static const std::vector<std::string> kItems = {
      "食品经营许可",     "企业设立登记",     "社会保障卡申领",   "不动产登记", "城乡居民养老保险参保登记",
      "机动车驾驶证换领", "医保关系转移接续", "建筑工程施工许可", "户口迁移",   "个体工商户登记"};
  static const std::vector<std::string> kChannels = {"window", "web", "app", "terminal", "sms", "phone"};
  WeightedPick pick_channel({45, 15, 25, 5, 7, 3});
  WeightedPick pick_stars({0.25, 0.25, 0.5, 1.5, 97.5});
  std::int64_t serial = 0;
  LedgerWriter w(city, store, *find_ledger("service_rating"));
  const std::int64_t chunk = 250000;
  std::vector<Date> days;
  for (int year = kFirstYear; year <= kLastYear; ++year) {
    for (std::int64_t from = 0; from < per_year; from += chunk) {
      // At large scale a year comes in many chunks; as a rating platform's daily exports do,
      // each covers its own stretch of the year in date order, so that the indexes on the
      // date and the rating number grow at their end rather than all over a year of entries.
      days.clear();
      if (city.large()) {
        const std::int64_t first = year_start(year).days_since_epoch();
        const std::int64_t span = year_end(year).days_since_epoch() - first + 1;
        const std::int64_t chunks = (per_year + chunk - 1) / chunk, c = from / chunk;
        Date lo = Date::from_days_since_epoch(first + span * c / chunks);
        Date hi = Date::from_days_since_epoch(first + span * (c + 1) / chunks - 1);
        for (std::int64_t k = from; k < std::min(per_year, from + chunk); ++k)
          days.push_back(random_working_day(rng, lo, hi));
        std::sort(days.begin(), days.end());
      }
      FAZHI_TRY(w.batch([&]() -> Result<void> {
        for (std::int64_t k = from; k < std::min(per_year, from + chunk); ++k) {
          ++serial;
          RecordBuilder& b = w.builder();
          Date day = city.large() ? days[static_cast<size_t>(k - from)]
                                  : random_working_day(rng, year_start(year), year_end(year));
          if (day > last_day()) day = last_day();
          size_t org = rated[pick_org(rng)];
          b.set_text("rating_number",
                     fmt::format("HCP{:04d}{:02d}{:02d}{:09d}", day.year(), day.month(), day.day(), serial));
          b.set_text("service_item", rng.pick(kItems));
          b.set_text("rated_org", city.orgs[org].code);
          b.set_text("channel", kChannels[pick_channel(rng)]);
          b.set_text("rated_at", fmt::format("{}T{:02d}:{:02d}:{:02d}", day.iso(), rng.uniform(8, 17),
                                             rng.uniform(0, 59), rng.uniform(0, 59)));
          int stars = static_cast<int>(pick_stars(rng)) + 1;
          b.set_int("stars", stars);
          b.set_bool("active", rng.chance(0.3));
          if (stars <= 2) {
            b.set_text("comment", rng.chance(0.5) ? "等候时间过长" : "材料要求说明不清楚，多次往返");
            Date followed = add_workdays(day, static_cast<int>(rng.uniform(1, 3)));
            if (followed <= last_day() && rng.chance(0.92)) {
              b.set_date("followed_up_on", followed);
              bool fixed = rng.chance(0.85);
              b.set_bool("rectified", fixed);
              b.set_text("followup_note",
                         fixed ? "已电话回访，优化办事指南并加强窗口引导" : "已回访说明情况，申请人表示理解");
            }
          }
          FAZHI_TRY(w.add(b, org));
        }
        return ok();
      }));
    }
  }
  return ok();
}

Result<void> generate_supervision_problems(DemoCity& city, Store& store) {
  DemoRandom rng = DemoRandom::stream(city.seed, "supervision_problem");
  const int per_year = volume(city, 100, 10);
  static const std::vector<std::string> kSources = {"supervision", "assessment",      "case_file_review",
                                                    "audit",       "inspection_tour", "other"};
  WeightedPick pick_source({40, 20, 20, 8, 8, 4});
  const GenericLedger generic(*find_ledger("supervision_problem"));
  const auto& reviews = city.ids["case_file_review"];
  std::int64_t serial = 0;
  return yearly(city, store, "supervision_problem", [&](LedgerWriter& w, int year) -> Result<void> {
    for (int k = 0; k < per_year; ++k) {
      ++serial;
      size_t responsible = city.units[rng.index(city.units.size())];
      const DemoOrg& r = city.orgs[responsible];
      size_t owner = r.county < 0 ? city.root : city.counties[r.county].government;
      RecordBuilder& b = w.builder();
      generic.fill(city, rng, b, responsible, day_in_year(rng, year), "open", serial);
      Date found = case_day(city, rng, year);
      if (showcase(city, year) && k == 0) found = last_day();  // just found: still open
      const std::string& source = kSources[pick_source(rng)];
      b.set_text("source", source);
      b.set_text("batch", fmt::format("{}年度法治督察第{}批", year, rng.uniform(1, 3)));
      if (source == "case_file_review" && !reviews.empty())
        b.set_int("case_file_review", rng.pick(reviews));
      else
        b.clear("case_file_review");
      b.set_date("found_on", found);
      b.set_text("responsible_org", r.code);
      Date deadline = found.add_days(rng.uniform(30, 90));
      b.clear("deadline");
      b.clear("rectified_on");
      b.clear("signed_off_on");
      b.clear("signed_off_by");
      b.clear("escalated_on");
      b.clear("return_reason");
      ProblemCourse course{0, owner, responsible, found, deadline, "open", std::nullopt, std::nullopt};
      Date started = found.add_days(rng.uniform(1, 10));
      if (started <= last_day()) {
        b.set_date("deadline", deadline);
        course.state = "rectifying";
        bool late = rng.chance(0.12);
        bool stuck = rng.chance(year == kLastYear ? 0.15 : 0.03);
        Date rectified =
            late ? deadline.add_days(rng.uniform(1, 40))
                 : started.add_days(rng.uniform(5, std::max<std::int64_t>(6, days_between(started, deadline))));
        if (!stuck && rectified <= last_day()) {
          b.set_date("rectified_on", rectified);
          course.rectified = rectified;
          course.state = "submitted";
          bool returned = rng.chance(0.05);
          Date signed_off = rectified.add_days(rng.uniform(3, 20));
          if (returned) {
            b.set_text("return_reason", "整改佐证材料不充分，请补充后重新申请销号");
            course.state = "rectifying";
          } else if (signed_off <= last_day()) {
            b.set_date("signed_off_on", signed_off);
            b.set_int("signed_off_by", city.person_at(rng, owner));
            course.signed_off = signed_off;
            course.state = "signed_off";
          }
        } else if (deadline.add_days(15) <= last_day()) {
          b.set_date("escalated_on", deadline.add_days(rng.uniform(3, 15)));  // overdue, reported
        }
      }
      FAZHI_ASSIGN_OR_RETURN(course.id, w.add(b, owner, course.state));
      problem_courses().push_back(course);
    }
    return ok();
  });
}

Result<void> generate_rectifications(DemoCity& city, LedgerService& service) {
  Store& store = service.store();
  // One evidence file, uploaded once (the store keeps a content once) and cited by every
  // finished measure.
  static const std::string kEvidence =
      "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> "
      "endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
  FAZHI_ASSIGN_OR_RETURN(AttachmentInfo file,
                         AttachmentStore(service).upload(UserContext::system_context(), "整改佐证材料.pdf", kEvidence));
  const std::string evidence =
      nlohmann::json::array(
          {{{"id", file.id}, {"media_type", file.media_type}, {"name", file.file_name}, {"size", file.size}}})
          .dump();
  DemoRandom rng = DemoRandom::stream(city.seed, "rectification");
  const GenericLedger generic(*find_ledger("rectification"));
  LedgerWriter w(city, store, *find_ledger("rectification"));
  std::int64_t serial = 0;
  FAZHI_TRY(w.batch([&]() -> Result<void> {
    for (const ProblemCourse& p : problem_courses()) {
      if (p.state == "open") continue;
      int measures = static_cast<int>(rng.uniform(1, 3));
      for (int m = 0; m < measures; ++m) {
        ++serial;
        RecordBuilder& b = w.builder();
        generic.fill(city, rng, b, p.responsible, p.found, "planned", serial);
        b.set_int("problem", p.id);
        b.set_text("owner_org", city.orgs[p.responsible].code);
        b.set_int("owner", city.person_at(rng, p.responsible));
        b.set_date("due_on", p.deadline);
        b.clear("done_on");
        b.clear("evidence");
        b.clear("accepted_on");
        b.clear("accepted_by");
        b.clear("result");
        std::string state = "planned";
        if (p.rectified) {
          Date done = *p.rectified;
          if (m + 1 < measures) done = done.add_days(-rng.uniform(0, 10));
          if (done < p.found) done = p.found;
          b.set_date("done_on", done);
          b.set_text("result", "已按要求完成整改，相关制度已建立");
          b.set_text("evidence", evidence);
          state = "done";
          if (p.signed_off) {
            b.set_date("accepted_on", *p.signed_off);
            b.set_int("accepted_by", city.person_at(rng, p.owner));
            state = "accepted";
          }
        }
        FAZHI_TRY(w.add(b, p.owner, state));
      }
    }
    return ok();
  }));
  problem_courses().clear();
  document_courses().clear();
  return ok();
}

}  // namespace fazhi::demo

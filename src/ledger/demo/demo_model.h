// The demo city's internal model, shared by the files of this folder (not a public API):
// the organisations as generated, the ids of the records written so far (for references),
// a builder for one record's values by field name, and the generated names and codes.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "ledger/bulk_insert.h"
#include "ledger/demo/demo_city.h"
#include "ledger/demo/demo_random.h"
#include "ledger/ledger_declaration.h"
#include "ledger/ledger_record.h"
#include "ledger/ledger_service.h"
#include "store/store.h"

namespace fazhi::demo {

// The first and last day of the demo's five years; nothing happens after kLastDay.
Date first_day();
Date last_day();
inline constexpr int kFirstYear = 2021;
inline constexpr int kLastYear = 2025;

enum class OrgKind { kGovernment, kDepartment, kTownship, kMediationCommittee };

struct DemoOrg {
  std::string code, name, short_name, kind, parent, region, path;
  OrgKind org_kind = OrgKind::kGovernment;
  int county = -1;         // index of the county, -1 for the city level
  std::string department;  // the department's key ("sfj", "scjg" …), empty otherwise
  std::string area;        // enforcement area (执法领域) when it enforces, else empty
  std::string sector;      // reconsideration `sector` option for its acts
  double weight = 1;       // relative share of work (enforcement cases, hotline tickets …)
};

struct DemoCounty {
  std::string name;    // 甲区
  std::string region;  // 379902
  std::string prefix;  // 甲 (case numbers)
  size_t government = 0;
  size_t justice_bureau = 0;
  std::vector<size_t> departments, townships, committees;
};

// What has been generated so far.
struct DemoCity {
  DemoOptions options;
  std::uint64_t seed = 1;
  std::vector<DemoOrg> orgs;
  std::unordered_map<std::string, size_t> org_index;
  size_t root = 0, city_justice = 0, city_service_centre = 0, city_market = 0;
  std::vector<size_t> city_departments;
  std::vector<DemoCounty> counties;
  std::vector<size_t> governments, departments, townships, committees, justice_bureaus, units;
  std::vector<size_t> enforcing;  // departments and townships that enforce

  // people: id, org index, name
  struct Person {
    std::int64_t id;
    size_t org;
    std::string name;
  };
  std::vector<Person> people;
  std::map<size_t, std::vector<size_t>> people_by_org;  // org → indexes into people
  std::map<size_t, std::vector<size_t>> mediators_by_org;
  // The leaders of each government, department and township: the principal one (局长, 县长 …,
  // people.principal) and the deputy, indexes into people, with the day each entered.
  struct Leader {
    size_t person;
    Date entered;
    bool principal;
  };
  std::vector<Leader> leaders;

  struct Body {
    std::int64_t id;
    size_t org;
    std::string name;
    std::vector<std::string> officers;  // "姓名（证号）"
    std::vector<std::int64_t> matters;
  };
  std::vector<Body> bodies;
  std::map<size_t, size_t> body_of_org;

  std::unordered_set<std::string> citizen_ids;  // 公民身份号码 given so far (unique)

  // ids of the records written, per ledger, in id order
  std::map<std::string, std::vector<std::int64_t>> ids;

  // Scale factors.
  bool small() const { return options.scale == DemoScale::kSmall; }
  bool large() const { return options.scale == DemoScale::kLarge; }
  const DemoOrg& org(size_t i) const { return orgs[i]; }
  std::int64_t person_at(DemoRandom& rng, size_t org) const;  // a person of `org` (or any)
};

// One record's values by field name; starts all null.
class RecordBuilder {
 public:
  explicit RecordBuilder(const LedgerDeclaration& ledger);
  void reset();
  int index(std::string_view name) const;  // -1 when the ledger has no such field
  void set(std::string_view name, SqlValue value);
  void set_text(std::string_view name, std::string value) { set(name, SqlValue(std::move(value))); }
  void set_int(std::string_view name, std::int64_t value) { set(name, SqlValue(value)); }
  void set_bool(std::string_view name, bool value) { set(name, SqlValue(std::int64_t(value ? 1 : 0))); }
  void set_date(std::string_view name, Date value) { set(name, SqlValue(value.iso())); }
  void set_date_if(std::string_view name, Date value, Date cutoff) {
    if (value <= cutoff)
      set_date(name, value);
    else
      clear(name);
  }
  void clear(std::string_view name) { set(name, SqlValue(nullptr)); }
  bool has(std::string_view name) const;
  std::optional<Date> date(std::string_view name) const;
  const LedgerDeclaration& ledger() const { return ledger_; }
  LedgerRecord& record() { return record_; }

 private:
  const LedgerDeclaration& ledger_;
  std::unordered_map<std::string, int> index_;
  LedgerRecord record_;
};

// Writes records of one ledger in audited batches (one BulkInserter, hence one audit entry,
// per batch). Timestamps come from each record's own dates: created on its earliest, last
// changed on its latest date up to 2025-12-31.
class LedgerWriter {
 public:
  LedgerWriter(DemoCity& city, Store& store, const LedgerDeclaration& ledger);
  // Starts a batch transaction and runs `body`, which calls add() for each record.
  Result<void> batch(const std::function<Result<void>()>& body);
  // Adds the builder's record (owner org index, state) in the current batch.
  Result<std::int64_t> add(RecordBuilder& builder, size_t owner, std::string state = {});
  RecordBuilder& builder() { return builder_; }

 private:
  DemoCity& city_;
  Store& store_;
  const LedgerDeclaration& ledger_;
  RecordBuilder builder_;
  BulkInserter* inserter_ = nullptr;
};

// Generated names and codes. None is a real person's or body's on purpose; the lists are
// common surnames and given-name characters, and made-up trade names.
std::string person_name(DemoRandom& rng);
std::string company_name(DemoRandom& rng);
// A valid 统一社会信用代码: registering authority `authority` ('1' 机构编制, '9' 市场监管 …).
std::string credit_code(DemoRandom& rng, char authority, char kind, std::string_view region);
// A valid, unique 公民身份号码 (unique within `used`).
std::string citizen_id(DemoRandom& rng, std::string_view region, Date birth, bool male,
                       std::unordered_set<std::string>& used);
std::string phone_number(DemoRandom& rng);
// A date uniformly in [from, to].
Date random_date(DemoRandom& rng, Date from, Date to);
// A working day in [from, to] (the next working day after a random date).
Date random_working_day(DemoRandom& rng, Date from, Date to);
// Working-day arithmetic on the embedded calendar; beyond its years, plain weekdays.
Date add_workdays(Date from, int n);
// "YYYY-MM-DDTHH:MM:SS.000Z" for the local (UTC+8) time `local` on `date`.
std::string utc_stamp(Date date, int hour, int minute, int second);

// The ledgers in generation order; each writes its records.
Result<void> generate_organisations(DemoCity& city, LedgerService& service);
Result<void> generate_people_and_enforcement(DemoCity& city, LedgerService& service);
Result<void> generate_ledgers(DemoCity& city, LedgerService& service);
// The city's own time-limit settings (demo_settings.cpp).
Result<void> generate_region_settings(DemoCity& city, Store& store);
Result<void> generate_region_duty_settings(DemoCity& city, Store& store);
// The leaders' law study, exams and 述法 (demo_leadership.cpp).
Result<void> generate_law_study_sessions(DemoCity& city, Store& store);
Result<void> generate_pre_appointment_exams(DemoCity& city, Store& store);
Result<void> generate_law_reports(DemoCity& city, Store& store);
Result<void> generate_law_exams(DemoCity& city, Store& store);

}  // namespace fazhi::demo

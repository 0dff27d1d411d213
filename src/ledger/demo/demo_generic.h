// Filling any ledger from its declaration alone: each field by its type and name, dates in
// declaration order from the record's anchor date, and a state whose path from the initial
// state sets exactly the fields its steps require (fields of steps not taken stay empty).
// Ledgers without a dedicated generator (and ledgers declared after this was written) use it.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "ledger/demo/demo_model.h"

namespace fazhi::demo {

// Who owns a ledger's records.
enum class OwnerPool {
  kRoot,
  kGovernments,
  kJusticeBureaus,
  kDepartments,
  kTownships,
  kCommittees,
  kUnits,
  kEnforcing,
  kServiceCentre
};

struct GenericSpec {
  std::string ledger;
  int per_year_city = 40;   // records a year at city scale (large: the same)
  int per_year_small = 12;  // records a year at small scale
  OwnerPool owners = OwnerPool::kUnits;
  bool catalogue = false;  // a standing list: the counts are totals, dated before 2021 or in it
  std::map<std::string, double> state_weights = {};  // how often each state is reached (default: terminal 6, others 1)
};

class GenericLedger {
 public:
  explicit GenericLedger(const LedgerDeclaration& ledger);
  // States reachable from the initial one, initial first.
  const std::vector<std::string>& states() const { return states_; }
  // Fills `b` for a record owned by `owner` anchored at `anchor`, in `state` (empty: chosen
  // here; returned). `serial` numbers the record within the ledger (unique codes).
  std::string fill(DemoCity& city, DemoRandom& rng, RecordBuilder& b, size_t owner, Date anchor, std::string state,
                   std::int64_t serial, const std::map<std::string, double>* state_weights = nullptr) const;
  bool on_path(const std::string& state, const std::string& field) const;

 private:
  const LedgerDeclaration& ledger_;
  std::vector<std::string> states_;
  std::map<std::string, std::set<std::string>> path_fields_;
  std::set<std::string> step_fields_;
};

// Makes a generically filled record follow its ledger's own rules (demo_workflows.cpp): dates
// in step order, periods kept or missed in realistic shares, computed fields computed.
void agree_with_rules(std::string_view ledger, const std::string& state, RecordBuilder& b, DemoRandom& rng);

// The owners of `pool`, as org indexes.
std::vector<size_t> owners_of(const DemoCity& city, OwnerPool pool);
// A unit (government, department or township) in the same county as `org` (city level: any).
size_t unit_near(const DemoCity& city, DemoRandom& rng, size_t org);
// Writes `spec`'s records with the generic filler.
Result<void> write_generic(DemoCity& city, Store& store, const GenericSpec& spec);

}  // namespace fazhi::demo

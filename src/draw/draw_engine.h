// The draw itself (抽取): from a frozen plan and a public value nobody controlled, the seed,
// the stratified selection of targets, and the inspection teams, all reproducible bit for
// bit. The algorithm (version kAlgorithmVersion) is, exactly:
//  1. public value: ASCII whitespace trimmed at both ends; for commit_reveal, each party's
//     revealed value (trimmed) must hash (SM3, hex) to its commitment, and the public value
//     is the lines "<department>=<value>" in plan order joined by "\n".
//  2. seed = SM3("fazhi-draw/1\n" + plan SM3 hex + "\n" + public value); it is the ChaCha20
//     key (chacha20.h). Stream nonce: 4-byte little-endian purpose (1 selection,
//     2 teams), 4-byte little-endian stratum index (0 for teams), 4 zero bytes.
//  3. per stratum, in plan order: eligible = its targets in pool order minus those inspected
//     within N months; quota = count, or ceil(eligible * ratio), raised to the minimum;
//     quota > eligible fails. Selection: partial Fisher-Yates over positions 0..eligible-1:
//     for i < quota, j = i + uniform(eligible - i), swap positions i and j, draw position i.
//  4. teams, strata in plan order, targets in draw order: slot k of a team takes the
//     target's responsible department number k mod (number of departments); team size is
//     max(plan size, number of departments). Each slot picks, among that department's
//     inspectors with a valid certificate, no declared conflict with the target, not among
//     its last inspectors, not already in the team and under the per-inspector cap, those
//     with the fewest targets so far; of them the one at uniform(count) in inspector-id
//     byte order. No one left fails, naming the stratum, target, department and why.
// Pure: reads the plan's pool, writes nothing. Safe to call from several threads.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "draw/draw_plan.h"
#include "draw/target_pool.h"

namespace fazhi::draw {

inline constexpr std::string_view kAlgorithmVersion = "fazhi-draw/1";

struct DrawInputs {
  std::string public_value;                                  // public_value plans
  std::vector<std::pair<std::string, std::string>> reveals;  // commit_reveal: department, value
};

struct Assignment {
  TargetRecord target;
  std::vector<std::string> team;  // inspector ids, slot order
};

struct StratumOutcome {
  std::string id;
  std::string label;
  std::string rule_text;
  std::uint64_t minimum = 0;
  std::uint64_t in_stratum = 0;
  std::uint64_t excluded_recent = 0;
  std::uint64_t eligible = 0;
  std::vector<Assignment> selection;  // draw order
};

struct DepartmentWorkload {
  std::string department;
  std::uint64_t inspectors = 0;  // with a valid certificate
  std::uint64_t without_certificate = 0;
  std::uint64_t min_targets = 0;  // fewest targets given to one of them
  std::uint64_t max_targets = 0;
};

struct DrawProof {
  std::string algorithm_version;
  std::string plan_sm3;
  std::string targets_file_sm3;  // empty for an inline pool
  std::string public_value;
  std::vector<std::pair<std::string, std::string>> reveals;
  std::string seed;  // hex
};

struct DrawResult {
  std::string plan_id;
  std::string plan_title;
  DrawProof proof;
  std::uint64_t pool_total = 0;
  std::uint64_t outside_strata = 0;
  std::vector<StratumOutcome> strata;
  std::vector<DepartmentWorkload> workload;
};

// The public value the seed uses (step 1); fails on an empty value, a missing, extra or
// mismatching reveal.
Result<std::string> effective_public_value(const DrawPlan& plan, const DrawInputs& inputs);
// seed hex for a plan hash and an effective public value (step 2).
std::string derive_seed(std::string_view plan_sm3, std::string_view public_value);

// Runs the draw. Fails on a bad pool record, a pool file that does not match its hash, a
// bad public value, or an infeasible stratum or team, naming the stratum and constraint.
Result<DrawResult> run_draw(const DrawPlan& plan, const DrawInputs& inputs);
// The same from a pool already scanned (scan_pool of the same plan), so that a verifier can
// scan the pool while it parses the result file.
// With TargetDetail::kForTeams the selection's records carry only id, departments and last
// inspectors (enough for the result file and its verification, not for the notice).
Result<DrawResult> run_draw_on_scan(const DrawPlan& plan, const DrawInputs& inputs, PoolScan scan,
                                    TargetDetail detail = TargetDetail::kFull);

}  // namespace fazhi::draw

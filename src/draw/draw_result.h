// The result file of a draw (RESULT.json, format kResultFormat): the plan's id, the proof
// (algorithm version, plan SM3, pool-file SM3, public value, reveals, seed), the pool counts,
// each stratum's counts and selection in draw order (target id and team), and the workload
// per department. Verification recomputes the draw from the plan and the proof's public value
// and compares field by field, reporting the first difference.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "draw/draw_engine.h"

namespace fazhi::draw {

inline constexpr std::string_view kResultFormat = "fazhi-draw-result/1";

// The result as JSON text: a fixed key order, one selected target per line, ending in "\n".
std::string result_to_json(const DrawResult& result);

// What verification found: nullopt when the file is exactly what the plan and its public
// value produce, else the first difference ("strata[1].selection[17].team[0]: ...").
using VerifyFinding = std::optional<std::string>;

// Verifies the result text against `plan`. Fails (an Error, not a finding) when the file is
// not JSON or lacks the proof, or the recomputation itself fails (pool file changed, bad
// reveal); those are reported as they are.
// When `recomputed` is given and the recomputation ran, it receives the recomputed result
// (with full target records, for the public notice).
// `detail` is how much of each drawn record the recomputation reads back (kForTeams is enough
// to verify; a notice needs kFull).
Result<VerifyFinding> verify_result(std::string_view result_json, const DrawPlan& plan,
                                    DrawResult* recomputed = nullptr, TargetDetail detail = TargetDetail::kFull);

// The DrawInputs a result's proof records (public value or reveals).
Result<DrawInputs> inputs_from_result(std::string_view result_json);

}  // namespace fazhi::draw

// A draw plan (抽查计划) for a 双随机、一公开 inspection: what may be drawn (the target
// directory, inline or in a CSV file named by its SM3 hash), who may inspect (the inspector
// directory), the strata with their ratios or counts and minimums, the team rule, the
// exclusions, and where the randomness comes from. The schema is docs/draw-plan.md.
// The plan's identity is the SM3 hash of its canonical JSON (keys sorted, no whitespace,
// UTF-8 unescaped), published before the public value exists. Plain data; immutable once
// loaded and safe to share between threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace fazhi::draw {

inline constexpr std::string_view kPlanFormat = "fazhi-draw-plan/1";

// A department (委办局) that owns targets and inspectors; `id` is what records refer to.
struct Department {
  std::string id;
  std::string name;
};

// One entry of the target directory (检查对象名录库).
struct TargetRecord {
  std::string id;
  std::string name;
  std::string uscc;                          // 统一社会信用代码, GB 32100
  std::string region_code;                   // GB/T 2260, 6 digits
  std::string industry_code;                 // GB/T 4754: optional section letter + 2 to 4 digits
  std::string credit_risk_class;             // as the plan's strata name it: "A", "B", ...
  std::vector<std::string> departments;      // responsible departments, first is lead
  std::string last_inspected_on;             // YYYY-MM-DD, empty when never inspected
  std::vector<std::string> last_inspectors;  // inspector ids of the last inspection
};

// One entry of the inspector directory (执法检查人员名录库).
struct Inspector {
  std::string id;
  std::string name;
  std::string department;
  std::string region_code;
  bool certificate_valid = false;      // holds a valid enforcement certificate (执法证)
  std::vector<std::string> conflicts;  // target ids with a declared conflict of interest
};

// A stratum: the targets whose credit risk class is listed, drawn at `ratio_ppm` parts per
// million (rounded up) or exactly `count`, and never fewer than `minimum`.
struct Stratum {
  std::string id;
  std::string label;
  std::vector<std::string> credit_risk_classes;
  std::optional<std::uint32_t> ratio_ppm;  // exactly one of ratio_ppm and count is set
  std::optional<std::uint64_t> count;
  std::string rule_text;  // the rule as written in the plan: "3%" or "20"
  std::uint64_t minimum = 0;
};

struct TeamRule {
  int size = 2;  // at least 2; a joint target gets at least one per responsible department
  std::optional<int> max_targets_per_inspector;
};

struct RandomnessSource {
  enum class Kind { kPublicValue, kCommitReveal };
  struct Party {
    std::string department;
    std::string commitment;  // lower-case hex SM3 of the value the party will reveal
  };
  Kind kind = Kind::kPublicValue;
  std::string description;     // what the public value is and when it appears
  std::vector<Party> parties;  // kCommitReveal only, in plan order
};

struct TargetPoolFile {
  // How the plan binds the file: `sm3` (kWholeFile, the SM3 of the file's bytes, one stream)
  // or `sm3_chunks` (kChunks, the chunked SM3 of pool_digest.h, hashed on every core).
  enum class Hash { kWholeFile, kChunks };
  std::string name;  // as written in the plan, relative to the plan's folder
  std::string sm3;   // lower-case hex of the hash `hash` names
  std::filesystem::path path;
  Hash hash = Hash::kWholeFile;
};

struct DrawPlan {
  std::string id;
  std::string title;
  std::string organizer;
  std::string as_of;  // YYYY-MM-DD: the date exclusions are counted back from
  std::vector<std::string> inspection_items;
  std::vector<Department> departments;
  std::vector<Stratum> strata;
  TeamRule team;
  int inspected_within_months = 0;  // 0: no exclusion for recent inspection
  RandomnessSource randomness;
  std::vector<TargetRecord> targets;  // the inline pool; empty when targets_file is set
  std::optional<TargetPoolFile> targets_file;
  std::vector<Inspector> inspectors;
  std::string sm3;  // lower-case hex SM3 of the canonical plan JSON

  // The department's display name, or the id itself when unknown.
  const std::string& department_name(const std::string& id) const;
};

// Parses and checks a plan's JSON: the structure, types, unknown keys, uniqueness of ids,
// references between departments, inspectors and parties, strata that do not overlap.
// Target records are checked when the pool is scanned (see target_pool.h). `base_dir`
// resolves targets_file; `subject` names the plan in errors ("计划 plan.json").
Result<DrawPlan> parse_plan(std::string_view json_text, const std::filesystem::path& base_dir,
                            const std::string& subject);
// Reads and parses the plan file at `path`.
Result<DrawPlan> load_plan(const std::filesystem::path& path);

// Parses "3%", "0.5%" (at most 4 decimals) into parts per million; nullopt when malformed or
// outside (0%, 100%].
std::optional<std::uint32_t> parse_ratio_ppm(std::string_view text);

// Whether `text` is a valid YYYY-MM-DD Gregorian date.
bool is_valid_date(std::string_view text);
// `date` (valid YYYY-MM-DD) minus `months` calendar months, the day clamped to month end.
std::string subtract_months(std::string_view date, int months);

}  // namespace fazhi::draw

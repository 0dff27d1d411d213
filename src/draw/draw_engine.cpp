#include "draw/draw_engine.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/sm3.h"
#include "draw/chacha20.h"
#include "draw/target_pool.h"

namespace fazhi::draw {
namespace {

constexpr std::uint32_t kPurposeSelection = 1;
constexpr std::uint32_t kPurposeTeams = 2;

std::string trim(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

ChaCha20Key key_from_hex(std::string_view hex) {
  ChaCha20Key key{};
  auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
  for (std::size_t i = 0; i < key.size(); ++i) {
    key[i] = std::uint8_t(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
  }
  return key;
}

ChaCha20Nonce nonce_for(std::uint32_t purpose, std::uint32_t index) {
  ChaCha20Nonce n{};
  for (int b = 0; b < 4; ++b) {
    n[b] = std::uint8_t(purpose >> (8 * b));
    n[4 + b] = std::uint8_t(index >> (8 * b));
  }
  return n;
}

std::string stratum_subject(const Stratum& s) {
  return fmt::format("分层「{} {}」", s.id, s.label);
}

// Quota of step 3, or the reason it cannot be met.
Result<std::uint64_t> quota_for(const Stratum& s, const StratumPool& pool) {
  const std::uint64_t eligible = pool.eligible.size();
  std::uint64_t quota = 0;
  if (s.count) {
    quota = *s.count;
    if (quota > eligible) {
      return invalid_input(stratum_subject(s), "固定抽取数 count",
                           fmt::format("要抽 {} 户，但可抽对象只有 {} 户（该层共 {} 户，其中 {} 户近期已检查被排除）",
                                       quota, eligible, pool.in_stratum, pool.excluded_recent));
    }
  } else {
    quota = (eligible * *s.ratio_ppm + 999999) / 1000000;
  }
  if (quota < s.minimum) {
    if (s.minimum > eligible) {
      return invalid_input(
          stratum_subject(s), "最低抽取数 minimum",
          fmt::format("最低要抽 {} 户，但可抽对象只有 {} 户（该层共 {} 户，其中 {} 户近期已检查被排除）", s.minimum,
                      eligible, pool.in_stratum, pool.excluded_recent));
    }
    quota = s.minimum;
  }
  if (eligible > 0xFFFFFFFFull) {
    return invalid_input(stratum_subject(s), "", "可抽对象超过 2^32 户，超出本算法版本的范围");
  }
  return quota;
}

// Positions drawn from 0..n-1 by partial Fisher-Yates (step 3), in draw order.
std::vector<std::uint64_t> draw_positions(std::uint64_t n, std::uint64_t quota, ChaCha20Stream& stream) {
  std::unordered_map<std::uint64_t, std::uint64_t> moved;  // position -> value, if swapped
  moved.reserve(std::size_t(quota * 2));
  auto at = [&](std::uint64_t p) {
    auto it = moved.find(p);
    return it == moved.end() ? p : it->second;
  };
  std::vector<std::uint64_t> out;
  out.reserve(std::size_t(quota));
  for (std::uint64_t i = 0; i < quota; ++i) {
    std::uint64_t j = i + stream.uniform(std::uint32_t(n - i));
    std::uint64_t vi = at(i), vj = at(j);
    moved[j] = vi;
    out.push_back(vj);
  }
  return out;
}

// Counts over 0..n-1 with rank and select, for one load level of one department.
class Fenwick {
 public:
  explicit Fenwick(std::size_t n) : tree_(n + 1, 0) {}
  void add(std::size_t i, int delta) {
    total_ += delta;
    for (++i; i < tree_.size(); i += i & (~i + 1)) tree_[i] += delta;
  }
  // Members at positions < i.
  int rank(std::size_t i) const {
    int sum = 0;
    for (; i > 0; i -= i & (~i + 1)) sum += tree_[i];
    return sum;
  }
  // Position of the member of rank k (0-based), k < total().
  std::size_t select(int k) const {
    std::size_t pos = 0;
    std::size_t step = 1;
    while (step * 2 < tree_.size()) step *= 2;
    for (; step > 0; step /= 2) {
      if (pos + step < tree_.size() && tree_[pos + step] <= k) {
        pos += step;
        k -= tree_[pos];
      }
    }
    return pos;
  }
  int total() const { return total_; }

 private:
  std::vector<int> tree_;
  int total_ = 0;
};

// One department's inspectors with a valid certificate, in id order, bucketed by load.
struct DepartmentQueue {
  std::vector<int> members;  // inspector indices, id order
  std::vector<std::uint32_t> load;
  std::map<std::uint32_t, Fenwick> levels;
  std::uint64_t without_certificate = 0;

  void start() {
    load.assign(members.size(), 0);
    Fenwick f(members.size());
    for (std::size_t i = 0; i < members.size(); ++i) f.add(i, 1);
    if (!members.empty()) levels.emplace(0, std::move(f));
  }

  // Step 4's pick among members not in `excluded` (member positions, sorted, unique).
  std::optional<std::size_t> pick(const std::vector<std::size_t>& excluded, std::optional<int> cap,
                                  ChaCha20Stream& stream) {
    for (auto& [level, fenwick] : levels) {
      if (cap && level >= std::uint32_t(*cap)) break;
      std::vector<std::size_t>& here = here_;
      here.clear();
      for (std::size_t e : excluded) {
        if (load[e] == level) here.push_back(e);
      }
      int available = fenwick.total() - int(here.size());
      if (available <= 0) continue;
      int r = int(stream.uniform(std::uint32_t(available)));
      for (std::size_t e : here) {
        if (fenwick.rank(e) <= r)
          ++r;
        else
          break;
      }
      return fenwick.select(r);
    }
    return std::nullopt;
  }

  void assign(std::size_t pos) {
    std::uint32_t level = load[pos]++;
    auto it = levels.find(level);
    it->second.add(pos, -1);
    if (it->second.total() == 0) levels.erase(it);
    auto next = levels.try_emplace(level + 1, members.size()).first;
    next->second.add(pos, 1);
  }

 private:
  std::vector<std::size_t> here_;  // pick's scratch, kept to spare an allocation per pick
};

class TeamAssigner {
 public:
  TeamAssigner(const DrawPlan& plan, ChaCha20Stream& stream) : plan_(plan), stream_(stream) {
    for (std::size_t d = 0; d < plan.departments.size(); ++d) dept_index_[plan.departments[d].id] = int(d);
    queues_.resize(plan.departments.size());
    std::vector<int> order(plan.inspectors.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = int(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return plan.inspectors[a].id < plan.inspectors[b].id; });
    position_.assign(plan.inspectors.size(), SIZE_MAX);
    department_of_.assign(plan.inspectors.size(), -1);
    for (int i : order) {
      const Inspector& in = plan.inspectors[i];
      inspector_index_[in.id] = i;
      department_of_[i] = dept_index_.at(in.department);
      DepartmentQueue& q = queues_[department_of_[i]];
      if (!in.certificate_valid) {
        ++q.without_certificate;
        continue;
      }
      position_[i] = q.members.size();
      q.members.push_back(i);
      for (const auto& t : in.conflicts) conflicts_[t].push_back(i);
    }
    for (auto& q : queues_) q.start();
    inspector_ids_.reserve(plan.inspectors.size());
    for (const Inspector& in : plan.inspectors) inspector_ids_.push_back(in.id);
  }

  Result<std::vector<std::string>> assign(const Stratum& stratum, const TargetRecord& target) {
    std::vector<int>& depts = depts_;
    depts.clear();
    for (const auto& d : target.departments) {
      int index = department_index(d);
      if (std::find(depts.begin(), depts.end(), index) == depts.end()) depts.push_back(index);
    }
    const std::size_t size = std::max<std::size_t>(std::size_t(plan_.team.size), depts.size());
    static const std::vector<int> kNone;
    const std::vector<int>* barred = &kNone;  // declared conflicts: never on this team
    if (auto it = conflicts_.find(target.id); it != conflicts_.end()) barred = &it->second;
    std::vector<int>& last = last_;
    last.clear();
    for (const auto& id : target.last_inspectors) {
      if (auto it = inspector_index_.find(id); it != inspector_index_.end()) last.push_back(it->second);
    }
    std::vector<int>& team = team_;
    team.clear();
    std::vector<std::string> ids;
    ids.reserve(size);
    for (std::size_t slot = 0; slot < size; ++slot) {
      int d = depts[slot % depts.size()];
      DepartmentQueue& q = queues_[d];
      std::vector<std::size_t>& excluded = excluded_;
      excluded.clear();
      for (const std::vector<int>* list :
           {barred, static_cast<const std::vector<int>*>(&last), static_cast<const std::vector<int>*>(&team)}) {
        for (int i : *list) {
          if (position_[i] != SIZE_MAX && department_of_[i] == d) excluded.push_back(position_[i]);
        }
      }
      std::sort(excluded.begin(), excluded.end());
      excluded.erase(std::unique(excluded.begin(), excluded.end()), excluded.end());
      auto pos = q.pick(excluded, plan_.team.max_targets_per_inspector, stream_);
      if (!pos) return no_one_left(stratum, target, d, *barred, last, team);
      q.assign(*pos);
      team.push_back(q.members[*pos]);
      ids.push_back(inspector_ids_[q.members[*pos]]);
    }
    return ids;
  }

  // A plan has a handful of departments: a linear search beats hashing the id per target.
  int department_index(const std::string& id) const {
    for (std::size_t d = 0; d < plan_.departments.size(); ++d) {
      if (plan_.departments[d].id == id) return int(d);
    }
    return dept_index_.at(id);  // unreachable for a scanned pool: throws like at() did
  }

  std::vector<DepartmentWorkload> workload() const {
    std::vector<DepartmentWorkload> out;
    for (std::size_t d = 0; d < queues_.size(); ++d) {
      const DepartmentQueue& q = queues_[d];
      DepartmentWorkload w{plan_.departments[d].id, q.members.size(), q.without_certificate, 0, 0};
      if (!q.load.empty()) {
        w.min_targets = *std::min_element(q.load.begin(), q.load.end());
        w.max_targets = *std::max_element(q.load.begin(), q.load.end());
      }
      out.push_back(w);
    }
    return out;
  }

 private:
  Error no_one_left(const Stratum& stratum, const TargetRecord& target, int d, const std::vector<int>& barred,
                    const std::vector<int>& last, const std::vector<int>& team) const {
    const DepartmentQueue& q = queues_[d];
    const std::string& dept = plan_.departments[d].id;
    auto in_dept = [&](const std::vector<int>& list) {
      std::vector<int> out;
      for (int i : list) {
        if (position_[i] != SIZE_MAX && plan_.inspectors[i].department == dept &&
            std::find(out.begin(), out.end(), i) == out.end()) {
          out.push_back(i);
        }
      }
      return out.size();
    };
    std::size_t capped = 0;
    if (plan_.team.max_targets_per_inspector) {
      for (auto l : q.load) capped += l >= std::uint32_t(*plan_.team.max_targets_per_inspector);
    }
    return invalid_input(stratum_subject(stratum),
                         target.name.empty()
                             ? fmt::format("检查对象 {} 的检查组", target.id)  // read back for teams only
                             : fmt::format("检查对象 {}（{}）的检查组", target.id, target.name),
                         fmt::format("需要{}的执法人员，但已无人可派：该部门名录 {} 人，另有执法证无效 {} 人不参与；"
                                     "持证者中与该对象有利益冲突 {} 人、上次检查过该对象 {} 人、已在本组 {} 人、"
                                     "已达每人最多检查户数 {} 人",
                                     plan_.departments[d].name, q.members.size() + q.without_certificate,
                                     q.without_certificate, in_dept(barred), in_dept(last), in_dept(team), capped));
  }

  const DrawPlan& plan_;
  ChaCha20Stream& stream_;
  std::unordered_map<std::string, int> dept_index_;
  std::unordered_map<std::string, int> inspector_index_;
  std::unordered_map<std::string, std::vector<int>> conflicts_;
  std::vector<std::size_t> position_;  // inspector -> position in its department's queue
  std::vector<int> department_of_;     // inspector -> department index
  std::vector<DepartmentQueue> queues_;
  // The inspectors' ids alone, packed (32 bytes each): read once per slot, they stay in cache.
  std::vector<std::string> inspector_ids_;
  // assign()'s scratch, kept to spare allocations per target.
  std::vector<int> depts_, last_, team_;
  std::vector<std::size_t> excluded_;
};

}  // namespace

Result<std::string> effective_public_value(const DrawPlan& plan, const DrawInputs& inputs) {
  if (plan.randomness.kind == RandomnessSource::Kind::kPublicValue) {
    if (!inputs.reveals.empty()) {
      return invalid_input("公开随机值", "", "本计划的随机源为 public_value，不接受各部门揭示值");
    }
    std::string value = trim(inputs.public_value);
    if (value.empty()) return invalid_input("公开随机值", "", "公开随机值为空");
    if (value.size() > 4096) return invalid_input("公开随机值", "", "公开随机值过长（超过 4096 字节）");
    return value;
  }
  if (!trim(inputs.public_value).empty()) {
    return invalid_input("公开随机值", "", "本计划的随机源为 commit_reveal：请给出各部门的揭示值，而不是公开随机值");
  }
  std::string joined;
  for (const auto& party : plan.randomness.parties) {
    const std::string* value = nullptr;
    for (const auto& [dept, v] : inputs.reveals) {
      if (dept == party.department) value = &v;
    }
    if (value == nullptr) {
      return invalid_input("揭示值", party.department, "缺少该部门的揭示值");
    }
    std::string v = trim(*value);
    if (v.empty()) return invalid_input("揭示值", party.department, "揭示值为空");
    if (sm3_hex(v) != party.commitment) {
      return invalid_input(
          "揭示值", party.department,
          fmt::format("揭示值的 SM3 为 {}，与计划中该部门的承诺 {} 不符", sm3_hex(v), party.commitment));
    }
    if (!joined.empty()) joined += '\n';
    joined += party.department + "=" + v;
  }
  for (const auto& [dept, v] : inputs.reveals) {
    bool known = std::any_of(plan.randomness.parties.begin(), plan.randomness.parties.end(),
                             [&](const auto& p) { return p.department == dept; });
    if (!known) return invalid_input("揭示值", dept, "该部门不在计划的承诺方中");
  }
  return joined;
}

std::string derive_seed(std::string_view plan_sm3, std::string_view public_value) {
  std::string material;
  material.reserve(32 + plan_sm3.size() + public_value.size());
  material.append(kAlgorithmVersion).append("\n").append(plan_sm3).append("\n").append(public_value);
  return sm3_hex(material);
}

namespace {
Result<DrawResult> draw_from_scan(const DrawPlan& plan, const DrawInputs& inputs, PoolScan& scan, TargetDetail detail);
}  // namespace

Result<DrawResult> run_draw(const DrawPlan& plan, const DrawInputs& inputs) {
  // A bad public value fails before the (possibly long) scan.
  FAZHI_TRY(effective_public_value(plan, inputs));
  FAZHI_ASSIGN_OR_RETURN(PoolScan scan, start_pool_scan(plan));
  return run_draw_on_scan(plan, inputs, std::move(scan));
}

Result<DrawResult> run_draw_on_scan(const DrawPlan& plan, const DrawInputs& inputs, PoolScan scan,
                                    TargetDetail detail) {
  Result<DrawResult> result = draw_from_scan(plan, inputs, scan, detail);
  // Drawing overlapped the pool file's hashing; nothing is returned until the hash matches,
  // and a changed file is reported before anything it may have caused.
  FAZHI_TRY(confirm_pool_hash(scan));
  return result;
}

namespace {

Result<DrawResult> draw_from_scan(const DrawPlan& plan, const DrawInputs& inputs, PoolScan& scan, TargetDetail detail) {
  FAZHI_ASSIGN_OR_RETURN(std::string public_value, effective_public_value(plan, inputs));
  DrawResult result;
  result.plan_id = plan.id;
  result.plan_title = plan.title;
  result.proof.algorithm_version = std::string(kAlgorithmVersion);
  result.proof.plan_sm3 = plan.sm3;
  if (plan.targets_file) result.proof.targets_file_sm3 = plan.targets_file->sm3;
  result.proof.public_value = public_value;
  if (plan.randomness.kind == RandomnessSource::Kind::kCommitReveal) {
    for (const auto& party : plan.randomness.parties) {
      for (const auto& [dept, v] : inputs.reveals) {
        if (dept == party.department) result.proof.reveals.emplace_back(dept, trim(v));
      }
    }
  }
  result.proof.seed = derive_seed(plan.sm3, public_value);
  const ChaCha20Key key = key_from_hex(result.proof.seed);

  result.pool_total = scan.total;
  result.outside_strata = scan.outside_strata;

  // Quotas first, so that an infeasible stratum fails before any drawing.
  std::vector<std::uint64_t> quotas;
  for (std::size_t s = 0; s < plan.strata.size(); ++s) {
    FAZHI_ASSIGN_OR_RETURN(std::uint64_t quota, quota_for(plan.strata[s], scan.strata[s]));
    quotas.push_back(quota);
  }
  std::vector<std::uint64_t> locators;
  std::vector<std::size_t> stratum_end;
  for (std::size_t s = 0; s < plan.strata.size(); ++s) {
    StratumPool& pool = scan.strata[s];
    ChaCha20Stream stream(key, nonce_for(kPurposeSelection, std::uint32_t(s)));
    for (std::uint64_t p : draw_positions(pool.eligible.size(), quotas[s], stream)) {
      locators.push_back(pool.eligible[p]);
    }
    stratum_end.push_back(locators.size());
    StratumOutcome outcome;
    const Stratum& stratum = plan.strata[s];
    outcome.id = stratum.id;
    outcome.label = stratum.label;
    outcome.rule_text = stratum.rule_text;
    outcome.minimum = stratum.minimum;
    outcome.in_stratum = pool.in_stratum;
    outcome.excluded_recent = pool.excluded_recent;
    outcome.eligible = pool.eligible.size();
    result.strata.push_back(std::move(outcome));
    std::vector<std::uint64_t>().swap(pool.eligible);  // free as we go
  }
  FAZHI_ASSIGN_OR_RETURN(std::vector<TargetRecord> targets, fetch_targets(plan, locators, detail));

  ChaCha20Stream team_stream(key, nonce_for(kPurposeTeams, 0));
  TeamAssigner assigner(plan, team_stream);
  std::size_t next = 0;
  for (std::size_t s = 0; s < plan.strata.size(); ++s) {
    auto& selection = result.strata[s].selection;
    selection.reserve(stratum_end[s] - next);
    for (; next < stratum_end[s]; ++next) {
      // The records' lists were allocated in pool order and are read in draw order: ask
      // for a later target's lists early, so that memory latency overlaps the work.
      if (next + 8 < targets.size()) {
        __builtin_prefetch(targets[next + 8].departments.data());
        __builtin_prefetch(targets[next + 8].last_inspectors.data());
      }
      FAZHI_ASSIGN_OR_RETURN(std::vector<std::string> team, assigner.assign(plan.strata[s], targets[next]));
      selection.push_back({std::move(targets[next]), std::move(team)});
    }
  }
  result.workload = assigner.workload();
  return result;
}

}  // namespace

}  // namespace fazhi::draw

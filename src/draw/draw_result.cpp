#include "draw/draw_result.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

namespace fazhi::draw {
namespace {

using nlohmann::json;

void append_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (std::uint8_t(c) < 0x20) {
          out += fmt::format("\\u{:04x}", int(c));
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

std::string json_quoted(std::string_view s) {
  std::string out;
  append_string(out, s);
  return out;
}

// Compares a parsed result with the recomputed one, stopping at the first difference.
class Comparer {
 public:
  std::optional<std::string> difference;

  bool keys(const json& actual, std::initializer_list<const char*> expected, const std::string& path) {
    if (difference) return false;
    if (!actual.is_object()) return fail(path, "应为 JSON 对象");
    for (const char* k : expected) {
      if (!actual.contains(k)) return fail(path.empty() ? k : path + "." + k, "结果文件中缺少此项");
    }
    for (const auto& [k, v] : actual.items()) {
      bool known = std::any_of(expected.begin(), expected.end(), [&](const char* e) { return k == e; });
      if (!known) return fail(path.empty() ? k : path + "." + k, "结果文件中多出此项");
    }
    return true;
  }

  bool same(const json& actual, const json& expected, const std::string& path) {
    if (difference) return false;
    if (actual == expected) return true;
    return fail(path, fmt::format("结果文件中为 {}，按计划与公开值重新计算应为 {}",
                                  actual.dump(-1, ' ', false, json::error_handler_t::replace),
                                  expected.dump(-1, ' ', false, json::error_handler_t::replace)));
  }

  bool array_size(const json& actual, std::size_t expected, const std::string& path) {
    if (difference) return false;
    if (!actual.is_array()) return fail(path, "应为数组");
    if (actual.size() != expected) {
      return fail(path, fmt::format("结果文件中有 {} 项，按计划与公开值重新计算应为 {} 项", actual.size(), expected));
    }
    return true;
  }

  bool fail(const std::string& path, std::string reason) {
    if (!difference) difference = path + "：" + reason;
    return false;
  }
};

json reveals_json(const DrawProof& proof) {
  json out = json::array();
  for (const auto& [dept, value] : proof.reveals) out.push_back({{"department", dept}, {"value", value}});
  return out;
}

void compare(const json& a, const DrawResult& r, Comparer& c) {
  if (!c.keys(a, {"format", "plan", "proof", "pool", "strata", "workload"}, "")) return;
  c.same(a["format"], std::string(kResultFormat), "format");
  const json& proof = a["proof"];
  if (!c.keys(proof, {"algorithm_version", "plan_sm3", "targets_file_sm3", "public_value", "reveals", "seed"}, "proof"))
    return;
  c.same(proof["algorithm_version"], r.proof.algorithm_version, "proof.algorithm_version");
  c.same(proof["plan_sm3"], r.proof.plan_sm3, "proof.plan_sm3");
  c.same(proof["targets_file_sm3"], r.proof.targets_file_sm3, "proof.targets_file_sm3");
  c.same(proof["public_value"], r.proof.public_value, "proof.public_value");
  c.same(proof["reveals"], reveals_json(r.proof), "proof.reveals");
  c.same(proof["seed"], r.proof.seed, "proof.seed");
  if (!c.keys(a["plan"], {"id", "title"}, "plan")) return;
  c.same(a["plan"]["id"], r.plan_id, "plan.id");
  c.same(a["plan"]["title"], r.plan_title, "plan.title");
  if (!c.keys(a["pool"], {"targets", "outside_strata"}, "pool")) return;
  c.same(a["pool"]["targets"], r.pool_total, "pool.targets");
  c.same(a["pool"]["outside_strata"], r.outside_strata, "pool.outside_strata");
  if (!c.array_size(a["strata"], r.strata.size(), "strata")) return;
  for (std::size_t s = 0; s < r.strata.size() && !c.difference; ++s) {
    const json& as = a["strata"][s];
    const StratumOutcome& rs = r.strata[s];
    std::string p = fmt::format("strata[{}]", s);
    if (!c.keys(as,
                {"id", "label", "rule", "minimum", "in_stratum", "excluded_recently_inspected", "eligible", "drawn",
                 "selection"},
                p))
      return;
    c.same(as["id"], rs.id, p + ".id");
    c.same(as["label"], rs.label, p + ".label");
    c.same(as["rule"], rs.rule_text, p + ".rule");
    c.same(as["minimum"], rs.minimum, p + ".minimum");
    c.same(as["in_stratum"], rs.in_stratum, p + ".in_stratum");
    c.same(as["excluded_recently_inspected"], rs.excluded_recent, p + ".excluded_recently_inspected");
    c.same(as["eligible"], rs.eligible, p + ".eligible");
    c.same(as["drawn"], rs.selection.size(), p + ".drawn");
    if (!c.array_size(as["selection"], rs.selection.size(), p + ".selection")) return;
    for (std::size_t i = 0; i < rs.selection.size(); ++i) {
      const json& entry = as["selection"][i];
      const Assignment& want = rs.selection[i];
      std::string q = fmt::format("{}.selection[{}]", p, i);
      // The common case, an exact match, without building strings.
      if (entry.is_object() && entry.size() == 2 && entry.contains("target") && entry.contains("team") &&
          entry["target"].is_string() && entry["target"].get_ref<const std::string&>() == want.target.id &&
          entry["team"].is_array() && entry["team"].size() == want.team.size()) {
        bool all = true;
        for (std::size_t k = 0; k < want.team.size() && all; ++k) {
          all = entry["team"][k].is_string() && entry["team"][k].get_ref<const std::string&>() == want.team[k];
        }
        if (all) continue;
      }
      if (!c.keys(entry, {"target", "team"}, q)) return;
      c.same(entry["target"], want.target.id, q + ".target");
      if (!c.array_size(entry["team"], want.team.size(), q + ".team")) return;
      for (std::size_t k = 0; k < want.team.size(); ++k) {
        c.same(entry["team"][k], want.team[k], fmt::format("{}.team[{}]", q, k));
      }
      if (c.difference) return;
    }
  }
  if (!c.array_size(a["workload"], r.workload.size(), "workload")) return;
  for (std::size_t d = 0; d < r.workload.size(); ++d) {
    const json& aw = a["workload"][d];
    const DepartmentWorkload& w = r.workload[d];
    std::string p = fmt::format("workload[{}]", d);
    if (!c.keys(aw, {"department", "inspectors", "without_certificate", "min_targets", "max_targets"}, p)) return;
    c.same(aw["department"], w.department, p + ".department");
    c.same(aw["inspectors"], w.inspectors, p + ".inspectors");
    c.same(aw["without_certificate"], w.without_certificate, p + ".without_certificate");
    c.same(aw["min_targets"], w.min_targets, p + ".min_targets");
    c.same(aw["max_targets"], w.max_targets, p + ".max_targets");
  }
}

Result<json> parse_result(std::string_view text) {
  try {
    return json::parse(text);
  } catch (const json::parse_error& e) {
    return invalid_input("抽取结果文件", fmt::format("第 {} 字节", e.byte), "不是有效的 JSON");
  } catch (const json::exception& e) {
    return invalid_input("抽取结果文件", "", fmt::format("不是有效的 JSON（{}）", e.what()));
  }
}

Result<DrawInputs> inputs_from(const json& doc) {
  const char* subject = "抽取结果文件";
  if (!doc.is_object() || !doc.contains("proof") || !doc["proof"].is_object()) {
    return invalid_input(subject, "proof", "缺少抽取证明");
  }
  const json& proof = doc["proof"];
  DrawInputs inputs;
  if (proof.contains("reveals") && proof["reveals"].is_array() && !proof["reveals"].empty()) {
    for (const json& r : proof["reveals"]) {
      if (!r.is_object() || !r.contains("department") || !r["department"].is_string() || !r.contains("value") ||
          !r["value"].is_string()) {
        return invalid_input(subject, "proof.reveals", "每个揭示值应为 {\"department\", \"value\"}");
      }
      inputs.reveals.emplace_back(r["department"].get<std::string>(), r["value"].get<std::string>());
    }
    return inputs;
  }
  if (!proof.contains("public_value") || !proof["public_value"].is_string()) {
    return invalid_input(subject, "proof.public_value", "缺少公开随机值");
  }
  inputs.public_value = proof["public_value"].get<std::string>();
  return inputs;
}

}  // namespace

std::string result_to_json(const DrawResult& r) {
  std::string out;
  std::size_t entries = 0;
  for (const auto& s : r.strata) entries += s.selection.size();
  out.reserve(4096 + entries * 64);
  out += "{\n  \"format\": ";
  append_string(out, kResultFormat);
  out += ",\n  \"plan\": {\"id\": " + json_quoted(r.plan_id) + ", \"title\": " + json_quoted(r.plan_title) + "},\n";
  out += "  \"proof\": {\n    \"algorithm_version\": " + json_quoted(r.proof.algorithm_version);
  out += ",\n    \"plan_sm3\": " + json_quoted(r.proof.plan_sm3);
  out += ",\n    \"targets_file_sm3\": " + json_quoted(r.proof.targets_file_sm3);
  out += ",\n    \"public_value\": " + json_quoted(r.proof.public_value);
  out += ",\n    \"reveals\": [";
  for (std::size_t i = 0; i < r.proof.reveals.size(); ++i) {
    out += i ? ", " : "";
    out += "{\"department\": " + json_quoted(r.proof.reveals[i].first) +
           ", \"value\": " + json_quoted(r.proof.reveals[i].second) + "}";
  }
  out += "],\n    \"seed\": " + json_quoted(r.proof.seed) + "\n  },\n";
  out += fmt::format("  \"pool\": {{\"targets\": {}, \"outside_strata\": {}}},\n", r.pool_total, r.outside_strata);
  out += "  \"strata\": [";
  for (std::size_t s = 0; s < r.strata.size(); ++s) {
    const StratumOutcome& st = r.strata[s];
    out += s ? ",\n    {" : "\n    {";
    out += "\"id\": " + json_quoted(st.id) + ", \"label\": " + json_quoted(st.label) +
           ", \"rule\": " + json_quoted(st.rule_text);
    out += fmt::format(
        ", \"minimum\": {}, \"in_stratum\": {}, \"excluded_recently_inspected\": {}, "
        "\"eligible\": {}, \"drawn\": {},\n     \"selection\": [",
        st.minimum, st.in_stratum, st.excluded_recent, st.eligible, st.selection.size());
    for (std::size_t i = 0; i < st.selection.size(); ++i) {
      out += i ? ",\n      {\"target\": " : "\n      {\"target\": ";
      append_string(out, st.selection[i].target.id);
      out += ", \"team\": [";
      for (std::size_t k = 0; k < st.selection[i].team.size(); ++k) {
        if (k) out += ", ";
        append_string(out, st.selection[i].team[k]);
      }
      out += "]}";
    }
    out += st.selection.empty() ? "]}" : "\n     ]}";
  }
  out += "\n  ],\n  \"workload\": [";
  for (std::size_t d = 0; d < r.workload.size(); ++d) {
    const DepartmentWorkload& w = r.workload[d];
    out += d ? ",\n    " : "\n    ";
    out += "{\"department\": " + json_quoted(w.department);
    out += fmt::format(
        ", \"inspectors\": {}, \"without_certificate\": {}, \"min_targets\": {}, \"max_targets\": "
        "{}}}",
        w.inspectors, w.without_certificate, w.min_targets, w.max_targets);
  }
  out += "\n  ]\n}\n";
  return out;
}

Result<DrawInputs> inputs_from_result(std::string_view result_json) {
  FAZHI_ASSIGN_OR_RETURN(json doc, parse_result(result_json));
  return inputs_from(doc);
}

namespace {

// The proof as a file written by result_to_json holds it: the text up to `"pool"` closed as
// an object. Nullopt for any other layout, or a proof whose algorithm version or plan hash
// is not this program's and this plan's; verify_result then reads the whole file.
std::optional<DrawInputs> inputs_from_head(std::string_view text, const DrawPlan& plan) {
  const std::size_t pool = text.find("\n  \"pool\": ");
  if (pool == std::string_view::npos) return std::nullopt;
  std::string_view head = text.substr(0, pool);
  if (head.empty() || head.back() != ',') return std::nullopt;
  head.remove_suffix(1);
  std::string object(head);
  object += "}";
  json doc = json::parse(object, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("proof")) return std::nullopt;
  const json& proof = doc["proof"];
  if (!proof.is_object() || proof.value("algorithm_version", json()) != kAlgorithmVersion ||
      proof.value("plan_sm3", json()) != plan.sm3) {
    return std::nullopt;
  }
  Result<DrawInputs> inputs = inputs_from(doc);
  if (!inputs) return std::nullopt;
  return std::move(inputs).value();
}

bool same_inputs(const DrawInputs& a, const DrawInputs& b) {
  return a.public_value == b.public_value && a.reveals == b.reveals;
}

}  // namespace

Result<VerifyFinding> verify_result(std::string_view result_json, const DrawPlan& plan, DrawResult* recomputed,
                                    TargetDetail detail) {
  // The common case, an exact result, costs no more than the draw: the draw is recomputed
  // from the proof at the file's head and written out as run writes it; equal bytes mean
  // an exact file. Only a file that differs is read whole, to name its first difference.
  std::optional<DrawInputs> head_inputs = inputs_from_head(result_json, plan);
  std::optional<DrawResult> expected;
  if (head_inputs) {
    // Any failure here (a changed pool file, a bad reveal) is met again below, in the order
    // of the full reading.
    Result<PoolScan> scan = start_pool_scan(plan);
    if (scan) {
      Result<DrawResult> drawn = run_draw_on_scan(plan, *head_inputs, std::move(scan).value(), detail);
      if (drawn) expected.emplace(std::move(drawn).value());
    }
    if (expected && result_to_json(*expected) == result_json) {
      if (recomputed != nullptr) *recomputed = std::move(*expected);
      return VerifyFinding();
    }
  }

  Result<json> parsed = parse_result(result_json);
  FAZHI_ASSIGN_OR_RETURN(json doc, std::move(parsed));
  FAZHI_ASSIGN_OR_RETURN(DrawInputs inputs, inputs_from(doc));
  const json& proof = doc["proof"];
  // The two findings that make recomputing pointless come first, in words an auditor needs.
  if (!proof.contains("algorithm_version") || proof["algorithm_version"] != kAlgorithmVersion) {
    return VerifyFinding(fmt::format("proof.algorithm_version：结果文件使用的算法版本为 {}，本程序只能核验 {}",
                                     proof.value("algorithm_version", json("（缺失）")).dump(), kAlgorithmVersion));
  }
  if (!proof.contains("plan_sm3") || proof["plan_sm3"] != plan.sm3) {
    return VerifyFinding(
        fmt::format("proof.plan_sm3：结果文件记录的计划 SM3 为 {}，所给计划的 SM3 为 "
                    "\"{}\"：计划被改动过，或不是这次抽取的计划",
                    proof.value("plan_sm3", json("（缺失）")).dump(), plan.sm3));
  }
  if (!expected || !same_inputs(inputs, *head_inputs)) {
    expected.reset();
    FAZHI_ASSIGN_OR_RETURN(PoolScan scan, start_pool_scan(plan));
    FAZHI_ASSIGN_OR_RETURN(DrawResult again, run_draw_on_scan(plan, inputs, std::move(scan), detail));
    expected.emplace(std::move(again));
  }
  Comparer c;
  compare(doc, *expected, c);
  if (recomputed != nullptr) *recomputed = std::move(*expected);
  return VerifyFinding(c.difference);
}

}  // namespace fazhi::draw

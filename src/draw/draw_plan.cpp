#include "draw/draw_plan.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "core/sm3.h"

namespace fazhi::draw {
namespace {

using nlohmann::json;

// Reads typed members of one JSON object, remembering the first problem. Each getter
// returns a default after a problem so that parsing can go on to the end of the object.
class ObjectReader {
 public:
  ObjectReader(const json& object, std::string subject, std::string place, Error* first_error)
      : object_(object), subject_(std::move(subject)), place_(std::move(place)), error_(first_error) {
    if (!object_.is_object()) fail("", "应为 JSON 对象");
  }

  bool has(const char* key) const { return object_.is_object() && object_.contains(key); }

  std::string string(const char* key, bool required = true) {
    if (!has(key)) {
      if (required) fail(key, "缺少此项");
      return {};
    }
    const json& v = object_.at(key);
    if (!v.is_string()) {
      fail(key, "应为字符串");
      return {};
    }
    return v.get<std::string>();
  }

  std::int64_t integer(const char* key, std::int64_t fallback, bool required = false) {
    if (!has(key)) {
      if (required) fail(key, "缺少此项");
      return fallback;
    }
    const json& v = object_.at(key);
    if (!v.is_number_integer()) {
      fail(key, "应为整数");
      return fallback;
    }
    return v.get<std::int64_t>();
  }

  bool boolean(const char* key) {
    if (!has(key)) {
      fail(key, "缺少此项");
      return false;
    }
    const json& v = object_.at(key);
    if (!v.is_boolean()) {
      fail(key, "应为 true 或 false");
      return false;
    }
    return v.get<bool>();
  }

  std::vector<std::string> strings(const char* key, bool required = false) {
    std::vector<std::string> out;
    if (!has(key)) {
      if (required) fail(key, "缺少此项");
      return out;
    }
    const json& v = object_.at(key);
    if (!v.is_array()) {
      fail(key, "应为字符串数组");
      return out;
    }
    for (const json& item : v) {
      if (!item.is_string()) {
        fail(key, "应为字符串数组");
        return {};
      }
      out.push_back(item.get<std::string>());
    }
    return out;
  }

  // The member as an array (of anything); an empty array when absent and not required.
  const json& array(const char* key, bool required) {
    static const json kEmpty = json::array();
    if (!has(key)) {
      if (required) fail(key, "缺少此项");
      return kEmpty;
    }
    const json& v = object_.at(key);
    if (!v.is_array()) {
      fail(key, "应为数组");
      return kEmpty;
    }
    return v;
  }

  const json& object(const char* key, bool required) {
    static const json kEmpty = json::object();
    if (!has(key)) {
      if (required) fail(key, "缺少此项");
      return kEmpty;
    }
    const json& v = object_.at(key);
    if (!v.is_object()) {
      fail(key, "应为 JSON 对象");
      return kEmpty;
    }
    return v;
  }

  // Fails on a member not in `allowed`, so that a misspelt key is never silently ignored.
  void only(std::initializer_list<const char*> allowed) {
    if (!object_.is_object()) return;
    for (const auto& [key, value] : object_.items()) {
      bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; });
      if (!known) fail(key, "不认识的项（请对照 docs/draw-plan.md 检查拼写）");
    }
  }

  void fail(std::string_view key, std::string reason) {
    if (!error_->reason.empty()) return;
    std::string where = place_;
    if (!key.empty()) where += where.empty() ? std::string(key) : "." + std::string(key);
    *error_ = invalid_input(subject_, where, std::move(reason));
  }

  const std::string& place() const { return place_; }

 private:
  const json& object_;
  std::string subject_;
  std::string place_;
  Error* error_;
};

bool is_lower_hex64(std::string_view s) {
  return s.size() == 64 &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

const std::string& DrawPlan::department_name(const std::string& dept) const {
  for (const auto& d : departments) {
    if (d.id == dept) return d.name;
  }
  return dept;
}

bool is_valid_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (t[i] < '0' || t[i] > '9') return false;
  }
  int year = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  int month = (t[5] - '0') * 10 + (t[6] - '0');
  int day = (t[8] - '0') * 10 + (t[9] - '0');
  return year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

std::string subtract_months(std::string_view date, int months) {
  int year = std::stoi(std::string(date.substr(0, 4)));
  int month = std::stoi(std::string(date.substr(5, 2)));
  int day = std::stoi(std::string(date.substr(8, 2)));
  int index = year * 12 + (month - 1) - months;
  year = index / 12;
  month = index % 12 + 1;
  day = std::min(day, days_in_month(year, month));
  return fmt::format("{:04}-{:02}-{:02}", year, month, day);
}

std::optional<std::uint32_t> parse_ratio_ppm(std::string_view text) {
  if (text.empty() || text.back() != '%') return std::nullopt;
  text.remove_suffix(1);
  std::uint64_t whole = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    whole = whole * 10 + std::uint64_t(text[i] - '0');
    if (whole > 100) return std::nullopt;
  }
  if (i == 0) return std::nullopt;
  std::uint64_t ppm = whole * 10000;  // 1% = 10,000 ppm
  if (i < text.size()) {
    if (text[i] != '.') return std::nullopt;
    ++i;
    std::size_t decimals = text.size() - i;
    if (decimals == 0 || decimals > 4) return std::nullopt;
    std::uint64_t frac = 0;
    for (; i < text.size(); ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      frac = frac * 10 + std::uint64_t(text[i] - '0');
    }
    for (std::size_t d = decimals; d < 4; ++d) frac *= 10;
    ppm += frac;
  }
  if (ppm == 0 || ppm > 1000000) return std::nullopt;
  return std::uint32_t(ppm);
}

Result<DrawPlan> parse_plan(std::string_view json_text, const std::filesystem::path& base_dir,
                            const std::string& subject) {
  json doc;
  try {
    doc = json::parse(json_text);
  } catch (const json::parse_error& e) {
    return invalid_input(subject, fmt::format("第 {} 字节", e.byte), "不是有效的 JSON");
  } catch (const json::exception& e) {
    // e.g. a number too large for 64 bits
    return invalid_input(subject, "", fmt::format("不是有效的 JSON（{}）", e.what()));
  }
  Error error;
  DrawPlan plan;
  ObjectReader top(doc, subject, "", &error);
  top.only({"format", "id", "title", "organizer", "as_of", "inspection_items", "departments", "strata", "team",
            "exclusions", "randomness", "targets", "targets_file", "inspectors"});
  std::string format = top.string("format");
  if (error.reason.empty() && format != kPlanFormat) {
    top.fail("format", fmt::format("应为 \"{}\"", kPlanFormat));
  }
  plan.id = top.string("id");
  plan.title = top.string("title");
  plan.organizer = top.string("organizer");
  plan.as_of = top.string("as_of");
  if (error.reason.empty() && !is_valid_date(plan.as_of)) top.fail("as_of", "应为有效日期 YYYY-MM-DD");
  plan.inspection_items = top.strings("inspection_items", true);

  std::set<std::string> dept_ids;
  const json& depts = top.array("departments", true);
  for (std::size_t i = 0; i < depts.size(); ++i) {
    ObjectReader r(depts[i], subject, fmt::format("departments[{}]", i), &error);
    r.only({"id", "name"});
    Department d{r.string("id"), r.string("name")};
    if (error.reason.empty() && !dept_ids.insert(d.id).second) r.fail("id", "部门编号重复：" + d.id);
    plan.departments.push_back(std::move(d));
  }
  if (error.reason.empty() && plan.departments.empty()) top.fail("departments", "至少要有一个部门");

  std::set<std::string> stratum_ids, classes;
  const json& strata = top.array("strata", true);
  for (std::size_t i = 0; i < strata.size(); ++i) {
    ObjectReader r(strata[i], subject, fmt::format("strata[{}]", i), &error);
    r.only({"id", "label", "credit_risk_classes", "ratio", "count", "minimum"});
    Stratum s;
    s.id = r.string("id");
    s.label = r.string("label");
    s.credit_risk_classes = r.strings("credit_risk_classes", true);
    if (error.reason.empty() && s.credit_risk_classes.empty()) {
      r.fail("credit_risk_classes", "至少列出一个信用风险类别");
    }
    for (const auto& c : s.credit_risk_classes) {
      if (error.reason.empty() && !classes.insert(c).second) {
        r.fail("credit_risk_classes", "信用风险类别 " + c + " 已属于另一个分层，分层不能重叠");
      }
    }
    if (r.has("ratio") == r.has("count")) {
      r.fail("", "ratio（比例，如 \"3%\"）和 count（固定数量）必须且只能给一个");
    } else if (r.has("ratio")) {
      s.rule_text = r.string("ratio");
      s.ratio_ppm = parse_ratio_ppm(s.rule_text);
      if (error.reason.empty() && !s.ratio_ppm) {
        r.fail("ratio", "比例应写成百分数字符串，如 \"3%\" 或 \"2.5%\"，大于0且不超过100%，最多4位小数");
      }
    } else {
      std::int64_t count = r.integer("count", 0, true);
      if (error.reason.empty() && count < 1) r.fail("count", "固定数量应为正整数");
      s.count = std::uint64_t(std::max<std::int64_t>(count, 0));
      s.rule_text = std::to_string(count);
    }
    std::int64_t minimum = r.integer("minimum", 0);
    if (error.reason.empty() && minimum < 0) r.fail("minimum", "最低数量不能为负");
    s.minimum = std::uint64_t(std::max<std::int64_t>(minimum, 0));
    if (error.reason.empty() && !stratum_ids.insert(s.id).second) r.fail("id", "分层编号重复：" + s.id);
    plan.strata.push_back(std::move(s));
  }
  if (error.reason.empty() && plan.strata.empty()) top.fail("strata", "至少要有一个分层");

  {
    ObjectReader r(top.object("team", true), subject, "team", &error);
    r.only({"size", "max_targets_per_inspector"});
    std::int64_t size = r.integer("size", 2, true);
    if (error.reason.empty() && (size < 2 || size > 20)) {
      r.fail("size", "检查组人数应为2至20人（执法检查至少两名执法人员）");
    }
    plan.team.size = int(std::clamp<std::int64_t>(size, 2, 20));
    if (r.has("max_targets_per_inspector")) {
      std::int64_t max = r.integer("max_targets_per_inspector", 1);
      if (error.reason.empty() && (max < 1 || max > 1000000000)) {
        r.fail("max_targets_per_inspector", "应为正整数");
      }
      plan.team.max_targets_per_inspector = int(std::clamp<std::int64_t>(max, 1, 1000000000));
    }
  }
  {
    ObjectReader r(top.object("exclusions", false), subject, "exclusions", &error);
    r.only({"inspected_within_months"});
    std::int64_t months = r.integer("inspected_within_months", 0);
    if (error.reason.empty() && (months < 0 || months > 120)) {
      r.fail("inspected_within_months", "应为0至120之间的整数");
    }
    plan.inspected_within_months = int(months);
  }
  {
    ObjectReader r(top.object("randomness", true), subject, "randomness", &error);
    r.only({"kind", "description", "parties"});
    std::string kind = r.string("kind");
    plan.randomness.description = r.string("description");
    if (kind == "public_value") {
      plan.randomness.kind = RandomnessSource::Kind::kPublicValue;
      if (r.has("parties")) r.fail("parties", "只有 commit_reveal 才有 parties");
    } else if (kind == "commit_reveal") {
      plan.randomness.kind = RandomnessSource::Kind::kCommitReveal;
      const json& parties = r.array("parties", true);
      std::set<std::string> seen;
      for (std::size_t i = 0; i < parties.size(); ++i) {
        ObjectReader p(parties[i], subject, fmt::format("randomness.parties[{}]", i), &error);
        p.only({"department", "commitment"});
        RandomnessSource::Party party{p.string("department"), p.string("commitment")};
        if (error.reason.empty() && !dept_ids.count(party.department)) {
          p.fail("department", "部门 " + party.department + " 不在 departments 中");
        }
        if (error.reason.empty() && !seen.insert(party.department).second) {
          p.fail("department", "同一部门只能承诺一次");
        }
        if (error.reason.empty() && !is_lower_hex64(party.commitment)) {
          p.fail("commitment", "应为64位小写十六进制的 SM3 值");
        }
        plan.randomness.parties.push_back(std::move(party));
      }
      if (error.reason.empty() && plan.randomness.parties.size() < 2) {
        r.fail("parties", "commit_reveal 至少需要两个部门各自承诺");
      }
    } else if (error.reason.empty()) {
      r.fail("kind", "应为 \"public_value\" 或 \"commit_reveal\"");
    }
  }

  if (top.has("targets") == top.has("targets_file")) {
    top.fail("", "targets（内嵌名录）和 targets_file（名录文件）必须且只能给一个");
  } else if (top.has("targets_file")) {
    ObjectReader r(top.object("targets_file", true), subject, "targets_file", &error);
    r.only({"name", "sm3", "sm3_chunks"});
    const bool chunked = r.has("sm3_chunks");
    const char* hash_key = chunked ? "sm3_chunks" : "sm3";
    if (chunked && r.has("sm3")) {
      r.fail("", "sm3（整个文件的 SM3）和 sm3_chunks（按 1 MiB 分块的 SM3）只能给一个");
    }
    TargetPoolFile f{r.string("name"),
                     r.string(hash_key),
                     {},
                     chunked ? TargetPoolFile::Hash::kChunks : TargetPoolFile::Hash::kWholeFile};
    if (error.reason.empty() && !is_lower_hex64(f.sm3)) r.fail(hash_key, "应为64位小写十六进制的 SM3 值");
    if (error.reason.empty() && (f.name.find('/') != std::string::npos || f.name.find('\\') != std::string::npos ||
                                 f.name.find(f.sm3) == std::string::npos)) {
      r.fail("name", "名录文件应与计划在同一文件夹，文件名中含其 SM3 值（如 targets-<sm3>.csv）");
    }
    f.path = base_dir / f.name;
    plan.targets_file = std::move(f);
  } else {
    const json& targets = top.array("targets", true);
    plan.targets.reserve(targets.size());
    for (std::size_t i = 0; i < targets.size() && error.reason.empty(); ++i) {
      ObjectReader r(targets[i], subject, fmt::format("targets[{}]", i), &error);
      r.only({"id", "name", "uscc", "region_code", "industry_code", "credit_risk_class", "departments",
              "last_inspected_on", "last_inspectors"});
      TargetRecord t;
      t.id = r.string("id");
      t.name = r.string("name");
      t.uscc = r.string("uscc");
      t.region_code = r.string("region_code");
      t.industry_code = r.string("industry_code");
      t.credit_risk_class = r.string("credit_risk_class");
      t.departments = r.strings("departments", true);
      t.last_inspected_on = r.string("last_inspected_on", false);
      t.last_inspectors = r.strings("last_inspectors");
      plan.targets.push_back(std::move(t));
    }
  }

  std::set<std::string> inspector_ids;
  const json& inspectors = top.array("inspectors", true);
  for (std::size_t i = 0; i < inspectors.size() && error.reason.empty(); ++i) {
    ObjectReader r(inspectors[i], subject, fmt::format("inspectors[{}]", i), &error);
    r.only({"id", "name", "department", "region_code", "certificate_valid", "conflicts"});
    Inspector in;
    in.id = r.string("id");
    in.name = r.string("name");
    in.department = r.string("department");
    in.region_code = r.string("region_code");
    in.certificate_valid = r.boolean("certificate_valid");
    in.conflicts = r.strings("conflicts");
    if (error.reason.empty() && !inspector_ids.insert(in.id).second) {
      r.fail("id", "执法人员编号重复：" + in.id);
    }
    if (error.reason.empty() && !dept_ids.count(in.department)) {
      r.fail("department", "部门 " + in.department + " 不在 departments 中");
    }
    if (error.reason.empty() &&
        (in.region_code.size() != 6 ||
         !std::all_of(in.region_code.begin(), in.region_code.end(), [](char c) { return c >= '0' && c <= '9'; }))) {
      r.fail("region_code", "行政区划代码应为6位数字（GB/T 2260）");
    }
    plan.inspectors.push_back(std::move(in));
  }
  if (!error.reason.empty()) return error;

  // Canonical form: nlohmann's object_t is a std::map, so dump() sorts keys; no indentation
  // and no \u escaping, so the bytes are fixed by the content alone.
  plan.sm3 = sm3_hex(doc.dump(-1, ' ', false, json::error_handler_t::strict));
  return plan;
}

Result<DrawPlan> load_plan(const std::filesystem::path& path) {
  std::string subject = "计划 " + path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return not_found(subject, "文件不存在或无法读取");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  std::filesystem::path base = path.parent_path();
  if (base.empty()) base = ".";
  return parse_plan(buffer.str(), base, subject);
}

}  // namespace fazhi::draw

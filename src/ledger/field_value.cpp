#include "ledger/field_value.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "core/date.h"

namespace fazhi {
namespace {

Error field_error(const FieldDeclaration& f, std::string_view value, std::string reason) {
  Error e = invalid_input("字段「" + f.label + "」", "", std::move(reason));
  if (!value.empty()) e.reason += "（填写的是「" + std::string(value.substr(0, 100)) + "」）";
  e.field = f.name;
  return e;
}

std::string trim(std::string_view s) {
  auto is_space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  std::string out(s.substr(b, e - b));
  // Full-width spaces (U+3000) around Chinese text are common in spreadsheets.
  while (out.rfind("\xe3\x80\x80", 0) == 0) out.erase(0, 3);
  while (out.size() >= 3 && out.compare(out.size() - 3, 3, "\xe3\x80\x80") == 0) out.resize(out.size() - 3);
  return out;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

Result<SqlValue> check_range(const FieldDeclaration& f, double v, std::string_view raw) {
  if (f.min && v < *f.min) return field_error(f, raw, fmt::format("不能小于 {}", *f.min));
  if (f.max && v > *f.max) return field_error(f, raw, fmt::format("不能大于 {}", *f.max));
  return SqlValue(nullptr);
}

Result<SqlValue> parse_integer(const FieldDeclaration& f, std::string_view raw) {
  std::string s;
  for (char c : raw)
    if (c != ',' && c != ' ') s.push_back(c);
  // Spreadsheets often hold whole numbers as "12.0".
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return field_error(f, raw, "应为整数");
  auto r = check_range(f, static_cast<double>(v), raw);
  if (!r) return r.error();
  return SqlValue(v);
}

Result<SqlValue> parse_decimal(const FieldDeclaration& f, std::string_view raw) {
  std::string s;
  for (char c : raw)
    if (c != ',' && c != ' ') s.push_back(c);
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  std::string intpart, frac;
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) intpart.push_back(s[i++]);
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) frac.push_back(s[i++]);
  }
  if (i != s.size() || (intpart.empty() && frac.empty())) return field_error(f, raw, "应为数字");
  while (intpart.size() > 1 && intpart[0] == '0') intpart.erase(0, 1);
  if (intpart.empty()) intpart = "0";
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string canonical =
      (neg && (intpart != "0" || !frac.empty()) ? "-" : "") + intpart + (frac.empty() ? "" : "." + frac);
  auto r = check_range(f, std::strtod(canonical.c_str(), nullptr), raw);
  if (!r) return r.error();
  return SqlValue(canonical);
}

Result<SqlValue> parse_enum(const FieldDeclaration& f, std::string_view raw) {
  for (const auto& o : f.options)
    if (o.value == raw || o.label == raw) return SqlValue(o.value);
  std::string allowed;
  for (const auto& o : f.options) allowed += (allowed.empty() ? "" : "、") + o.label;
  return field_error(f, raw, "不是可选值，可选：" + allowed);
}

Result<SqlValue> parse_boolean(const FieldDeclaration& f, std::string_view raw) {
  if (raw == "是" || raw == "true" || raw == "1" || raw == "TRUE" || raw == "True" || raw == "Y" || raw == "y")
    return SqlValue(std::int64_t{1});
  if (raw == "否" || raw == "false" || raw == "0" || raw == "FALSE" || raw == "False" || raw == "N" || raw == "n")
    return SqlValue(std::int64_t{0});
  return field_error(f, raw, "应为「是」或「否」");
}

Result<SqlValue> parse_text_like(const FieldDeclaration& f, std::string_view raw) {
  if (!valid_utf8(raw)) return field_error(f, "", "含有无效字符（不是 UTF-8 文本）");
  size_t limit = f.max_length > 0 ? f.max_length : (f.type == FieldType::kLongText ? 20000 : 200);
  if (utf8_length(raw) > limit) return field_error(f, "", fmt::format("长度超过 {} 个字", limit));
  return SqlValue(std::string(raw));
}

}  // namespace

bool stored_as_integer(const FieldDeclaration& f) {
  return f.type == FieldType::kInteger || f.type == FieldType::kBoolean || f.type == FieldType::kPersonRef ||
         f.type == FieldType::kRecordRef;
}

Result<SqlValue> field_value_from_text(const FieldDeclaration& f, std::string_view text) {
  std::string raw = f.type == FieldType::kLongText ? std::string(text) : trim(text);
  if (raw.empty()) return SqlValue(nullptr);
  switch (f.type) {
    case FieldType::kText:
    case FieldType::kLongText:
    case FieldType::kAttachment:
      return parse_text_like(f, raw);
    case FieldType::kInteger:
    case FieldType::kPersonRef:
    case FieldType::kRecordRef:
      return parse_integer(f, raw);
    case FieldType::kDecimal:
      return parse_decimal(f, raw);
    case FieldType::kDate: {
      auto d = parse_date_lenient(raw);
      if (!d) return field_error(f, raw, "不是有效日期（应为 YYYY-MM-DD）");
      return SqlValue(d->iso());
    }
    case FieldType::kDateTime: {
      auto d = parse_datetime(raw);
      if (!d) {
        auto day = parse_date_lenient(raw);
        if (!day) return field_error(f, raw, "不是有效时间（应为 YYYY-MM-DD HH:MM:SS）");
        return SqlValue(day->iso() + "T00:00:00");
      }
      return SqlValue(d->iso('T'));
    }
    case FieldType::kEnum:
      return parse_enum(f, raw);
    case FieldType::kBoolean:
      return parse_boolean(f, raw);
    case FieldType::kNationalCode: {
      std::string upper = raw;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      auto r = check_national_code(f.code, upper);
      if (!r) return field_error(f, raw, r.error().reason);
      return SqlValue(upper);
    }
    case FieldType::kOrgRef:
      return parse_text_like(f, raw);
  }
  return SqlValue(nullptr);
}

Result<SqlValue> field_value_from_json(const FieldDeclaration& f, const nlohmann::json& v) {
  if (v.is_null()) return SqlValue(nullptr);
  if (v.is_string()) {
    if (f.type == FieldType::kBoolean) {
      const auto& s = v.get_ref<const std::string&>();
      if (s.empty()) return SqlValue(nullptr);
    }
    return field_value_from_text(f, v.get_ref<const std::string&>());
  }
  if (v.is_boolean()) {
    if (f.type != FieldType::kBoolean) return field_error(f, v.dump(), "类型不符");
    return SqlValue(std::int64_t{v.get<bool>() ? 1 : 0});
  }
  if (v.is_number_integer()) {
    if (f.type == FieldType::kDecimal || f.type == FieldType::kInteger || f.type == FieldType::kPersonRef ||
        f.type == FieldType::kRecordRef || f.type == FieldType::kBoolean)
      return field_value_from_text(f, std::to_string(v.get<std::int64_t>()));
    return field_error(f, v.dump(), "类型不符");
  }
  if (v.is_number_float()) {
    if (f.type == FieldType::kDecimal) return field_value_from_text(f, fmt::format("{}", v.get<double>()));
    if (f.type == FieldType::kInteger) {
      double d = v.get<double>();
      if (std::floor(d) == d) return field_value_from_text(f, fmt::format("{}", static_cast<std::int64_t>(d)));
      return field_error(f, v.dump(), "应为整数");
    }
    return field_error(f, v.dump(), "类型不符");
  }
  if (f.type == FieldType::kAttachment && v.is_array()) return SqlValue(v.dump());
  return field_error(f, v.dump().substr(0, 100), "类型不符");
}

nlohmann::json field_value_to_json(const FieldDeclaration& f, const SqlValue& v) {
  if (is_null(v)) return nullptr;
  switch (f.type) {
    case FieldType::kBoolean:
      return sql_int(v).value_or(0) != 0;
    case FieldType::kInteger:
    case FieldType::kPersonRef:
    case FieldType::kRecordRef:
      return sql_int(v).value_or(0);
    case FieldType::kAttachment: {
      auto parsed = nlohmann::json::parse(sql_text(v), nullptr, false);
      return parsed.is_discarded() ? nlohmann::json(sql_text(v)) : parsed;
    }
    default:
      return sql_text(v);
  }
}

std::string field_value_to_text(const FieldDeclaration& f, const SqlValue& v) {
  if (is_null(v)) return {};
  switch (f.type) {
    case FieldType::kBoolean:
      return sql_int(v).value_or(0) ? "是" : "否";
    case FieldType::kEnum: {
      std::string s = sql_text(v);
      for (const auto& o : f.options)
        if (o.value == s) return o.label;
      return s;
    }
    default:
      return sql_text(v);
  }
}

}  // namespace fazhi

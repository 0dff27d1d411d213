#include "core/resident_id.h"

#include <fmt/format.h>

#include <array>

#include "core/input_text.h"
#include "core/region_code.h"

namespace fazhi {
namespace {

constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
// Check character for (Σ digit·weight) mod 11.
constexpr std::string_view kCheckCharacters = "10X98765432";

Error id_error(std::string_view shown, std::string reason) {
  return invalid_input(fmt::format("公民身份号码“{}”", shown), "", std::move(reason));
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Why the date part `yyyymmdd` is no birth date, or nullopt when it is `*out`.
std::optional<std::string> why_not_birth_date(std::string_view yyyymmdd, std::optional<Date> today, Date* out) {
  const int y = std::stoi(std::string(yyyymmdd.substr(0, 4)));
  const int m = std::stoi(std::string(yyyymmdd.substr(4, 2)));
  const int d = std::stoi(std::string(yyyymmdd.substr(6, 2)));
  Result<Date> date = Date::from_ymd(y, m, d);
  if (!date) return fmt::format("“{}”不是有效日期：{}", yyyymmdd, date.error().reason);
  if (y < 1800) return fmt::format("“{}”早于1800年", yyyymmdd);
  if (today && *date > *today) return fmt::format("“{}”晚于今天（{}）", yyyymmdd, today->iso());
  *out = *date;
  return std::nullopt;
}

Result<ResidentId> check(std::string_view number, std::string_view shown, std::optional<Date> today) {
  if (number.empty()) return id_error(shown, "不能为空");
  const std::vector<std::string_view> chars = utf8_characters(number);
  if (chars.size() == 15 && all_digits(number)) {
    return id_error(shown, "这是15位的第一代身份证号码，应填写18位公民身份号码");
  }
  if (chars.size() != 18) return id_error(shown, fmt::format("应为18位，实际为{}位", chars.size()));
  for (std::size_t i = 0; i < 17; ++i) {
    if (chars[i].size() != 1 || !all_digits(chars[i])) {
      return id_error(shown, fmt::format("第{}位“{}”应为数字", i + 1, chars[i]));
    }
  }
  if (chars[17] == "x") return id_error(shown, "校验码（第18位）应为大写X");
  if (chars[17].size() != 1 || (!all_digits(chars[17]) && chars[17] != "X")) {
    return id_error(shown, fmt::format("校验码（第18位）“{}”应为数字或X", chars[17]));
  }
  const std::string_view province = number.substr(0, 2);
  if (!is_province_code(province)) {
    return id_error(
        shown, fmt::format("地址码（第1至6位）“{}”的前两位“{}”不是省级行政区划代码", number.substr(0, 6), province));
  }
  ResidentId id;
  if (auto why = why_not_birth_date(number.substr(6, 8), today, &id.birth_date)) {
    return id_error(shown, "出生日期码（第7至14位）" + *why);
  }
  const char expected = resident_id_check_character(number.substr(0, 17)).value();
  if (number[17] != expected) {
    return id_error(shown, fmt::format("校验码（第18位）应为{}，实际为{}；请核对前17位是否抄错", expected, number[17]));
  }
  id.number = std::string(number);
  id.region_code = std::string(number.substr(0, 6));
  id.sequence = std::stoi(std::string(number.substr(14, 3)));
  id.sex = id.sequence % 2 == 1 ? Sex::kMale : Sex::kFemale;
  return id;
}

}  // namespace

std::string_view sex_label(Sex sex) {
  return sex == Sex::kMale ? "男" : "女";
}

Result<char> resident_id_check_character(std::string_view first17) {
  if (first17.size() != 17 || !all_digits(first17)) {
    return id_error(first17, "计算校验码需要前17位数字");
  }
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheckCharacters[static_cast<std::size_t>(sum % 11)];
}

Result<void> validate_resident_id(std::string_view text, std::optional<Date> today) {
  Result<ResidentId> checked = check(text, text, today);
  if (!checked) return std::move(checked).error();
  return ok();
}

Result<ResidentId> parse_resident_id(std::string_view text, std::optional<Date> today) {
  const std::string folded = ascii_upper(trim_ascii_space(to_halfwidth(text)));
  return check(folded, text, today);
}

Result<std::string> resident_id_from_15(std::string_view number15) {
  if (number15.size() != 15 || !all_digits(number15)) return id_error(number15, "15位号码应为15位数字");
  std::string first17 = std::string(number15.substr(0, 6)) + "19" + std::string(number15.substr(6));
  Date birth;
  if (auto why = why_not_birth_date(std::string_view(first17).substr(6, 8), std::nullopt, &birth)) {
    return id_error(number15, "出生日期码（第7至12位）" + *why);
  }
  return first17 + resident_id_check_character(first17).value();
}

}  // namespace fazhi

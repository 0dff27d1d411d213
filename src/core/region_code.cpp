#include "core/region_code.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "core/input_text.h"

namespace fazhi {
namespace {

Error region_error(std::string_view shown, std::string reason) {
  return invalid_input(fmt::format("行政区划代码“{}”", shown), "", std::move(reason));
}

bool is_municipality(std::string_view province) {
  return province == "11" || province == "12" || province == "31" || province == "50";
}

// The parent of a 6-digit code of the given level.
std::string six_digit_parent(std::string_view code, RegionLevel level) {
  const std::string province = std::string(code.substr(0, 2)) + "0000";
  if (level == RegionLevel::kCity) return province;
  const std::string_view city = code.substr(2, 2);
  if (city == "90" || (is_municipality(code.substr(0, 2)) && (city == "01" || city == "02"))) return province;
  return std::string(code.substr(0, 4)) + "00";
}

Result<RegionCode> check(std::string_view code, std::string_view shown) {
  if (code.empty()) return region_error(shown, "不能为空");
  const std::vector<std::string_view> chars = utf8_characters(code);
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (chars[i].size() != 1 || chars[i][0] < '0' || chars[i][0] > '9') {
      return region_error(shown, fmt::format("第{}位“{}”应为数字", i + 1, chars[i]));
    }
  }
  if (chars.size() != 6 && chars.size() != 9 && chars.size() != 12) {
    return region_error(shown,
                        fmt::format("应为6位（省、市、县）、9位（乡镇）或12位（村）数字，实际为{}位", chars.size()));
  }
  const std::string_view province = code.substr(0, 2);
  if (!is_province_code(province)) {
    return region_error(shown, fmt::format("前两位“{}”不是省级行政区划代码", province));
  }
  const std::string_view city = code.substr(2, 2);
  const std::string_view county = code.substr(4, 2);
  if (city == "00" && county != "00") {
    return region_error(shown, "第3至4位（地级）为00时，第5至6位（县级）也应为00");
  }
  RegionCode region;
  region.code = std::string(code);
  if (code.size() == 6) {
    region.level = city == "00" ? RegionLevel::kProvince : county == "00" ? RegionLevel::kCity : RegionLevel::kCounty;
    if (region.level != RegionLevel::kProvince) region.parent = six_digit_parent(code, region.level);
    return region;
  }
  if (city == "00") {
    return region_error(shown, "乡级、村级代码的前6位应为县级或不设区的地级市代码，不能是省级代码");
  }
  if (code.substr(6, 3) == "000") {
    return region_error(
        shown, code.size() == 9 ? "乡级代码第7至9位不能为000；县级请用前6位代码" : "村级代码第7至9位（乡级）不能为000");
  }
  if (code.size() == 9) {
    region.level = RegionLevel::kTownship;
    region.parent = std::string(code.substr(0, 6));
    return region;
  }
  if (code.substr(9, 3) == "000") {
    return region_error(shown, "村级代码第10至12位不能为000；乡级请用前9位代码");
  }
  region.level = RegionLevel::kVillage;
  region.parent = std::string(code.substr(0, 9));
  return region;
}

}  // namespace

std::string_view region_level_label(RegionLevel level) {
  switch (level) {
    case RegionLevel::kProvince:
      return "省级";
    case RegionLevel::kCity:
      return "地级";
    case RegionLevel::kCounty:
      return "县级";
    case RegionLevel::kTownship:
      return "乡级";
    case RegionLevel::kVillage:
      return "村级";
  }
  return "";
}

bool is_province_code(std::string_view two_digits) {
  static constexpr std::array<std::string_view, 34> kProvinces{
      "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42",
      "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82"};
  return std::find(kProvinces.begin(), kProvinces.end(), two_digits) != kProvinces.end();
}

Result<void> validate_region_code(std::string_view text) {
  Result<RegionCode> checked = check(text, text);
  if (!checked) return std::move(checked).error();
  return ok();
}

Result<RegionCode> parse_region_code(std::string_view text) {
  const std::string folded(trim_ascii_space(to_halfwidth(text)));
  return check(folded, text);
}

bool region_contains(const RegionCode& outer, const RegionCode& inner) {
  RegionCode current = inner;
  while (true) {
    if (current.code == outer.code) return true;
    if (current.parent.empty()) return false;
    Result<RegionCode> parent = check(current.parent, current.parent);
    if (!parent) return false;
    current = std::move(parent).value();
  }
}

}  // namespace fazhi

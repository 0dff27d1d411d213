// 行政区划代码: where a body or a person belongs. Provinces, prefecture-level cities and
// counties use GB/T 2260 《中华人民共和国行政区划代码》 (6 digits: 2 province, 2 city, 2 county);
// townships and villages use the 统计用区划代码 of the National Bureau of Statistics, whose
// first 6 digits are the GB/T 2260 county (or a city without counties such as 东莞 441900),
// then 3 digits for the township (乡级, 9 digits in all) and 3 for the village (村级, 12).
// See GLOSSARY.md "行政区划". Only the structure is checked: naming the region needs the
// organisation tree, which keeps the names.
//
// Parents follow the structure, with one reading of fazhi's: the placeholders for a
// province's directly administered counties (PP90xx, 省直辖县级行政区划) and for a
// municipality's districts (PP01xx/PP02xx under 北京 11, 天津 12, 上海 31, 重庆 50: 市辖区/县)
// are not units, so such a county's parent is its province.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace fazhi {

enum class RegionLevel { kProvince, kCity, kCounty, kTownship, kVillage };

// "省级", "地级", "县级", "乡级", "村级".
std::string_view region_level_label(RegionLevel level);

// A structurally valid region code.
struct RegionCode {
  std::string code;  // 6, 9 or 12 digits
  RegionLevel level = RegionLevel::kProvince;
  std::string parent;  // the code of the region above it; empty for a province
};

// Whether `two_digits` is one of the 34 province-level codes (11 北京 … 65 新疆, 71 台湾,
// 81 香港, 82 澳门).
bool is_province_code(std::string_view two_digits);

// Checks `text` exactly as stored: 6, 9 or 12 digits, a known province, and no level
// skipped (a county part without a city part, a village without a township). Fails
// (kInvalidInput) naming the code and the wrong part.
Result<void> validate_region_code(std::string_view text);

// Like validate_region_code, after folding surrounding spaces and full-width digits.
// Returns the level and parent.
Result<RegionCode> parse_region_code(std::string_view text);

// Whether `inner` is `outer` or lies within it (by following parents).
bool region_contains(const RegionCode& outer, const RegionCode& inner);

}  // namespace fazhi

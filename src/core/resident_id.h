// 公民身份号码: the 18-character number on the resident identity card (GB 11643-1999
// 《公民身份号码》). Positions:
//   1–6    地址码 (GB/T 2260 code of the county where the person was first registered; it keeps
//          codes since abolished, so only its province is checked here)
//   7–14   出生日期码 (YYYYMMDD)
//   15–17  顺序码 (odd for men, even for women)
//   18     校验码: ISO 7064 MOD 11-2 over the first 17 digits, with weights 2^(18−i) mod 11
//          (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2); a check value of 10 is written X.
// The 15-digit numbers of first-generation cards (GB 11643-1989) are no longer valid;
// resident_id_from_15 converts one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/result.h"

namespace fazhi {

enum class Sex { kMale, kFemale };

// "男" or "女".
std::string_view sex_label(Sex sex);

// A checked 公民身份号码 and what it says.
struct ResidentId {
  std::string number;       // 18 characters, a final X upper case
  std::string region_code;  // positions 1–6
  Date birth_date;          // positions 7–14
  int sequence = 0;         // positions 15–17
  Sex sex = Sex::kMale;     // from the parity of the sequence
};

// The check character ('0'–'9' or 'X') for the first 17 digits; fails (kInvalidInput) when
// `first17` is not 17 digits. For building test data.
Result<char> resident_id_check_character(std::string_view first17);

// Checks `text` exactly as stored. Fails (kInvalidInput) naming the number and the part that
// is wrong in words a clerk can act on: length, a non-digit, 地址码 (province unknown),
// 出生日期码 (no such day, before 1800, or after `today` when given), or 校验码
// ("校验码（第18位）应为X，实际为5").
Result<void> validate_resident_id(std::string_view text, std::optional<Date> today = std::nullopt);

// Like validate_resident_id, but first folds what clerks type (surrounding spaces,
// full-width characters, a lower-case x). Returns the parts.
Result<ResidentId> parse_resident_id(std::string_view text, std::optional<Date> today = std::nullopt);

// The 18-digit number for a 15-digit first-generation one (birth year 19YY, check added).
// Fails (kInvalidInput) when `number15` is not 15 digits with a valid birth date.
Result<std::string> resident_id_from_15(std::string_view number15);

}  // namespace fazhi

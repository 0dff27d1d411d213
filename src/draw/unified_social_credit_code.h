// 统一社会信用代码 (unified social credit code) per GB 32100-2015: 18 characters from the
// 31-character set 0-9 A-H J-N P-R T U W-Y (no I O S V Z): registration authority (1),
// organisation type (1), region code GB/T 2260 (6 digits), organisation code (9), and a check
// character: C18 = 31 - (sum of code(Ci) * 3^(i-1) mod 31, i = 1..17) mod 31, with 31 read as 0.
// Private to draw until core has its own national-code checks; then this file goes.
#pragma once

#include <optional>
#include <string_view>

namespace fazhi::draw {

// Why `code` is not a valid 统一社会信用代码, in Chinese for a clerk; nullopt when valid.
// Checks length, character set, the 6-digit region part and the check character.
std::optional<const char*> unified_social_credit_code_problem(std::string_view code);

// The check character (18th) for the first 17 characters; '?' if one is outside the set.
char unified_social_credit_code_check_char(std::string_view first17);

}  // namespace fazhi::draw

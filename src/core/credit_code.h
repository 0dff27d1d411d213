// 统一社会信用代码: the 18-character code of every legal person and other organisation
// (GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》). Positions:
//   1      登记管理部门代码 (registering authority: 1 机构编制, 5 民政, 9 市场监管/工商, Y 其他 …)
//   2      机构类别代码 (kind of body under that authority)
//   3–8    登记管理机关行政区划码 (GB/T 2260 code of the registering office, 6 digits)
//   9–17   主体标识码 (the organisation code, GB 11714)
//   18     校验码: 31 − (Σ value(cᵢ)·wᵢ mod 31), with weights 1 3 9 27 19 26 16 17 20 29 25 13 8
//          24 10 30 28 and 31 written as 0, in the charset below.
// The charset is 0–9 and the capital letters without I, O, Z, S, V.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace fazhi {

// The 31 characters of GB 32100, in value order ("0123456789ABCDEFGHJKLMNPQRTUWXY").
inline constexpr std::string_view kCreditCodeCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

// A checked 统一社会信用代码 and its parts.
struct CreditCode {
  std::string code;                 // 18 characters, upper case
  char registration_authority = 0;  // position 1
  char organisation_kind = 0;       // position 2
  std::string region_code;          // positions 3–8
  std::string organisation_code;    // positions 9–17
};

// The check character for the first 17 characters of a code; fails (kInvalidInput) when
// `first17` is not 17 characters of the charset. For building test data and forms.
Result<char> credit_code_check_character(std::string_view first17);

// The name of a registering authority (position 1), e.g. '9' → "工商（市场监管）"; empty when
// GB 32100 assigns none.
std::string_view credit_code_authority_label(char authority);

// Checks `text` exactly as stored: 18 characters of the charset, digits in positions 3–8
// and the right check character. Fails (kInvalidInput) naming the code and, in words a
// clerk can act on, the wrong position: "第18位校验码应为X，实际为Y".
Result<void> validate_credit_code(std::string_view text);

// Like validate_credit_code, but first folds what clerks type into the stored form:
// surrounding spaces, full-width characters and lower-case letters. Returns the parts.
Result<CreditCode> parse_credit_code(std::string_view text);

}  // namespace fazhi

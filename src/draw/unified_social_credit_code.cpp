#include "draw/unified_social_credit_code.h"

#include <array>

namespace fazhi::draw {
namespace {

constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kWeights = {1, 3, 9, 27, 19, 26, 16, 17, 20,
                                          29, 25, 13, 8, 24, 10, 30, 28};

// The value of a character in the GB 32100 set, or -1.
int char_value(char c) {
  static const std::array<signed char, 256> table = [] {
    std::array<signed char, 256> t{};
    t.fill(-1);
    for (std::size_t i = 0; i < kCharset.size(); ++i) t[std::uint8_t(kCharset[i])] = char(i);
    return t;
  }();
  return table[std::uint8_t(c)];
}

}  // namespace

char unified_social_credit_code_check_char(std::string_view first17) {
  if (first17.size() != 17) return '?';
  int sum = 0;
  for (int i = 0; i < 17; ++i) {
    int v = char_value(first17[i]);
    if (v < 0) return '?';
    sum += v * kWeights[i];
  }
  return kCharset[(31 - sum % 31) % 31];
}

std::optional<const char*> unified_social_credit_code_problem(std::string_view code) {
  if (code.size() != 18) return "统一社会信用代码应为18位";
  for (char c : code) {
    if (char_value(c) < 0) return "统一社会信用代码含有不允许的字符（只能是数字和除I、O、S、V、Z外的大写字母）";
  }
  for (int i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') return "统一社会信用代码第3至8位（行政区划码）应为数字";
  }
  if (unified_social_credit_code_check_char(code.substr(0, 17)) != code[17]) {
    return "统一社会信用代码校验码不符（GB 32100）";
  }
  return std::nullopt;
}

}  // namespace fazhi::draw

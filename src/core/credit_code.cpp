#include "core/credit_code.h"

#include <fmt/format.h>

#include <array>

#include "core/input_text.h"

namespace fazhi {
namespace {

constexpr std::array<int, 17> kWeights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

// Each byte's value in the charset (-1 when not in it): a table, since a draw pool checks
// millions of codes.
constexpr std::array<signed char, 256> kValueOf = [] {
  std::array<signed char, 256> table{};
  table.fill(-1);
  for (std::size_t i = 0; i < kCreditCodeCharset.size(); ++i)
    table[static_cast<unsigned char>(kCreditCodeCharset[i])] = static_cast<signed char>(i);
  return table;
}();

int value_of(char c) {
  return kValueOf[static_cast<unsigned char>(c)];
}

Error code_error(std::string_view shown, std::string reason) {
  return invalid_input(fmt::format("统一社会信用代码“{}”", shown), "", std::move(reason));
}

// Why the character at 1-based `position` is not allowed there.
std::string why_bad_character(std::string_view ch, int position) {
  if (ch.size() == 1) {
    const char c = ch[0];
    if (c >= 'a' && c <= 'z') return fmt::format("第{}位“{}”应为大写字母", position, ch);
    // The letters GB 32100 leaves out because they look like digits.
    switch (c) {
      case 'I':
        return fmt::format("第{}位“I”不是代码字符（不使用I、O、Z、S、V），是否应为数字1？", position);
      case 'O':
        return fmt::format("第{}位“O”不是代码字符（不使用I、O、Z、S、V），是否应为数字0？", position);
      case 'Z':
        return fmt::format("第{}位“Z”不是代码字符（不使用I、O、Z、S、V），是否应为数字2？", position);
      case 'S':
        return fmt::format("第{}位“S”不是代码字符（不使用I、O、Z、S、V），是否应为数字5？", position);
      case 'V':
        return fmt::format("第{}位“V”不是代码字符（不使用I、O、Z、S、V）", position);
      default:
        break;
    }
  }
  return fmt::format("第{}位“{}”不是代码字符（只用数字和除I、O、Z、S、V以外的大写字母）", position, ch);
}

// Checks `code` (already folded for parse) and reports against `shown`, what the clerk typed.
Result<CreditCode> check(std::string_view code, std::string_view shown) {
  if (code.empty()) return code_error(shown, "不能为空");
  const std::vector<std::string_view> chars = utf8_characters(code);
  if (chars.size() != 18) return code_error(shown, fmt::format("应为18位，实际为{}位", chars.size()));
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (chars[i].size() != 1 || value_of(chars[i][0]) < 0) {
      return code_error(shown, why_bad_character(chars[i], static_cast<int>(i) + 1));
    }
  }
  for (int i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') {
      return code_error(shown, fmt::format("第3至8位是登记管理机关行政区划码，应为数字，第{}位为“{}”", i + 1, code[i]));
    }
  }
  const char expected = credit_code_check_character(code.substr(0, 17)).value();
  if (code[17] != expected) {
    return code_error(shown, fmt::format("第18位校验码应为{}，实际为{}；请核对前17位是否抄错", expected, code[17]));
  }
  return CreditCode{std::string(code), code[0], code[1], std::string(code.substr(2, 6)),
                    std::string(code.substr(8, 9))};
}

}  // namespace

Result<char> credit_code_check_character(std::string_view first17) {
  if (first17.size() != 17) {
    return code_error(first17, fmt::format("计算校验码需要前17位，实际为{}位", utf8_length(first17)));
  }
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const int v = value_of(first17[i]);
    if (v < 0) return code_error(first17, why_bad_character(first17.substr(i, 1), static_cast<int>(i) + 1));
    sum += v * kWeights[i];
  }
  const int check = (31 - sum % 31) % 31;
  return kCreditCodeCharset[static_cast<std::size_t>(check)];
}

std::string_view credit_code_authority_label(char authority) {
  switch (authority) {
    case '1':
      return "机构编制";
    case '2':
      return "外交";
    case '3':
      return "司法行政";
    case '4':
      return "文化";
    case '5':
      return "民政";
    case '6':
      return "旅游";
    case '7':
      return "宗教";
    case '8':
      return "工会";
    case '9':
      return "工商（市场监管）";
    case 'A':
      return "中央军委改革和编制办公室";
    case 'N':
      return "农业";
    case 'Y':
      return "其他";
    default:
      return "";
  }
}

Result<void> validate_credit_code(std::string_view text) {
  Result<CreditCode> checked = check(text, text);
  if (!checked) return std::move(checked).error();
  return ok();
}

Result<CreditCode> parse_credit_code(std::string_view text) {
  const std::string folded = ascii_upper(trim_ascii_space(to_halfwidth(text)));
  return check(folded, text);
}

}  // namespace fazhi

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "case_file.h"
#include "core/credit_code.h"
#include "core/region_code.h"
#include "core/resident_id.h"
#include "harness/result_matchers.h"

namespace fazhi {
namespace {

using testing::ErrorIs;
using ::testing::HasSubstr;
using testing::IsOk;
using testing::IsOkAndHolds;

template <typename R, typename Print>
void expect_outcome(const R& r, const std::string& expect, Print print) {
  if (expect.rfind("error", 0) == 0) {
    EXPECT_THAT(r, ErrorIs(ErrorCode::kInvalidInput, HasSubstr(testing::trim_case_text(expect.substr(5)))));
  } else {
    ASSERT_TRUE(r.has_value()) << r.error().full_message();
    EXPECT_EQ(print(r), expect);
  }
}

std::string print_credit(const Result<CreditCode>& r) {
  const CreditCode& c = r.value();
  return c.code + " " + c.registration_authority + " " + c.organisation_kind + " " + c.region_code + " " +
         c.organisation_code;
}

std::string print_resident(const Result<ResidentId>& r) {
  const ResidentId& id = r.value();
  return id.number + " " + id.birth_date.iso() + " " + std::string(sex_label(id.sex)) + " " + id.region_code + " " +
         std::to_string(id.sequence);
}

std::string print_region(const Result<RegionCode>& r) {
  const RegionCode& region = r.value();
  return region.code + " " + std::string(region_level_label(region.level)) + " " +
         (region.parent.empty() ? "-" : region.parent);
}

TEST(NationalCodes, Cases) {
  const auto cases = testing::read_cases("national_codes.txt");
  EXPECT_GE(cases.size(), 90u);
  for (const testing::CaseLine& c : cases) {
    SCOPED_TRACE(c.where());
    const std::string& op = c[1];
    const std::string& input = c[2];
    const std::string& expect = c[3];
    auto ok_text = [](const Result<void>&) { return std::string("ok"); };
    if (op == "credit") {
      expect_outcome(validate_credit_code(input), expect, ok_text);
    } else if (op == "credit_parse") {
      expect_outcome(parse_credit_code(input), expect, print_credit);
    } else if (op == "id") {
      expect_outcome(validate_resident_id(input), expect, ok_text);
    } else if (op.rfind("id@", 0) == 0) {
      expect_outcome(validate_resident_id(input, parse_date(op.substr(3)).value()), expect, ok_text);
    } else if (op == "id_parse") {
      expect_outcome(parse_resident_id(input), expect, print_resident);
    } else if (op == "id_from15") {
      expect_outcome(resident_id_from_15(input), expect, [](const Result<std::string>& r) { return r.value(); });
    } else if (op == "region") {
      expect_outcome(validate_region_code(input), expect, ok_text);
    } else if (op == "region_parse") {
      expect_outcome(parse_region_code(input), expect, print_region);
    } else if (op == "region_contains") {
      std::istringstream codes(input);
      std::string outer, inner;
      codes >> outer >> inner;
      const bool contains = region_contains(parse_region_code(outer).value(), parse_region_code(inner).value());
      EXPECT_EQ(contains ? "yes" : "no", expect);
    } else {
      ADD_FAILURE() << "unknown op " << op;
    }
  }
}

// Changing any one character of a valid code to any other allowed character is caught by
// the check character (GB 32100 and ISO 7064 detect every single substitution).
TEST(NationalCodes, EverySingleSubstitutionIsCaught) {
  for (std::string code : {"91350100M000100Y43", "12440300455760786D", "51320100MJ550782XL"}) {
    ASSERT_THAT(validate_credit_code(code), IsOk());
    for (std::size_t i = 0; i < 17; ++i) {
      for (char c : kCreditCodeCharset) {
        if (c == code[i] || (i >= 2 && i < 8 && (c < '0' || c > '9'))) continue;
        std::string changed = code;
        changed[i] = c;
        ASSERT_THAT(validate_credit_code(changed), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("校验码"))) << changed;
      }
    }
  }
  for (std::string number : {"11010519491231002X", "440524188001010014", "320102200002290048"}) {
    ASSERT_THAT(validate_resident_id(number), IsOk());
    for (std::size_t i = 14; i < 17; ++i) {  // sequence digits: nothing else can catch these
      for (char c = '0'; c <= '9'; ++c) {
        if (c == number[i]) continue;
        std::string changed = number;
        changed[i] = c;
        ASSERT_THAT(validate_resident_id(changed), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("校验码"))) << changed;
      }
    }
  }
}

// The computed check characters complete the standards' own examples.
TEST(NationalCodes, CheckCharacters) {
  EXPECT_THAT(credit_code_check_character("91350100M000100Y4"), IsOkAndHolds('3'));
  EXPECT_THAT(resident_id_check_character("11010519491231002"), IsOkAndHolds('X'));
  EXPECT_THAT(resident_id_check_character("44052418800101001"), IsOkAndHolds('4'));
  EXPECT_THAT(credit_code_check_character("91350100M000100Y"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("前17位")));
  EXPECT_THAT(resident_id_check_character("1101051949123100X"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("前17位")));
  EXPECT_EQ(credit_code_authority_label('9'), "工商（市场监管）");
  EXPECT_EQ(credit_code_authority_label('Z'), "");
}

}  // namespace
}  // namespace fazhi

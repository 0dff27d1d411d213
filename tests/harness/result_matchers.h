// GoogleMock matchers for Result<T>: IsOk(), IsOkAndHolds(m), ErrorIs(code, message_matcher).
#pragma once

#include <gmock/gmock.h>

#include "core/result.h"

namespace fazhi::testing {

MATCHER(IsOk, "is a value") {
  if (arg.has_value()) return true;
  *result_listener << "error: " << arg.error().full_message();
  return false;
}

MATCHER_P(IsOkAndHolds, matcher, "is a value that " + ::testing::DescribeMatcher<decltype(matcher)>(matcher)) {
  if (!arg.has_value()) {
    *result_listener << "error: " << arg.error().full_message();
    return false;
  }
  return ::testing::ExplainMatchResult(matcher, arg.value(), result_listener);
}

// The error's code equals `code` and its full message (with details) matches `message`.
MATCHER_P2(ErrorIs, code, message, "is an error with the given code and message") {
  if (arg.has_value()) {
    *result_listener << "is a value";
    return false;
  }
  if (arg.error().code != code) {
    *result_listener << "code " << error_code_name(arg.error().code) << ": " << arg.error().full_message();
    return false;
  }
  return ::testing::ExplainMatchResult(message, arg.error().full_message(), result_listener);
}

}  // namespace fazhi::testing

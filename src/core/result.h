// Result<T>: a value or an Error, returned across layer boundaries instead of throwing.
// Names follow std::expected (has_value, value, error, operator bool) so that moving to
// C++23 is a rename. Result<void> carries only success or an Error.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "core/error.h"

namespace fazhi {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::in_place_index<0>, std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : data_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool has_value() const { return data_.index() == 0; }
  explicit operator bool() const { return has_value(); }

  // The value; calling these on an error is a programmer error.
  T& value() & {
    assert(has_value());
    return std::get<0>(data_);
  }
  const T& value() const& {
    assert(has_value());
    return std::get<0>(data_);
  }
  T&& value() && {
    assert(has_value());
    return std::get<0>(std::move(data_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // The error; calling this on a value is a programmer error.
  const Error& error() const& {
    assert(!has_value());
    return std::get<1>(data_);
  }
  Error&& error() && {
    assert(!has_value());
    return std::get<1>(std::move(data_));
  }

  // The value, or `fallback` when this holds an error.
  T value_or(T fallback) const& { return has_value() ? std::get<0>(data_) : std::move(fallback); }

 private:
  std::variant<T, Error> data_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT: implicit by design

  bool has_value() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const& {
    assert(!ok_);
    return error_;
  }
  Error&& error() && {
    assert(!ok_);
    return std::move(error_);
  }

 private:
  Error error_;
  bool ok_ = true;
};

// Success for Result<void>.
inline Result<void> ok() {
  return Result<void>();
}

}  // namespace fazhi

// Evaluates `expr` (a Result); on error returns the error from the enclosing function.
#define FAZHI_TRY(expr)                                       \
  do {                                                        \
    auto fazhi_try_result_ = (expr);                          \
    if (!fazhi_try_result_) return fazhi_try_result_.error(); \
  } while (0)

#define FAZHI_CONCAT_INNER(a, b) a##b
#define FAZHI_CONCAT(a, b) FAZHI_CONCAT_INNER(a, b)
// Declares `lhs` from the value of `expr` (a Result), or returns its error.
#define FAZHI_ASSIGN_OR_RETURN(lhs, expr) FAZHI_ASSIGN_OR_RETURN_IMPL(FAZHI_CONCAT(fazhi_result_, __LINE__), lhs, expr)
#define FAZHI_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                \
  if (!tmp) return std::move(tmp).error();          \
  lhs = std::move(tmp).value()

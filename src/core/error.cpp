#include "core/error.h"

namespace fazhi {

const char* error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput:
      return "invalid_input";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

std::string Error::message() const {
  std::string out = subject;
  if (!place.empty()) {
    if (!out.empty()) out += ", ";
    out += place;
  }
  if (!reason.empty()) {
    if (!out.empty()) out += ": ";
    out += reason;
  }
  return out;
}

std::string Error::full_message() const {
  std::string out = message();
  for (const Error& d : details) {
    out += "\n  ";
    out += d.message();
  }
  return out;
}

Error invalid_input(std::string subject, std::string place, std::string reason) {
  return Error{ErrorCode::kInvalidInput, std::move(subject), std::move(place), std::move(reason), {}, {}};
}
Error not_found(std::string subject, std::string reason) {
  return Error{ErrorCode::kNotFound, std::move(subject), {}, std::move(reason), {}, {}};
}
Error conflict(std::string subject, std::string reason) {
  return Error{ErrorCode::kConflict, std::move(subject), {}, std::move(reason), {}, {}};
}
Error forbidden(std::string subject, std::string reason) {
  return Error{ErrorCode::kForbidden, std::move(subject), {}, std::move(reason), {}, {}};
}
Error internal_error(std::string subject, std::string reason) {
  return Error{ErrorCode::kInternal, std::move(subject), {}, std::move(reason), {}, {}};
}
Error unavailable(std::string subject, std::string reason) {
  return Error{ErrorCode::kUnavailable, std::move(subject), {}, std::move(reason), {}, {}};
}

}  // namespace fazhi

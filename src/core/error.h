// An error a clerk can act on: what went wrong (subject), where (place), and why (reason),
// plus a code that the HTTP layer maps to a status and the CLI to an exit code, each in one
// place. Errors that aggregate several findings (an import with many bad cells) carry them
// in `details`, each a full Error of its own.
#pragma once

#include <string>
#include <vector>

namespace fazhi {

enum class ErrorCode {
  kInvalidInput,     // the caller's input is wrong: a bad date, code, file, field or value
  kNotFound,         // the thing named does not exist (or is outside the caller's scope)
  kConflict,         // the input is valid but clashes with stored state: a duplicate, a
                     // transition not allowed from the current state, a stale version
  kUnauthenticated,  // no valid session or wrong credentials
  kForbidden,        // authenticated, but the role or organisation scope does not allow it
  kUnavailable,      // a resource is temporarily unavailable: database busy, server down
  kInternal,         // a fault in fazhi itself; the message still says what was attempted
};

// The stable lower-case name of a code ("invalid_input"), used in JSON and logs.
const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string subject;         // the thing concerned: "file cases.xlsx", "case FY-2024-017"
  std::string place;           // where in it: "row 12, column 受理日期"; may be empty
  std::string reason;          // why, in words a clerk can act on
  std::string field;           // machine name of the field concerned, for forms; may be empty
  std::vector<Error> details;  // further findings of the same failure, in input order

  // "subject, place: reason" with empty parts left out; details are not included.
  std::string message() const;
  // message() followed by one line per detail.
  std::string full_message() const;
};

// Shorthands for the common codes.
Error invalid_input(std::string subject, std::string place, std::string reason);
Error not_found(std::string subject, std::string reason = "不存在");
Error conflict(std::string subject, std::string reason);
Error forbidden(std::string subject, std::string reason);
Error internal_error(std::string subject, std::string reason);
Error unavailable(std::string subject, std::string reason);

}  // namespace fazhi

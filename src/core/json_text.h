// JSON string literals (RFC 8259 §7) for code that writes JSON by hand on a hot path: quote,
// backslash and the named control escapes (\b \f \n \r \t), other control characters as
// \u00XX in lower-case hex, everything else (UTF-8 included) as is.
#pragma once

#include <string>
#include <string_view>

namespace fazhi {

// Appends `text` as a quoted JSON string to `out`.
void append_json_string(std::string& out, std::string_view text);
// `text` as the contents of a JSON string literal, without the quotes.
std::string json_escape(std::string_view text);

}  // namespace fazhi

// Full-width forms (全角) as typed by Chinese input methods: `２０２４／３／５`, `９１１１…`.
// Imports and code validators fold them to ASCII before reading a value, so that a clerk's
// full-width digits, letters and punctuation are not an error. Unicode block "Halfwidth and
// Fullwidth Forms" (U+FF01–U+FF5E map to U+0021–U+007E) and the ideographic space U+3000.
#pragma once

#include <string>
#include <string_view>

namespace fazhi {

// `text` with U+FF01–U+FF5E replaced by their ASCII counterparts and U+3000 by a space;
// everything else (including invalid UTF-8) is copied unchanged.
std::string to_halfwidth(std::string_view text);

// `text` without leading and trailing ASCII white space.
std::string_view trim_ascii_space(std::string_view text);

// The number of UTF-8 code points in `text` (a stray continuation byte counts as one), for
// messages that say "第N位" or "实际为N位".
std::size_t utf8_length(std::string_view text);

}  // namespace fazhi

// Text as clerks type it: full-width forms (全角) from Chinese input methods (`２０２４／３／５`,
// `９１１１…`), stray spaces, and characters counted as a clerk counts them (第N位). Imports
// and code validators fold values with these before reading them, so that full-width digits,
// letters and punctuation are not an error. Unicode block "Halfwidth and Fullwidth Forms"
// (U+FF01–U+FF5E map to U+0021–U+007E) and the ideographic space U+3000.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

// `text` with U+FF01–U+FF5E replaced by their ASCII counterparts and U+3000 by a space;
// everything else (including invalid UTF-8) is copied unchanged.
std::string to_halfwidth(std::string_view text);

// `text` without leading and trailing ASCII white space.
std::string_view trim_ascii_space(std::string_view text);

// The number of UTF-8 code points in `text` (a stray continuation byte counts as one), for
// messages that say "第N位" or "实际为N位".
std::size_t utf8_length(std::string_view text);

// `text` split into its UTF-8 characters (a stray byte is a character of its own).
std::vector<std::string_view> utf8_characters(std::string_view text);

// `text` with ASCII letters a–z made upper case.
std::string ascii_upper(std::string_view text);

}  // namespace fazhi

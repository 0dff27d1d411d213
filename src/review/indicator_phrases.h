// Mapping a figure found in a report onto the indicator catalogue
// (../shared/domain/INDICATORS.md). The mapping is data: the table kIndicatorPhrases in
// indicator_phrases.cpp, one row per way reports word a figure, tried in order. A row
// names the indicator, whether the figure is a rate (%) or a count, a pattern over the
// figure's clause (the text before the figure back to the previous clause break or
// figure, then "§" standing for the figure, then the text after it up to the next break
// or figure), and optionally the topic the surrounding text must be on (the topic whose
// keyword occurs last before the figure, from the table kTopics). A figure no row fits
// stays unmapped.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fazhi::review {

// The topic of the text before a figure, e.g. "reconsideration", or "" when none.
// `window_utf8` ends where the figure starts; `after_utf8` is the clause after it.
std::string topic_of(std::string_view window_utf8, std::string_view after_utf8);

// Every topic keyword in a text: [pos, end) in characters and the topic's index.
// `char_at` maps each byte of `utf8` (plus one past the end) to its character.
struct TopicMark {
  uint32_t pos, end;
  int topic;
};
std::vector<TopicMark> topic_marks(std::string_view utf8, const std::vector<uint32_t>& char_at);
const char* topic_name(int topic);

// The catalogue id for a figure whose clause is `clause_utf8` (with "§" for the figure),
// under `topic`, with `unit` ("%" for rates; empty when the text omits the unit).
// `context` gives, when a row asks for it, the sentence before the figure (from the last 。).
std::optional<std::string> indicator_for(std::string_view clause_utf8, std::string_view topic, std::string_view unit,
                                         const std::function<std::string()>& context = {});

// True when some row of the mapping table yields `id`.
bool is_catalogue_indicator(std::string_view id);
// Every id the mapping table can yield, in table order, without repeats.
std::vector<std::string> mapped_indicators();

}  // namespace fazhi::review

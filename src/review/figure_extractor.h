// Extracting every quantitative statement from a normalised report: counts, amounts,
// rates, durations and ranks, as printed (Arabic and, where they count, Chinese
// numerals; 余/近/超/约/多/以上 kept as a qualifier; 万/亿 scaled), each with its unit, the
// phrase it measures, the catalogue indicator it maps to (indicator_phrases.h), its
// chapter and its span in the original. Not figures: dates and years, document numbers
// (〔2016〕23号), ordinals (第三批), numbers inside quoted names, slogans and titles
// (“五证合一”, 《…二十条措施》), grades and codes (4A级, 5G, 12345热线), version numbers.
#pragma once

#include <vector>

#include "review/normaliser.h"
#include "review/reviewed_report.h"

namespace fazhi::review {

struct Extraction {
  std::vector<Figure> figures;  // in text order, spans set
  std::vector<Defect> defects;  // numbers whose digits run together (90.7590.03%)
};

// `chapters` as segment() left them (normalised spans set). Pure; thread-safe.
Extraction extract_figures(const NormalisedText& text, const std::vector<Chapter>& chapters);

}  // namespace fazhi::review

// Normalising a decoded report into the text the engine reads, keeping for every
// normalised character its offset in the decoded original. In order: markup removed
// (.html), compatibility forms folded with ICU NFKC where that is right (full-width
// digits, letters and punctuation, ideographic and no-break spaces, compatibility
// ideographs — not ①, ㎡ or other forms whose folding would invent figures), pinyin glosses
// after characters dropped (建設(shè) → 建設), traditional → simplified with OpenCC
// (t2s.json), stray spaces around digits dropped, lines trimmed, web-page furniture
// (site names, navigation, 打印正文, 浏览次数, footers, 备案号 …) removed, and a block
// repeated later in the text kept once. Redactions ((略), ×××) stay in the text and are
// listed. What was removed is reported.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "review/reviewed_report.h"

namespace opencc {
class SimpleConverter;
}

namespace fazhi::review {

struct NormalisedText {
  std::u32string text;           // paragraphs, one per line, joined by '\n'
  std::vector<uint32_t> origin;  // origin[i]: offset in the original of text[i]
  std::vector<Span> paragraphs;  // [start, end) of each line in `text`
  std::vector<Removal> removed;
  std::vector<Defect> duplicates;  // kind "duplicate_block", span of the later copy
  std::vector<Redaction> redactions;

  // The original span of normalised [start, end).
  Span original_span(uint32_t start, uint32_t end) const;
};

// Holds the OpenCC converter and the ICU folding table. Construction loads the OpenCC
// dictionaries (tens of milliseconds). normalise() is const and may be called from
// several threads on one instance.
class Normaliser {
 public:
  // Fails (kUnavailable) when OpenCC's t2s.json or ICU cannot be loaded.
  static Result<std::shared_ptr<const Normaliser>> create();
  ~Normaliser();

  // `format` is SourceText::format ("html" strips markup; "pdf" rejoins wrapped lines).
  NormalisedText normalise(std::u32string_view original, std::string_view format) const;

  // Traditional → simplified of one string, 1:1 in characters where OpenCC is (falls back
  // to character by character when a phrase conversion changes the length).
  std::u32string to_simplified(std::u32string_view text) const;

 private:
  Normaliser();
  std::unique_ptr<opencc::SimpleConverter> converter_;
  std::vector<bool> changes_;   // per code point below 0x30000: t2s changes it alone
  std::vector<char32_t> fold_;  // NFKC fold for the ranges we fold; 0 = unchanged
};

}  // namespace fazhi::review

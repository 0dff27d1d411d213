// What reviewing one published annual report (法治政府建设年度报告) yields: the decoded
// original text, its metadata and chapter tree, every figure stated in it, the defects
// found, and what normalisation removed. Every span counts Unicode characters of the
// decoded original (for .docx and .pdf: of the text extracted from the file), so that a
// reader can be shown each figure in the text as published.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fazhi::review {

// A half-open span [start, end) in characters of the decoded original.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
};

// The outline areas (法治政府建设实施纲要) a chapter is mapped to; names are the JSON values.
// "functions", "rules", "decisions", "enforcement", "emergencies", "disputes",
// "oversight", "digital", "leadership", "problems", "plans"; empty when none fits.
struct Chapter {
  std::string id;         // "1", "1.2", "1.2.3": the position in the tree
  int level = 1;          // 1 for 一、, 2 for (一), 3 for 1., 4 for 一是
  std::string marker;     // "一、", "(二)", "3.", "一是"; empty for an unmarked part
  std::string title;      // the heading, up to its first full stop
  std::string area;       // outline area, inherited from the parent when the title names none
  Span span;              // from the heading to the start of the next chapter of its level
  bool implicit = false;  // an unmarked part recognised by its opening (problems, plans)
  // Internal: the same span in the normalised text.
  uint32_t norm_start = 0, norm_end = 0;
};

// One figure as stated: the number as printed plus what it measures.
struct Figure {
  std::string text;                      // as printed, qualifier and unit included: "56万余件"
  double value = 0;                      // the number printed: 56 for "56万余件", 2 for "第二"
  int decimals = 0;                      // digits printed after the decimal point
  std::optional<std::string> unit;       // "万件", "%", "个工作日"; nullopt when the text omits it
  std::optional<std::string> qualifier;  // 余, 近, 超, 约, 多, 以上 … as printed
  std::optional<double> scaled_value;    // value × 10^4 or 10^8 when 万 or 亿 applies
  std::optional<std::string> base_unit;  // the unit without 万/亿: "件"
  std::string label;                     // the phrase the figure measures: "收到行政复议申请"
  std::string quote;                     // the clause around the figure, as normalised
  std::optional<std::string> indicator;  // INDICATORS.md id, or nullopt when none fits
  std::string chapter;                   // Chapter::id of the innermost chapter, or empty
  std::string area;                      // that chapter's area
  Span span;                             // of `text` in the original
  bool is_rank = false;                  // 排名第二, 全省第一: unit 名次
  // Internal: position in the normalised text, and the sentence it belongs to.
  uint32_t norm_start = 0, norm_end = 0;
  uint32_t sentence = 0, paragraph = 0;
};

// A problem found; `kind` is one of the names listed in docs/review-json.md.
struct Defect {
  std::string kind;
  Span span;
  std::string message;  // plain Chinese, naming the figures concerned
};

// Text normalisation took out: web-page furniture, repeated blocks, pinyin glosses.
struct Removal {
  std::string kind;  // "furniture", "duplicate", "pinyin_gloss"
  std::string text;  // what was removed (for pinyin_gloss: the glosses, space-separated)
  Span span;         // of the first removed item
  int count = 1;
};

// A redaction marker kept in the text: (略), ×××, ***.
struct Redaction {
  std::string text;
  Span span;
};

struct ReviewedReport {
  std::string file;
  std::string format;    // "text", "html", "docx", "pdf"
  std::string encoding;  // "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE"; the container's for docx/pdf
  std::optional<std::string> title;
  std::optional<std::string> region;  // "衡阳市"
  std::optional<std::string> level;   // "province", "city", "county", "department"
  std::optional<int> report_year;     // the year reported on
  std::vector<Chapter> chapters;      // pre-order
  std::vector<Figure> figures;        // in text order
  std::vector<Defect> defects;        // in text order
  std::vector<Removal> removed;
  std::vector<Redaction> redactions;
  uint32_t original_length = 0;  // characters in the decoded original
};

}  // namespace fazhi::review

// A composed annual report, independent of its output format: the title and date, the
// blocks of text in order (headings and paragraphs, figures already written into the
// sentences), and every computed figure with what a reader needs to trace it (indicator,
// period, previous year, change, the reproducing query and the drill-down count). The
// renderers (markdown_renderer.h, json_renderer.h, html_renderer.h, docx_renderer.h)
// only lay it out; they compute nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"

namespace fazhi {

// One computed figure of the report (a slot bound to an indicator).
struct ReportFigure {
  std::string indicator;   // INDICATORS.md id: "reconsideration.received"
  std::string label;       // 收到行政复议申请
  std::string unit;        // 件, %
  std::string chapter;     // the chapter key whose slot it fills
  std::string definition;  // what is counted
  bool ratio = false;
  std::optional<double> value;     // empty: nothing to compute (a ratio over no records)
  std::optional<double> previous;  // the same period a year before
  std::optional<double> change;    // value − previous (ratios: percentage points)
  double numerator = 0, denominator = 0;
  std::string text;           // the value as printed ("120", "97.50"); empty when no value
  std::string previous_text;  // the previous figure as printed; empty when none
  std::string change_text;    // 同比上升24.03%, 同比提高1.20个百分点, 与上年持平; empty when none
  std::string query;          // the SQL that reproduces it (filled for the JSON report)
  std::optional<std::int64_t> records;  // the drill-down's record count (JSON report)
};

enum class BlockKind {
  kHeading1,   // 一、主要举措和成效
  kHeading2,   // （一）健全政府机构职能体系
  kParagraph,  // body text
};

struct ReportBlock {
  BlockKind kind = BlockKind::kParagraph;
  std::string text;
  std::string chapter;            // the chapter key it belongs to; empty for the opening
  bool figures_sentence = false;  // the sentence composed from the chapter's figures
};

// Five (or more) years of one main indicator, for the portal's charts.
struct ReportTrend {
  std::string indicator;
  std::string label;
  std::string unit;
  std::vector<std::pair<int, std::optional<double>>> years;  // oldest first
};

struct ReportDocument {
  std::string title;
  std::string org_code;
  std::string org_name;
  bool department = false;
  int year = 0;
  Date period_from, period_to;
  std::string date_text;      // 成文日期 as printed: 2025年3月28日; empty when none
  std::int64_t round_id = 0;  // 0 when no round exists for the year (figures only)
  std::string round_state;    // open, composing, published
  bool edited = false;        // the body is the coordinator's edited text
  std::vector<ReportBlock> blocks;
  std::vector<ReportFigure> figures;
  std::vector<ReportTrend> trends;

  const ReportFigure* figure(std::string_view indicator) const {
    for (const auto& f : figures)
      if (f.indicator == indicator) return &f;
    return nullptr;
  }
};

}  // namespace fazhi

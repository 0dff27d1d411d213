// The annual report's outline as data (REPORT.md, the 2021–2025 outline): the title's
// wording, the chapters in order with their headings, the report areas whose indicators
// fill each chapter's figure slots (every indicator of those areas in the catalogue, in
// catalogue order), whether the chapter states the year-on-year change, and the part
// field (report_part ledger) its narrative comes from. Immutable; safe to share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace fazhi {

struct ReportChapter {
  std::string key;                 // the report_part field holding departments' narrative: "disputes"
  std::string parent;              // "一", "二", "三", "四": the level-1 chapter it belongs to
  std::string heading;             // as printed: "（六）健全社会矛盾纠纷行政预防调处化解体系"
  std::vector<std::string> areas;  // indicator areas whose figures are this chapter's slots
  bool with_change = false;        // each figure followed by its year-on-year change
};

struct ReportOutline {
  struct Part {
    std::string numeral;  // "一"
    std::string heading;  // "一、主要举措和成效"
  };
  std::vector<Part> parts;              // level-1 chapters in order
  std::vector<ReportChapter> chapters;  // in order; chapters of one part stay together
};

// The 2021–2025 outline fazhi's reports follow.
const ReportOutline& report_outline();

// The chapter whose part field is `key`, or nullptr.
const ReportChapter* find_report_chapter(std::string_view key);

// The report's title: a government's "…关于2024年度法治政府建设情况的报告", a department's
// "…2024年度法治政府建设工作报告".
std::string report_title(std::string_view org_name, int year, bool department);

}  // namespace fazhi

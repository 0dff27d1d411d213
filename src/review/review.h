// The review engine's entry point: a published report in, a ReviewedReport out
// (decode → normalise → segment → extract → check), plus the JSON form documented in
// docs/review-json.md and the side-by-side comparison of several reports.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/result.h"
#include "review/normaliser.h"
#include "review/reviewed_report.h"
#include "review/source_reader.h"

namespace fazhi::review {

// Holds the loaded converters. review() is const and safe to call from several threads.
class Reviewer {
 public:
  // Fails (kUnavailable) when OpenCC or ICU data cannot be loaded.
  static Result<Reviewer> create();

  // Reviews decoded text. Never fails: text that says nothing yields an empty report.
  ReviewedReport review(const SourceText& source) const;
  // Reads, decodes and reviews one file; fails as read_source() does.
  Result<ReviewedReport> review_file(const std::filesystem::path& path) const;

 private:
  explicit Reviewer(std::shared_ptr<const Normaliser> n) : normaliser_(std::move(n)) {}
  std::shared_ptr<const Normaliser> normaliser_;
};

// The JSON object for one report (schema: docs/review-json.md).
nlohmann::json report_json(const ReviewedReport& report);

// One row per catalogue indicator stated in any report, one cell per report.
struct ComparisonCell {
  std::string text;   // the figure(s) as printed, "; "-joined when stated more than once
  std::string quote;  // the clause of the first statement
  Span span;          // of the first statement
};
struct ComparisonRow {
  std::string indicator;
  std::vector<std::optional<ComparisonCell>> cells;  // one per report, in input order
};
std::vector<ComparisonRow> compare_reports(const std::vector<ReviewedReport>& reports);
nlohmann::json comparison_json(const std::vector<ReviewedReport>& reports);
// A plain-text table: indicators as rows, reports as columns.
std::string comparison_text(const std::vector<ReviewedReport>& reports);

// A human-readable summary of one report: metadata, chapters, figures, defects.
std::string report_text(const ReviewedReport& report);

}  // namespace fazhi::review

// The machine-readable report for the supervising government: the organisation, the year
// and period, the text blocks, and for every figure its indicator id, label, unit, value,
// period, the previous year's value and the change, the drill-down's record count and the
// SQL query that reproduces it (compose with ComposeOptions::trace). Schema in docs/report.md.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "report/report_document.h"

namespace fazhi {

nlohmann::json report_json(const ReportDocument& document);
// report_json() printed with two-space indentation and a final newline.
std::string render_json(const ReportDocument& document);

}  // namespace fazhi

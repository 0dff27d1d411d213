// A small line chart of one indicator over the years, as inline SVG (no script, no external
// resource), for the portal's HTML report. Years without a figure leave a gap.
#pragma once

#include <string>

#include "report/report_document.h"

namespace fazhi {

// An SVG element of `width`×`height` pixels with the axis labels in Chinese.
std::string trend_chart_svg(const ReportTrend& trend, int width = 320, int height = 180);

// Text with &, <, >, " and ' escaped for HTML and XML.
std::string escape_markup(std::string_view text);

}  // namespace fazhi

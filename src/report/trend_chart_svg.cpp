#include "report/trend_chart_svg.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace fazhi {

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string trend_chart_svg(const ReportTrend& trend, int width, int height) {
  const double left = 48, right = 12, top = 28, bottom = 28;
  double max_value = 0;
  for (const auto& [year, v] : trend.years)
    if (v) max_value = std::max(max_value, *v);
  if (max_value <= 0) max_value = 1;
  size_t n = trend.years.size();
  double plot_w = width - left - right, plot_h = height - top - bottom;
  auto x_of = [&](size_t i) { return left + (n <= 1 ? plot_w / 2 : plot_w * static_cast<double>(i) / (n - 1)); };
  auto y_of = [&](double v) { return top + plot_h * (1 - v / max_value); };
  std::string svg = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} "
      "{1}\" role=\"img\" "
      "aria-label=\"{2}\"><title>{2}</title>",
      width, height, escape_markup(trend.label + "（" + trend.unit + "）"));
  svg += fmt::format("<text x=\"{}\" y=\"16\" font-size=\"13\">{}（{}）</text>", left, escape_markup(trend.label),
                     escape_markup(trend.unit));
  svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#999\"/>", left, top + plot_h,
                     left + plot_w);
  svg += fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>", left - 4, top + 4,
                     fmt::format("{:g}", max_value));
  std::string points;
  for (size_t i = 0; i < n; ++i) {
    const auto& [year, v] = trend.years[i];
    svg += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"11\" text-anchor=\"middle\">{}</text>", x_of(i),
                       height - 8, year);
    if (!v) {
      if (!points.empty())
        svg += "<polyline fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\" points=\"" + points + "\"/>";
      points.clear();
      continue;
    }
    points += fmt::format("{:.1f},{:.1f} ", x_of(i), y_of(*v));
    svg += fmt::format(
        "<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\" "
        "fill=\"#c0392b\"><title>{}年：{:g}{}</title></circle>",
        x_of(i), y_of(*v), year, *v, escape_markup(trend.unit));
  }
  if (!points.empty())
    svg += "<polyline fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\" points=\"" + points + "\"/>";
  svg += "</svg>";
  return svg;
}

}  // namespace fazhi

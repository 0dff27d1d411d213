#include "report/html_renderer.h"

#include "report/trend_chart_svg.h"

namespace fazhi {
namespace {

// Font stacks: the names government machines have, then free fonts of this machine (STACK.md).
constexpr const char* kBodyFont = "'仿宋_GB2312', 'FangSong_GB2312', '仿宋', FangSong, 'Noto Serif CJK SC', serif";
constexpr const char* kTitleFont = "'方正小标宋简体', 'FZXiaoBiaoSong-B05S', 'Noto Serif CJK SC', serif";
constexpr const char* kHeiFont = "'黑体', SimHei, 'Noto Sans CJK SC', sans-serif";
constexpr const char* kKaiFont = "'楷体_GB2312', 'KaiTi_GB2312', '楷体', KaiTi, 'AR PL UKai CN', serif";
constexpr const char* kSongFont = "'宋体', SimSun, 'Noto Serif CJK SC', serif";

std::string style(HtmlLayout layout) {
  std::string css;
  if (layout == HtmlLayout::kPrint) {
    // 3号 = 16 pt; 22 lines in the 225 mm type area: 225/22 mm per line; 28 characters in 156 mm.
    css +=
        "@page{size:A4;margin:37mm 26mm 35mm 28mm;"
        "@bottom-right{content:'— ' counter(page) ' —';font-family:" +
        std::string(kSongFont) + ";font-size:14pt;padding-right:16pt;vertical-align:top;margin-top:7mm}}";
    css +=
        "@page :left{@bottom-right{content:none}@bottom-left{content:'— ' counter(page) ' "
        "—';font-family:" +
        std::string(kSongFont) + ";font-size:14pt;padding-left:16pt;vertical-align:top;margin-top:7mm}}";
    css += "html{-webkit-print-color-adjust:exact}body{margin:0;width:156mm}";
    css += "p,h1,h2,h3,.sign{line-height:calc(225mm / 22);margin:0}";
    css +=
        "p{font-size:16pt;letter-spacing:calc((156mm / 28) - "
        "16pt);text-indent:2em;text-align:justify}";
  } else {
    css += "body{max-width:48em;margin:2em auto;padding:0 1em;color:#222}";
    css += "p{font-size:16pt;line-height:1.8;text-indent:2em;margin:0 0 .3em}";
    css += ".charts{display:flex;flex-wrap:wrap;gap:1em;margin:1.5em 0}";
    css +=
        "table{border-collapse:collapse;font-size:11pt;margin:1em 0}td,th{border:1px solid "
        "#bbb;padding:.25em .5em}";
    css += "td.n{text-align:right}";
  }
  css += std::string("body{font-family:") + kBodyFont + "}";
  css += std::string("h1{font-family:") + kTitleFont + ";font-size:22pt;font-weight:normal;text-align:center}";
  css += std::string("h2{font-family:") + kHeiFont + ";font-size:16pt;font-weight:normal;text-indent:2em}";
  css += std::string("h3{font-family:") + kKaiFont + ";font-size:16pt;font-weight:normal;text-indent:2em}";
  css += ".sign{font-size:16pt;text-align:right;padding-right:4em}";
  return css;
}

}  // namespace

std::string render_html(const ReportDocument& doc, HtmlLayout layout) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">";
  out += "<title>" + escape_markup(doc.title) + "</title><style>" + style(layout) + "</style></head><body>\n";
  out += "<h1>" + escape_markup(doc.title) + "</h1>\n";
  if (layout == HtmlLayout::kPrint) out += "<p>&nbsp;</p>\n";
  for (const auto& b : doc.blocks) {
    const char* tag = b.kind == BlockKind::kHeading1 ? "h2" : b.kind == BlockKind::kHeading2 ? "h3" : "p";
    out += std::string("<") + tag + ">" + escape_markup(b.text) + "</" + tag + ">\n";
  }
  out += "<p>&nbsp;</p>\n<div class=\"sign\">" + escape_markup(doc.org_name) + "</div>\n";
  if (!doc.date_text.empty()) out += "<div class=\"sign\">" + escape_markup(doc.date_text) + "</div>\n";
  if (layout == HtmlLayout::kPortal) {
    if (!doc.trends.empty()) {
      out += "<h2>主要指标变化</h2>\n<div class=\"charts\">";
      for (const auto& t : doc.trends) out += trend_chart_svg(t);
      out += "</div>\n";
    }
    if (!doc.figures.empty()) {
      out += "<h2>附表：" + std::to_string(doc.year) + "年度主要指标</h2>\n";
      out +=
          "<table><thead><tr><th>指标</th><th>本年</th><th>上年</th><th>同比</th></tr></"
          "thead><tbody>\n";
      for (const auto& f : doc.figures) {
        out += "<tr><td>" + escape_markup(f.label) + "</td><td class=\"n\">" +
               escape_markup(f.value ? f.text + f.unit : "—") + "</td><td class=\"n\">" +
               escape_markup(f.previous ? f.previous_text + f.unit : "—") + "</td><td>" +
               escape_markup(f.change_text.empty() ? "—" : f.change_text) + "</td></tr>\n";
      }
      out += "</tbody></table>\n";
    }
  }
  out += "</body></html>\n";
  return out;
}

}  // namespace fazhi

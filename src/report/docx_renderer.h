// The report as a Word file in the national official-document format (GB/T 9704-2012): A4;
// margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; a 22-line × 28-character grid;
// title 方正小标宋简体 2号 centred; body 仿宋_GB2312 3号 with a two-character first-line
// indent; level-1 headings (一、) 黑体, level-2 ((一)) 楷体_GB2312; page numbers "— 1 —" in
// 宋体 4号 at the outside corner (odd pages right, even pages left). The fonts are named as
// government machines have them and not embedded; elsewhere the viewer substitutes. Built
// with libzip in memory: the bytes of a .docx that WPS, Word and LibreOffice open.
#pragma once

#include <string>

#include "core/result.h"
#include "report/report_document.h"

namespace fazhi {

// Fails (kInternal) only when libzip cannot build the archive.
Result<std::string> render_docx(const ReportDocument& document);

}  // namespace fazhi

// Segmenting a normalised report: its title, region, administrative level and report year
// (the year reported on, not the publication date), and the chapter tree built from the
// outline markers 一、 (一) 1. 一是 (1), each chapter mapped to an area of the national
// outline (法治政府建设实施纲要 2015–2020 and 2021–2025 map onto the same areas; see
// REPORT.md). The area keywords are the table kOutlineAreas in outline.cpp.
#pragma once

#include "review/normaliser.h"
#include "review/reviewed_report.h"

namespace fazhi::review {

// Fills title, region, level, report_year and chapters of `report` from `text`.
void segment(const NormalisedText& text, ReviewedReport& report);

// The outline area named by a heading, or "" when none fits.
std::string area_for_heading(std::string_view heading_utf8);

// Parses a Chinese numeral (一, 十二, 三百零五, 两千, 1万 excluded); -1 when not one.
long long parse_chinese_number(std::u32string_view s);

}  // namespace fazhi::review

// The Word and PDF files of a report (no database: the renderers are pure over the document).
// The DOCX is opened by LibreOffice headless (the test oracle STACK.md names) and converted to
// PDF: its text holds every figure, its pages are A4 and its Chinese fonts are embedded. The
// PDF the product makes (headless chromium) is A4 with embedded fonts and holds every figure.
// These two tests start external programs and take a few seconds each.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <vector>

#include "harness/temp_database.h"
#include "report/docx_renderer.h"
#include "report/pdf_renderer.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

ReportDocument sample_document() {
  ReportDocument doc;
  doc.title = "示例市人民政府关于2024年度法治政府建设情况的报告";
  doc.org_name = "示例市人民政府";
  doc.year = 2024;
  doc.date_text = "2025年3月28日";
  auto figure = [&](std::string id, std::string label, std::string unit, double value, std::string text) {
    ReportFigure f{.indicator = std::move(id), .label = std::move(label), .unit = std::move(unit)};
    f.value = value;
    f.text = std::move(text);
    doc.figures.push_back(f);
  };
  figure("reconsideration.received", "收到行政复议申请", "件", 1287, "1287");
  figure("reconsideration.corrected", "纠错", "件", 96, "96");
  figure("reconsideration.correction_rate", "纠错率", "%", 8.46, "8.46");
  doc.blocks = {
      {BlockKind::kParagraph, "2024年，示例市坚持依法行政，法治政府建设各项任务有序推进。", "", false},
      {BlockKind::kHeading1, "一、主要举措和成效", "", false},
      {BlockKind::kHeading2, "（六）健全社会矛盾纠纷行政预防调处化解体系", "disputes", false},
      {BlockKind::kParagraph, "2024年，收到行政复议申请1287件；纠错96件；纠错率8.46%。", "disputes", true},
  };
  // Enough text for a second page, so that both page-number footers are used.
  for (int i = 0; i < 30; ++i)
    doc.blocks.push_back({BlockKind::kParagraph,
                          "市司法局发挥行政复议化解行政争议主渠道作用，推进行政复议规范化建设，加强"
                          "案件审理和文书公开。",
                          "disputes", false});
  return doc;
}

// Runs `command` (a fixed string built by the test) and returns what it printed.
std::string run(const std::string& command) {
  std::string out;
  std::unique_ptr<FILE, decltype(&pclose)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) return out;
  std::array<char, 4096> buffer{};
  while (size_t n = fread(buffer.data(), 1, buffer.size(), pipe.get())) out.append(buffer.data(), n);
  return out;
}

// Every figure of the document appears in the PDF's text, and the pages are A4 with
// embedded fonts.
void expect_pdf_holds_the_report(const std::string& pdf, const ReportDocument& doc) {
  // Line breaks and the spaces some converters put between characters are not text.
  std::string text;
  for (char c : run("pdftotext '" + pdf + "' - 2>&1"))
    if (c != ' ' && c != '\n' && c != '\f') text += c;
  for (const auto& f : doc.figures)
    EXPECT_NE(text.find(f.text + f.unit), std::string::npos) << f.indicator << " " << f.text << f.unit;
  EXPECT_NE(text.find("法治政府建设情况的报告"), std::string::npos);
  // The GB/T 9704 page numbers: "— 1 —" on the first page.
  EXPECT_NE(text.find("—1—"), std::string::npos);
  std::string info = run("pdfinfo '" + pdf + "' 2>&1");
  EXPECT_THAT(info, HasSubstr("(A4)"));
  std::string fonts = run("pdffonts '" + pdf + "' 2>&1");
  // Every font line says "yes" in the emb column; none says "no" there.
  int lines = 0, embedded = 0;
  std::istringstream rows(fonts);
  std::string row;
  std::getline(rows, row);
  std::getline(rows, row);
  while (std::getline(rows, row)) {
    if (row.empty()) continue;
    ++lines;
    // Columns after name and type: encoding, emb, sub, uni, object, ID; emb is the 4th from the
    // end.
    std::istringstream words(row);
    std::vector<std::string> w;
    for (std::string x; words >> x;) w.push_back(x);
    if (w.size() >= 6 && w[w.size() - 5] == "yes") ++embedded;
  }
  EXPECT_GT(lines, 0) << fonts;
  EXPECT_EQ(embedded, lines) << fonts;
}

TEST(ReportFilesTest, DocxOpensInLibreOfficeWithEveryFigureOnA4WithEmbeddedFonts) {
  ReportDocument doc = sample_document();
  auto docx = render_docx(doc);
  ASSERT_TRUE(docx.has_value()) << docx.error().full_message();
  testing::TempDir dir;
  std::ofstream(dir.file("report.docx"), std::ios::binary) << *docx;
  // The machine's fontconfig with the stand-ins for the 公文 fonts that fazhi ships.
  std::ofstream(dir.file("fonts.conf"))
      << "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"urn:fontconfig:fonts.dtd\">\n<fontconfig>\n"
         "<include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n<include>"
      << FAZHI_FONTCONFIG_FILE << "</include>\n</fontconfig>\n";
  std::string log =
      run("cd '" + dir.path() + "' && HOME='" + dir.path() + "' FONTCONFIG_FILE='" + dir.file("fonts.conf") +
          "' soffice --headless --norestore --convert-to pdf --outdir '" + dir.path() + "' report.docx 2>&1");
  std::ifstream pdf(dir.file("report.pdf"));
  ASSERT_TRUE(pdf) << "LibreOffice did not convert the DOCX: " << log;
  expect_pdf_holds_the_report(dir.file("report.pdf"), doc);
  // 仿宋 and 小标宋 are set in the serif stand-in, 楷体 in UKai, 黑体 in the sans-serif: not
  // everything in whatever CJK font comes first.
  std::string fonts = run("pdffonts '" + dir.file("report.pdf") + "'");
  EXPECT_THAT(fonts, HasSubstr("NotoSerifCJK")) << fonts;
  EXPECT_THAT(fonts, HasSubstr("UKai")) << fonts;
  EXPECT_THAT(fonts, HasSubstr("NotoSansCJK")) << fonts;
}

TEST(ReportFilesTest, PdfIsA4WithEveryFigureAndEmbeddedFonts) {
  ReportDocument doc = sample_document();
  auto pdf = render_pdf(doc);
  ASSERT_TRUE(pdf.has_value()) << pdf.error().full_message();
  ASSERT_EQ(pdf->substr(0, 5), "%PDF-");
  testing::TempDir dir;
  std::ofstream(dir.file("report.pdf"), std::ios::binary) << *pdf;
  expect_pdf_holds_the_report(dir.file("report.pdf"), doc);
}

TEST(ReportFilesTest, DocxDeclaresTheOfficialLayoutAndFonts) {
  auto docx = render_docx(sample_document());
  ASSERT_TRUE(docx.has_value());
  testing::TempDir dir;
  std::ofstream(dir.file("report.docx"), std::ios::binary) << *docx;
  std::string document = run("unzip -p '" + dir.file("report.docx") + "' word/document.xml");
  EXPECT_THAT(document, HasSubstr("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"));  // A4
  EXPECT_THAT(document,
              HasSubstr("w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""));  // 37/26/35/28 mm
  EXPECT_THAT(document, HasSubstr("w:linePitch=\"579\""));                                      // 22 lines in 225 mm
  EXPECT_THAT(run("unzip -p '" + dir.file("report.docx") + "' word/styles.xml"),
              HasSubstr("<w:spacing w:val=\"-5\"/>"));  // 28 characters
  std::string styles = run("unzip -p '" + dir.file("report.docx") + "' word/styles.xml");
  for (const char* font : {"方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "宋体"})
    EXPECT_THAT(styles, HasSubstr(font));
  EXPECT_THAT(styles, HasSubstr("<w:sz w:val=\"44\"/>"));  // 2号 title
  EXPECT_THAT(styles, HasSubstr("<w:sz w:val=\"32\"/>"));  // 3号 body
  EXPECT_THAT(run("unzip -p '" + dir.file("report.docx") + "' word/footer1.xml"), HasSubstr("PAGE"));
}

}  // namespace
}  // namespace fazhi

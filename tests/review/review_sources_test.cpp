// Input formats and encodings (GB18030, UTF-16 with BOM, HTML, DOCX, traditional text
// with pinyin glosses), the errors for unreadable input, and span mapping: every span
// must point at the figure in the decoded original, whatever normalisation did.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <iconv.h>
#include <zip.h>

#include <filesystem>
#include <fstream>

#include "harness/result_matchers.h"
#include "review/source_reader.h"
#include "review/utf.h"
#include "review_test_support.h"

namespace fazhi::review {
namespace {

using ::fazhi::testing::ErrorIs;
using ::testing::HasSubstr;

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("fazhi_review_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::filesystem::path write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path_ / name, std::ios::binary) << bytes;
    return path_ / name;
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
  static inline int counter_ = 0;
};

std::string to_gb18030(const std::string& utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  std::string out(utf8.size() * 2 + 8, '\0');
  char* in = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size(), out_left = out.size();
  char* o = out.data();
  iconv(cd, &in, &in_left, &o, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

std::string to_utf16(const std::string& utf8, bool big_endian) {
  std::string out = big_endian ? std::string("\xFE\xFF", 2) : std::string("\xFF\xFE", 2);
  for (char32_t c : utf8_to_u32(utf8)) {
    auto put = [&](char16_t u) {
      char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
      if (big_endian) {
        out += hi;
        out += lo;
      } else {
        out += lo;
        out += hi;
      }
    };
    if (c >= 0x10000) {
      put(static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10)));
      put(static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF)));
    } else {
      put(static_cast<char16_t>(c));
    }
  }
  return out;
}

const char* kReport =
    "东湖区2022年度法治政府建设情况报告\n"
    "一、健全社会矛盾纠纷行政预防调处化解体系\n"
    "全年共收到行政复议申请75件，审结70件，胜诉率达95%。\n";

void expect_sample(const ReviewedReport& r, const std::u32string& original) {
  EXPECT_EQ(r.region.value_or(""), "东湖区");
  EXPECT_EQ(r.report_year.value_or(0), 2022);
  ASSERT_EQ(r.figures.size(), 3u);
  EXPECT_EQ(r.figures[0].indicator.value_or(""), "reconsideration.received");
  for (const Figure& f : r.figures) {
    EXPECT_TRUE(
        testing_support::span_shows(u32_to_utf8(original.substr(f.span.start, f.span.end - f.span.start)), f.text))
        << f.text << " at " << f.span.start;
  }
}

TEST(ReviewSources, ReadsGb18030) {
  TempDir dir;
  auto path = dir.write("gb.txt", to_gb18030(kReport));
  auto src = read_source(path);
  ASSERT_THAT(src, fazhi::testing::IsOk());
  EXPECT_EQ(src->encoding, "GB18030");
  expect_sample(testing_support::reviewer().review(*src), src->text);
}

TEST(ReviewSources, ReadsUtf16WithBom) {
  TempDir dir;
  for (bool be : {false, true}) {
    auto path = dir.write(be ? "be.txt" : "le.txt", to_utf16(kReport, be));
    auto src = read_source(path);
    ASSERT_THAT(src, fazhi::testing::IsOk());
    EXPECT_EQ(src->encoding, be ? "UTF-16BE" : "UTF-16LE");
    expect_sample(testing_support::reviewer().review(*src), src->text);
  }
}

TEST(ReviewSources, ReadsHtmlAndMapsSpansIntoTheMarkup) {
  TempDir dir;
  std::string html =
      "<html><head><title>站点</title><script>var x = 123;</script></head><body>"
      "<div class=nav>首页 &gt; 政务公开</div>"
      "<h1>东湖区2022年度法治政府建设情况报告</h1>"
      "<p>一、健全社会矛盾纠纷行政预防调处化解体系</p>"
      "<p>全年共收到行政复议申请<b>75</b>件，审结70件，胜诉率达95%。</p>"
      "<div>【打印正文】【关闭窗口】</div></body></html>";
  auto path = dir.write("r.html", html);
  auto r = testing_support::reviewer().review_file(path);
  ASSERT_THAT(r, fazhi::testing::IsOk());
  auto src = read_source(path);
  ASSERT_EQ(r->figures.size(), 3u);
  // 75 sits between tags: its span starts at the digits in the markup
  std::u32string at = src->text.substr(r->figures[0].span.start, 2);
  EXPECT_EQ(u32_to_utf8(at), "75");
  EXPECT_EQ(r->figures[1].text, "70件");
  bool removed_nav = false;
  for (const Removal& m : r->removed) removed_nav |= m.text.find("打印正文") != std::string::npos;
  EXPECT_TRUE(removed_nav);
}

TEST(ReviewSources, ReadsDocx) {
  TempDir dir;
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
      "<w:p><w:r><w:t>东湖区2022年度法治政府建设情况报告</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>一、健全社会矛盾纠纷行政预防调处化解体系</w:t></w:r></w:p>"
      "<w:p><w:r><w:t>全年共收到行政复议申请7</w:t></w:r><w:r><w:t>5件，审结70件，胜诉率达95%。</w:t></w:r></w:p>"
      "</w:body></w:document>";
  auto path = dir.path() / "r.docx";
  int err = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  ASSERT_NE(z, nullptr);
  zip_source_t* s = zip_source_buffer(z, xml.data(), xml.size(), 0);
  zip_file_add(z, "word/document.xml", s, ZIP_FL_OVERWRITE);
  ASSERT_EQ(zip_close(z), 0);
  auto src = read_source(path);
  ASSERT_THAT(src, fazhi::testing::IsOk());
  EXPECT_EQ(src->format, "docx");
  expect_sample(testing_support::reviewer().review(*src), src->text);
}

TEST(ReviewSources, ReadsPdfTextLayerAndRejoinsWrappedLines) {
  // cases/pdf/donghu-district-2022.pdf: chromium's print of the .html beside it; the
  // rate 97.96% is wrapped onto a new line after its label.
  auto path = std::filesystem::path(FAZHI_TEST_CASES_DIR) / "pdf" / "donghu-district-2022.pdf";
  auto src = read_source(path);
  ASSERT_THAT(src, fazhi::testing::IsOk());
  EXPECT_EQ(src->format, "pdf");
  ReviewedReport r = testing_support::reviewer().review(*src);
  EXPECT_EQ(r.region.value_or(""), "东湖区");
  std::vector<std::string> texts, indicators;
  for (const Figure& f : r.figures) {
    texts.push_back(f.text);
    indicators.push_back(f.indicator.value_or("-"));
    EXPECT_TRUE(
        testing_support::span_shows(u32_to_utf8(src->text.substr(f.span.start, f.span.end - f.span.start)), f.text));
  }
  EXPECT_THAT(texts, ::testing::ElementsAre("75件", "70件", "95%", "1860件", "1822件", "97.96%"));
  EXPECT_EQ(indicators.back(), "mediation.success_rate");
  for (const Defect& d : r.defects) EXPECT_NE(d.kind, "rate_mismatch") << d.message;
}

TEST(ReviewSources, PdfTextWithSpacedOutCharacters) {
  // Some PDF text layers space out every Chinese character; the figures survive.
  SourceText src{"spaced.pdf", "pdf", "UTF-8",
                 utf8_to_u32("全 年 共 收 到 行 政 复 议 申 请 1 2 0 件 ， 审 结 1 0 0 件 。\n")};
  ReviewedReport r = testing_support::reviewer().review(src);
  ASSERT_EQ(r.figures.size(), 2u);
  EXPECT_EQ(r.figures[0].text, "120件");
  EXPECT_EQ(r.figures[0].indicator.value_or(""), "reconsideration.received");
  EXPECT_EQ(r.figures[0].span.start, 22u);  // the "1" of "1 2 0" in the original
}

TEST(ReviewSources, TraditionalWithPinyinGlossesAndFullWidthDigits) {
  TempDir dir;
  std::string text =
      "2021年，東湖區法治政府建設(shè)取得新進(jìn)展。\n"
      "全年共收到行政復(fù)議申請(qǐng)１２０件，辦理行政應(yīng)訴案件８０件，勝訴率９０．００％。\n";
  auto path = dir.write("t.txt", text);
  auto r = testing_support::reviewer().review_file(path);
  ASSERT_THAT(r, fazhi::testing::IsOk());
  auto src = read_source(path);
  ASSERT_EQ(r->figures.size(), 3u);
  EXPECT_EQ(r->figures[0].text, "120件");
  EXPECT_EQ(r->figures[0].indicator.value_or(""), "reconsideration.received");
  EXPECT_EQ(r->figures[2].text, "90.00%");
  EXPECT_EQ(r->figures[2].indicator.value_or(""), "litigation.win_rate");
  EXPECT_EQ(u32_to_utf8(src->text.substr(r->figures[2].span.start, r->figures[2].span.end - r->figures[2].span.start)),
            "９０．００％");
  EXPECT_EQ(r->region.value_or(""), "东湖区");
  bool glosses = false;
  for (const Removal& m : r->removed) glosses |= m.kind == "pinyin_gloss" && m.count == 5;
  EXPECT_TRUE(glosses);
}

TEST(ReviewSources, ReportsUnreadableInput) {
  TempDir dir;
  EXPECT_THAT(read_source(dir.path() / "missing.txt"), ErrorIs(ErrorCode::kNotFound, HasSubstr("missing.txt")));
  EXPECT_THAT(read_source(dir.write("a.xls", "x")), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("不支持的文件类型")));
  EXPECT_THAT(read_source(dir.write("e.txt", "")), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("文件为空")));
  EXPECT_THAT(read_source(dir.write("b.pdf", "%PDF-1.4 broken")), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("PDF")));
  EXPECT_THAT(read_source(dir.write("c.docx", "PK not a zip")), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("docx")));
  EXPECT_THAT(read_source(dir.write("d.txt", "\x81\x30\xFF\xFF\xFF")),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("编码")));
}

TEST(ReviewSources, ListsDirectories) {
  TempDir dir;
  dir.write("b.txt", kReport);
  dir.write("a.md", kReport);
  dir.write("notes.xls", "x");
  auto list = list_sources({dir.path().string()});
  ASSERT_THAT(list, fazhi::testing::IsOk());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ((*list)[0].filename(), "a.md");
  EXPECT_THAT(list_sources({(dir.path() / "none").string()}), ErrorIs(ErrorCode::kNotFound, HasSubstr("none")));
}

}  // namespace
}  // namespace fazhi::review

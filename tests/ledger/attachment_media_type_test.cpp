// Attachment kinds by content: the table tests/ledger/cases/attachment_media_types.txt.
#include "ledger/attachment_media_type.h"

#include <gmock/gmock.h>

#include <fstream>
#include <sstream>

#include "attachment_sample_files.h"

namespace fazhi {
namespace {

std::string sample(const std::string& name) {
  using namespace fazhi::testing;
  if (name == "pdf") return sample_pdf();
  if (name == "png") return sample_png();
  if (name == "jpg") return sample_jpg();
  if (name == "mp3") return sample_mp3();
  if (name == "mp3frame") return sample_mp3_frame();
  if (name == "mp4") return sample_mp4();
  if (name == "docx") return zip_with_entries({"[Content_Types].xml", "_rels/.rels", "word/document.xml"});
  if (name == "xlsx") return zip_with_entries({"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"});
  if (name == "ofd") return zip_with_entries({"OFD.xml", "Doc_0/Document.xml"});
  if (name == "zip") return zip_with_entries({"照片/1.jpg", "笔录.pdf"});
  if (name == "doc") return compound_file_with_stream("WordDocument");
  if (name == "xls") return compound_file_with_stream("Workbook");
  if (name == "ole") return compound_file_with_stream("Contents");
  if (name == "text") return "这是一段纯文本，不是可上传的文件。";
  return {};
}

TEST(AttachmentMediaTypeTest, CasesFromTheTable) {
  std::ifstream in(std::string(FAZHI_TEST_CASES_DIR) + "/attachment_media_types.txt");
  ASSERT_TRUE(in) << "cases/attachment_media_types.txt missing";
  std::string line;
  int cases = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string id, kind, name, expect;
    fields >> id >> kind >> name >> expect;
    std::string words;
    std::getline(fields, words);
    while (!words.empty() && words.front() == ' ') words.erase(0, 1);
    auto r = sniff_attachment_media_type(name, sample(kind));
    if (expect == "error") {
      ASSERT_FALSE(r.has_value()) << id << " accepted as " << r.value().media_type;
      EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput) << id;
      EXPECT_THAT(r.error().message(), ::testing::HasSubstr(words)) << id;
      EXPECT_THAT(r.error().message(), ::testing::HasSubstr(name)) << id << ": the message names the file";
    } else {
      ASSERT_TRUE(r.has_value()) << id << ": " << r.error().message();
      EXPECT_EQ(r.value().media_type, expect) << id;
    }
    ++cases;
  }
  EXPECT_EQ(cases, 22);
}

TEST(AttachmentMediaTypeTest, TruncatedZipDirectoryIsAPlainZipNotACrash) {
  std::string docx = testing::zip_with_entries({"word/document.xml"});
  // Cut the central directory short: the entries can no longer be read.
  std::string cut = docx.substr(0, docx.size() - 30);
  auto r = sniff_attachment_media_type("x.zip", cut);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r.value().media_type, "application/zip");
}

}  // namespace
}  // namespace fazhi

#include "report/docx_renderer.h"

#include "core/error.h"
#include "report/trend_chart_svg.h"
#include "report/zip_package.h"

namespace fazhi {
namespace {

// GB/T 9704 in Word's units: twentieths of a point (twips; 1 mm = 56.7) and half-points.
constexpr const char* kPage =
    "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"
    "<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\" w:header=\"851\" "
    "w:footer=\"1304\" "
    "w:gutter=\"0\"/>"
    // 225 mm / 22 lines = 579 twips a line. The 28 characters of 156 mm (15.79 pt each) come
    // from condensing 3号 (16 pt) by 0.25 pt in the Normal style, not from a character grid:
    // LibreOffice gives a character slightly wider than its grid cell two cells.
    "<w:docGrid w:type=\"lines\" w:linePitch=\"579\"/>";

std::string fonts(const char* name) {
  return std::string("<w:rFonts w:ascii=\"") + name + "\" w:hAnsi=\"" + name + "\" w:eastAsia=\"" + name +
         "\" w:cs=\"" + name + "\" w:hint=\"eastAsia\"/>";
}

std::string styles_xml() {
  std::string s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
      "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      "<w:docDefaults><w:rPrDefault><w:rPr>" +
      fonts("仿宋_GB2312") +
      "<w:kern w:val=\"2\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/><w:lang w:val=\"en-US\" "
      "w:eastAsia=\"zh-CN\"/>"
      "</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line=\"579\" "
      "w:lineRule=\"exact\"/></w:pPr>"
      "</w:pPrDefault></w:docDefaults>";
  auto style = [&](const char* id, const char* name, const std::string& ppr, const std::string& rpr, int outline) {
    s += std::string("<w:style w:type=\"paragraph\"") + (std::string(id) == "Normal" ? " w:default=\"1\"" : "") +
         " w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/>";
    if (std::string(id) != "Normal") s += "<w:basedOn w:val=\"Normal\"/>";
    s += "<w:qFormat/><w:pPr>" + ppr +
         (outline >= 0 ? "<w:outlineLvl w:val=\"" + std::to_string(outline) + "\"/>" : "") + "</w:pPr><w:rPr>" + rpr +
         "</w:rPr></w:style>";
  };
  style("Normal", "Normal", "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/><w:jc w:val=\"both\"/>",
        fonts("仿宋_GB2312") + "<w:spacing w:val=\"-5\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>", -1);
  style("Title", "Title", "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
        fonts("方正小标宋简体") + "<w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/>", -1);
  style("Heading1", "heading 1", "<w:keepNext/>", fonts("黑体") + "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>", 0);
  style("Heading2", "heading 2", "<w:keepNext/>", fonts("楷体_GB2312") + "<w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/>",
        1);
  style("Signature", "Signature",
        "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\" w:rightChars=\"400\" "
        "w:right=\"1280\"/><w:jc w:val=\"right\"/>",
        fonts("仿宋_GB2312"), -1);
  style("Footer", "footer",
        "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:spacing w:line=\"240\" "
        "w:lineRule=\"auto\"/>",
        fonts("宋体") + "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>", -1);
  s += "</w:styles>";
  return s;
}

std::string paragraph(const char* style, std::string_view text) {
  return std::string("<w:p><w:pPr><w:pStyle w:val=\"") + style + "\"/></w:pPr><w:r><w:t xml:space=\"preserve\">" +
         escape_markup(text) + "</w:t></w:r></w:p>";
}

std::string document_xml(const ReportDocument& doc) {
  std::string body = paragraph("Title", doc.title) + "<w:p/>";
  for (const auto& b : doc.blocks)
    body += paragraph(b.kind == BlockKind::kHeading1   ? "Heading1"
                      : b.kind == BlockKind::kHeading2 ? "Heading2"
                                                       : "Normal",
                      b.text);
  body += "<w:p/>" + paragraph("Signature", doc.org_name);
  if (!doc.date_text.empty()) body += paragraph("Signature", doc.date_text);
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
         "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
         "relationships\"><w:body>" +
         body +
         "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/>"
         "<w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>" +
         kPage + "</w:sectPr></w:body></w:document>";
}

// "— 1 —": em dashes around the PAGE field; one character (4号 = 280 twips) from the edge.
std::string footer_xml(bool odd) {
  std::string ppr = odd ? "<w:jc w:val=\"right\"/><w:ind w:right=\"280\" w:firstLine=\"0\"/>"
                        : "<w:jc w:val=\"left\"/><w:ind w:left=\"280\" w:firstLine=\"0\"/>";
  std::string run_props = "<w:rPr>" + fonts("宋体") + "<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr>";
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<w:ftr "
         "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr>"
         "<w:pStyle w:val=\"Footer\"/>" +
         ppr + "</w:pPr><w:r>" + run_props + "<w:t xml:space=\"preserve\">— </w:t></w:r><w:r>" + run_props +
         "<w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>" + run_props +
         "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r><w:r>" + run_props +
         "<w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>" + run_props + "<w:t>1</w:t></w:r><w:r>" + run_props +
         "<w:fldChar w:fldCharType=\"end\"/></w:r><w:r>" + run_props +
         "<w:t xml:space=\"preserve\"> —</w:t></w:r></w:p></w:ftr>";
}

constexpr const char* kContentTypes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/settings.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/word/footer2.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "<Override PartName=\"/docProps/core.xml\" "
    "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
    "</Types>";

constexpr const char* kPackageRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
    "Target=\"word/document.xml\"/>"
    "<Relationship Id=\"rId2\" "
    "Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
    "core-properties\" "
    "Target=\"docProps/core.xml\"/></Relationships>";

constexpr const char* kDocumentRels =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rIdStyles\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
    "Target=\"styles.xml\"/>"
    "<Relationship Id=\"rIdSettings\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" "
    "Target=\"settings.xml\"/>"
    "<Relationship Id=\"rIdFooterOdd\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
    "Target=\"footer1.xml\"/>"
    "<Relationship Id=\"rIdFooterEven\" "
    "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
    "Target=\"footer2.xml\"/>"
    "</Relationships>";

// Odd and even pages have their own footers (the page number's outside corner).
constexpr const char* kSettings =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:evenAndOddHeaders/><w:defaultTabStop w:val=\"420\"/>"
    "<w:characterSpacingControl w:val=\"compressPunctuation\"/></w:settings>";

std::string core_xml(const ReportDocument& doc) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" +
         escape_markup(doc.title) + "</dc:title><dc:creator>" + escape_markup(doc.org_name) +
         "</dc:creator><dc:language>zh-CN</dc:language></cp:coreProperties>";
}

}  // namespace

Result<std::string> render_docx(const ReportDocument& doc) {
  const std::vector<std::pair<std::string, std::string>> parts = {
      {"[Content_Types].xml", kContentTypes},   {"_rels/.rels", kPackageRels},
      {"docProps/core.xml", core_xml(doc)},     {"word/_rels/document.xml.rels", kDocumentRels},
      {"word/document.xml", document_xml(doc)}, {"word/styles.xml", styles_xml()},
      {"word/settings.xml", kSettings},         {"word/footer1.xml", footer_xml(true)},
      {"word/footer2.xml", footer_xml(false)},
  };
  return zip_parts(parts, "Word 文件");
}

}  // namespace fazhi

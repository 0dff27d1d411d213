#include "indicator/declarations/declaration_forms.h"

namespace fazhi {

using namespace indicator_forms;

namespace {
constexpr const char* kArea = "institutions";
constexpr const char* kDocuments = "normative_document";
}  // namespace

// 依法行政制度体系 (INDICATORS.md, Rules and normative documents; RULES.md §6): legislation
// projects, normative documents issued, reviewed, filed and cleaned up, and the filing organ's
// review. A document belongs to the organ that issues it; the rates follow the year's issued
// (or filed) documents, so each is at most 100%.
std::vector<IndicatorDeclaration> institution_indicators() {
  return {
      event_count({"legislation.local_laws", "提请审议地方性法规", "件", kArea, "legislation_project"}, "submitted_on",
                  {{"kind", Op::kIn, {"local_regulation"}}}, "提请审议地方性法规草案{value}{unit}",
                  "提请审议日期在期间内的地方性法规项目"),
      event_count({"legislation.rules", "制定政府规章", "件", kArea, "legislation_project"}, "published_on",
                  {{"kind", Op::kIn, {"government_rule"}}}, "制定政府规章{value}{unit}", "公布日期在期间内的政府规章"),
      event_count({"normative_documents.issued", "制定行政规范性文件", "件", kArea, kDocuments}, "published_on", {},
                  "制定行政规范性文件{value}{unit}", "公布日期在期间内的行政规范性文件"),
      event_count({"normative_documents.legality_reviewed", "经合法性审核的规范性文件", "件", kArea, kDocuments},
                  "published_on",
                  {{"legality_reviewed_on", Op::kNotNull, {}},
                   {"legality_review_opinion", Op::kIn, {"approved", "approved_with_changes"}}},
                  "经合法性审核{value}{unit}", "公布日期在期间内、经合法性审核同意或修改后同意的文件"),
      percentage("normative_documents.legality_reviewed_rate", "规范性文件合法性审核率", kArea, kDocuments,
                 "normative_documents.legality_reviewed", "normative_documents.issued", "合法性审核率{value}{unit}",
                 "经合法性审核的文件数 ÷ 制定文件数 × 100%"),
      event_count({"normative_documents.filed", "报送备案规范性文件", "件", kArea, kDocuments}, "filed_on",
                  {{"filed_on", Op::kNotNull, {}}}, "报送备案{value}{unit}", "报送备案日期在期间内的文件"),
      event_count({"normative_documents.issued_and_filed", "已报备的当期规范性文件", "件", kArea, kDocuments},
                  "published_on", {{"filed_on", Op::kNotNull, {}}}, "其中已报送备案{value}{unit}",
                  "公布日期在期间内、已报送备案的文件"),
      percentage("normative_documents.filing_rate", "规范性文件报备率", kArea, kDocuments,
                 "normative_documents.issued_and_filed", "normative_documents.issued", "报备率{value}{unit}",
                 "期间内制定且已报备的文件数 ÷ 期间内制定文件数 × 100%"),
      event_count({"normative_documents.filed_on_time", "按时报备规范性文件", "件", kArea, kDocuments}, "filed_on",
                  {{"filed_on", Op::kMetTimeLimit, {"filing"}}}, "按时报送备案{value}{unit}",
                  "报送备案日期在期间内、自公布之日起30日内报送的文件"),
      percentage("normative_documents.filing_timely_rate", "规范性文件报备及时率", kArea, kDocuments,
                 "normative_documents.filed_on_time", "normative_documents.filed", "报备及时率{value}{unit}",
                 "公布后30日内报备的文件数 ÷ 报备文件数 × 100%"),
      event_count({"normative_documents.filings", "报备件次", "件次", kArea, "filing"}, "submitted_on", {},
                  "向备案机关报送{value}{unit}", "报送日期在期间内的备案报送（每个备案机关一次）"),
      event_count({"normative_documents.filings_conforming", "规范报备件次", "件次", kArea, "filing"}, "submitted_on",
                  {{"form_conforming", Op::kIn, {"1"}}}, "报备材料规范{value}{unit}",
                  "报送日期在期间内、报备材料符合要求的备案报送"),
      percentage("normative_documents.filing_conformity_rate", "规范性文件报备规范率", kArea, "filing",
                 "normative_documents.filings_conforming", "normative_documents.filings", "报备规范率{value}{unit}",
                 "报备材料规范的件次 ÷ 报送件次 × 100%"),
      event_sum({"normative_documents.filing_review_opinions", "备案审查意见", "条", kArea, "filing"}, "reviewed_on",
                "opinion_count", {{"review_outcome", Op::kIn, {"opinion_issued", "corrected"}}},
                "提出备案审查意见{value}{unit}", "审查完成日期在期间内、提出审查意见（含已纠正）的备案的意见条数之和"),
      [] {
        auto d = event_count({"normative_documents.cleanup_reviewed", "清理规范性文件", "件", kArea, kDocuments},
                             "cleanup_on", {{"cleanup_outcome", Op::kNotNull, {}}}, "清理行政规范性文件{value}{unit}",
                             "清理日期在期间内、已作出清理结论的文件");
        d.breakdown_field = "cleanup_outcome";
        return d;
      }(),
      event_count({"normative_documents.abolished", "废止或宣布失效规范性文件", "件", kArea, kDocuments},
                  "abolished_on", {{"state", Op::kIn, {"abolished"}}}, "废止和宣布失效{value}{unit}",
                  "废止或失效日期在期间内的文件"),
      event_count({"normative_documents.amended", "拟修改规范性文件", "件", kArea, kDocuments}, "cleanup_on",
                  {{"cleanup_outcome", Op::kIn, {"amend"}}}, "拟修改{value}{unit}",
                  "清理日期在期间内、清理结论为拟修改的文件"),
  };
}

}  // namespace fazhi

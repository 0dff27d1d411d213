// `fazhi review FILE... [--json] [--compare]`: reads published rule-of-law annual reports
// (.txt/.md in UTF-8, GB18030 or UTF-16 with BOM, .html, .docx, .pdf; directories are
// expanded), extracts and checks their figures, and prints a summary per report, the JSON
// of docs/review-json.md, or a comparison table. Exit 0 when every file was read
// (defects or not); 2 for bad usage or an unreadable file, with the reason on stderr.
#include <iostream>
#include <memory>

#include "cli/command_registry.h"
#include "review/review.h"

namespace fazhi::cli {
namespace {

struct ReviewOptions {
  std::vector<std::string> files;
  bool json = false;
  bool compare = false;
};

int run_review(const ReviewOptions& opts) {
  auto paths = review::list_sources(opts.files);
  if (!paths) return report_error(paths.error());
  auto reviewer = review::Reviewer::create();
  if (!reviewer) return report_error(reviewer.error());
  std::vector<review::ReviewedReport> reports;
  std::vector<Error> errors;
  for (const auto& p : *paths) {
    auto r = reviewer->review_file(p);
    if (!r)
      errors.push_back(r.error());
    else
      reports.push_back(std::move(r).value());
  }
  if (!errors.empty()) {
    int code = 0;
    for (const Error& e : errors) code = std::max(code, report_error(e));
    return code;
  }
  if (opts.json) {
    nlohmann::json out;
    out["reports"] = nlohmann::json::array();
    for (const auto& r : reports) out["reports"].push_back(review::report_json(r));
    if (opts.compare) out["comparison"] = review::comparison_json(reports);
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else if (opts.compare) {
    std::cout << review::comparison_text(reports);
  } else {
    for (size_t i = 0; i < reports.size(); ++i) {
      if (i) std::cout << '\n';
      std::cout << review::report_text(reports[i]);
    }
  }
  return 0;
}

const CommandRegistration kReview("review", [](CLI::App& app, CommandStatus& status) {
  auto opts = std::make_shared<ReviewOptions>();
  CLI::App* cmd = app.add_subcommand("review", "审阅已公开的法治政府建设年度报告：提取数字、检查、对比");
  cmd->add_option("files", opts->files, "报告文件或目录（.txt .md .html .docx .pdf）")->required();
  cmd->add_flag("--json", opts->json, "输出 JSON（见 docs/review-json.md）");
  cmd->add_flag("--compare", opts->compare, "把多份报告的指标列成一张对比表");
  cmd->callback([opts, &status]() { status.exit_code = run_review(*opts); });
});

}  // namespace
}  // namespace fazhi::cli

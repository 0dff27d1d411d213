// `fazhi report`: the annual rule-of-law report (法治政府建设年度报告) of an organisation for
// a year, composed from the ledgers and the year's report round, written to a file.
//   fazhi report --db DB --year YYYY [--org CODE] --format md|html|docx|pdf|json --out FILE
//   fazhi report --db DB --year YYYY [--org CODE] --check
// Without --org, the whole region's government report (the root organisation). --check runs
// the consistency check before publication and prints its findings (exit 1 when one blocks
// publication). Runs as the system (the whole tree); errors go through report_error.
#include <fstream>
#include <iostream>

#include "cli/command_registry.h"
#include "cli/open_database.h"
#include "indicator/indicator_engine.h"
#include "report/consistency_check.h"
#include "report/report_composer.h"
#include "report/report_format.h"
#include "report/report_round_status.h"

namespace fazhi::cli {
namespace {

struct ReportOptions {
  std::string db;
  int year = 0;
  std::string org;
  std::string format = "md";
  std::string out;
  bool check = false;
};

Result<int> run_report(const ReportOptions& o) {
  auto format = parse_report_format(o.format);
  if (!format) return invalid_input("--format", "", "格式「" + o.format + "」不支持，可选 md、html、docx、pdf、json");
  if (!o.check && o.out.empty()) return invalid_input("--out", "", "请用 --out 指定输出文件");
  FAZHI_ASSIGN_OR_RETURN(auto store, open_database(o.db));
  LedgerService ledgers(*store);
  IndicatorEngine engine(ledgers);
  ReportComposer composer(ledgers, engine);
  UserContext system = UserContext::system_context();
  FAZHI_ASSIGN_OR_RETURN(ReportDocument doc, composer.compose(system, {.org = o.org,
                                                                       .year = o.year,
                                                                       .trace = report_format_needs_trace(*format),
                                                                       .trends = report_format_needs_trends(*format)}));
  if (o.check) {
    std::vector<ExpectedPart> expected;
    if (doc.round_id) {
      FAZHI_ASSIGN_OR_RETURN(auto status, round_status(ledgers, system, doc.round_id));
      expected = expected_parts(status);
    }
    FAZHI_ASSIGN_OR_RETURN(auto reviewer, review::Reviewer::create());
    auto findings = check_consistency(doc, expected, &reviewer);
    int blocking = 0;
    for (const auto& f : findings) {
      blocking += f.blocking;
      std::cout << (f.blocking ? "[须改正] " : "[提示] ") << f.message << '\n';
    }
    std::cout << doc.title << "：" << findings.size() << " 项发现，其中 " << blocking << " 项须改正后才能发布\n";
    if (o.out.empty()) return blocking ? 1 : 0;
  }
  FAZHI_ASSIGN_OR_RETURN(std::string bytes, render_report(doc, *format));
  std::ofstream out(o.out, std::ios::binary | std::ios::trunc);
  out << bytes;
  out.close();
  if (!out) return unavailable("文件 " + o.out, "无法写入，请检查目录是否存在、是否有写权限");
  std::cerr << doc.title << " → " << o.out << "（" << bytes.size() << " 字节）\n";
  return 0;
}

const CommandRegistration kRegistration{
    "report", [](CLI::App& app, CommandStatus& status) {
      auto options = std::make_shared<ReportOptions>();
      CLI::App* cmd = app.add_subcommand("report", "生成法治政府建设年度报告（md、html、docx、pdf、json）");
      cmd->add_option("--db", options->db, "数据库：SQLite 文件或 postgresql:// 地址")->required();
      cmd->add_option("--year", options->year, "报告年度，如 2024")->required();
      cmd->add_option("--org", options->org, "单位编码（默认：本级人民政府）");
      cmd->add_option("--format", options->format, "输出格式：md、html、docx、pdf、json（默认 md）");
      cmd->add_option("--out", options->out, "输出文件");
      cmd->add_flag("--check", options->check, "发布前一致性检查，列出发现的问题");
      cmd->callback([options, &status] {
        auto r = run_report(*options);
        status.exit_code = r ? *r : report_error(r.error());
      });
    }};

}  // namespace
}  // namespace fazhi::cli

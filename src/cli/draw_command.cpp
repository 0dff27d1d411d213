// `fazhi draw`: verifiable random draws for 双随机、一公开 inspections (src/draw).
//   commit     --plan PLAN.json                      print the plan's SM3 to publish first
//   commitment VALUE                                 SM3 of a value a department will reveal
//   hash-pool  FILE                                  a pool file's chunked SM3 (sm3_chunks)
//   run        --plan PLAN.json (--public-value V | --public-value-file F | --reveal D=V...)
//              --out RESULT.json                     draw and write the result
//   verify     RESULT.json --plan PLAN.json          exit 0 when exact, 1 with the first difference
//   publish    RESULT.json --plan PLAN.json --format text|html [--out FILE]
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command_registry.h"
#include "core/sm3.h"
#include "draw/draw_engine.h"
#include "draw/draw_plan.h"
#include "draw/draw_publication.h"
#include "draw/draw_result.h"
#include "draw/pool_digest.h"
#include "draw/target_pool.h"

namespace fazhi::cli {
namespace {

using namespace fazhi::draw;

Result<std::string> read_file(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return not_found(what + " " + path, "文件不存在或无法读取");
  // One read into a string of the file's size: a result file runs to tens of megabytes.
  std::error_code size_error;
  const auto size = std::filesystem::file_size(path, size_error);
  std::string text;
  if (!size_error) {
    text.resize(size);
    in.read(text.data(), std::streamsize(size));
    text.resize(std::size_t(in.gcount()));
  }
  if (size_error || in.peek() != std::char_traits<char>::eof()) {
    std::ostringstream rest;  // not a regular file, or one that grew: read to its end
    rest << in.rdbuf();
    text += rest.str();
  }
  return text;
}

Result<void> write_file(const std::string& path, const std::string& text, const std::string& what) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return unavailable(what + " " + path, "无法写入");
  out << text;
  out.close();
  if (!out) return unavailable(what + " " + path, "写入失败");
  return ok();
}

// Keeps a finished draw's result until the process exits, when the operating system takes
// its memory back at once, instead of freeing half a million records one by one (about half
// a second for a 10-million pool). Still reachable, so leak checkers stay quiet.
void keep_until_exit(DrawResult result) {
  static auto* kept = new std::vector<std::unique_ptr<DrawResult>>();
  kept->push_back(std::make_unique<DrawResult>(std::move(result)));
}

struct DrawOptions {
  std::string plan;
  std::string public_value;
  std::string public_value_file;
  std::vector<std::string> reveals;
  std::string out;
  std::string result;
  std::string format = "text";
  std::string value;
};

Result<DrawInputs> inputs_from_options(const DrawOptions& o) {
  DrawInputs inputs;
  inputs.public_value = o.public_value;
  if (!o.public_value_file.empty()) {
    FAZHI_ASSIGN_OR_RETURN(inputs.public_value, read_file(o.public_value_file, "公开值文件"));
  }
  for (const auto& r : o.reveals) {
    auto eq = r.find('=');
    if (eq == std::string::npos || eq == 0) {
      return invalid_input("--reveal " + r, "", "应写成 部门编号=揭示值");
    }
    inputs.reveals.emplace_back(r.substr(0, eq), r.substr(eq + 1));
  }
  return inputs;
}

int commit(const DrawOptions& o) {
  auto plan = load_plan(o.plan);
  if (!plan) return report_error(plan.error());
  auto scan = scan_pool(*plan);
  if (!scan) return report_error(scan.error());
  std::cout << plan->sm3 << '\n';
  std::cerr << "计划 " << plan->id << "：检查对象 " << scan->total << " 户，执法检查人员 " << plan->inspectors.size()
            << " 人，" << plan->strata.size() << " 个分层。请在公开随机值产生之前公布上面的 SM3 值。\n";
  return 0;
}

int run(const DrawOptions& o) {
  auto plan = load_plan(o.plan);
  if (!plan) return report_error(plan.error());
  auto inputs = inputs_from_options(o);
  if (!inputs) return report_error(inputs.error());
  auto result = run_draw(*plan, *inputs);
  if (!result) return report_error(result.error());
  auto written = write_file(o.out, result_to_json(*result), "抽取结果文件");
  if (!written) return report_error(written.error());
  std::uint64_t drawn = 0;
  for (const auto& s : result->strata) drawn += s.selection.size();
  std::cerr << "已从 " << result->pool_total << " 户中抽中 " << drawn << " 户，结果写入 " << o.out << "；种子 "
            << result->proof.seed << '\n';
  keep_until_exit(std::move(result).value());
  return 0;
}

int verify(const DrawOptions& o) {
  auto plan = load_plan(o.plan);
  if (!plan) return report_error(plan.error());
  auto text = read_file(o.result, "抽取结果文件");
  if (!text) return report_error(text.error());
  DrawResult recomputed;
  auto finding = verify_result(*text, *plan, &recomputed, TargetDetail::kForTeams);
  keep_until_exit(std::move(recomputed));
  if (!finding) return report_error(finding.error());
  if (finding->has_value()) {
    std::cerr << "核验不通过：" << **finding << '\n';
    return 1;
  }
  std::cout << "核验通过：" << o.result << " 与计划 " << plan->sm3 << " 和公开值重新计算的结果完全一致。\n";
  return 0;
}

int publish(const DrawOptions& o) {
  auto plan = load_plan(o.plan);
  if (!plan) return report_error(plan.error());
  auto text = read_file(o.result, "抽取结果文件");
  if (!text) return report_error(text.error());
  // Only a verified result is published; the notice is built from the recomputation.
  DrawResult result;
  auto finding = verify_result(*text, *plan, &result);
  if (!finding) return report_error(finding.error());
  if (finding->has_value()) {
    std::cerr << "核验不通过，不予公示：" << **finding << '\n';
    return 1;
  }
  auto format = o.format == "html" ? PublicationFormat::kHtml : PublicationFormat::kText;
  std::string notice = publication(*plan, result, format, std::filesystem::path(o.plan).filename().string(),
                                   std::filesystem::path(o.result).filename().string());
  if (o.out.empty()) {
    std::cout << notice;
    return 0;
  }
  auto written = write_file(o.out, notice, "公示文件");
  return written ? 0 : report_error(written.error());
}

const CommandRegistration kDraw("draw", [](CLI::App& app, CommandStatus& status) {
  auto options = std::make_shared<DrawOptions>();
  CLI::App* draw = app.add_subcommand("draw", "双随机抽取：冻结计划、抽取、核验、公示");
  draw->require_subcommand(1);

  CLI::App* c = draw->add_subcommand("commit", "检查计划并打印其 SM3 值（在公开随机值产生前公布）");
  c->add_option("--plan", options->plan, "计划文件 PLAN.json")->required();
  c->callback([options, &status] { status.exit_code = commit(*options); });

  CLI::App* m = draw->add_subcommand("commitment", "打印一个部门揭示值的 SM3 承诺（commit_reveal）");
  m->add_option("value", options->value, "该部门将来揭示的随机值")->required();
  m->callback([options, &status] {
    std::cout << sm3_hex(options->value) << '\n';
    status.exit_code = 0;
  });

  CLI::App* h = draw->add_subcommand("hash-pool", "打印名录文件的分块 SM3（计划中 targets_file.sm3_chunks 的值）");
  h->add_option("file", options->value, "名录文件 targets.csv")->required();
  h->callback([options, &status] {
    auto digest = pool_file_digest_hex(options->value);
    if (!digest) {
      status.exit_code = report_error(digest.error());
      return;
    }
    std::cout << *digest << '\n';
    status.exit_code = 0;
  });

  CLI::App* r = draw->add_subcommand("run", "按计划和公开随机值抽取，写出结果");
  r->add_option("--plan", options->plan, "计划文件 PLAN.json")->required();
  auto* pv = r->add_option("--public-value", options->public_value, "公开随机值");
  auto* pvf = r->add_option("--public-value-file", options->public_value_file, "含公开随机值的文本文件");
  auto* rv = r->add_option("--reveal", options->reveals, "commit_reveal 的揭示值：部门编号=值（每部门一次）");
  pv->excludes(pvf)->excludes(rv);
  pvf->excludes(rv);
  r->add_option("--out", options->out, "结果文件 RESULT.json")->required();
  r->callback([options, &status] { status.exit_code = run(*options); });

  CLI::App* v = draw->add_subcommand("verify", "按计划重新计算并与结果文件逐项比对");
  v->add_option("result", options->result, "结果文件 RESULT.json")->required();
  v->add_option("--plan", options->plan, "计划文件 PLAN.json")->required();
  v->callback([options, &status] { status.exit_code = verify(*options); });

  CLI::App* p = draw->add_subcommand("publish", "核验后生成面向公众的抽查结果公示");
  p->add_option("result", options->result, "结果文件 RESULT.json")->required();
  p->add_option("--plan", options->plan, "计划文件 PLAN.json")->required();
  p->add_option("--format", options->format, "text 或 html")->check(CLI::IsMember({"text", "html"}));
  p->add_option("--out", options->out, "写入此文件（缺省时打印）");
  p->callback([options, &status] { status.exit_code = publish(*options); });
});

}  // namespace
}  // namespace fazhi::cli

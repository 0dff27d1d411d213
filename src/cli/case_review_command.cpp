// `fazhi case-review`: sampling closed enforcement case files for review (案卷评查) by a
// verifiable draw, and turning the draw into review records ready for scoring.
//   pool    --db DB --year Y [--org CODE] [--office CODE] [--per-body N] [--date D] --out-dir DIR
//           writes DIR/case-files-Y-<hash>.csv (the pool: ledger/case_file_draw_pool.h) and
//           DIR/plan-case-files-Y.json (a draft plan over it, for `fazhi draw commit/run`)
//   assign  --db DB --year Y --plan PLAN.json --result RESULT.json [--org CODE]
//           checks the plan's pool is this database's pool of the year and the result
//           verifies, then writes the draw record and one review per drawn case
//           (ledger/case_file_draw_reviews.h) in one audited transaction
// --org is the scope, as for `fazhi todo` (default the whole region); --office the reviewing
// office (default --org, else the root organisation). Exit 2 for a refused plan or result.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/command_registry.h"
#include "cli/open_database.h"
#include "core/clock.h"
#include "ledger/case_file_draw_pool.h"
#include "ledger/case_file_draw_reviews.h"

namespace fazhi::cli {
namespace {

struct CaseReviewOptions {
  std::string db;
  int year = 0;
  std::string org;
  std::string office;
  int per_body = 3;
  std::string date;
  std::string out_dir;
  std::string plan;
  std::string result;
};

Result<std::string> read_text(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return not_found(what + " " + path, "文件不存在或无法读取");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<void> write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (out) out << text;
  if (!out) return unavailable("文件 " + path.string(), "无法写入");
  return ok();
}

// The user the command acts as: the whole region, or what `org`'s administrator sees.
Result<UserContext> acting_user(LedgerService& service, const std::string& org) {
  if (org.empty()) return UserContext::system_context();
  FAZHI_ASSIGN_OR_RETURN(auto orgs, service.orgs());
  if (!orgs->find(org)) return invalid_input("--org " + org, "", "单位不存在（单位代码见单位台账）");
  return UserContext{"system", Role::kAdmin, org, false};
}

Result<void> run_pool(const CaseReviewOptions& o) {
  const std::string date_text = o.date.empty() ? china_today() : o.date;
  auto today = parse_date(date_text);
  if (!today) return invalid_input("--date " + date_text, "", "不是 YYYY-MM-DD 格式的日期");
  FAZHI_ASSIGN_OR_RETURN(auto store, open_database(o.db, false));
  LedgerService service(*store);
  FAZHI_ASSIGN_OR_RETURN(UserContext user, acting_user(service, o.org));
  std::string office = !o.office.empty() ? o.office : o.org;
  if (office.empty()) {
    FAZHI_ASSIGN_OR_RETURN(auto orgs, service.orgs());
    auto roots = orgs->roots();
    if (roots.empty()) return invalid_input("数据库 " + o.db, "", "没有单位");
    office = roots.front()->code;
  }
  FAZHI_ASSIGN_OR_RETURN(CaseFilePool pool, build_case_file_pool(service, user, o.year, office));
  FAZHI_ASSIGN_OR_RETURN(nlohmann::json plan, case_file_plan_draft(service, pool, o.per_body, *today));
  std::filesystem::path dir(o.out_dir);
  std::error_code made;
  std::filesystem::create_directories(dir, made);
  FAZHI_TRY(write_text(dir / pool.file_name, pool.csv));
  const std::string plan_name = "plan-case-files-" + std::to_string(o.year) + ".json";
  FAZHI_TRY(write_text(dir / plan_name, plan.dump(2) + "\n"));
  std::uint64_t drawn = 0;
  for (const auto& s : plan["strata"]) drawn += s["count"].get<std::uint64_t>();
  std::cout << (dir / pool.file_name).string() << '\n' << (dir / plan_name).string() << '\n';
  std::cerr << o.year << " 年度结案案件 " << pool.cases << " 件，" << pool.bodies.size() << " 个执法主体，计划抽取 "
            << drawn << " 卷";
  if (pool.without_body > 0) std::cerr << "（另有 " << pool.without_body << " 件未填写执法主体，未编入名录）";
  std::cerr << "。\n请核对计划（评查人员、抽取数量、随机值来源）后：fazhi draw commit --plan " << plan_name
            << "，公布其 SM3；公开值产生后 fazhi draw run；再用 fazhi case-review "
               "assign 生成评查记录。\n";
  return ok();
}

Result<void> run_assign(const CaseReviewOptions& o) {
  FAZHI_ASSIGN_OR_RETURN(std::string plan, read_text(o.plan, "抽取计划"));
  FAZHI_ASSIGN_OR_RETURN(std::string result, read_text(o.result, "抽取结果文件"));
  FAZHI_ASSIGN_OR_RETURN(auto store, open_database(o.db, false));
  LedgerService service(*store);
  FAZHI_ASSIGN_OR_RETURN(UserContext user, acting_user(service, o.org));
  FAZHI_ASSIGN_OR_RETURN(DrawnReviews written, create_reviews_from_draw(service, user, o.year, plan, result));
  std::cout << "已登记抽取记录「" << written.draw_number << "」（编号 " << written.draw << "），生成评查记录 "
            << written.reviews.size() << " 条（评查中，待评分）。\n";
  return ok();
}

const CommandRegistration kCaseReview("case-review", [](CLI::App& app, CommandStatus& status) {
  auto o = std::make_shared<CaseReviewOptions>();
  CLI::App* cmd =
      app.add_subcommand("case-review", "案卷评查：导出抽取名录和计划草案，按核验通过的抽取结果生成评查记录");
  cmd->require_subcommand(1);

  CLI::App* pool = cmd->add_subcommand("pool", "导出某年度结案执法案件的抽取名录和抽取计划草案");
  pool->add_option("--db", o->db, "数据库：SQLite 文件路径或 postgresql:// 地址")->required();
  pool->add_option("--year", o->year, "结案年度")->required();
  pool->add_option("--org", o->org, "单位代码：只含该单位职权范围内的案件（默认全辖区）");
  pool->add_option("--office", o->office, "评查单位代码（默认 --org，否则本级人民政府）");
  pool->add_option("--per-body", o->per_body, "每个执法主体抽取的案卷数（默认3，不足的全部抽取）");
  pool->add_option("--date", o->date, "计划基准日 as_of，YYYY-MM-DD（默认今天）");
  pool->add_option("--out-dir", o->out_dir, "写入名录文件和计划草案的目录")->required();
  pool->callback([o, &status] {
    auto r = run_pool(*o);
    status.exit_code = r ? 0 : report_error(r.error());
  });

  CLI::App* assign = cmd->add_subcommand("assign", "核验抽取结果，为每份抽中的案卷生成评查记录");
  assign->add_option("--db", o->db, "数据库：SQLite 文件路径或 postgresql:// 地址")->required();
  assign->add_option("--year", o->year, "结案年度（与导出名录时相同）")->required();
  assign->add_option("--plan", o->plan, "抽取计划 PLAN.json")->required();
  assign->add_option("--result", o->result, "抽取结果文件 RESULT.json")->required();
  assign->add_option("--org", o->org, "单位代码：与导出名录时相同（默认全辖区）");
  assign->callback([o, &status] {
    auto r = run_assign(*o);
    status.exit_code = r ? 0 : report_error(r.error());
  });
});

}  // namespace
}  // namespace fazhi::cli

#include "ledger/case_file_draw_reviews.h"

#include <fmt/format.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "core/clock.h"
#include "core/date.h"
#include "core/input_text.h"
#include "core/sm3.h"
#include "draw/draw_plan.h"
#include "draw/draw_result.h"
#include "ledger/case_file_draw_pool.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_rules.h"
#include "ledger/ledger_table.h"

namespace fazhi {
namespace {

namespace fs = std::filesystem;

// A private folder under the system's temporary directory, removed with its contents.
class ScratchFolder {
 public:
  ScratchFolder() {
    static std::atomic<unsigned> serial{0};
    path_ = fs::temp_directory_path() / fmt::format("fazhi-case-files-{}-{}-{}", ::getpid(), unix_seconds(), serial++);
    fs::create_directories(path_, error_);
  }
  ~ScratchFolder() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;
  const fs::path& path() const { return path_; }
  bool ok() const { return !error_; }

 private:
  fs::path path_;
  std::error_code error_;
};

// `text` cut to at most `max` characters (a field's declared length).
std::string clip(std::string_view text, std::size_t max) {
  auto chars = utf8_characters(text);
  if (chars.size() <= max) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i + 1 < max; ++i) out += chars[i];
  return out + "…";
}

// What create_reviews_from_draw needs of the plan before the plan itself can be parsed:
// its pool file's name and hash, and its reviewing office.
struct PlanPool {
  std::string file_name;
  std::string hash;
  bool chunked = true;
  std::string office;
};

Result<PlanPool> plan_pool(std::string_view plan_json) {
  const std::string subject = "抽取计划";
  auto plan = nlohmann::json::parse(plan_json, nullptr, false);
  if (plan.is_discarded() || !plan.is_object()) return invalid_input(subject, "", "不是有效的 JSON 对象");
  PlanPool p;
  auto file = plan.find("targets_file");
  if (file == plan.end() || !file->is_object() || !file->contains("name") || !(*file)["name"].is_string())
    return invalid_input(subject, "targets_file",
                         "案卷评查的抽取计划应以名录文件（targets_file）引用本库导出的结案案卷名录");
  p.file_name = (*file)["name"].get<std::string>();
  if (p.file_name.empty() || p.file_name == "." || p.file_name == ".." ||
      p.file_name.find_first_of("/\\") != std::string::npos)
    return invalid_input(subject, "targets_file.name", "「" + p.file_name + "」应为不含目录的文件名");
  if (file->contains("sm3_chunks") && (*file)["sm3_chunks"].is_string()) {
    p.hash = (*file)["sm3_chunks"].get<std::string>();
  } else if (file->contains("sm3") && (*file)["sm3"].is_string()) {
    p.hash = (*file)["sm3"].get<std::string>();
    p.chunked = false;
  } else {
    return invalid_input(subject, "targets_file", "没有名录文件的 sm3_chunks 或 sm3 值");
  }
  auto depts = plan.find("departments");
  if (depts != plan.end() && depts->is_array() && !depts->empty() && (*depts)[0].is_object() &&
      (*depts)[0].contains("id") && (*depts)[0]["id"].is_string())
    p.office = (*depts)[0]["id"].get<std::string>();
  if (p.office.empty()) return invalid_input(subject, "departments", "没有写评查单位（departments 的第一项）");
  return p;
}

// The plan parsed against the database's pool of `year`, and the result verified against
// it: the recomputed draw.
Result<draw::DrawResult> verified_draw(const CaseFilePool& pool, const PlanPool& wanted, std::string_view plan_json,
                                       std::string_view result_json, draw::DrawPlan& plan) {
  const std::string ours = wanted.chunked ? pool.sm3_chunks : sm3_hex(pool.csv);
  if (wanted.hash != ours)
    return invalid_input("抽取计划", "targets_file",
                         fmt::format("计划所用的名录（{}）与本库{}年度结案案卷名录（{}）不一致：名录导出后案件或执法"
                                     "主体有变化，或计划不是以本库名录编制的",
                                     wanted.hash, pool.year, ours));
  ScratchFolder folder;
  if (!folder.ok()) return unavailable("临时目录 " + folder.path().string(), "无法创建");
  {
    std::ofstream out(folder.path() / wanted.file_name, std::ios::binary | std::ios::trunc);
    out << pool.csv;
    if (!out) return unavailable("临时文件 " + wanted.file_name, "无法写入");
  }
  FAZHI_ASSIGN_OR_RETURN(plan, draw::parse_plan(plan_json, folder.path(), "抽取计划"));
  draw::DrawResult recomputed;
  FAZHI_ASSIGN_OR_RETURN(draw::VerifyFinding finding,
                         draw::verify_result(result_json, plan, &recomputed, draw::TargetDetail::kForTeams));
  if (finding) return invalid_input("抽取结果", "", "核验不通过：" + *finding);
  return recomputed;
}

// Writes `rec` (values set, state and owner given) as a new record of `ledger`: checked by
// the ledger's rules and scope, inserted and audited in `tx`.
Result<std::int64_t> insert_record(LedgerService& service, WriteTransaction& tx, const UserContext& user,
                                   const LedgerDeclaration& ledger, const OrgDirectory& orgs, LedgerRecord& rec) {
  FAZHI_ASSIGN_OR_RETURN(rec.id, next_record_id(tx.sql(), ledger));
  rec.version = 1;
  rec.created_at = rec.updated_at = utc_timestamp();
  rec.created_by = rec.updated_by = user.login;
  FAZHI_TRY(service.check_record(tx, user, ledger, orgs, nullptr, rec, nullptr));
  FAZHI_TRY(insert_audited_record(tx, ledger, rec));
  return rec.id;
}

LedgerRecord new_record(const LedgerDeclaration& ledger, const std::string& owner, const OrgDirectory& orgs) {
  LedgerRecord r;
  r.values.assign(ledger.fields.size(), nullptr);
  r.org_code = owner;
  r.org_path = orgs.path_of(owner);
  r.state = ledger.initial_state;
  return r;
}

// The person id of a drawn reviewer ("P123", as case_file_plan_draft names them), if any.
std::optional<std::int64_t> person_of(std::string_view inspector) {
  if (inspector.size() < 2 || inspector[0] != 'P') return std::nullopt;
  std::int64_t id = 0;
  for (char c : inspector.substr(1)) {
    if (c < '0' || c > '9' || id > 100000000000LL) return std::nullopt;
    id = id * 10 + (c - '0');
  }
  return id;
}

}  // namespace

Result<DrawnReviews> create_reviews_from_draw(LedgerService& service, const UserContext& user, int year,
                                              std::string_view plan_json, std::string_view result_json) {
  const LedgerDeclaration& reviews = *find_ledger("case_file_review");
  const LedgerDeclaration& draws = *find_ledger("draw");
  FAZHI_TRY(require_write(user, reviews));
  FAZHI_TRY(require_write(user, draws));
  FAZHI_ASSIGN_OR_RETURN(PlanPool wanted, plan_pool(plan_json));
  FAZHI_ASSIGN_OR_RETURN(CaseFilePool pool, build_case_file_pool(service, user, year, wanted.office));
  draw::DrawPlan plan;
  FAZHI_ASSIGN_OR_RETURN(draw::DrawResult result, verified_draw(pool, wanted, plan_json, result_json, plan));
  FAZHI_ASSIGN_OR_RETURN(auto orgs, service.orgs());
  const std::string owner = orgs->find(wanted.office) ? wanted.office : user.org_code;
  const auto now = DateTime::from_seconds_since_epoch(unix_seconds() + 8 * 3600);

  DrawnReviews out;
  out.draw_number = plan.id;
  FAZHI_TRY(service.store().write(user.actor(), [&](WriteTransaction& tx) -> Result<void> {
    std::vector<SqlValue> number = {plan.id};
    FAZHI_ASSIGN_OR_RETURN(auto earlier, tx.sql().query("SELECT id FROM draw WHERE draw_number = ?", number));
    if (!earlier.rows.empty())
      return conflict(
          "抽取「" + plan.id + "」",
          fmt::format("已登记为抽取记录（编号 {}），其评查记录已生成，不能重复生成", sql_text(earlier.rows[0][0])));
    std::int64_t drawn = 0;
    for (const auto& s : result.strata) drawn += static_cast<std::int64_t>(s.selection.size());
    LedgerRecord d = new_record(draws, owner, *orgs);
    set_field(draws, d, "draw_number", plan.id);
    set_field(draws, d, "draw_kind", std::string("case_files"));
    set_field(draws, d, "drawn_at", now.iso('T'));
    set_field(draws, d, "plan_hash", plan.sm3);
    set_field(draws, d, "public_value", clip(result.proof.public_value, 200));
    set_field(draws, d, "public_value_source", clip(plan.randomness.description, 200));
    set_field(draws, d, "seed", result.proof.seed);
    set_field(draws, d, "population_count", static_cast<std::int64_t>(result.pool_total));
    set_field(draws, d, "drawn_count", drawn);
    set_field(draws, d, "result_hash", sm3_hex(result_json));
    FAZHI_ASSIGN_OR_RETURN(out.draw, insert_record(service, tx, user, draws, *orgs, d));

    for (const auto& stratum : result.strata) {
      for (const auto& a : stratum.selection) {
        auto case_id = case_id_of_target(a.target.id);
        if (!case_id) return invalid_input("抽取结果", a.target.id, "不是本库结案案卷名录中的编号");
        std::vector<SqlValue> p = {*case_id};
        FAZHI_ASSIGN_OR_RETURN(auto c, tx.sql().query("SELECT case_number, enforcement_body FROM enforcement_case "
                                                      "WHERE id = ?",
                                                      p));
        if (c.rows.empty()) return invalid_input("抽取结果", a.target.id, "所指执法案件已不存在");
        std::string file = sql_text(c.rows[0][0]);
        if (file.empty()) file = fmt::format("执法案件 {}", *case_id);
        LedgerRecord r = new_record(reviews, owner, *orgs);
        set_field(reviews, r, "file_number", clip(file, 60));
        set_field(reviews, r, "enforcement_case", *case_id);
        set_field(reviews, r, "enforcement_body", c.rows[0][1]);
        set_field(reviews, r, "review_year", static_cast<std::int64_t>(year));
        set_field(reviews, r, "review_batch", clip(plan.title, 100));
        set_field(reviews, r, "draw", out.draw);
        if (!a.team.empty())
          if (auto person = person_of(a.team.front())) set_field(reviews, r, "reviewer", *person);
        FAZHI_ASSIGN_OR_RETURN(std::int64_t id, insert_record(service, tx, user, reviews, *orgs, r));
        out.reviews.push_back(id);
      }
    }
    return ok();
  }));
  return out;
}

}  // namespace fazhi

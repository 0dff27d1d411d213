#include "ledger/ledger_service.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/clock.h"
#include "ledger/attachment_store.h"
#include "ledger/deadline.h"
#include "ledger/field_value.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_rules.h"
#include "ledger/ledger_table.h"
#include "ledger/region_time_limits.h"

namespace fazhi {
namespace {

Error aggregate(const LedgerDeclaration& ledger, std::vector<Error> errors) {
  if (errors.size() == 1) return std::move(errors[0]);
  Error e = invalid_input(ledger.label, "", fmt::format("有 {} 处填写错误", errors.size()));
  e.details = std::move(errors);
  return e;
}

bool is_system_column(std::string_view name) {
  const auto& cols = system_columns();
  return std::find(cols.begin(), cols.end(), name) != cols.end();
}

std::string like_pattern(std::string_view v) {
  std::string out = "%";
  for (char c : v) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('%');
  return out;
}

std::string state_label(const LedgerDeclaration& ledger, const std::string& state) {
  const StateDeclaration* s = ledger.state(state);
  return s ? s->label : state;
}

// Sets the fields named in body["fields"] on `record`; errors come in declaration order.
Result<void> apply_body_fields(const LedgerDeclaration& ledger, const std::string& subject, const nlohmann::json& body,
                               LedgerRecord& record) {
  if (!body.contains("fields")) return ok();
  const nlohmann::json& fields = body["fields"];
  if (!fields.is_object()) return invalid_input(subject, "fields", "应为 JSON 对象");
  std::vector<Error> errors;
  for (const auto& [name, value] : fields.items())
    if (!ledger.field(name)) errors.push_back(invalid_input(subject, "字段 " + name, "不存在"));
  for (size_t i = 0; i < ledger.fields.size(); ++i) {
    auto it = fields.find(ledger.fields[i].name);
    if (it == fields.end()) continue;
    auto v = field_value_from_json(ledger.fields[i], *it);
    if (!v)
      errors.push_back(std::move(v).error());
    else
      record.values[i] = std::move(v).value();
  }
  if (!errors.empty()) return aggregate(ledger, std::move(errors));
  return ok();
}

bool role_allowed(const std::vector<Role>& roles, Role r) {
  return std::find(roles.begin(), roles.end(), r) != roles.end();
}

}  // namespace

Result<void> require_read(const UserContext& user, const LedgerDeclaration& ledger) {
  if (user.system || ledger.can_read(user.role)) return ok();
  return forbidden(ledger.label, fmt::format("角色「{}」无权查看", role_label(user.role)));
}

Result<void> require_write(const UserContext& user, const LedgerDeclaration& ledger) {
  if (user.system || ledger.can_write(user.role)) return ok();
  return forbidden(ledger.label, fmt::format("角色「{}」无权修改", role_label(user.role)));
}

Result<ListQuery> parse_list_query(const LedgerDeclaration& ledger,
                                   const std::vector<std::pair<std::string, std::string>>& params) {
  ListQuery q;
  static const std::vector<std::string> kOps = {"eq", "ne", "gte", "lte", "like", "in", "null"};
  for (const auto& [key, value] : params) {
    if (key.rfind("f.", 0) == 0) {
      std::string rest = key.substr(2);
      ListFilter f;
      auto dot = rest.find('.');
      f.field = rest.substr(0, dot);
      if (dot != std::string::npos) f.op = rest.substr(dot + 1);
      f.value = value;
      if (!ledger.field(f.field) && f.field != "state" && f.field != "org_code" && f.field != "created_at" &&
          f.field != "updated_at" && f.field != "id")
        return invalid_input("查询参数 " + key, "", "「" + ledger.label + "」没有字段 " + f.field);
      if (std::find(kOps.begin(), kOps.end(), f.op) == kOps.end())
        return invalid_input("查询参数 " + key, "", "不支持的筛选方式 " + f.op);
      q.filters.push_back(std::move(f));
    } else if (key == "org") {
      q.org = value;
    } else if (key == "q") {
      q.text = value;
    } else if (key == "sort") {
      if (!ledger.field(value) && !is_system_column(value))
        return invalid_input("查询参数 sort", "", "「" + ledger.label + "」没有字段 " + value);
      q.sort = value;
    } else if (key == "order") {
      if (value != "asc" && value != "desc") return invalid_input("查询参数 order", "", "应为 asc 或 desc");
      q.descending = value == "desc";
    } else if (key == "page" || key == "page_size") {
      int n = std::atoi(value.c_str());
      if (n < 1 || (key == "page_size" && n > 500))
        return invalid_input("查询参数 " + key, "",
                             "应为 1" + std::string(key == "page" ? " 以上" : "–500") + " 的整数");
      (key == "page" ? q.page : q.page_size) = n;
    }
  }
  return q;
}

bool LedgerService::may_read(const UserContext& user, const LedgerDeclaration& ledger, const OrgDirectory& orgs,
                             const LedgerRecord& record) const {
  if (user.system) return true;
  if (!ledger.can_read(user.role)) return false;
  std::string scope = orgs.path_of(user.org_code);
  if (path_in_scope(scope, record.org_path)) return true;
  if (!ledger.also_visible_to_field.empty()) {
    std::string other = sql_text(field_of(ledger, record, ledger.also_visible_to_field));
    if (!other.empty() && path_in_scope(scope, orgs.path_of(other))) return true;
  }
  return false;
}

bool LedgerService::may_write(const UserContext& user, const LedgerDeclaration& ledger, const OrgDirectory& orgs,
                              const LedgerRecord& record) const {
  if (user.system) return true;
  if (!ledger.can_write(user.role)) return false;
  return path_in_scope(orgs.path_of(user.org_code), record.org_path);
}

std::string LedgerService::scope_sql(const UserContext& user, const LedgerDeclaration& ledger, const OrgDirectory& orgs,
                                     std::vector<SqlValue>& params) const {
  if (user.system) return "1 = 1";
  std::string path = orgs.path_of(user.org_code);
  if (path.empty()) return "1 = 0";
  std::string sql = "(org_path >= ? AND org_path < ?)";
  params.push_back(path);
  params.push_back(scope_path_end(path));
  // A root organisation's scope already holds every record; the extra visibility adds none.
  const OrgNode* own = orgs.find(user.org_code);
  if (!ledger.also_visible_to_field.empty() && own && !own->parent_code.empty()) {
    auto codes = orgs.subtree(user.org_code);
    std::string in;
    for (const OrgNode* n : codes) {
      in += in.empty() ? "?" : ", ?";
      params.push_back(n->code);
    }
    sql = "(" + sql + " OR " + quote_identifier(ledger.also_visible_to_field) + " IN (" + in + "))";
  }
  return sql;
}

Result<std::string> LedgerService::where_sql(const UserContext& user, const LedgerDeclaration& ledger,
                                             const OrgDirectory& orgs, const ListQuery& query,
                                             std::vector<SqlValue>& params) const {
  std::string where = scope_sql(user, ledger, orgs, params);
  if (!query.org.empty()) {
    std::string path = orgs.path_of(query.org);
    if (path.empty()) return invalid_input("查询参数 org", "", "单位「" + query.org + "」不存在");
    where += " AND org_path >= ? AND org_path < ?";
    params.push_back(path);
    params.push_back(scope_path_end(path));
  }
  for (const ListFilter& f : query.filters) {
    const FieldDeclaration* fd = ledger.field(f.field);
    std::string col = quote_identifier(f.field);
    auto convert = [&](const std::string& text) -> Result<SqlValue> {
      if (!fd) {
        if (f.field == "id") {
          auto n = sql_int(SqlValue(text));
          if (!n) return invalid_input("筛选条件 编号", "", "应为整数");
          return SqlValue(*n);
        }
        if (f.field == "state") {
          for (const auto& s : ledger.states)
            if (s.label == text) return SqlValue(s.name);
        }
        return SqlValue(text);
      }
      if (fd->type == FieldType::kDateTime && text.size() == 10) return SqlValue(text);
      FieldDeclaration lenient = *fd;
      lenient.min.reset();
      lenient.max.reset();
      lenient.type = fd->type == FieldType::kNationalCode ? FieldType::kText : fd->type;
      auto v = field_value_from_text(lenient, text);
      if (!v) {
        Error e = std::move(v).error();
        e.subject = "筛选条件 " + e.subject;
        return e;
      }
      return v;
    };
    if (f.op == "null") {
      where += " AND " + col + (f.value == "0" ? " IS NOT NULL" : " IS NULL");
    } else if (f.op == "like") {
      where += " AND " + col + " LIKE ? ESCAPE '\\'";
      params.push_back(like_pattern(f.value));
    } else if (f.op == "in") {
      std::string in;
      size_t start = 0;
      while (start <= f.value.size()) {
        size_t comma = f.value.find(',', start);
        if (comma == std::string::npos) comma = f.value.size();
        FAZHI_ASSIGN_OR_RETURN(SqlValue v, convert(f.value.substr(start, comma - start)));
        in += in.empty() ? "?" : ", ?";
        params.push_back(std::move(v));
        start = comma + 1;
      }
      where += " AND " + col + " IN (" + in + ")";
    } else {
      FAZHI_ASSIGN_OR_RETURN(SqlValue v, convert(f.value));
      static const std::map<std::string, std::string> kOps = {{"eq", "="}, {"ne", "<>"}, {"gte", ">="}, {"lte", "<="}};
      // A date bound on a datetime column covers the whole day.
      if (fd && fd->type == FieldType::kDateTime && f.op == "lte" && sql_text(v).size() == 10)
        v = sql_text(v) + "T23:59:59";
      where += " AND " + col + " " + kOps.at(f.op) + " ?";
      params.push_back(std::move(v));
    }
  }
  if (!query.text.empty()) {
    std::string any;
    for (const auto& f : ledger.fields) {
      if (f.type != FieldType::kText && f.type != FieldType::kLongText && f.type != FieldType::kNationalCode) continue;
      any += (any.empty() ? "" : " OR ") + quote_identifier(f.name) + " LIKE ? ESCAPE '\\'";
      params.push_back(like_pattern(query.text));
    }
    if (!any.empty()) where += " AND (" + any + ")";
  }
  return where;
}

Result<ListPage> LedgerService::list(const UserContext& user, const LedgerDeclaration& ledger, const ListQuery& query) {
  FAZHI_TRY(require_read(user, ledger));
  FAZHI_ASSIGN_OR_RETURN(auto orgs, orgs_.get());
  ListPage page;
  page.page = query.page;
  page.page_size = query.page_size;
  FAZHI_TRY(store_.read([&](SqlSession& s) -> Result<void> {
    std::vector<SqlValue> params;
    FAZHI_ASSIGN_OR_RETURN(std::string where, where_sql(user, ledger, *orgs, query, params));
    std::string table = quote_identifier(ledger.name);
    FAZHI_ASSIGN_OR_RETURN(auto count, s.query("SELECT COUNT(*) FROM " + table + " WHERE " + where, params));
    page.total = sql_int(count.rows[0][0]).value_or(0);
    std::string order = query.sort.empty() ? "id" : quote_identifier(query.sort);
    std::string dir = query.descending ? " DESC" : " ASC";
    params.push_back(static_cast<std::int64_t>(query.page_size));
    params.push_back(static_cast<std::int64_t>(query.page - 1) * query.page_size);
    // The page's ids are chosen first, so that only the sort key and id of every matching
    // row are sorted (from the index where there is one), and whole rows are read for the
    // page alone: sorting whole rows made a page cost grow with the ledger.
    FAZHI_ASSIGN_OR_RETURN(
        auto rows,
        s.query(fmt::format("SELECT {cols} FROM {t} WHERE id IN (SELECT id FROM {t} WHERE {w} ORDER BY {o}{d}, id{d} "
                            "LIMIT ? OFFSET ?) ORDER BY {o}{d}, id{d}",
                            fmt::arg("cols", ledger_column_list(ledger)), fmt::arg("t", table), fmt::arg("w", where),
                            fmt::arg("o", order), fmt::arg("d", dir)),
                params));
    page.records.reserve(rows.rows.size());
    for (auto& row : rows.rows) page.records.push_back(record_from_row(ledger, std::move(row)));
    return ok();
  }));
  return page;
}

Result<void> LedgerService::for_each(const UserContext& user, const LedgerDeclaration& ledger, const ListQuery& query,
                                     const std::function<Result<void>(const LedgerRecord&)>& visit) {
  FAZHI_TRY(require_read(user, ledger));
  FAZHI_ASSIGN_OR_RETURN(auto orgs, orgs_.get());
  return store_.read([&](SqlSession& s) -> Result<void> {
    std::vector<SqlValue> base;
    FAZHI_ASSIGN_OR_RETURN(std::string where, where_sql(user, ledger, *orgs, query, base));
    // Keyset pages keep memory flat however many rows match.
    std::int64_t after = 0;
    for (;;) {
      std::vector<SqlValue> params = base;
      params.push_back(after);
      FAZHI_ASSIGN_OR_RETURN(auto rows,
                             s.query(fmt::format("SELECT {} FROM {} WHERE {} AND id > ? ORDER BY id LIMIT 5000",
                                                 ledger_column_list(ledger), quote_identifier(ledger.name), where),
                                     params));
      if (rows.rows.empty()) return ok();
      for (auto& row : rows.rows) {
        LedgerRecord r = record_from_row(ledger, row);
        after = r.id;
        FAZHI_TRY(visit(r));
      }
    }
  });
}

Result<LedgerRecord> LedgerService::get(const UserContext& user, const LedgerDeclaration& ledger, std::int64_t id) {
  FAZHI_TRY(require_read(user, ledger));
  FAZHI_ASSIGN_OR_RETURN(auto orgs, orgs_.get());
  LedgerRecord record;
  FAZHI_TRY(store_.read([&](SqlSession& s) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(record, load_record(s, ledger, id));
    return ok();
  }));
  // Outside the scope, a record is reported as missing: its existence is not disclosed.
  if (!may_read(user, ledger, *orgs, record))
    return not_found(fmt::format("{}（编号 {}）", ledger.label, id), "不存在或无权查看");
  return record;
}

Result<void> LedgerService::check_record(WriteTransaction& tx, const UserContext& user, const LedgerDeclaration& ledger,
                                         const OrgDirectory& orgs, const LedgerRecord* before, LedgerRecord& after,
                                         const TransitionDeclaration* step, bool check_unique) {
  std::vector<Error> errors;
  auto field_error = [&](const FieldDeclaration& f, std::string reason) {
    Error e = invalid_input("字段「" + f.label + "」", "", std::move(reason));
    e.field = f.name;
    errors.push_back(std::move(e));
  };
  for (size_t i = 0; i < ledger.fields.size(); ++i) {
    const FieldDeclaration& f = ledger.fields[i];
    const SqlValue& v = after.values[i];
    if (is_null(v)) {
      if (f.required) field_error(f, "必须填写");
      continue;
    }
    if (before && before->values[i] == v) continue;  // unchanged values were checked when written
    if (f.type == FieldType::kOrgRef && !orgs.find(sql_text(v))) {
      field_error(f, "单位「" + sql_text(v) + "」不存在");
    } else if (f.type == FieldType::kPersonRef || f.type == FieldType::kRecordRef) {
      std::string target = f.type == FieldType::kPersonRef ? "people" : f.ref_ledger;
      std::vector<SqlValue> p = {v};
      FAZHI_ASSIGN_OR_RETURN(auto r, tx.sql().query("SELECT 1 FROM " + quote_identifier(target) + " WHERE id = ?", p));
      if (r.rows.empty()) {
        const LedgerDeclaration* t = find_ledger(target);
        field_error(f, fmt::format("{}编号 {} 不存在", t ? t->label : target, sql_text(v)));
      }
    } else if (f.type == FieldType::kAttachment) {
      auto files = resolve_attachment_references(tx.sql(), user, before ? &before->values[i] : nullptr, v);
      if (!files && files.error().code != ErrorCode::kInvalidInput) return files.error();
      if (!files)
        field_error(f, files.error().reason);
      else
        after.values[i] = std::move(files).value();
      if (f.required && is_null(after.values[i])) field_error(f, "必须填写");
    }
    if (f.unique && check_unique) {
      std::vector<SqlValue> p = {v, after.id};
      FAZHI_ASSIGN_OR_RETURN(auto r,
                             tx.sql().query(fmt::format("SELECT id FROM {} WHERE {} = ? AND id <> ?",
                                                        quote_identifier(ledger.name), quote_identifier(f.name)),
                                            p));
      if (!r.rows.empty())
        field_error(f, fmt::format("「{}」已被编号 {} 的记录使用", sql_text(v), sql_text(r.rows[0][0])));
    }
  }
  if (step) {
    for (const auto& name : step->requires_fields) {
      const FieldDeclaration* f = ledger.field(name);
      if (f && is_null(field_of(ledger, after, name))) field_error(*f, "办理「" + step->label + "」须填写");
    }
  }
  if (!errors.empty()) return aggregate(ledger, std::move(errors));
  if (const RecordRule* rule = find_record_rule(ledger.name)) {
    RuleContext context{ledger, tx.sql(), user, orgs, &tx};
    FAZHI_TRY((*rule)(context, before, after, step));
  }
  if (ledger.name != "organizations") {
    const OrgNode* owner = orgs.find(after.org_code);
    if (!owner) {
      Error e = invalid_input(ledger.label, "所属单位", "单位「" + after.org_code + "」不存在");
      e.field = "org_code";
      return e;
    }
    after.org_path = owner->path;
  }
  if (!may_write(user, ledger, orgs, after) || (before && !may_write(user, ledger, orgs, *before)))
    return forbidden(ledger.label, "所属单位「" + after.org_code + "」不在您的管理范围内");
  return ok();
}

Result<LedgerRecord> LedgerService::create(const UserContext& user, const LedgerDeclaration& ledger,
                                           const nlohmann::json& body) {
  FAZHI_TRY(require_write(user, ledger));
  FAZHI_ASSIGN_OR_RETURN(auto orgs, orgs_.get());
  if (!body.is_object()) return invalid_input(ledger.label, "请求内容", "应为 JSON 对象");
  LedgerRecord rec;
  rec.values.assign(ledger.fields.size(), nullptr);
  rec.org_code = body.value("org_code", std::string());
  if (rec.org_code.empty()) rec.org_code = user.org_code;
  rec.state = ledger.initial_state;
  if (body.contains("state") && body["state"].is_string() && body["state"] != ledger.initial_state) {
    if (!user.system)
      return invalid_input(ledger.label, "状态",
                           "新建记录只能处于「" + state_label(ledger, ledger.initial_state) + "」，请通过办理按钮流转");
    rec.state = body["state"];
    if (!ledger.state(rec.state)) return invalid_input(ledger.label, "状态", "没有状态「" + rec.state + "」");
  }
  FAZHI_TRY(apply_body_fields(ledger, ledger.label, body, rec));
  FAZHI_TRY(store_.write(user.actor(), [&](WriteTransaction& tx) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(rec.id, next_record_id(tx.sql(), ledger));
    rec.version = 1;
    rec.created_at = rec.updated_at = utc_timestamp();
    rec.created_by = rec.updated_by = user.login;
    FAZHI_TRY(check_record(tx, user, ledger, *orgs, nullptr, rec, nullptr));
    return insert_audited_record(tx, ledger, rec);
  }));
  if (ledger.name == "organizations") orgs_.invalidate();
  if (ledger.name == "region_time_limit") FAZHI_TRY(reload_region_time_limits(store_));
  return rec;
}

Result<LedgerRecord> LedgerService::update(const UserContext& user, const LedgerDeclaration& ledger, std::int64_t id,
                                           const nlohmann::json& body) {
  return write_change(user, ledger, id, body, nullptr);
}

Result<LedgerRecord> LedgerService::transition(const UserContext& user, const LedgerDeclaration& ledger,
                                               std::int64_t id, const std::string& step, const nlohmann::json& body) {
  const TransitionDeclaration* t = ledger.transition(step);
  if (!t) return not_found(ledger.label + " 的办理步骤「" + step + "」");
  return write_change(user, ledger, id, body, t);
}

Result<LedgerRecord> LedgerService::write_change(const UserContext& user, const LedgerDeclaration& ledger,
                                                 std::int64_t id, const nlohmann::json& body,
                                                 const TransitionDeclaration* step) {
  FAZHI_TRY(require_write(user, ledger));
  if (step && !step->roles.empty() && !user.system && !role_allowed(step->roles, user.role))
    return forbidden(ledger.label + "「" + step->label + "」",
                     fmt::format("角色「{}」无权办理", role_label(user.role)));
  FAZHI_ASSIGN_OR_RETURN(auto orgs, orgs_.get());
  if (!body.is_object()) return invalid_input(ledger.label, "请求内容", "应为 JSON 对象");
  LedgerRecord after;
  FAZHI_TRY(store_.write(user.actor(), [&](WriteTransaction& tx) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(LedgerRecord before, load_record(tx.sql(), ledger, id));
    std::string subject = fmt::format("{}（编号 {}）", ledger.label, id);
    if (!may_read(user, ledger, *orgs, before)) return not_found(subject, "不存在或无权查看");
    if (body.contains("version") && body["version"].is_number_integer() &&
        body["version"].get<std::int64_t>() != before.version)
      return conflict(subject, fmt::format("记录已被{}于 {} 修改（版本 {}），请刷新后再改", before.updated_by,
                                           before.updated_at, before.version));
    after = before;
    FAZHI_TRY(apply_body_fields(ledger, subject, body, after));
    if (body.contains("org_code") && body["org_code"].is_string() && !body["org_code"].get<std::string>().empty())
      after.org_code = body["org_code"];
    if (step) {
      if (std::find(step->from.begin(), step->from.end(), before.state) == step->from.end()) {
        std::string allowed;
        for (const auto& s : step->from) allowed += (allowed.empty() ? "" : "、") + state_label(ledger, s);
        return conflict(subject, fmt::format("当前状态「{}」不能办理「{}」（只能在{}时办理）",
                                             state_label(ledger, before.state), step->label, allowed));
      }
      after.state = step->to;
    }
    after.version = before.version + 1;
    after.updated_at = utc_timestamp();
    after.updated_by = user.login;
    FAZHI_TRY(check_record(tx, user, ledger, *orgs, &before, after, step));
    std::string sets;
    std::vector<SqlValue> params;
    std::vector<SqlValue> row = row_from_record(after);
    const auto& sys = system_columns();
    for (size_t i = 1; i < row.size(); ++i) {
      std::string col = i < sys.size() ? sys[i] : ledger.fields[i - sys.size()].name;
      sets += (sets.empty() ? "" : ", ") + quote_identifier(col) + " = ?";
      params.push_back(row[i]);
    }
    params.push_back(id);
    params.push_back(before.version);
    FAZHI_ASSIGN_OR_RETURN(auto changed, tx.sql().execute(fmt::format("UPDATE {} SET {} WHERE id = ? AND version = ?",
                                                                      quote_identifier(ledger.name), sets),
                                                          params));
    if (changed != 1) return conflict(subject, "记录已被他人修改，请刷新后再改");
    AuditEntry e;
    e.action = step ? "transition:" + step->name : "update";
    e.ledger = ledger.name;
    e.record_id = std::to_string(id);
    e.before = canonical_row_json(ledger, before);
    e.after = canonical_row_json(ledger, after);
    FAZHI_TRY(tx.audit(std::move(e)));
    return ok();
  }));
  if (ledger.name == "organizations") orgs_.invalidate();
  if (ledger.name == "region_time_limit") FAZHI_TRY(reload_region_time_limits(store_));
  return after;
}

Result<void> LedgerService::remove(const UserContext& user, const LedgerDeclaration& ledger, std::int64_t id,
                                   std::int64_t version) {
  FAZHI_TRY(require_write(user, ledger));
  FAZHI_ASSIGN_OR_RETURN(auto orgs, orgs_.get());
  FAZHI_TRY(store_.write(user.actor(), [&](WriteTransaction& tx) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(LedgerRecord before, load_record(tx.sql(), ledger, id));
    std::string subject = fmt::format("{}（编号 {}）", ledger.label, id);
    if (!may_read(user, ledger, *orgs, before)) return not_found(subject, "不存在或无权查看");
    if (!may_write(user, ledger, *orgs, before)) return forbidden(subject, "不在您的管理范围内");
    if (version != 0 && version != before.version) return conflict(subject, "记录已被他人修改，请刷新后再删除");
    if (ledger.name == "organizations") {
      for (const LedgerDeclaration* l : all_ledgers()) {
        std::vector<SqlValue> p = {before.org_code};
        std::string col = l->name == "organizations" ? "parent_code" : "org_code";
        FAZHI_ASSIGN_OR_RETURN(
            auto r,
            tx.sql().query(fmt::format("SELECT 1 FROM {} WHERE {} = ? LIMIT 1", quote_identifier(l->name), col), p));
        if (!r.rows.empty()) return conflict(subject, "该单位仍有" + l->label + "记录，不能删除");
      }
      std::vector<SqlValue> p = {before.org_code};
      FAZHI_ASSIGN_OR_RETURN(auto u, tx.sql().query("SELECT 1 FROM users WHERE org_code = ? LIMIT 1", p));
      if (!u.rows.empty()) return conflict(subject, "该单位仍有用户账号，不能删除");
    }
    std::vector<SqlValue> p = {id};
    FAZHI_TRY(tx.sql().execute("DELETE FROM " + quote_identifier(ledger.name) + " WHERE id = ?", p));
    AuditEntry e;
    e.action = "delete";
    e.ledger = ledger.name;
    e.record_id = std::to_string(id);
    e.before = canonical_row_json(ledger, before);
    FAZHI_TRY(tx.audit(std::move(e)));
    return ok();
  }));
  if (ledger.name == "organizations") orgs_.invalidate();
  if (ledger.name == "region_time_limit") FAZHI_TRY(reload_region_time_limits(store_));
  return ok();
}

nlohmann::json LedgerService::to_json(const UserContext& user, const LedgerDeclaration& ledger, const LedgerRecord& r,
                                      const OrgDirectory& orgs) const {
  nlohmann::json fields = nlohmann::json::object();
  nlohmann::json labels = nlohmann::json::object();
  for (size_t i = 0; i < ledger.fields.size(); ++i) {
    const FieldDeclaration& f = ledger.fields[i];
    fields[f.name] = field_value_to_json(f, r.values[i]);
    if (is_null(r.values[i])) continue;
    if (f.type == FieldType::kEnum || f.type == FieldType::kBoolean) {
      labels[f.name] = field_value_to_text(f, r.values[i]);
    } else if (f.type == FieldType::kOrgRef) {
      const OrgNode* n = orgs.find(sql_text(r.values[i]));
      if (n) labels[f.name] = n->name;
    }
  }
  const OrgNode* owner = orgs.find(r.org_code);
  nlohmann::json transitions = nlohmann::json::array();
  if (may_write(user, ledger, orgs, r)) {
    for (const auto& t : ledger.transitions) {
      if (std::find(t.from.begin(), t.from.end(), r.state) == t.from.end()) continue;
      if (!t.roles.empty() && !user.system && !role_allowed(t.roles, user.role)) continue;
      transitions.push_back(
          {{"name", t.name}, {"label", t.label}, {"to", t.to}, {"requires_fields", t.requires_fields}});
    }
  }
  nlohmann::json deadlines = nlohmann::json::array();
  if (!ledger.time_limits.empty()) {
    auto today = parse_date(china_today());
    if (today)
      for (const auto& d : compute_deadlines(ledger, r, *today)) deadlines.push_back(deadline_to_json(d));
  }
  std::string title = ledger.title_field.empty() ? "" : sql_text(field_of(ledger, r, ledger.title_field));
  return {{"id", r.id},
          {"title", title.empty() ? fmt::format("{} {}", ledger.label, r.id) : title},
          {"org_code", r.org_code},
          {"org_name", owner ? owner->name : r.org_code},
          {"state", r.state},
          {"state_label", state_label(ledger, r.state)},
          {"version", r.version},
          {"created_at", r.created_at},
          {"created_by", r.created_by},
          {"updated_at", r.updated_at},
          {"updated_by", r.updated_by},
          {"fields", std::move(fields)},
          {"labels", std::move(labels)},
          {"transitions", std::move(transitions)},
          {"deadlines", std::move(deadlines)}};
}

}  // namespace fazhi

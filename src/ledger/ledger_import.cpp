#include "ledger/ledger_import.h"

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <optional>
#include <thread>

#include "core/batch_handoff.h"
#include "core/clock.h"
#include "ledger/bulk_insert.h"
#include "ledger/field_value.h"
#include "ledger/ledger_table.h"
#include "ledger/tabular/table_reader.h"
#include "ledger/tabular/table_writer.h"
#include "ledger/unique_constraint.h"

namespace fazhi {
namespace {

// How one column of the file maps onto the ledger.
struct ColumnMapping {
  enum Kind { kField, kOrg, kState, kIgnored } kind = kIgnored;
  size_t field = 0;
};

// Sentinel that rolls a dry run back after full validation.
constexpr const char* kDryRunMarker = "\x01dry-run";

// One row of the file with its cells converted to the record's values, owner and state, or
// the errors of the cells that would not convert.
struct ConvertedRow {
  std::int64_t number = 0;
  std::string sheet;
  LedgerRecord record;
  std::vector<Error> errors;
};

// Turns the file's rows into ConvertedRows by the header's mapping. Touches nothing but the
// reader, the declaration and the organisation directory it was given, so it may run on a
// thread of its own.
class RowConverter {
 public:
  RowConverter(tabular::TableReader& reader, const LedgerDeclaration& ledger, const std::vector<ColumnMapping>& mapping,
               std::shared_ptr<const OrgDirectory> orgs, std::string subject, std::string default_org)
      : reader_(reader),
        ledger_(ledger),
        mapping_(mapping),
        orgs_(std::move(orgs)),
        subject_(std::move(subject)),
        default_org_(std::move(default_org)) {}

  // The directory that 所属单位 is looked up in from the next row on (an organisations import
  // converts in step with the rows it writes).
  void set_orgs(std::shared_ptr<const OrgDirectory> orgs) { orgs_ = std::move(orgs); }

  // Converts the next row into `out`; false at the end of the file.
  Result<bool> next(ConvertedRow& out) {
    auto more = reader_.next(row_);
    if (!more || !*more) return more;
    out.number = row_.number;
    out.sheet.assign(row_.sheet);
    out.errors.clear();
    LedgerRecord& rec = out.record;
    rec.values.assign(ledger_.fields.size(), nullptr);
    rec.org_code = default_org_;
    rec.org_path.clear();
    rec.state = ledger_.initial_state;
    // Named only when a cell of this row is wrong.
    auto place = [&](size_t c) {
      return tabular::row_place(row_.number, row_.sheet) + "，列「" + reader_.header()[c] + "」";
    };
    for (size_t c = 0; c < row_.cells.size() && c < mapping_.size(); ++c) {
      const ColumnMapping& m = mapping_[c];
      std::string_view cell = row_.cells[c];
      if (m.kind == ColumnMapping::kField) {
        auto v = field_value_from_text(ledger_.fields[m.field], cell);
        if (!v) {
          Error e = invalid_input(subject_, place(c), v.error().reason);
          e.field = ledger_.fields[m.field].name;
          out.errors.push_back(std::move(e));
        } else {
          rec.values[m.field] = std::move(v).value();
        }
      } else if (m.kind == ColumnMapping::kOrg && !cell.empty()) {
        const OrgNode* n = orgs_->find(cell);
        if (!n)
          for (const auto& o : orgs_->all())
            if (o.name == cell) n = &o;
        if (!n)
          out.errors.push_back(invalid_input(subject_, place(c), "单位「" + std::string(cell) + "」不存在"));
        else
          rec.org_code = n->code;
      } else if (m.kind == ColumnMapping::kState && !cell.empty()) {
        bool ok_state = false;
        for (const auto& s : ledger_.states)
          if (s.label == cell || s.name == cell) {
            rec.state = s.name;
            ok_state = true;
          }
        if (!ok_state) {
          std::string allowed;
          for (const auto& s : ledger_.states) allowed += (allowed.empty() ? "" : "、") + s.label;
          out.errors.push_back(
              invalid_input(subject_, place(c), "不是「" + ledger_.label + "」的状态（可选：" + allowed + "）"));
        }
      }
    }
    return true;
  }

 private:
  tabular::TableReader& reader_;
  const LedgerDeclaration& ledger_;
  const std::vector<ColumnMapping>& mapping_;
  std::shared_ptr<const OrgDirectory> orgs_;
  std::string subject_;
  std::string default_org_;
  tabular::Row row_;
};

// The converted rows in file order. For a large file the reading and converting run on a
// second thread, a batch ahead of the rows being checked and written; the rows of a batch
// keep their buffers from one batch to the next.
class ConvertedRows {
 public:
  ConvertedRows(RowConverter& converter, bool threaded) : converter_(converter), threaded_(threaded) {}
  ~ConvertedRows() {
    handoff_.abandon();
    if (worker_.joinable()) worker_.join();
  }

  // The next row, valid until the next call; null at the end of the file.
  Result<ConvertedRow*> next() {
    if (!threaded_) {
      auto more = converter_.next(single_);
      if (!more) return std::move(more).error();
      return *more ? &single_ : nullptr;
    }
    if (!worker_.joinable()) worker_ = std::thread([this] { produce(); });
    while (at_ == current_.count) {
      if (current_.failure) return *current_.failure;
      if (current_.last || !handoff_.take(current_)) return nullptr;
      at_ = 0;
    }
    return &current_.rows[at_++];
  }

 private:
  static constexpr size_t kBatchRows = 4096;
  struct Batch {
    std::vector<ConvertedRow> rows;  // the first `count` are this batch's
    size_t count = 0;
    bool last = false;             // the file ends after this batch
    std::optional<Error> failure;  // the file could not be read past this batch
  };

  void produce() {
    Batch filling;
    for (;;) {
      filling.count = 0;
      filling.last = false;
      filling.failure.reset();
      while (filling.count < kBatchRows) {
        if (filling.count == filling.rows.size()) filling.rows.emplace_back();
        auto more = converter_.next(filling.rows[filling.count]);
        if (!more) {
          filling.failure = std::move(more).error();
          break;
        }
        if (!*more) {
          filling.last = true;
          break;
        }
        ++filling.count;
      }
      const bool done = filling.last || filling.failure;
      if (!handoff_.put(filling) || done) break;
    }
    handoff_.close();
  }

  RowConverter& converter_;
  bool threaded_;
  ConvertedRow single_;
  Batch current_;
  size_t at_ = 0;
  BatchHandoff<Batch> handoff_;
  std::thread worker_;
};

}  // namespace

Result<ImportOutcome> import_ledger_file(LedgerService& service, const UserContext& user,
                                         const LedgerDeclaration& ledger, const std::string& path,
                                         const ImportOptions& options) {
  FAZHI_TRY(require_write(user, ledger));
  if (options.mapping && options.mapping->ledger != ledger.name)
    return invalid_input("导入映射 " + options.mapping->name, "",
                         "用于台账「" + options.mapping->ledger + "」，不能导入「" + ledger.label + "」");
  // The file from its first row, read through the mapping if one is given.
  auto open_mapped_reader = [&]() -> Result<std::unique_ptr<tabular::TableReader>> {
    FAZHI_ASSIGN_OR_RETURN(auto opened, tabular::open_table_reader(path));
    if (options.mapping) opened = map_table(std::move(opened), *options.mapping, ledger);
    return opened;
  };
  FAZHI_ASSIGN_OR_RETURN(auto reader, open_mapped_reader());
  FAZHI_ASSIGN_OR_RETURN(std::shared_ptr<const OrgDirectory> orgs, service.orgs());
  const std::string file = reader->file_name();
  const std::string subject = tabular::file_subject(file);

  std::vector<Error> errors;
  std::int64_t error_count = 0;
  auto add_error = [&](Error e) {
    ++error_count;
    if (static_cast<int>(errors.size()) < options.max_listed_errors) errors.push_back(std::move(e));
  };

  // Header → mapping.
  std::vector<ColumnMapping> mapping;
  std::vector<bool> seen(ledger.fields.size(), false);
  const auto& sys_labels = system_column_labels();
  const auto& sys_names = system_columns();
  for (size_t c = 0; c < reader->header().size(); ++c) {
    std::string h = reader->header()[c];
    while (!h.empty() && (h.back() == ' ' || h.back() == '*')) h.pop_back();
    ColumnMapping m;
    bool found = false;
    for (size_t i = 0; i < ledger.fields.size(); ++i) {
      if (ledger.fields[i].label == h || ledger.fields[i].name == h) {
        if (seen[i]) {
          add_error(
              invalid_input(subject, tabular::row_place(reader->header_row_number()), "列「" + h + "」出现了两次"));
        }
        seen[i] = true;
        m.kind = ColumnMapping::kField;
        m.field = i;
        found = true;
        break;
      }
    }
    if (!found) {
      if (h == "所属单位" || h == "org_code" || h == "所属单位编码") {
        m.kind = ColumnMapping::kOrg;
      } else if (h == "状态" || h == "state") {
        m.kind = ColumnMapping::kState;
      } else if (std::find(sys_labels.begin(), sys_labels.end(), h) != sys_labels.end() ||
                 std::find(sys_names.begin(), sys_names.end(), h) != sys_names.end() || h == "所属单位名称" ||
                 h == "状态名称") {
        m.kind = ColumnMapping::kIgnored;
      } else if (h.empty()) {
        m.kind = ColumnMapping::kIgnored;
      } else {
        add_error(invalid_input(subject, tabular::row_place(reader->header_row_number()),
                                fmt::format("第 {} 列的表头「{}」不是「{}」的字段", c + 1, h, ledger.label)));
        continue;
      }
    }
    mapping.push_back(m);
  }
  mapping.resize(reader->header().size());
  for (size_t i = 0; i < ledger.fields.size(); ++i)
    if (ledger.fields[i].required && !seen[i])
      add_error(invalid_input(subject, "表头", "缺少必填列「" + ledger.fields[i].label + "」"));
  if (error_count > 0) {
    Error e = invalid_input(subject, "", fmt::format("表头有 {} 处错误，未导入任何记录", error_count));
    e.details = std::move(errors);
    return e;
  }

  std::string default_org = options.default_org.empty() ? user.org_code : options.default_org;
  const std::shared_ptr<const OrgDirectory> orgs_before = orgs;
  ImportOutcome outcome;
  // `trust_unique`: where the database keeps the unique fields unique, rows are written
  // without a query per unique value; a duplicate then fails the write with a constraint
  // violation (a kConflict), and the import is run again the old way, querying each value,
  // to name the row, column and value. So either attempt reports exactly the same errors.
  auto attempt = [&](bool trust_unique) -> Result<void> {
    outcome = ImportOutcome{};
    outcome.dry_run = options.dry_run;
    errors.clear();
    error_count = 0;
    orgs = orgs_before;
    auto write = [&](const std::function<Result<void>(WriteTransaction&)>& fn) {
      return options.alone ? service.store().write_alone(user.actor(), fn) : service.store().write(user.actor(), fn);
    };
    return write([&](WriteTransaction& tx) -> Result<void> {
      if (trust_unique) {
        FAZHI_ASSIGN_OR_RETURN(trust_unique, database_keeps_unique_fields(tx.sql(), ledger));
      }
      BulkInserter bulk(tx, ledger, file);
      FAZHI_ASSIGN_OR_RETURN(outcome.first_id, bulk.next_id());
      const std::string now = utc_timestamp();
      RowConverter converter(*reader, ledger, mapping, orgs, subject, default_org);
      // The organisation directory changes as organisations are imported: convert in step.
      ConvertedRows rows(converter, ledger.name != "organizations");
      for (;;) {
        FAZHI_ASSIGN_OR_RETURN(ConvertedRow * converted, rows.next());
        if (!converted) break;
        auto place_row = [&] { return tabular::row_place(converted->number, converted->sheet); };
        bool row_bad = !converted->errors.empty();
        for (Error& e : converted->errors) add_error(std::move(e));
        LedgerRecord& rec = converted->record;
        if (row_bad) continue;
        FAZHI_ASSIGN_OR_RETURN(rec.id, bulk.next_id());
        rec.version = 1;
        rec.created_at = rec.updated_at = now;
        rec.created_by = rec.updated_by = user.login;
        // Once a row is bad nothing more is written, and the later rows' values are checked
        // by query as the old way does (against the rows written before).
        auto checked =
            service.check_record(tx, user, ledger, *orgs, nullptr, rec, nullptr, !trust_unique || error_count > 0);
        if (!checked) {
          Error e = std::move(checked).error();
          // A violation by rows already written, surfacing as this row is checked.
          if (trust_unique && e.code == ErrorCode::kConflict) return e;
          std::vector<Error> parts = e.details.empty() ? std::vector<Error>{e} : e.details;
          for (auto& p : parts) {
            std::string column;
            if (const FieldDeclaration* f = ledger.field(p.field)) column = "，列「" + f->label + "」";
            add_error(Error{p.code == ErrorCode::kForbidden ? ErrorCode::kInvalidInput : p.code,
                            subject,
                            place_row() + column,
                            p.subject.empty() ? p.reason : p.subject + "：" + p.reason,
                            p.field,
                            {}});
          }
          continue;
        }
        if (error_count > 0) continue;  // keep validating, but write nothing more
        FAZHI_TRY(bulk.add(rec));
        ++outcome.rows;
        if (ledger.name == "organizations") {
          // A later row may name this one as its parent.
          FAZHI_ASSIGN_OR_RETURN(auto fresh, OrgDirectory::load(tx.sql()));
          orgs = std::make_shared<const OrgDirectory>(std::move(fresh));
          converter.set_orgs(orgs);
        }
      }
      // Every row written is in the table now: a duplicate among them fails here.
      FAZHI_TRY(bulk.flush());
      if (error_count > 0) {
        Error e = invalid_input(subject, "",
                                fmt::format("有 {} 处错误，未导入任何记录{}", error_count,
                                            error_count > static_cast<std::int64_t>(errors.size())
                                                ? fmt::format("（仅列出前 {} 处）", errors.size())
                                                : ""));
        e.details = std::move(errors);
        return e;
      }
      outcome.last_id = outcome.first_id + outcome.rows - 1;
      if (options.dry_run) return Error{ErrorCode::kConflict, kDryRunMarker, "", "", {}, {}};
      FAZHI_TRY(bulk.finish());
      outcome.rows_digest = bulk.digest_hex();
      return ok();
    });
  };
  auto written = attempt(true);
  if (!written && written.error().code == ErrorCode::kConflict && written.error().subject != kDryRunMarker) {
    FAZHI_ASSIGN_OR_RETURN(reader, open_mapped_reader());
    written = attempt(false);
  }
  if (!written) {
    if (written.error().subject == kDryRunMarker) return outcome;
    return written.error();
  }
  if (ledger.name == "organizations") service.invalidate_orgs();
  return outcome;
}

Result<std::int64_t> export_ledger_file(LedgerService& service, const UserContext& user,
                                        const LedgerDeclaration& ledger, const ListQuery& query,
                                        const std::string& path) {
  std::vector<tabular::Column> columns = {{"编号", tabular::ColumnKind::kNumber},
                                          {"所属单位", tabular::ColumnKind::kText}};
  if (!ledger.states.empty()) columns.push_back({"状态", tabular::ColumnKind::kText});
  for (const auto& f : ledger.fields) {
    tabular::ColumnKind kind = tabular::ColumnKind::kText;
    if (f.type == FieldType::kDate || f.type == FieldType::kDateTime) kind = tabular::ColumnKind::kDate;
    if (f.type == FieldType::kInteger || f.type == FieldType::kDecimal) kind = tabular::ColumnKind::kNumber;
    columns.push_back({f.label, kind});
  }
  columns.push_back({"创建时间", tabular::ColumnKind::kText});
  columns.push_back({"更新时间", tabular::ColumnKind::kText});
  FAZHI_ASSIGN_OR_RETURN(auto writer, tabular::open_table_writer(path, columns));
  std::vector<std::string> cells;
  FAZHI_TRY(service.for_each(user, ledger, query, [&](const LedgerRecord& r) -> Result<void> {
    cells.clear();
    cells.push_back(std::to_string(r.id));
    cells.push_back(r.org_code);
    if (!ledger.states.empty()) {
      const StateDeclaration* s = ledger.state(r.state);
      cells.push_back(s ? s->label : r.state);
    }
    for (size_t i = 0; i < ledger.fields.size(); ++i)
      cells.push_back(field_value_to_text(ledger.fields[i], r.values[i]));
    cells.push_back(r.created_at);
    cells.push_back(r.updated_at);
    return writer->write_row(std::span<const std::string>(cells));
  }));
  std::int64_t rows = writer->rows_written();
  FAZHI_TRY(writer->close());
  return rows;
}

}  // namespace fazhi

// The record builder and batch writer of the demo city.
#include "ledger/demo/demo_model.h"

#include <fmt/format.h>

#include "ledger/user_context.h"

namespace fazhi::demo {

std::int64_t DemoCity::person_at(DemoRandom& rng, size_t org) const {
  auto it = people_by_org.find(org);
  if (it != people_by_org.end() && !it->second.empty()) return people[rng.pick(it->second)].id;
  return people[rng.index(people.size())].id;
}

RecordBuilder::RecordBuilder(const LedgerDeclaration& ledger) : ledger_(ledger) {
  for (size_t i = 0; i < ledger.fields.size(); ++i) index_[ledger.fields[i].name] = static_cast<int>(i);
  reset();
}

void RecordBuilder::reset() {
  record_ = LedgerRecord{};
  record_.values.assign(ledger_.fields.size(), SqlValue(nullptr));
}

int RecordBuilder::index(std::string_view name) const {
  auto it = index_.find(std::string(name));
  return it == index_.end() ? -1 : it->second;
}

void RecordBuilder::set(std::string_view name, SqlValue value) {
  int i = index(name);
  if (i < 0) return;
  // Decimals are stored canonically (no trailing zeros), as import would store them.
  if (ledger_.fields[i].type == FieldType::kDecimal && std::holds_alternative<std::string>(value)) {
    std::string& s = std::get<std::string>(value);
    if (s.find('.') != std::string::npos) {
      while (!s.empty() && s.back() == '0') s.pop_back();
      if (!s.empty() && s.back() == '.') s.pop_back();
    }
  }
  record_.values[i] = std::move(value);
}

bool RecordBuilder::has(std::string_view name) const {
  int i = index(name);
  return i >= 0 && !is_null(record_.values[i]);
}

std::optional<Date> RecordBuilder::date(std::string_view name) const {
  int i = index(name);
  if (i < 0 || is_null(record_.values[i])) return std::nullopt;
  auto d = parse_date(sql_text(record_.values[i]).substr(0, 10));
  if (!d) return std::nullopt;
  return *d;
}

LedgerWriter::LedgerWriter(DemoCity& city, Store& store, const LedgerDeclaration& ledger)
    : city_(city), store_(store), ledger_(ledger), builder_(ledger) {}

Result<void> LedgerWriter::batch(const std::function<Result<void>()>& body) {
  return store_.write(UserContext::system_context().actor(), [&](WriteTransaction& tx) -> Result<void> {
    BulkInserter inserter(tx, ledger_, "demo");
    inserter_ = &inserter;
    auto r = body();
    inserter_ = nullptr;
    if (!r) return r.error();
    return inserter.finish();
  });
}

Result<std::int64_t> LedgerWriter::add(RecordBuilder& builder, size_t owner, std::string state) {
  LedgerRecord& rec = builder.record();
  const DemoOrg& org = city_.orgs[owner];
  rec.org_code = org.code;
  rec.org_path = org.path;
  rec.state = std::move(state);
  // Timestamps from the record's own dates: created on its earliest, last changed on its
  // latest date up to the demo's last day (future dates such as 有效期至 do not count).
  std::optional<Date> lo, hi;
  for (size_t i = 0; i < ledger_.fields.size(); ++i) {
    auto t = ledger_.fields[i].type;
    if ((t != FieldType::kDate && t != FieldType::kDateTime) || is_null(rec.values[i])) continue;
    auto d = parse_date(sql_text(rec.values[i]).substr(0, 10));
    if (!d || *d > last_day()) continue;
    if (!lo || *d < *lo) lo = *d;
    if (!hi || *d > *hi) hi = *d;
  }
  Date created = lo.value_or(first_day());
  Date updated = hi.value_or(created);
  rec.created_at = utc_stamp(created, 9, 0, 0);
  rec.updated_at = updated == created ? rec.created_at : utc_stamp(updated, 17, 0, 0);
  FAZHI_TRY(inserter_->add(rec));
  std::int64_t id = rec.id;
  city_.ids[ledger_.name].push_back(id);
  builder.reset();
  return id;
}

}  // namespace fazhi::demo

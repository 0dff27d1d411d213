// 示例市: the deterministic demo city behind `fazhi init --demo` (VISION.md "The demo city").
// A made-up prefecture-level city (region code 379900; 37 is a real province code, 99 no
// real city) with its government as the root, ~50 departments, ten counties and districts
// (甲区 … 癸县) each with a government, departments and twelve townships, a people's
// mediation committee per township, ~340 enforcement bodies and 13,000 officers, and five
// full years (2021–2025) of records in every ledger. Every name, number and date is
// generated from the seed; no real person or organisation appears. The data stand as of
// 2025-12-31: nothing happens after that day, so cases still open then (some past their
// statutory time limits) are what the to-do lists show whatever today's date is.
//
// Scales (records per year unless said otherwise):
//   small  two counties, a dozen city departments; tens of records per ledger per year,
//          every ledger non-empty and every reachable state present. For tests: seconds.
//   city   the default and VISION.md's scale: 300 reconsideration and 500 litigation cases,
//          50,000 enforcement cases, 15,000 disputes, 1,300 enforcement matters, 13,000
//          officers — except the two high-volume feeds, kept small so that init stays
//          within a few minutes: 60,000 hotline tickets (a tenth of the real 600,000) and
//          85,000 service ratings (a hundredth of 8,500,000). ~1.4 million rows; about
//          100–150 s on SQLite on the shared 2-core machine (42 s of CPU), a ~650 MB file.
//   large  city plus the full feeds: 600,000 hotline tickets and 8,500,000 service ratings
//          a year. For benchmarks only: ~45 million rows, estimated 1–1.5 hours and ~20 GB
//          on SQLite (memory stays flat: batches of at most 250,000 rows).
//
// Same seed and scale, same content: one fixed PRNG (xoshiro256**, seeded by splitmix64;
// never the standard distributions, which differ between library versions), one
// independent stream per ledger, and record timestamps derived from the records' own
// dates, never the wall clock. (Audit entries and password hashes are, as ever, unique.)
// Every row is written through the audited path: organisations and ledgers with
// BulkInserter (one import entry per batch), accounts with create_user.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ledger/ledger_service.h"

namespace fazhi {

enum class DemoScale { kSmall, kCity, kLarge };

struct DemoOptions {
  std::uint64_t seed = 1;
  DemoScale scale = DemoScale::kCity;
};

// One demo account, to print after init: the fixed demo password of its role.
struct DemoLogin {
  std::string login, password, role, org_code, org_name;
};

// "small", "city", "large" (also 小, 市, 大); nullopt for anything else.
std::optional<DemoScale> parse_demo_scale(std::string_view text);
std::string_view demo_scale_name(DemoScale scale);

// Fills an empty, migrated store (ensure_ledger_tables done) with the demo city and returns
// the logins to print. Fails with kConflict when the organisations ledger is not empty, and
// with the store's error when a write fails (each batch rolls back on its own; a failed
// init leaves a partial city, so start again on a fresh database).
Result<std::vector<DemoLogin>> build_demo_city(LedgerService& service, const DemoOptions& options);

}  // namespace fazhi

// Scanning the target directory of a plan once, in pool order: every record is checked
// (统一社会信用代码 check digit, region and industry codes, departments, dates), sorted into
// its stratum, and, unless excluded (inspected within the plan's N months), remembered by a
// locator: its index in the inline pool, or its line's byte offset in the pool file. Only
// locators are kept, so memory grows by 8 bytes per eligible target, whatever the line size.
// A pool file's lines must be in strictly ascending id order (byte order), which proves the
// ids unique without holding them. The file is scanned in 8 MiB groups shared by all cores
// and merged in file order, so errors name the same first bad line a single pass would. Its
// hash must equal the one the plan names: `sm3_chunks` (pool_digest.h) is computed group by
// group by the threads that parse them; a whole-file `sm3` on a thread of its own beside them.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "core/result.h"
#include "draw/draw_plan.h"

namespace fazhi::draw {

// The header line a pool file must start with.
inline constexpr std::string_view kPoolFileHeader =
    "id,name,uscc,region_code,industry_code,credit_risk_class,departments,last_inspected_on,"
    "last_inspectors";

struct StratumPool {
  std::uint64_t in_stratum = 0;         // records whose class belongs to the stratum
  std::uint64_t excluded_recent = 0;    // of those, inspected within the plan's N months
  std::vector<std::uint64_t> eligible;  // locators of the rest, in pool order
};

// Hashes a file on its own thread; the destructor cancels and joins. Not copyable.
class FileHasher {
 public:
  explicit FileHasher(std::string path);
  ~FileHasher();
  FileHasher(const FileHasher&) = delete;
  FileHasher& operator=(const FileHasher&) = delete;
  // Waits for the hash: lower-case hex SM3, or empty when the file could not be read.
  const std::string& wait();

 private:
  std::atomic<bool> cancel_{false};
  std::string result_;
  std::thread thread_;
};

struct PoolScan {
  std::uint64_t total = 0;           // records in the pool
  std::uint64_t outside_strata = 0;  // records whose class no stratum lists
  std::vector<StratumPool> strata;   // parallel to plan.strata
  // A pool file's SM3 still being computed (start_pool_scan only); see confirm_pool_hash.
  std::unique_ptr<FileHasher> pending_hash;
  std::string expected_sm3;
  std::string file_name;
};

// Scans the plan's pool. Fails on the first bad record, naming line (file) or index (inline)
// and the field; on a pool file whose SM3 differs from the plan's; on duplicate ids.
Result<PoolScan> scan_pool(const DrawPlan& plan);

// The same, but returns as soon as the records are parsed, with a whole-file SM3 still being
// computed in `pending_hash`, so that drawing can overlap hashing (a chunked SM3 is already
// checked). The caller must call confirm_pool_hash before using anything derived from the scan.
Result<PoolScan> start_pool_scan(const DrawPlan& plan);
// Waits for a pending pool-file hash and fails unless it equals the plan's; ok when none.
Result<void> confirm_pool_hash(PoolScan& scan);

// How much of each drawn record to read back: all of it (the notice lists names and codes),
// or only what forming teams and checking a result need (id, departments, last inspectors).
enum class TargetDetail { kFull, kForTeams };

// The records at `locators` (from scan_pool of the same plan), in the same order; with
// kForTeams from a pool file, the other fields are left empty.
Result<std::vector<TargetRecord>> fetch_targets(const DrawPlan& plan, std::span<const std::uint64_t> locators,
                                                TargetDetail detail = TargetDetail::kFull);

// Splits a pool-file line (without its newline) into a record; fails naming the problem.
// Fields: kPoolFileHeader; lists separated by ';'; RFC 4180 double quotes allowed.
Result<TargetRecord> parse_pool_line(std::string_view line);

}  // namespace fazhi::draw

#include "draw/target_pool.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <optional>
#include <thread>
#include <unordered_set>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/credit_code.h"
#include "core/sm3.h"
#include "core/sm3_lanes.h"
#include "draw/pool_digest.h"

namespace fazhi::draw {
namespace {

constexpr std::size_t kFieldCount = 9;
enum Field { kId, kName, kUscc, kRegion, kIndustry, kClass, kDepts, kLastOn, kLastBy };

using FieldViews = std::array<std::string_view, kFieldCount>;

struct FieldProblem {
  const char* field;
  std::string reason;
};

enum class Split { kDone, kTooMany, kQuoted };

// Splits a line without quotes at its commas into `out`, counting the fields; stops at the
// first quote (kQuoted) or a tenth field (kTooMany). 16 bytes at a time where SSE2 exists.
Split split_unquoted(std::string_view line, FieldViews& out, std::size_t& fields) {
  const char* p = line.data();
  const std::size_t n = line.size();
  std::size_t field_start = 0;
  fields = 0;
  auto cut = [&](std::size_t at) {
    if (fields >= kFieldCount) return false;
    out[fields++] = std::string_view(p + field_start, at - field_start);
    field_start = at + 1;
    return true;
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"');
  for (; i + 16 <= n; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    if (_mm_movemask_epi8(_mm_cmpeq_epi8(block, quote)) != 0) return Split::kQuoted;
    unsigned commas = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(block, comma)));
    while (commas != 0) {
      if (!cut(i + std::size_t(__builtin_ctz(commas)))) return Split::kTooMany;
      commas &= commas - 1;
    }
  }
#endif
  for (; i < n; ++i) {
    if (p[i] == '"') return Split::kQuoted;
    if (p[i] == ',' && !cut(i)) return Split::kTooMany;
  }
  return cut(n) ? Split::kDone : Split::kTooMany;
}

// Finds the line at `p` (up to the first '\n' within `avail` bytes, else all of them: its
// `length`, and whether a newline ends it) and, like split_unquoted, splits it at its commas
// into `out`, in the same pass, 16 bytes at a time where SSE2 exists. `length` is only set
// when the result is kDone.
Split split_line_at(const char* p, std::size_t avail, FieldViews& out, std::size_t& fields, std::size_t& length,
                    bool& has_newline) {
  std::size_t field_start = 0;
  fields = 0;
  auto cut = [&](std::size_t at) {
    if (fields >= kFieldCount) return false;
    out[fields++] = std::string_view(p + field_start, at - field_start);
    field_start = at + 1;
    return true;
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), quote = _mm_set1_epi8('"'), newline = _mm_set1_epi8('\n');
  for (; i + 16 <= avail; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const unsigned newlines = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(block, newline)));
    const unsigned before = newlines != 0 ? (newlines & (0u - newlines)) - 1 : 0xFFFFu;
    if ((unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(block, quote))) & before) != 0) return Split::kQuoted;
    unsigned commas = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(block, comma))) & before;
    while (commas != 0) {
      if (!cut(i + std::size_t(__builtin_ctz(commas)))) return Split::kTooMany;
      commas &= commas - 1;
    }
    if (newlines != 0) {
      length = i + std::size_t(__builtin_ctz(newlines));
      has_newline = true;
      return cut(length) ? Split::kDone : Split::kTooMany;
    }
  }
#endif
  for (; i < avail && p[i] != '\n'; ++i) {
    if (p[i] == '"') return Split::kQuoted;
    if (p[i] == ',' && !cut(i)) return Split::kTooMany;
  }
  length = i;
  has_newline = i < avail;
  return cut(i) ? Split::kDone : Split::kTooMany;
}

// Splits `line` into the nine fields. Unquoted fields are views into `line`; a line with
// quotes is unescaped into `scratch`, which the views then point into.
std::optional<std::string> split_line(std::string_view line, FieldViews& out,
                                      std::array<std::string, kFieldCount>& scratch) {
  std::size_t fields = 0;
  switch (split_unquoted(line, out, fields)) {
    case Split::kDone:
      if (fields != kFieldCount) return fmt::format("字段应为9个，实际 {} 个", fields);
      return std::nullopt;
    case Split::kTooMany:
      // A quote later in the line: the quoted reading below names the first problem.
      if (std::memchr(line.data(), '"', line.size()) == nullptr) return "字段多于9个";
      break;
    case Split::kQuoted:
      break;
  }
  std::size_t field = 0, i = 0;
  for (auto& s : scratch) s.clear();
  while (true) {
    if (field >= kFieldCount) return "字段多于9个";
    std::string& cell = scratch[field];
    if (i < line.size() && line[i] == '"') {
      ++i;
      while (true) {
        if (i >= line.size()) return "引号未闭合";
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            cell.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell.push_back(line[i++]);
      }
      if (i < line.size() && line[i] != ',') return "引号后应紧跟逗号或行尾";
    } else {
      while (i < line.size() && line[i] != ',') {
        if (line[i] == '"') return "未加引号的字段中出现引号";
        cell.push_back(line[i++]);
      }
    }
    ++field;
    if (i >= line.size()) break;
    ++i;  // the comma
    if (i == line.size()) {
      if (field >= kFieldCount) return "字段多于9个";
      scratch[field++].clear();
      break;
    }
  }
  if (field != kFieldCount) return fmt::format("字段应为9个，实际 {} 个", field);
  for (std::size_t f = 0; f < kFieldCount; ++f) out[f] = scratch[f];
  return std::nullopt;
}

bool all_digits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Whether `code` is a valid 统一社会信用代码 (core/credit_code.h), without allocating on the
// way: length, region digits, then the core's check character. Only a failure goes on to
// validate_credit_code for the clerk's message.
bool is_credit_code(std::string_view code) {
  if (code.size() != 18) return false;
  for (int i = 2; i < 8; ++i) {
    if (code[i] < '0' || code[i] > '9') return false;
  }
  auto check = credit_code_check_character(code.substr(0, 17));
  return check && *check == code[17];
}

// GB/T 4754-2017: an optional section letter A-T, then a division (2 digits), group (3) or
// class (4).
bool is_industry_code(std::string_view s) {
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'T') s.remove_prefix(1);
  return s.size() >= 2 && s.size() <= 4 && all_digits(s);
}

template <typename Fn>
void for_each_item(std::string_view list, Fn&& fn) {
  // Lists are a few short ids: a plain loop, not a library search call per item.
  std::size_t start = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (list[i] == ';') {
      fn(list.substr(start, i - start));
      start = i + 1;
    }
  }
  fn(list.substr(start));
}

// What a scan needs from the plan, prepared once.
struct ScanRules {
  explicit ScanRules(const DrawPlan& plan) : plan(plan) {
    for (std::size_t s = 0; s < plan.strata.size(); ++s) {
      for (const auto& c : plan.strata[s].credit_risk_classes) classes.emplace_back(c, int(s));
    }
    if (plan.inspected_within_months > 0) {
      boundary = subtract_months(plan.as_of, plan.inspected_within_months);
    }
  }

  int stratum_of(std::string_view credit_class) const {
    for (const auto& [c, s] : classes) {
      if (c == credit_class) return s;
    }
    return -1;
  }

  bool known_department(std::string_view id) const {
    for (const auto& d : plan.departments) {
      if (d.id == id) return true;
    }
    return false;
  }

  // The first problem of a record, if any.
  std::optional<FieldProblem> check(const FieldViews& f) const {
    if (f[kId].empty()) return FieldProblem{"id", "编号为空"};
    if (f[kName].empty()) return FieldProblem{"name", "名称为空"};
    if (!is_credit_code(f[kUscc])) {
      auto checked = validate_credit_code(f[kUscc]);
      return FieldProblem{"uscc", checked ? "统一社会信用代码无效" : checked.error().message()};
    }
    if (f[kRegion].size() != 6 || !all_digits(f[kRegion])) {
      return FieldProblem{"region_code", "行政区划代码应为6位数字（GB/T 2260）"};
    }
    if (!is_industry_code(f[kIndustry])) {
      return FieldProblem{"industry_code", "行业代码应为 GB/T 4754 的门类字母（可省）加2至4位数字"};
    }
    if (f[kClass].empty()) return FieldProblem{"credit_risk_class", "信用风险类别为空"};
    if (f[kDepts].empty()) return FieldProblem{"departments", "没有写负责部门"};
    std::optional<FieldProblem> problem;
    for_each_item(f[kDepts], [&](std::string_view d) {
      if (!problem && !known_department(d)) {
        problem = FieldProblem{"departments", fmt::format("部门 {} 不在计划的 departments 中", d)};
      }
    });
    if (problem) return problem;
    if (!f[kLastOn].empty()) {
      if (!is_valid_date(f[kLastOn])) {
        return FieldProblem{"last_inspected_on", "上次检查日期应为有效日期 YYYY-MM-DD"};
      }
      if (f[kLastOn] > std::string_view(plan.as_of)) {
        return FieldProblem{"last_inspected_on", "上次检查日期晚于计划基准日 as_of"};
      }
    }
    return std::nullopt;
  }

  bool recently_inspected(std::string_view last_on) const {
    return !boundary.empty() && !last_on.empty() && last_on > std::string_view(boundary);
  }

  const DrawPlan& plan;
  std::vector<std::pair<std::string, int>> classes;
  std::string boundary;  // inspected strictly after this date: excluded
};

// Sorts one checked record into the scan.
void count_record(const ScanRules& rules, const FieldViews& f, std::uint64_t locator, PoolScan& scan) {
  ++scan.total;
  int s = rules.stratum_of(f[kClass]);
  if (s < 0) {
    ++scan.outside_strata;
    return;
  }
  StratumPool& pool = scan.strata[s];
  ++pool.in_stratum;
  if (rules.recently_inspected(f[kLastOn])) {
    ++pool.excluded_recent;
    return;
  }
  pool.eligible.push_back(locator);
}

TargetRecord to_record(const FieldViews& f) {
  TargetRecord t;
  t.id = f[kId];
  t.name = f[kName];
  t.uscc = f[kUscc];
  t.region_code = f[kRegion];
  t.industry_code = f[kIndustry];
  t.credit_risk_class = f[kClass];
  for_each_item(f[kDepts], [&](std::string_view d) { t.departments.emplace_back(d); });
  t.last_inspected_on = f[kLastOn];
  if (!f[kLastBy].empty()) {
    for_each_item(f[kLastBy], [&](std::string_view d) {
      if (!d.empty()) t.last_inspectors.emplace_back(d);
    });
  }
  return t;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ';';
    out += item;
  }
  return out;
}

Result<PoolScan> scan_inline(const DrawPlan& plan, const ScanRules& rules, PoolScan scan) {
  std::unordered_set<std::string_view> ids;
  for (std::size_t i = 0; i < plan.targets.size(); ++i) {
    const TargetRecord& t = plan.targets[i];
    std::string depts = join(t.departments), by = join(t.last_inspectors);
    FieldViews f = {
        t.id, t.name, t.uscc, t.region_code, t.industry_code, t.credit_risk_class, depts, t.last_inspected_on, by};
    std::string place = fmt::format("targets[{}]（{}）", i, t.id);
    if (auto problem = rules.check(f)) {
      return invalid_input("检查对象名录", place + "." + problem->field, problem->reason);
    }
    if (!ids.insert(t.id).second) return invalid_input("检查对象名录", place, "编号重复");
    count_record(rules, f, i, scan);
  }
  return scan;
}

// Reads `path` and returns its SM3 hex; empty when it cannot be read or `cancel` is set.
std::string sm3_of_file(const std::string& path, const std::atomic<bool>& cancel) {
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return {};
  Sm3 hash;
  std::vector<char> buf(1 << 20);
  for (;;) {
    if (cancel.load(std::memory_order_relaxed)) {
      ::close(fd);
      return {};
    }
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      ::close(fd);
      return {};
    }
    if (n == 0) break;
    hash.update(std::string_view(buf.data(), std::size_t(n)));
  }
  ::close(fd);
  return to_hex(hash.finish());
}

constexpr std::size_t kMaxLine = 1 << 16;
// A pool file is scanned in groups of eight hash pieces (8 MiB): one unit of work for a
// thread, hashed eight lanes at a time when the plan binds the file by sm3_chunks.
constexpr std::size_t kGroupBytes = kSm3Lanes * kPoolChunkBytes;

// What one group of a pool file holds: the lines that start in it, checked and counted.
struct GroupScan {
  std::uint64_t lines = 0;         // lines starting in the group (the header included, in group 0)
  PoolScan counts;                 // total, outside_strata and strata for the group's records
  std::string first_id, last_id;   // of its first and last record; empty when it has none
  std::vector<Sm3Digest> digests;  // its pieces' SM3 (sm3_chunks plans)
  // Its first problem: the line's index among the group's lines, where and why.
  std::optional<std::uint64_t> problem_line;
  std::string problem_field;  // "", or "，uscc" etc. after the line number
  std::string problem_reason;
};

// Reads [offset, offset + size) of `fd` into `buf` (fewer bytes at the end of the file).
bool read_at(int fd, std::uint64_t offset, std::size_t size, std::vector<char>& buf, std::size_t& got) {
  got = 0;
  while (got < size) {
    ssize_t n = ::pread(fd, buf.data() + got, size - got, off_t(offset + got));
    if (n < 0) return false;
    if (n == 0) break;
    got += std::size_t(n);
  }
  return true;
}

class PoolFileScanner {
 public:
  PoolFileScanner(const ScanRules& rules, int fd, std::uint64_t size, bool hash_chunks)
      : rules_(rules),
        fd_(fd),
        size_(size),
        hash_chunks_(hash_chunks),
        groups_((size + kGroupBytes - 1) / kGroupBytes),
        results_(groups_) {}

  // Scans every group on `threads` threads (the caller's among them).
  void run(unsigned threads) {
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads && t < groups_; ++t) helpers.emplace_back([this] { work(); });
    work();
    for (auto& h : helpers) h.join();
  }

  std::vector<GroupScan>& results() { return results_; }
  bool read_failed() const { return read_failed_; }

 private:
  void work() {
    std::vector<char> buf(kGroupBytes + kMaxLine + 2);
    for (;;) {
      const std::uint64_t g = next_.fetch_add(1);
      if (g >= groups_ || g > first_problem_.load()) return;
      if (!scan_group(g, buf)) {
        read_failed_ = true;
        return;
      }
      if (results_[g].problem_line) {
        std::uint64_t seen = first_problem_.load();
        while (g < seen && !first_problem_.compare_exchange_weak(seen, g)) {
        }
      }
    }
  }

  bool scan_group(std::uint64_t g, std::vector<char>& buf) {
    GroupScan& out = results_[g];
    out.counts.strata.resize(rules_.plan.strata.size());
    const std::uint64_t begin = g * kGroupBytes;
    const std::uint64_t end = std::min<std::uint64_t>(begin + kGroupBytes, size_);
    // One byte before the group tells whether a line starts at its first byte; up to
    // kMaxLine + 1 bytes after it finish the line that starts last in it.
    const std::uint64_t read_from = begin == 0 ? 0 : begin - 1;
    const std::uint64_t read_to = std::min<std::uint64_t>(end + kMaxLine + 1, size_);
    std::size_t got = 0;
    if (!read_at(fd_, read_from, std::size_t(read_to - read_from), buf, got)) return false;
    if (got != read_to - read_from) return false;
    const char* base = buf.data() - read_from;  // base + file offset = the byte
    if (hash_chunks_) append_chunk_digests(std::string_view(base + begin, end - begin), out.digests);

    std::uint64_t pos = begin;
    if (begin > 0) {
      const void* nl = std::memchr(base + read_from, '\n', std::size_t(read_to - read_from));
      if (nl == nullptr) return true;  // a line longer than kMaxLine: its own group reports it
      pos = std::uint64_t(static_cast<const char*>(nl) - base) + 1;
    }
    FieldViews f;
    std::array<std::string, kFieldCount> scratch;
    std::string_view previous_id;
    std::string held_id;
    auto fail = [&](std::string field, std::string reason) {
      out.problem_line = out.lines - 1;
      out.problem_field = std::move(field);
      out.problem_reason = std::move(reason);
      return true;
    };
    while (pos < end) {
      const char* start = base + pos;
      const std::size_t avail = std::size_t(read_to - pos);
      const std::uint64_t offset = pos;
      ++out.lines;
      // The common line, unquoted with nine fields, is found and split in one pass; any
      // other goes the long way, for the header, quotes or the exact message.
      std::size_t fields = 0, length = 0;
      bool has_newline = false;
      const bool quick = offset != 0 && split_line_at(start, avail, f, fields, length, has_newline) == Split::kDone &&
                         fields == kFieldCount;
      if (!quick) {
        const char* nl = static_cast<const char*>(std::memchr(start, '\n', avail));
        length = nl ? std::size_t(nl - start) : avail;
        has_newline = nl != nullptr;
      }
      if (length > kMaxLine || (!has_newline && read_to < size_)) {
        return fail("", "行过长（超过 64 KiB）");
      }
      pos += length + 1;
      if (quick) {
        std::string_view& last = f[kFieldCount - 1];
        if (!last.empty() && last.back() == '\r') last.remove_suffix(1);
      } else {
        std::string_view line(start, length);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (offset == 0) {
          if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
          if (line != kPoolFileHeader) return fail("", fmt::format("表头应为 {}", kPoolFileHeader));
          continue;
        }
        if (auto problem = split_line(line, f, scratch)) return fail("", *problem);
      }
      if (auto problem = rules_.check(f)) {
        return fail(std::string("，") + problem->field, std::move(problem->reason));
      }
      if (!previous_id.empty() && !(f[kId] > previous_id)) {
        return fail("", fmt::format("编号 {} 不大于上一行的 {}：名录文件须按编号严格升序（LC_ALL=C "
                                    "sort），编号不得重复",
                                    f[kId], previous_id));
      }
      if (out.first_id.empty()) out.first_id.assign(f[kId]);
      if (f[kId].data() >= start && f[kId].data() < start + length) {
        previous_id = f[kId];
      } else {  // a quoted id lives in `scratch`, which the next line overwrites
        held_id.assign(f[kId]);
        previous_id = held_id;
      }
      count_record(rules_, f, offset, out.counts);
    }
    out.last_id.assign(previous_id);
    return true;
  }

  const ScanRules& rules_;
  const int fd_;
  const std::uint64_t size_;
  const bool hash_chunks_;
  const std::uint64_t groups_;
  std::vector<GroupScan> results_;
  std::atomic<std::uint64_t> next_{0};
  std::atomic<std::uint64_t> first_problem_{UINT64_MAX};
  std::atomic<bool> read_failed_{false};
};

Result<PoolScan> scan_file(const DrawPlan& plan, const ScanRules& rules, PoolScan scan) {
  const TargetPoolFile& file = *plan.targets_file;
  const std::string subject = "检查对象名录文件 " + file.name;
  const std::string path = file.path.string();
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return not_found(subject, "文件不存在或无法读取（应与计划文件在同一文件夹）");
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return unavailable(subject, "读取失败");
  if (st.st_size == 0) return invalid_input(subject, "第 1 行", "文件为空，缺少表头");
  const bool chunked = file.hash == TargetPoolFile::Hash::kChunks;
  scan.expected_sm3 = file.sm3;
  scan.file_name = file.name;
  // A whole-file SM3 is one stream: it runs on its own thread beside the parse.
  if (!chunked) scan.pending_hash = std::make_unique<FileHasher>(path);

  PoolFileScanner scanner(rules, fd, std::uint64_t(st.st_size), chunked);
  scanner.run(std::max(1u, std::min(std::thread::hardware_concurrency(), 8u)));
  if (scanner.read_failed()) return unavailable(subject, "读取失败");

  // Merged in file order; the first problem in file order is the one reported.
  std::uint64_t line_no = 0;
  std::string previous_id;
  std::vector<Sm3Digest> digests;
  std::vector<GroupScan>& groups = scanner.results();
  for (GroupScan& g : groups) {
    const std::uint64_t first_record = line_no + (line_no == 0 ? 2 : 1);
    const bool first_line_bad = g.problem_line && line_no + *g.problem_line + 1 == first_record;
    if (!first_line_bad && !g.first_id.empty() && !previous_id.empty() && !(g.first_id > previous_id)) {
      return invalid_input(
          subject, fmt::format("第 {} 行", first_record),
          fmt::format("编号 {} 不大于上一行的 {}：名录文件须按编号严格升序（LC_ALL=C sort），编号不得重复", g.first_id,
                      previous_id));
    }
    if (g.problem_line) {
      return invalid_input(subject, fmt::format("第 {} 行{}", line_no + *g.problem_line + 1, g.problem_field),
                           g.problem_reason);
    }
    line_no += g.lines;
    if (!g.last_id.empty()) previous_id = std::move(g.last_id);
    scan.total += g.counts.total;
    scan.outside_strata += g.counts.outside_strata;
    for (std::size_t s = 0; s < scan.strata.size(); ++s) {
      scan.strata[s].in_stratum += g.counts.strata[s].in_stratum;
      scan.strata[s].excluded_recent += g.counts.strata[s].excluded_recent;
    }
    digests.insert(digests.end(), g.digests.begin(), g.digests.end());
  }
  for (std::size_t s = 0; s < scan.strata.size(); ++s) {
    std::uint64_t eligible = 0;
    for (const GroupScan& g : groups) eligible += g.counts.strata[s].eligible.size();
    auto& all = scan.strata[s].eligible;
    all.reserve(eligible);
    for (GroupScan& g : groups) {
      auto& part = g.counts.strata[s].eligible;
      all.insert(all.end(), part.begin(), part.end());
      std::vector<std::uint64_t>().swap(part);
    }
  }
  if (chunked) {
    std::string actual = pool_digest_from_chunks(digests);
    if (actual != file.sm3) {
      return invalid_input(subject, "sm3_chunks",
                           fmt::format("文件的分块 SM3 为 {}，与计划所载 {} 不符：名录文件被改动过或不是这份计划的名录",
                                       actual, file.sm3));
    }
  }
  return scan;
}

}  // namespace

Result<TargetRecord> parse_pool_line(std::string_view line) {
  FieldViews f;
  std::array<std::string, kFieldCount> scratch;
  if (auto problem = split_line(line, f, scratch)) {
    return invalid_input("检查对象名录行", "", *problem);
  }
  return to_record(f);
}

FileHasher::FileHasher(std::string path)
    : thread_([this, path = std::move(path)] { result_ = sm3_of_file(path, cancel_); }) {}

FileHasher::~FileHasher() {
  cancel_ = true;
  if (thread_.joinable()) thread_.join();
}

const std::string& FileHasher::wait() {
  if (thread_.joinable()) thread_.join();
  return result_;
}

Result<void> confirm_pool_hash(PoolScan& scan) {
  if (!scan.pending_hash) return ok();
  std::string actual = scan.pending_hash->wait();
  scan.pending_hash.reset();
  const std::string subject = "检查对象名录文件 " + scan.file_name;
  if (actual.empty()) return unavailable(subject, "计算 SM3 时读取失败");
  if (actual != scan.expected_sm3) {
    return invalid_input(subject, "SM3",
                         fmt::format("文件的 SM3 为 {}，与计划所载 {} 不符：名录文件被改动过或不是这份计划的名录",
                                     actual, scan.expected_sm3));
  }
  return ok();
}

Result<PoolScan> scan_pool(const DrawPlan& plan) {
  FAZHI_ASSIGN_OR_RETURN(PoolScan scan, start_pool_scan(plan));
  FAZHI_TRY(confirm_pool_hash(scan));
  return scan;
}

Result<PoolScan> start_pool_scan(const DrawPlan& plan) {
  ScanRules rules(plan);
  PoolScan scan;
  scan.strata.resize(plan.strata.size());
  if (plan.targets_file) return scan_file(plan, rules, std::move(scan));
  return scan_inline(plan, rules, std::move(scan));
}

namespace {

// Parses the lines at `locators[order[i]]` for i in [begin, end) (ascending offsets) into
// `out[order[i]]`, reading through a sliding read-only mapping of at most kWindow bytes,
// unmapped as it moves on: the pages touched are shared with the page cache and never held
// all at once, so memory stays flat however large the pool. Returns a reason on failure.
std::optional<std::string> fetch_range(int fd, std::uint64_t file_size, std::span<const std::uint64_t> locators,
                                       std::span<const std::uint32_t> order, TargetDetail detail,
                                       std::vector<TargetRecord>& out) {
  constexpr std::uint64_t kWindow = 64ull << 20;
  const std::uint64_t page = std::uint64_t(::sysconf(_SC_PAGESIZE));
  const char* map = nullptr;
  std::uint64_t map_start = 0, map_len = 0;
  auto unmap = [&] {
    if (map != nullptr) ::munmap(const_cast<char*>(map), map_len);
    map = nullptr;
  };
  FieldViews f;
  std::array<std::string, kFieldCount> scratch;
  for (std::uint32_t i : order) {
    const std::uint64_t offset = locators[i];
    if (offset >= file_size) {
      unmap();
      return "抽中的行超出文件末尾：文件在抽取过程中被改动";
    }
    // A line is at most kMaxLine bytes, so the window holds it whole when it starts early enough.
    if (map == nullptr || offset < map_start || offset + kMaxLine + 2 > map_start + map_len) {
      unmap();
      map_start = offset / page * page;
      map_len = std::min<std::uint64_t>(kWindow, file_size - map_start);
      void* m = ::mmap(nullptr, map_len, PROT_READ, MAP_SHARED, fd, off_t(map_start));
      if (m == MAP_FAILED) return "无法映射文件读取";
      map = static_cast<const char*>(m);
    }
    const char* begin = map + (offset - map_start);
    const std::size_t avail = std::size_t(map_start + map_len - offset);
    const char* nl = static_cast<const char*>(std::memchr(begin, '\n', avail));
    std::string_view line(begin, nl ? std::size_t(nl - begin) : avail);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (split_line(line, f, scratch)) {
      unmap();
      return "抽中的行无法再次读出：文件在抽取过程中被改动";
    }
    if (detail == TargetDetail::kFull) {
      out[i] = to_record(f);
    } else {
      TargetRecord& t = out[i];
      t.id = f[kId];
      for_each_item(f[kDepts], [&](std::string_view d) { t.departments.emplace_back(d); });
      if (!f[kLastBy].empty()) {
        for_each_item(f[kLastBy], [&](std::string_view d) {
          if (!d.empty()) t.last_inspectors.emplace_back(d);
        });
      }
    }
  }
  unmap();
  return std::nullopt;
}

}  // namespace

Result<std::vector<TargetRecord>> fetch_targets(const DrawPlan& plan, std::span<const std::uint64_t> locators,
                                                TargetDetail detail) {
  std::vector<TargetRecord> out;
  if (!plan.targets_file) {
    out.reserve(locators.size());
    for (std::uint64_t i : locators) out.push_back(plan.targets.at(i));
    return out;
  }
  const std::string subject = "检查对象名录文件 " + plan.targets_file->name;
  int fd = ::open(plan.targets_file->path.c_str(), O_RDONLY);
  if (fd < 0) return not_found(subject, "文件不存在或无法读取");
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return unavailable(subject, "读取失败");
  const std::uint64_t file_size = std::uint64_t(st.st_size);
  // Lines are read in file order, the two halves of it on two threads.
  std::vector<std::uint32_t> order(locators.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return locators[a] < locators[b]; });
  out.resize(locators.size());
  const std::span<const std::uint32_t> all(order);
  const std::size_t half = order.size() < 4096 ? order.size() : order.size() / 2;
  std::optional<std::string> second_problem;
  std::thread second;
  if (half < order.size()) {
    second =
        std::thread([&] { second_problem = fetch_range(fd, file_size, locators, all.subspan(half), detail, out); });
  }
  std::optional<std::string> problem = fetch_range(fd, file_size, locators, all.first(half), detail, out);
  if (second.joinable()) second.join();
  if (!problem) problem = std::move(second_problem);
  if (problem) return internal_error(subject, *problem);
  return out;
}

}  // namespace fazhi::draw

#include "draw/target_pool.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <optional>
#include <cstring>
#include <thread>
#include <unordered_set>

#include "core/credit_code.h"
#include "core/sm3.h"

namespace fazhi::draw {
namespace {

constexpr std::size_t kFieldCount = 9;
enum Field { kId, kName, kUscc, kRegion, kIndustry, kClass, kDepts, kLastOn, kLastBy };

using FieldViews = std::array<std::string_view, kFieldCount>;

struct FieldProblem {
  const char* field;
  std::string reason;
};

// Splits `line` into the nine fields. Unquoted fields are views into `line`; a line with
// quotes is unescaped into `scratch`, which the views then point into.
std::optional<std::string> split_line(std::string_view line, FieldViews& out,
                                      std::array<std::string, kFieldCount>& scratch) {
  if (std::memchr(line.data(), '"', line.size()) == nullptr) {
    std::size_t field = 0;
    const char* p = line.data();
    const char* end = p + line.size();
    for (;;) {
      const char* comma = static_cast<const char*>(std::memchr(p, ',', std::size_t(end - p)));
      const char* stop = comma ? comma : end;
      if (field >= kFieldCount) return "字段多于9个";
      out[field++] = std::string_view(p, std::size_t(stop - p));
      if (!comma) break;
      p = comma + 1;
    }
    if (field != kFieldCount) return fmt::format("字段应为9个，实际 {} 个", field);
    return std::nullopt;
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
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t end = list.find(';', start);
    if (end == std::string_view::npos) end = list.size();
    fn(list.substr(start, end - start));
    start = end + 1;
  }
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
void count_record(const ScanRules& rules, const FieldViews& f, std::uint64_t locator,
                  PoolScan& scan) {
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
    FieldViews f = {t.id, t.name, t.uscc, t.region_code, t.industry_code, t.credit_risk_class,
                    depts, t.last_inspected_on, by};
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

constexpr std::size_t kChunk = 8 << 20;
constexpr std::size_t kMaxLine = 1 << 16;

Result<PoolScan> scan_file(const DrawPlan& plan, const ScanRules& rules, PoolScan scan) {
  const TargetPoolFile& file = *plan.targets_file;
  const std::string subject = "检查对象名录文件 " + file.name;
  const std::string path = file.path.string();
  int fd = ::open(path.c_str(), O_RDONLY);
  if (fd < 0) return not_found(subject, "文件不存在或无法读取（应与计划文件在同一文件夹）");
  // The hash runs beside the parse on its own descriptor; both read through the page cache.
  scan.pending_hash = std::make_unique<FileHasher>(path);
  scan.expected_sm3 = file.sm3;
  scan.file_name = file.name;
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};

  std::vector<char> buf(kChunk + kMaxLine);
  std::size_t held = 0;          // bytes of an unfinished line at buf[0..held)
  std::uint64_t held_offset = 0;  // file offset of buf[0]
  std::uint64_t line_no = 0;
  std::string previous_id;
  FieldViews f;
  std::array<std::string, kFieldCount> scratch;
  bool eof = false;
  while (!eof) {
    ssize_t n = ::read(fd, buf.data() + held, kChunk);
    if (n < 0) return unavailable(subject, "读取失败");
    if (n == 0) eof = true;
    std::size_t end = held + std::size_t(n);
    std::size_t start = 0;
    while (start < end) {
      const char* nl = static_cast<const char*>(std::memchr(buf.data() + start, '\n', end - start));
      if (nl == nullptr && !eof) break;
      std::size_t stop = nl ? std::size_t(nl - buf.data()) : end;
      std::string_view line(buf.data() + start, stop - start);
      std::uint64_t offset = held_offset + start;
      start = stop + 1;
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (line_no == 1) {
        if (line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
        if (line != kPoolFileHeader) {
          return invalid_input(subject, "第 1 行", fmt::format("表头应为 {}", kPoolFileHeader));
        }
        continue;
      }
      std::string place = "";
      if (auto problem = split_line(line, f, scratch)) {
        return invalid_input(subject, fmt::format("第 {} 行", line_no), *problem);
      }
      if (auto problem = rules.check(f)) {
        return invalid_input(subject, fmt::format("第 {} 行，{}", line_no, problem->field),
                             problem->reason);
      }
      if (line_no > 2 && !(f[kId] > std::string_view(previous_id))) {
        return invalid_input(subject, fmt::format("第 {} 行", line_no),
                             fmt::format("编号 {} 不大于上一行的 {}：名录文件须按编号严格升序（LC_ALL=C sort），编号不得重复",
                                         f[kId], previous_id));
      }
      previous_id.assign(f[kId]);
      count_record(rules, f, offset, scan);
    }
    if (start > end) start = end;
    held = end - start;
    if (held > kMaxLine) {
      return invalid_input(subject, fmt::format("第 {} 行", line_no + 1), "行过长（超过 64 KiB）");
    }
    std::memmove(buf.data(), buf.data() + start, held);
    held_offset += start;
  }
  if (line_no == 0) return invalid_input(subject, "第 1 行", "文件为空，缺少表头");
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

Result<std::vector<TargetRecord>> fetch_targets(const DrawPlan& plan,
                                                std::span<const std::uint64_t> locators) {
  std::vector<TargetRecord> out;
  if (!plan.targets_file) {
    out.reserve(locators.size());
    for (std::uint64_t i : locators) out.push_back(plan.targets.at(i));
    return out;
  }
  const std::string subject = "检查对象名录文件 " + plan.targets_file->name;
  int fd = ::open(plan.targets_file->path.c_str(), O_RDONLY);
  if (fd < 0) return not_found(subject, "文件不存在或无法读取");
  struct stat st {};
  ::fstat(fd, &st);
  const std::uint64_t file_size = std::uint64_t(st.st_size);
  // Lines are read in file order through a sliding read-only mapping of at most kWindow
  // bytes, unmapped as it moves on: the pages touched are shared with the page cache and
  // never held all at once, so memory stays flat however large the pool.
  std::vector<std::uint32_t> order(locators.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return locators[a] < locators[b]; });
  std::vector<std::optional<TargetRecord>> slots(locators.size());
  constexpr std::uint64_t kWindow = 64ull << 20;
  const std::uint64_t page = std::uint64_t(::sysconf(_SC_PAGESIZE));
  const char* map = nullptr;
  std::uint64_t map_start = 0, map_len = 0;
  auto unmap = [&] {
    if (map != nullptr) ::munmap(const_cast<char*>(map), map_len);
    map = nullptr;
  };
  for (std::uint32_t i : order) {
    const std::uint64_t offset = locators[i];
    if (offset >= file_size) {
      unmap();
      ::close(fd);
      return internal_error(subject, "抽中的行超出文件末尾：文件在抽取过程中被改动");
    }
    // A line is at most kMaxLine bytes, so the window holds it whole when it starts early enough.
    if (map == nullptr || offset < map_start || offset + kMaxLine + 2 > map_start + map_len) {
      unmap();
      map_start = offset / page * page;
      map_len = std::min<std::uint64_t>(kWindow, file_size - map_start);
      void* m = ::mmap(nullptr, map_len, PROT_READ, MAP_SHARED, fd, off_t(map_start));
      if (m == MAP_FAILED) {
        ::close(fd);
        return unavailable(subject, "无法映射文件读取");
      }
      map = static_cast<const char*>(m);
    }
    const char* begin = map + (offset - map_start);
    const std::size_t avail = std::size_t(map_start + map_len - offset);
    const char* nl = static_cast<const char*>(std::memchr(begin, '\n', avail));
    std::string_view line(begin, nl ? std::size_t(nl - begin) : avail);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto record = parse_pool_line(line);
    if (!record) {
      unmap();
      ::close(fd);
      return internal_error(subject, "抽中的行无法再次读出：文件在抽取过程中被改动");
    }
    slots[i] = std::move(record).value();
  }
  unmap();
  ::close(fd);
  out.reserve(slots.size());
  for (auto& slot : slots) out.push_back(std::move(*slot));
  return out;
}

}  // namespace fazhi::draw

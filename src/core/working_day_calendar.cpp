#include "core/working_day_calendar.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

namespace fazhi {
namespace {

constexpr std::string_view kTableSubject = "节假日表";

struct Row {
  int line = 0;
  std::string kind;
  Date first;
  Date last;
  std::string name;
};

Error row_error(int line, std::string reason) {
  return invalid_input(std::string(kTableSubject), fmt::format("第{}行", line), std::move(reason));
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  while (true) {
    const auto tab = line.find('\t');
    fields.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) break;
    line.remove_prefix(tab + 1);
  }
  return fields;
}

// The table's rows without comments and blank lines.
Result<std::vector<Row>> read_rows(std::string_view table) {
  std::vector<Row> rows;
  int line_number = 0;
  while (!table.empty()) {
    const auto newline = table.find('\n');
    std::string_view line = table.substr(0, newline);
    table.remove_prefix(newline == std::string_view::npos ? table.size() : newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;
    const auto fields = split_tabs(line);
    if (fields.size() != 5) {
      return row_error(line_number, fmt::format("应有5列（kind、first、last、name、notice，以制表符分隔），实际为{}列",
                                                fields.size()));
    }
    Row row;
    row.line = line_number;
    row.kind = std::string(fields[0]);
    if (row.kind != "year" && row.kind != "off" && row.kind != "work") {
      return row_error(line_number, fmt::format("类别应为year、off或work，实际为“{}”", row.kind));
    }
    Result<Date> first = parse_date(fields[1]);
    if (!first) return row_error(line_number, "first列：" + first.error().message());
    Result<Date> last = parse_date(fields[2]);
    if (!last) return row_error(line_number, "last列：" + last.error().message());
    row.first = *first;
    row.last = *last;
    if (row.last < row.first) return row_error(line_number, "last早于first");
    row.name = std::string(fields[3]);
    if (row.name.empty()) return row_error(line_number, "缺少名称");
    if (fields[4].empty()) return row_error(line_number, "缺少所依据的通知文号");
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

std::string_view day_kind_label(DayKind kind) {
  switch (kind) {
    case DayKind::kWorkday:
      return "工作日";
    case DayKind::kWeekend:
      return "休息日";
    case DayKind::kHoliday:
      return "法定节假日";
    case DayKind::kAdjustedWorkday:
      return "调休上班日";
  }
  return "";
}

Result<WorkingDayCalendar> WorkingDayCalendar::parse(std::string_view table) {
  FAZHI_ASSIGN_OR_RETURN(std::vector<Row> rows, read_rows(table));

  // The covered years first: they bound everything else.
  std::set<int> years;
  for (const Row& row : rows) {
    if (row.kind != "year") continue;
    const int y = row.first.year();
    if (row.first != Date::from_ymd(y, 1, 1).value() || row.last != Date::from_ymd(y, 12, 31).value()) {
      return row_error(row.line, "year行的first、last应为同一年的1月1日和12月31日");
    }
    if (!years.insert(y).second) return row_error(row.line, fmt::format("{}年重复出现", y));
  }
  if (years.empty()) return invalid_input(std::string(kTableSubject), "", "没有year行，不覆盖任何年份");
  for (int y = *years.begin(); y <= *years.rbegin(); ++y) {
    if (!years.count(y)) {
      return invalid_input(std::string(kTableSubject), "", fmt::format("缺少{}年（覆盖的年份须连续）", y));
    }
  }

  WorkingDayCalendar calendar;
  calendar.first_day_ = Date::from_ymd(*years.begin(), 1, 1).value();
  calendar.last_day_ = Date::from_ymd(*years.rbegin(), 12, 31).value();
  const auto day_count = static_cast<std::size_t>(days_between(calendar.first_day_, calendar.last_day_) + 1);
  calendar.kinds_.resize(day_count);
  calendar.name_ids_.assign(day_count, 0);
  calendar.names_.push_back("");
  for (std::size_t i = 0; i < day_count; ++i) {
    calendar.kinds_[i] =
        calendar.first_day_.add_days(static_cast<std::int64_t>(i)).is_weekend() ? DayKind::kWeekend : DayKind::kWorkday;
  }

  std::map<std::string, std::uint16_t> name_ids;
  std::vector<int> set_by_line(day_count, 0);  // which row last set a day, for messages
  for (const Row& row : rows) {
    if (row.kind == "year") continue;
    if (!calendar.covers(row.first) || !calendar.covers(row.last)) {
      return row_error(
          row.line, fmt::format("日期不在表所覆盖的{}至{}年内", calendar.first_day_.year(), calendar.last_day_.year()));
    }
    auto [it, inserted] = name_ids.emplace(row.name, static_cast<std::uint16_t>(calendar.names_.size()));
    if (inserted) calendar.names_.push_back(row.name);
    for (Date d = row.first; d <= row.last; d = d.add_days(1)) {
      const std::size_t i = calendar.index_of(d);
      if (set_by_line[i] != 0) {
        return row_error(row.line, fmt::format("{}已由第{}行规定，不能重复规定", d.iso(), set_by_line[i]));
      }
      if (row.kind == "work") {
        if (!d.is_weekend()) {
          return row_error(row.line,
                           fmt::format("调休上班日{}是{}，应为星期六或星期日", d.iso(), weekday_label(d.weekday())));
        }
        calendar.kinds_[i] = DayKind::kAdjustedWorkday;
      } else {
        calendar.kinds_[i] = DayKind::kHoliday;
      }
      calendar.name_ids_[i] = it->second;
      set_by_line[i] = row.line;
    }
  }

  calendar.working_before_.resize(day_count + 1);
  calendar.working_before_[0] = 0;
  for (std::size_t i = 0; i < day_count; ++i) {
    const bool working = calendar.kinds_[i] == DayKind::kWorkday || calendar.kinds_[i] == DayKind::kAdjustedWorkday;
    calendar.working_before_[i + 1] = calendar.working_before_[i] + (working ? 1 : 0);
  }
  return calendar;
}

std::size_t WorkingDayCalendar::index_of(Date date) const {
  return static_cast<std::size_t>(days_between(first_day_, date));
}

Error WorkingDayCalendar::not_covered(Date date) const {
  return not_covered_year(date.year(), fmt::format("日期{}", date.iso()));
}

Error WorkingDayCalendar::not_covered_year(int year, std::string subject) const {
  const std::string covered = fmt::format("节假日表只收录{}至{}年，无法按工作日或法定节假日计算{}年的日期；",
                                          first_day_.year(), last_day_.year(), year);
  const std::string remedy = year > last_day_.year()
                                 ? fmt::format("{}年的放假安排尚未收录，请待国务院办公厅公布后更新节假日表", year)
                                 : fmt::format("如需计算，请先在节假日表中补录{}年的放假安排", year);
  return invalid_input(std::move(subject), "", covered + remedy);
}

Result<Date> WorkingDayCalendar::covered_day_after(Date start, std::int64_t n) const {
  const std::int64_t target = start.days_since_epoch() + n;
  if (target > last_day_.days_since_epoch()) {
    // Past 9999 there is no Date to name; the first uncovered year says enough.
    const int year = target <= Date::from_ymd(9999, 12, 31).value().days_since_epoch()
                         ? Date::from_days_since_epoch(target).year()
                         : last_day_.year() + 1;
    return not_covered_year(year, fmt::format("{}之后{}日", start.iso(), n));
  }
  const Date day = Date::from_days_since_epoch(target);
  if (!covers(day)) return not_covered(day);
  return day;
}

Result<DayKind> WorkingDayCalendar::day_kind(Date date) const {
  if (!covers(date)) return not_covered(date);
  return kinds_[index_of(date)];
}

Result<bool> WorkingDayCalendar::is_working_day(Date date) const {
  FAZHI_ASSIGN_OR_RETURN(DayKind kind, day_kind(date));
  return kind == DayKind::kWorkday || kind == DayKind::kAdjustedWorkday;
}

std::string_view WorkingDayCalendar::holiday_name(Date date) const {
  if (!covers(date)) return {};
  return names_[name_ids_[index_of(date)]];
}

Result<Date> WorkingDayCalendar::add_working_days(Date start, int n) const {
  if (n == 0) {
    return invalid_input("工作日数", "", "期间应至少为1个工作日（起算日不计入）");
  }
  const int step = n > 0 ? 1 : -1;
  int counted = 0;
  Date day = start;
  while (counted != n) {
    day = day.add_days(step);
    FAZHI_ASSIGN_OR_RETURN(bool working, is_working_day(day));
    if (working) counted += step;
  }
  return day;
}

Result<int> WorkingDayCalendar::working_days_between(Date a, Date b) const {
  if (a == b) return 0;
  if (a < b) {
    const Date from = a.add_days(1);
    if (!covers(from)) return not_covered(from);
    if (!covers(b)) return not_covered(b);
    return working_before_[index_of(b) + 1] - working_before_[index_of(from)];
  }
  const Date until = a.add_days(-1);
  if (!covers(b)) return not_covered(b);
  if (!covers(until)) return not_covered(until);
  return -(working_before_[index_of(until) + 1] - working_before_[index_of(b)]);
}

Result<Date> WorkingDayCalendar::next_working_day_from(Date date) const {
  for (Date day = date;; day = day.add_days(1)) {
    FAZHI_ASSIGN_OR_RETURN(bool working, is_working_day(day));
    if (working) return day;
  }
}

Result<Date> WorkingDayCalendar::calendar_deadline(Date start, int n) const {
  if (n < 1) return invalid_input("期间天数", "", fmt::format("期间应至少为1日，实际为{}", n));
  FAZHI_ASSIGN_OR_RETURN(Date last, covered_day_after(start, n));
  return next_working_day_from(last);
}

Result<Date> WorkingDayCalendar::month_deadline(Date start, int months) const {
  if (months < 1) return invalid_input("期间月数", "", fmt::format("期间应至少为1个月，实际为{}", months));
  // Months beyond the table are refused before add_months could leave the years of Date.
  const std::int64_t month_index = std::int64_t{start.year()} * 12 + start.month() - 1 + months;
  if (month_index / 12 > last_day_.year()) {
    return not_covered_year(static_cast<int>(std::min<std::int64_t>(month_index / 12, 9999)),
                            fmt::format("{}之后{}个月", start.iso(), months));
  }
  return next_working_day_from(add_months(start, months));
}

const WorkingDayCalendar& default_calendar() {
  static const WorkingDayCalendar calendar = [] {
    Result<WorkingDayCalendar> parsed = WorkingDayCalendar::parse(embedded_holiday_table());
    if (!parsed) {
      // The table is compiled in and covered by tests: failing here is a build defect.
      std::fprintf(stderr, "fazhi: 内置节假日表有误: %s\n", parsed.error().full_message().c_str());
      std::abort();
    }
    return std::move(parsed).value();
  }();
  return calendar;
}

}  // namespace fazhi

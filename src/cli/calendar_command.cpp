// `fazhi calendar`: inspect the working-day calendar (core/holidays.tsv, 2020–2026).
//   fazhi calendar add-workdays DATE N        the N-th working day after DATE (ISO)
//   fazhi calendar is-workday DATE            yes | no
//   fazhi calendar deadline DATE N --calendar-days | --working-days | --months
//                                             the last day of a period after the event on DATE
//   fazhi calendar workdays-between A B       working days in (A, B]
//   fazhi calendar day DATE                   "2024-10-12 星期六 调休上班日 国庆节"
// Dates are ISO (YYYY-MM-DD). Errors go through report_error (exit 2 for bad input or a date
// outside the covered years).
#include <iostream>
#include <memory>
#include <string>

#include "cli/command_registry.h"
#include "core/date.h"
#include "core/working_day_calendar.h"

namespace fazhi::cli {
namespace {

struct CalendarOptions {
  std::string date;
  std::string other_date;
  int n = 0;
  bool calendar_days = false;
  bool working_days = false;
  bool months = false;
};

// Runs `body` (returning a Result of printable text), printing it or reporting its error.
template <typename Body>
void run(CommandStatus& status, Body body) {
  Result<std::string> out = body();
  if (!out) {
    status.exit_code = report_error(out.error());
    return;
  }
  std::cout << *out << '\n';
  status.exit_code = 0;
}

Result<std::string> add_workdays(const CalendarOptions& o) {
  FAZHI_ASSIGN_OR_RETURN(Date start, parse_date(o.date));
  FAZHI_ASSIGN_OR_RETURN(Date end, default_calendar().add_working_days(start, o.n));
  return end.iso();
}

Result<std::string> is_workday(const CalendarOptions& o) {
  FAZHI_ASSIGN_OR_RETURN(Date date, parse_date(o.date));
  FAZHI_ASSIGN_OR_RETURN(bool working, default_calendar().is_working_day(date));
  return std::string(working ? "yes" : "no");
}

Result<std::string> deadline(const CalendarOptions& o) {
  const int kinds = int{o.calendar_days} + int{o.working_days} + int{o.months};
  if (kinds != 1) {
    return invalid_input("calendar deadline", "", "请指定且只指定一种期间：--calendar-days、--working-days或--months");
  }
  FAZHI_ASSIGN_OR_RETURN(Date start, parse_date(o.date));
  const WorkingDayCalendar& calendar = default_calendar();
  Result<Date> end = o.calendar_days ? calendar.calendar_deadline(start, o.n)
                     : o.months      ? calendar.month_deadline(start, o.n)
                                     : calendar.add_working_days(start, o.n);
  if (!end) return end.error();
  return end->iso();
}

Result<std::string> workdays_between(const CalendarOptions& o) {
  FAZHI_ASSIGN_OR_RETURN(Date a, parse_date(o.date));
  FAZHI_ASSIGN_OR_RETURN(Date b, parse_date(o.other_date));
  FAZHI_ASSIGN_OR_RETURN(int n, default_calendar().working_days_between(a, b));
  return std::to_string(n);
}

Result<std::string> describe_day(const CalendarOptions& o) {
  FAZHI_ASSIGN_OR_RETURN(Date date, parse_date(o.date));
  const WorkingDayCalendar& calendar = default_calendar();
  FAZHI_ASSIGN_OR_RETURN(DayKind kind, calendar.day_kind(date));
  std::string out =
      date.iso() + " " + std::string(weekday_label(date.weekday())) + " " + std::string(day_kind_label(kind));
  if (!calendar.holiday_name(date).empty()) out += " " + std::string(calendar.holiday_name(date));
  return out;
}

void install(CLI::App& app, CommandStatus& status) {
  auto options = std::make_shared<CalendarOptions>();
  CLI::App* calendar = app.add_subcommand("calendar", "工作日历：工作日、法定节假日与期限（2020–2026年）");
  calendar->require_subcommand(1);

  CLI::App* add = calendar->add_subcommand("add-workdays", "起算日之后第N个工作日（起算日不计入）");
  add->add_option("DATE", options->date, "起算日，YYYY-MM-DD")->required();
  add->add_option("N", options->n, "工作日数")->required();
  add->callback([options, &status] { run(status, [&] { return add_workdays(*options); }); });

  CLI::App* is = calendar->add_subcommand("is-workday", "是否工作日：输出yes或no");
  is->add_option("DATE", options->date, "日期，YYYY-MM-DD")->required();
  is->callback([options, &status] { run(status, [&] { return is_workday(*options); }); });

  CLI::App* due = calendar->add_subcommand("deadline", "期间届满日：事件发生于DATE，期间N日/工作日/月");
  due->add_option("DATE", options->date, "事件发生日（不计入期间），YYYY-MM-DD")->required();
  due->add_option("N", options->n, "期间长度")->required();
  due->add_flag("--calendar-days", options->calendar_days, "按日计算，末日为休息日的顺延至其后第一个工作日");
  due->add_flag("--working-days", options->working_days, "按工作日计算");
  due->add_flag("--months", options->months, "按月计算（到期月的对应日，无对应日为月末），末日为休息日的顺延");
  due->callback([options, &status] { run(status, [&] { return deadline(*options); }); });

  CLI::App* between = calendar->add_subcommand("workdays-between", "A之后至B（含B）的工作日数");
  between->add_option("A", options->date, "YYYY-MM-DD")->required();
  between->add_option("B", options->other_date, "YYYY-MM-DD")->required();
  between->callback([options, &status] { run(status, [&] { return workdays_between(*options); }); });

  CLI::App* day = calendar->add_subcommand("day", "某日的星期、类别与节日");
  day->add_option("DATE", options->date, "日期，YYYY-MM-DD")->required();
  day->callback([options, &status] { run(status, [&] { return describe_day(*options); }); });
}

const CommandRegistration registration("calendar", install);

}  // namespace
}  // namespace fazhi::cli

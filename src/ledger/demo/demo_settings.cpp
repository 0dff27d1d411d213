// The demo city's own time-limit settings (地方时限设置): the periods its province sets where
// the national texts leave them to local rules (RULES.md §4–6, §9), and one repealed setting
// kept for the record. The periods equal the national defaults, so the demo's deadlines read
// the same either way; the sources shown are the province's and the city's. And the city's
// own yearly minimum of 常务会议会前学法 (地方年度职责设置), above the national default.
#include "ledger/demo/demo_model.h"
#include "ledger/ledger_catalogue.h"

namespace fazhi::demo {

Result<void> generate_region_settings(DemoCity& city, Store& store) {
  const LedgerDeclaration& ledger = *find_ledger("region_time_limit");
  struct Setting {
    const char* ledger;
    const char* limit;
    int days;
    const char* count;
    const char* basis;
    const char* from;
    bool in_force;
  };
  static const Setting kSettings[] = {
      {"inspection_result", "result_disclosure", 20, "working_days",
       "示例省市场监管领域部门联合“双随机、一公开”监管工作细则 第十八条", "2020-01-01", true},
      {"normative_document", "filing", 30, "calendar_days", "示例省行政规范性文件管理办法 第二十六条", "2019-06-01",
       true},
      {"enforcement_case", "disclosure_other", 15, "working_days", "示例市行政执法公示办法（2017年，2020年废止）",
       "2017-03-01", false},
      {"hotline_ticket", "handling_complaint", 5, "working_days", "示例市12345政务服务便民热线工单办理规范 第十四条",
       "2021-01-01", true},
  };
  LedgerWriter writer(city, store, ledger);
  return writer.batch([&]() -> Result<void> {
    for (const Setting& s : kSettings) {
      RecordBuilder& b = writer.builder();
      b.reset();
      const LedgerDeclaration* target = find_ledger(s.ledger);
      std::string label;
      for (const auto& t : target->time_limits)
        if (t.name == s.limit) label = target->label + "：" + t.label;
      b.set_text("ledger_name", s.ledger);
      b.set_text("limit_name", s.limit);
      b.set_text("limit_label", label);
      b.set_int("days", s.days);
      b.set_text("day_count", s.count);
      b.set_text("basis", s.basis);
      b.set_date("effective_from", parse_date(s.from).value());
      b.set_bool("in_force", s.in_force);
      FAZHI_TRY(writer.add(b, city.root));
    }
    return ok();
  });
}

// The city's own yearly minimum of 常务会议会前学法: six a year under the province's notice
// (the national default is four); the other duties keep their national minimums.
Result<void> generate_region_duty_settings(DemoCity& city, Store& store) {
  const LedgerDeclaration& ledger = *find_ledger("region_yearly_duty");
  LedgerWriter writer(city, store, ledger);
  return writer.batch([&]() -> Result<void> {
    RecordBuilder& b = writer.builder();
    b.reset();
    b.set_text("ledger_name", "law_study_session");
    b.set_text("duty_name", "executive_meeting_study");
    b.set_text("duty_label", "学法活动：常务会议会前学法");
    b.set_int("minimum", 6);
    b.set_text("basis", "示例省人民政府办公厅关于加强政府常务会议会前学法工作的通知 第三条");
    b.set_date("effective_from", parse_date("2020-07-01").value());
    b.set_bool("in_force", true);
    FAZHI_TRY(writer.add(b, city.root));
    return ok();
  });
}

}  // namespace fazhi::demo

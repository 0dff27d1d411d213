#include "ledger/demo/demo_reports.h"

#include <fmt/format.h>

#include <chrono>
#include <map>

#include "core/clock.h"
#include "ledger/ledger_catalogue.h"

namespace fazhi::demo {
namespace {

// Two wordings per chapter; {d} is the department's short name, {y} the year, {n} next year.
const std::map<std::string, std::vector<std::string>>& chapter_texts() {
  static const std::map<std::string, std::vector<std::string>> kTexts = {
      {"functions",
       {"{d}"
        "梳理本部门权责清单并实行动态调整，将可网办事项全部接入一体化政务服务平台，推行告知承诺和容"
        "缺受理，"
        "企业和群众办事材料进一步精简。",
        "{d}"
        "围绕优化营商环境，清理不合理的证明事项，推动高频事项“一件事一次办”，对市场主体开展信用分级"
        "分类监管，"
        "包容审慎监管清单向社会公开。"}},
      {"institutions",
       {"{d}"
        "严格执行规范性文件合法性审核和备案审查制度，起草文件一律经法制机构审核，按期报送备案，并完"
        "成对现行有效"
        "文件的集中清理，清理结果向社会公布。",
        "{d}"
        "健全规范性文件起草、审核、公布全过程管理，涉及市场主体经济活动的文件全部进行公平竞争审查，"
        "文件目录实行"
        "动态更新。"}},
      {"decisions",
       {"{d}"
        "严格落实重大行政决策程序规定，决策事项目录年初向社会公布，公众参与、专家论证、风险评估、合"
        "法性审查和集体"
        "讨论决定程序全部履行到位。",
        "{d}"
        "发挥法律顾问和公职律师作用，重大决策、重要合同和涉法事务事先听取法律意见，决策执行情况开展"
        "后评估。"}},
      {"enforcement",
       {"{d}"
        "全面落实行政执法公示、执法全过程记录和重大执法决定法制审核制度，推行轻微违法行为不予处罚清"
        "单，规范行使"
        "行政裁量权，开展执法案卷评查并通报问题整改情况。",
        "{d}"
        "组织执法人员参加法律知识培训和考试，实行持证上岗和资格管理，推进跨部门联合检查，“双随机、"
        "一公开”监管覆盖"
        "本部门全部检查事项。"}},
      {"emergency",
       {"{d}"
        "修订完善突发事件应急预案，组织开展综合应急演练和专项演练，健全信息报送和应急值守制度，提升"
        "依法应对突发"
        "事件能力。",
        "{d}"
        "完善应急指挥体系和物资储备，开展安全生产隐患排查整治，应急处置措施全部依法实施并及时向社会"
        "发布信息。"}},
      {"disputes",
       {"{d}"
        "坚持和发展新时代“枫桥经验”，健全人民调解、行政调解、司法调解衔接机制，推进行政复议体制改革"
        "，发挥行政复议"
        "化解行政争议主渠道作用，支持人民法院依法受理和审理行政案件。",
        "{d}"
        "推动行政机关负责人出庭应诉常态化，完善信访事项依法分类处理，公共法律服务实体、热线、网络平"
        "台融合发展，"
        "矛盾纠纷排查化解工作机制进一步健全。"}},
      {"oversight",
       {"{d}"
        "自觉接受人大监督和政协民主监督，认真办理代表建议和委员提案，推进政务公开标准化规范化，依法"
        "办理政府信息"
        "公开申请，审计发现问题全部建立整改台账。",
        "{d}"
        "完善内部层级监督和专门监督，对督察发现的问题实行清单管理、逐项销号，主动公开重点领域信息，"
        "畅通群众监督"
        "渠道。"}},
      {"technology",
       {"{d}"
        "推进政务数据共享和业务系统整合，行政执法和政务服务事项网上办理，电子证照在高频事项中推广应"
        "用。",
        "{d}建设执法监督信息平台，执法信息实时归集，以信息化手段提升监管和服务效能。"}},
      {"leadership",
       {"{d}"
        "党组定期研究法治建设工作，将法治建设纳入年度工作要点和绩效考核，落实领导干部会前学法和年终"
        "述法制度。",
        "{d}"
        "组织领导干部专题学法和法治培训，开展“八五”普法，落实“谁执法谁普法”普法责任制，营造尊法学法"
        "守法用法"
        "氛围。"}},
      {"first_responsibility",
       {"主要负责同志认真履行推进法治建设第一责任人职责，对法治建设重要工作亲自部署、重大问题亲自过"
        "问、重点环节亲自"
        "协调、重要任务亲自督办，带头尊法学法守法用法。",
        "主要负责同志多次主持召开会议研究法治政府建设，带头出庭应诉和述法，将履行法治建设职责情况纳"
        "入领导班子和领导"
        "干部考核内容。"}},
      {"shortcomings",
       {"一是部分单位对法治政府建设重视程度不够，工作进展不平衡；二是基层执法力量和执法人员专业能力"
        "仍有不足；三是"
        "运用法治思维和法治方式化解矛盾纠纷的能力有待提高。原因主要是责任压力传导不到位，培训考核机"
        "制还不够健全。",
        "一是行政执法规范化水平与群众期待还有差距；二是行政争议实质性化解力度不够；三是法治建设数字"
        "化水平不高。"
        "原因在于制度执行的监督检查不够有力，部门间信息共享仍有壁垒。"}},
      {"next_year",
       {"{n}"
        "年，将持续深化法治政府建设示范创建，完善行政决策、执法和监督制度，推进矛盾纠纷多元化解，加"
        "强法治宣传教育，"
        "为经济社会高质量发展提供法治保障。",
        "{n}"
        "年，将聚焦依法行政能力提升，推进行政执法协调监督工作体系建设，健全法治督察和考核机制，推动"
        "法治政府建设"
        "各项任务落到实处。"}},
  };
  return kTexts;
}

// The chapters a department writes, by its key (demo_organisations.cpp).
std::vector<std::string> chapters_of(const DemoOrg& org) {
  static const std::map<std::string, std::vector<std::string>> kByKey = {
      {"sfj", {"institutions", "disputes", "leadership"}},
      {"zwfw", {"functions", "technology"}},
      {"zfb", {"decisions", "oversight"}},
      {"yjj", {"emergency", "enforcement"}},
      {"xfj", {"disputes"}},
      {"sjj", {"oversight"}},
      {"fgw", {"decisions", "functions"}},
      {"gxj", {"technology", "functions"}},
  };
  auto it = kByKey.find(org.department);
  if (it != kByKey.end()) return it->second;
  if (!org.area.empty()) return {"enforcement", "leadership"};
  return {"functions", "leadership"};
}

std::string fill(std::string text, const std::string& dept, int year) {
  auto replace = [&](std::string_view key, const std::string& with) {
    for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + with.size()))
      text.replace(at, key.size(), with);
  };
  replace("{d}", dept);
  replace("{y}", std::to_string(year));
  replace("{n}", std::to_string(year + 1));
  return text;
}

std::string chapter_text(const std::string& chapter, const std::string& dept, int year, size_t salt) {
  const auto& variants = chapter_texts().at(chapter);
  return fill(variants[(static_cast<size_t>(year) + salt) % variants.size()], dept, year);
}

std::string opening_text(const DemoOrg& root, int year) {
  return fmt::format(
      "{}年，{}"
      "在市委坚强领导下，深入学习贯彻习近平法治思想，全面落实法治政府建设实施纲要，统筹推进依法行政"
      "各项"
      "工作，法治政府建设取得新进展。现将有关情况报告如下。",
      year, root.name);
}

// While a round is written, "now" is the day its work happened (the round opened in January
// of the following year, or mid-December for the open round), so that the demo's records and
// their audit entries carry the demo's dates and the same seed gives the same database.
class DemoDayClock : public Clock {
 public:
  explicit DemoDayClock(Date day)
      : at_(std::chrono::system_clock::time_point(std::chrono::hours(24) * day.days_since_epoch() +
                                                  std::chrono::hours(1))) {}
  std::chrono::system_clock::time_point now() const override { return at_; }

 private:
  std::chrono::system_clock::time_point at_;
};

struct ClockInstalled {
  explicit ClockInstalled(const Clock& c) { set_clock_for_testing(&c); }
  ~ClockInstalled() { set_clock_for_testing(nullptr); }
  ClockInstalled(const ClockInstalled&) = delete;
  ClockInstalled& operator=(const ClockInstalled&) = delete;
};

struct RoundPlan {
  size_t org = 0;  // the round's organisation
  int year = 0;
  bool published = false;
  bool composing = false;  // the year's parts are in and the coordinator is composing
};

}  // namespace

Result<void> generate_report_rounds(DemoCity& city, LedgerService& service) {
  const LedgerDeclaration& rounds = *find_ledger("report_round");
  const LedgerDeclaration& parts = *find_ledger("report_part");
  UserContext system = UserContext::system_context();
  std::vector<RoundPlan> plans;
  for (int year = kFirstYear; year < kLastYear; ++year) plans.push_back({city.root, year, true});
  plans.push_back({city.city_market, kLastYear - 1, true});
  plans.push_back({city.root, kLastYear, false});
  // A county ahead of the city: every part in, the report being composed.
  if (!city.counties.empty()) plans.push_back({city.counties.front().government, kLastYear, false, true});

  for (const RoundPlan& plan : plans) {
    DemoDayClock day(plan.published ? Date::from_ymd(plan.year + 1, 1, 10).value()
                                    : Date::from_ymd(plan.year, 12, 15).value());
    ClockInstalled installed(day);
    const DemoOrg& org = city.orgs[plan.org];
    const DemoCounty* county = nullptr;
    for (const auto& c : city.counties)
      if (c.government == plan.org) county = &c;
    bool government = plan.org == city.root || county;
    nlohmann::json fields = {{"year", plan.year},
                             {"opened_on", fmt::format("{}-01-10", plan.year + 1)},
                             {"opening", opening_text(org, plan.year)}};
    if (!plan.published) fields["opened_on"] = fmt::format("{}-12-15", plan.year);
    FAZHI_ASSIGN_OR_RETURN(LedgerRecord round,
                           service.create(system, rounds,
                                          {{"org_code", org.code},
                                           {"state", plan.published || plan.composing ? "composing" : "open"},
                                           {"fields", fields}}));
    city.ids["report_round"].push_back(round.id);

    // The organisation's own part, then its departments' (a department's report: its own only).
    std::vector<size_t> writers = {plan.org};
    if (county)
      writers.insert(writers.end(), county->departments.begin(), county->departments.end());
    else if (government)
      writers.insert(writers.end(), city.city_departments.begin(), city.city_departments.end());
    for (size_t i = 0; i < writers.size(); ++i) {
      const DemoOrg& writer = city.orgs[writers[i]];
      std::string dept = writer.short_name.empty() ? writer.name : writer.short_name;
      // The open round: every fifth department has not started, every seventh was returned,
      // every third is still writing; the rest have submitted.
      std::string state = "accepted";
      if (!plan.published && !plan.composing) {
        if (i > 0 && i % 5 == 0) continue;
        state = i % 7 == 3 ? "returned" : i % 3 == 2 ? "draft" : "submitted";
      }
      nlohmann::json part = {{"round", round.id}};
      if (writers[i] == plan.org) {
        dept = county ? county->name + "政府" : government ? "市政府" : "本局";
        for (const char* chapter : {"first_responsibility", "shortcomings", "next_year"})
          part[chapter] = chapter_text(chapter, dept, plan.year, i);
        if (!government)
          for (const auto& chapter : chapters_of(writer)) part[chapter] = chapter_text(chapter, dept, plan.year, i);
        else
          part["leadership"] = chapter_text("leadership", dept, plan.year, i + 1);
      } else {
        for (const auto& chapter : chapters_of(writer)) part[chapter] = chapter_text(chapter, dept, plan.year, i);
      }
      Date handed_in = *Date::from_ymd(plan.published ? plan.year + 1 : plan.year, plan.published ? 2 : 12,
                                       plan.published ? 10 + static_cast<int>(i % 15) : 20 + static_cast<int>(i % 10));
      if (state != "draft") part["submitted_on"] = handed_in.iso();
      nlohmann::json body = {{"org_code", writer.code}, {"state", state}, {"fields", part}};
      if (state == "returned")
        body["fields"]["return_comment"] = "请补充本年度工作的具体成效，并与台账数据核对后重新提交。";
      FAZHI_ASSIGN_OR_RETURN(LedgerRecord written, service.create(system, parts, body));
      city.ids["report_part"].push_back(written.id);
    }
    if (plan.published) {
      std::string on = fmt::format("{}-03-{}", plan.year + 1, government ? 28 : 25);
      FAZHI_TRY(service.transition(
          system, rounds, round.id, "publish",
          {{"version", round.version}, {"fields", {{"checked_on", on}, {"published_on", on}, {"report_date", on}}}}));
    }
  }
  return ok();
}

}  // namespace fazhi::demo

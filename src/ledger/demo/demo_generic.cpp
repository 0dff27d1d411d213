// The declaration-driven filler of the demo city (see demo_generic.h).
#include "ledger/demo/demo_generic.h"

#include <fmt/format.h>

#include <deque>

#include "ledger/ledger_catalogue.h"

namespace fazhi::demo {
namespace {

bool contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

// Dates of events that happen to few records (null unless the record's path needs them).
bool rare_date(std::string_view name) {
  for (std::string_view w :
       {"abolish",          "removed",    "left_on",   "revoked",    "suspended",   "withdraw",
        "failed",           "terminated", "returned",  "cancel",     "resumed",     "reinstated",
        "appealed",         "postmark",   "escalated", "amended_on", "resubmitted", "clarif",
        "review_requested", "recheck",    "extension", "abandoned",  "supplement",  "confirmation_applied",
        "feedback"})
    if (contains(name, w)) return true;
  return false;
}
bool future_date(std::string_view name) {
  return contains(name, "until") || name == "end_on" || name == "due_on" || name == "deadline" || name == "valid_until";
}
bool person_text(std::string_view ledger, std::string_view name) {
  for (std::string_view w : {"lecturer", "spokesperson", "chaired_by", "proposer", "applicant", "petitioner",
                             "aided_person", "lawyer", "legal_representative", "head", "staff_appeared", "agent",
                             "plaintiff", "witnesses", "inspectors", "officers", "parties", "mediator_name"})
    if (name == w) return true;
  return name == "name" && (ledger == "legal_adviser" || ledger == "legal_literate");
}

// Topics for title fields, per ledger: a clerk recognises these.
const std::vector<std::string>* topics(std::string_view ledger) {
  static const std::map<std::string, std::vector<std::string>, std::less<>> k = {
      {"legal_publicity",
       {"宪法宣传周集中宣传", "民法典宣传月进社区", "“八五”普法法治讲座", "法律进乡村巡回宣讲", "国家安全教育日宣传",
        "防范电信网络诈骗宣传", "青少年法治教育课堂", "农民工工资支付条例宣传"}},
      {"rule_of_law_meeting",
       {"研究部署年度法治政府建设工作", "听取法治政府建设督察情况汇报", "审议法治政府建设年度报告",
        "研究行政复议体制改革落实工作", "部署行政执法质量提升行动"}},
      {"law_study_session",
       {"学习行政复议法", "学习行政处罚法", "学习民法典合同编", "学习优化营商环境条例", "学习重大行政决策程序暂行条例",
        "学习安全生产法", "学习政府信息公开条例"}},
      {"emergency_drill",
       {"防汛抢险应急演练", "危险化学品泄漏处置演练", "地震应急疏散演练", "森林防火应急演练", "消防安全应急演练",
        "突发公共卫生事件应急演练"}},
      {"press_conference",
       {"营商环境建设新闻发布会", "法治政府建设情况新闻发布会", "民生实事进展新闻发布会", "政务服务改革新闻发布会"}},
      {"openness_publication",
       {"关于进一步优化营商环境的若干措施", "年度政府信息公开工作报告", "财政预算执行情况",
        "重大建设项目批准和实施信息", "行政执法统计年报"}},
      {"deputy_suggestion",
       {"关于加强老旧小区改造的建议", "关于规范校外培训的建议", "关于优化公交线路的建议", "关于加强食品安全监管的建议",
        "关于推进乡村法治建设的提案"}},
      {"major_decision",
       {"城市综合交通规划", "老旧小区改造实施方案", "生活垃圾分类实施方案", "中心城区停车收费调整", "农村供水保障工程",
        "基本医疗保险支付政策调整"}},
      {"government_contract",
       {"政务信息化系统运维服务合同", "道路改造工程施工合同", "物业管理服务采购合同", "法律顾问服务合同",
        "污水处理特许经营协议", "国有建设用地使用权出让合同"}},
      {"legislation_project",
       {"示例市城市绿化管理办法", "示例市物业管理条例", "示例市停车场管理办法", "示例市养犬管理规定",
        "示例市历史文化街区保护条例"}},
      {"service_item",
       {"食品经营许可", "建筑工程施工许可", "企业设立登记", "社会保障卡申领", "城乡居民养老保险参保登记", "排污许可",
        "道路运输经营许可", "医疗机构执业登记"}},
      {"inspection_item_list",
       {"食品生产经营者监督检查", "特种设备使用单位检查", "排污单位监督检查", "建筑工程质量安全检查",
        "校外培训机构检查", "医疗机构依法执业检查"}},
      {"inspection_plan",
       {"食品安全双随机抽查", "产品质量监督抽查", "生态环境执法抽查", "安全生产执法抽查", "文化市场联合抽查",
        "医疗卫生联合抽查"}},
      {"exemption_list",
       {"未按规定公示营业执照", "未按规定办理变更登记且及时改正", "店招标牌设置不规范且及时整改",
        "首次未按规定设置安全警示标志", "占道经营情节轻微并当场改正"}},
      {"supervision_problem",
       {"行政执法案卷制作不规范", "规范性文件未按期报备", "重大行政决策程序不完整", "行政复议决定未按期履行",
        "执法人员未持证执法", "公示信息更新不及时"}},
      {"rectification",
       {"组织专项培训并修订工作规程", "补报备案并建立台账", "补正程序并完善制度", "督促履行并报告结果",
        "清理无证人员并组织考试"}},
      {"dispute_screening",
       {"春节前矛盾纠纷集中排查", "汛期前矛盾纠纷排查", "重大活动期间矛盾纠纷排查", "月度矛盾纠纷常规排查",
        "征地拆迁领域专项排查"}},
      {"legal_service", {"婚姻家庭法律咨询", "劳动争议法律咨询", "合同审查", "公证咨询", "法律援助咨询"}},
      {"fair_competition_review",
       {"关于支持中小企业发展的若干措施", "招商引资优惠政策", "政府采购实施细则", "产业发展专项资金管理办法"}},
      {"legality_review",
       {"行政规范性文件合法性审核", "重大行政决策合法性审查", "政府合同合法性审查", "常务会议议题合法性审查",
        "重大执法决定法制审核"}},
      {"law_exam", {"国家工作人员学法用法考试", "领导干部任前法律知识考试", "行政执法人员年度考试"}},
      {"credit_collection", {"行政许可信息", "行政处罚信息", "行政强制信息", "行政确认信息"}},
  };
  auto it = k.find(ledger);
  return it == k.end() ? nullptr : &it->second;
}

std::string hex(DemoRandom& rng, int n) {
  static const char* digits = "0123456789abcdef";
  std::string s;
  for (int i = 0; i < n; ++i) s += digits[rng.next() >> 60];
  return s;
}

// Values that must agree with each other or with the state, and realistic mixes where a
// uniform draw would not be (most inspections find nothing, most case files pass).
void agree_with_state(std::string_view ledger, const std::string& state, RecordBuilder& b, DemoRandom& rng) {
  if (ledger == "pre_appointment_exam" || ledger == "certificate_exam") {
    int score = static_cast<int>(rng.chance(0.06) ? rng.uniform(40, 59) : rng.uniform(60, 98));
    b.set_text("score", std::to_string(score));
    b.set_bool("passed", score >= 60);
  }
  if (ledger == "law_exam") {
    std::int64_t required = rng.uniform(300, 5000);
    std::int64_t sat = required * rng.uniform(960, 1000) / 1000;
    b.set_int("required_count", required);
    b.set_int("sat_count", sat);
    b.set_int("passed_count", sat * rng.uniform(970, 1000) / 1000);
  }
  if (ledger == "draw") {
    std::int64_t population = rng.uniform(40, 3000);
    b.set_int("population_count", population);
    b.set_int("drawn_count", std::max<std::int64_t>(1, population * rng.uniform(3, 20) / 100));
  }
  if (ledger == "inspection_result" && b.has("finding")) {
    double u = rng.unit();
    std::string finding = u < 0.82   ? "no_problem"
                          : u < 0.9  ? "corrected"
                          : u < 0.93 ? "handed_over"
                          : u < 0.96 ? "unreachable"
                          : u < 0.98 ? "not_operating"
                          : u < 0.99 ? "refused"
                                     : "other";
    b.set_text("finding", finding);
    if (finding == "no_problem") b.clear("problem_description");
  }
  if (ledger == "legal_aid" && b.has("granted")) {
    bool granted = rng.chance(0.96);
    b.set_bool("granted", granted);
    if (!granted) b.clear("lawyer"), b.clear("closed_on"), b.clear("amount_recovered");
  }
  if (ledger == "petition" && b.has("acceptance"))
    b.set_text("acceptance", state == "not_accepted" || state == "transferred" ? state : "accepted");
  if (ledger == "legality_review" && state != "opinion_issued") b.clear("adopted");
  if (ledger == "major_decision" && (state == "proposed" || state == "in_procedure" || state == "withdrawn"))
    b.clear("archived");
}

}  // namespace

GenericLedger::GenericLedger(const LedgerDeclaration& ledger) : ledger_(ledger) {
  for (const auto& t : ledger.transitions)
    for (const auto& f : t.requires_fields) step_fields_.insert(f);
  if (ledger.states.empty()) return;
  // Breadth-first from the initial state: the shortest path to each state, and the fields
  // its steps require.
  std::deque<std::string> queue = {ledger.initial_state};
  path_fields_[ledger.initial_state] = {};
  states_.push_back(ledger.initial_state);
  while (!queue.empty()) {
    std::string s = queue.front();
    queue.pop_front();
    for (const auto& t : ledger.transitions) {
      if (std::find(t.from.begin(), t.from.end(), s) == t.from.end() || path_fields_.count(t.to)) continue;
      auto fields = path_fields_[s];
      fields.insert(t.requires_fields.begin(), t.requires_fields.end());
      path_fields_[t.to] = fields;
      states_.push_back(t.to);
      queue.push_back(t.to);
    }
  }
}

bool GenericLedger::on_path(const std::string& state, const std::string& field) const {
  auto it = path_fields_.find(state);
  return it != path_fields_.end() && it->second.count(field);
}

std::vector<size_t> owners_of(const DemoCity& city, OwnerPool pool) {
  switch (pool) {
    case OwnerPool::kRoot:
      return {city.root};
    case OwnerPool::kServiceCentre:
      return {city.city_service_centre};
    case OwnerPool::kGovernments:
      return city.governments;
    case OwnerPool::kJusticeBureaus:
      return city.justice_bureaus;
    case OwnerPool::kDepartments:
      return city.departments;
    case OwnerPool::kTownships:
      return city.townships;
    case OwnerPool::kCommittees:
      return city.committees;
    case OwnerPool::kEnforcing:
      return city.enforcing;
    case OwnerPool::kUnits:
      return city.units;
  }
  return city.units;
}

size_t unit_near(const DemoCity& city, DemoRandom& rng, size_t org) {
  int county = city.orgs[org].county;
  if (county < 0) return city.units[rng.index(city.units.size())];
  const DemoCounty& c = city.counties[county];
  size_t n = 1 + c.departments.size() + c.townships.size();
  size_t k = rng.index(n);
  if (k == 0) return c.government;
  if (k <= c.departments.size()) return c.departments[k - 1];
  return c.townships[k - 1 - c.departments.size()];
}

std::string GenericLedger::fill(DemoCity& city, DemoRandom& rng, RecordBuilder& b, size_t owner, Date anchor,
                                std::string state, std::int64_t serial,
                                const std::map<std::string, double>* state_weights) const {
  const DemoOrg& org = city.orgs[owner];
  if (!states_.empty() && state.empty()) {
    bool recent = days_between(anchor, last_day()) < 90;
    std::vector<double> weights;
    for (const auto& s : states_) {
      const StateDeclaration* d = ledger_.state(s);
      bool terminal = d && d->terminal;
      bool initial = s == ledger_.initial_state;
      double w = terminal ? 6 : initial ? 0.3 : 1;
      if (state_weights && state_weights->count(s)) w = state_weights->at(s);
      weights.push_back(recent ? (terminal ? 1 : 3) : w);
    }
    state = states_[rng.weighted(weights)];
  }
  const bool initial = !states_.empty() && state == ledger_.initial_state;
  // The anchor: the first required date, else the first date.
  int anchor_index = -1;
  for (size_t i = 0; i < ledger_.fields.size(); ++i) {
    if (ledger_.fields[i].type != FieldType::kDate) continue;
    if (ledger_.fields[i].required) {
      anchor_index = static_cast<int>(i);
      break;
    }
    if (anchor_index < 0) anchor_index = static_cast<int>(i);
  }
  Date previous = anchor;
  for (size_t i = 0; i < ledger_.fields.size(); ++i) {
    const FieldDeclaration& f = ledger_.fields[i];
    const bool path = on_path(state, f.name);
    if (step_fields_.count(f.name) && !path && !f.required) continue;  // a step not taken
    if (!f.required && !path) {
      if (f.type == FieldType::kAttachment) continue;
      if (f.type == FieldType::kDate && rare_date(f.name)) continue;
      if (f.type == FieldType::kInteger && contains(f.name, "extension")) continue;
      if (f.type == FieldType::kText && contains(f.name, "reason")) continue;
      if (f.type == FieldType::kDate && initial && static_cast<int>(i) > anchor_index && !future_date(f.name)) continue;
      if ((f.type == FieldType::kText || f.type == FieldType::kLongText) && rng.chance(0.1)) continue;
    }
    switch (f.type) {
      case FieldType::kText: {
        std::string v;
        if (person_text(ledger_.name, f.name)) {
          v = person_name(rng);
          if (f.name == "parties" || f.name == "witnesses" || f.name == "inspectors" || f.name == "officers")
            v += "、" + person_name(rng);
        } else if (contains(f.name, "number") || contains(f.name, "_code") || f.name == "number") {
          v = fmt::format("{}-{}-{:06d}", org.code, anchor.year(), serial);
        } else if (contains(f.name, "hash") || f.name == "seed" || f.name == "public_value") {
          v = hex(rng, 64);
        } else if (f.name == "url" || f.name == "disclosure_url") {
          v = fmt::format("https://www.example.gov.cn/xxgk/{}/{}.html", org.code, serial);
        } else if (f.name == "phone") {
          v = phone_number(rng);
        } else if (f.name == "address" || f.name == "location" || f.name == "scope") {
          v = org.short_name + "辖区";
        } else if (contains(f.name, "court")) {
          v = org.county < 0 ? "示例市中级人民法院" : city.counties[org.county].name + "人民法院";
        } else if (f.name == "police_org") {
          v = org.county < 0 ? "示例市公安局" : city.counties[org.county].name + "公安局";
        } else if (f.name == "firm") {
          v = "示例市" + std::string(rng.chance(0.5) ? "正衡" : "明德") + "律师事务所";
        } else if (f.name == "counterparty" || f.name == "entity_name" || f.name == "party" ||
                   (f.name == "name" && ledger_.name == "inspection_target")) {
          v = company_name(rng);
        } else if (f.name == "village") {
          v = org.short_name + "第" + std::to_string(rng.uniform(1, 12)) + "村";
        } else if (f.name == ledger_.title_field || f.required) {
          if (const auto* t = topics(ledger_.name))
            v = fmt::format("{}{}", org.short_name, rng.pick(*t));
          else
            v = fmt::format("{}{}（{}年第{}号）", org.short_name, f.label, anchor.year(), serial);
        } else {
          if (const auto* t = topics(ledger_.name); t && f.name == "topic")
            v = rng.pick(*t);
          else
            v = f.label + "（示例）";
        }
        int max = f.max_length ? f.max_length : 200;
        // Keep within the limit, counted in characters (CJK is 3 bytes here).
        if (static_cast<int>(v.size()) > max) {
          size_t n = static_cast<size_t>(max);
          while (n > 0 && (static_cast<unsigned char>(v[n]) & 0xC0) == 0x80) --n;
          v.resize(n);
        }
        b.set_text(f.name, v);
        break;
      }
      case FieldType::kLongText:
        b.set_text(f.name, f.label + "：示例数据，由演示数据生成器生成。");
        break;
      case FieldType::kInteger: {
        std::int64_t lo = f.min ? static_cast<std::int64_t>(*f.min) : 0;
        std::int64_t hi = f.max ? static_cast<std::int64_t>(*f.max) : lo + 200;
        if (f.name == "year" || contains(f.name, "_year"))
          b.set_int(f.name, anchor.year());
        else if (contains(f.name, "days"))
          b.set_int(f.name, std::min<std::int64_t>(hi, std::max<std::int64_t>(lo, rng.uniform(10, 30))));
        else
          b.set_int(f.name, rng.uniform(lo, std::min(hi, lo + 200)));
        break;
      }
      case FieldType::kDecimal: {
        if (f.max && *f.max <= 100) {
          b.set_text(f.name, fmt::format("{}.{}", rng.uniform(60, 98), rng.uniform(0, 9)));
        } else {
          b.set_text(f.name, fmt::format("{}.{:02d}", rng.uniform(1, 500), rng.uniform(0, 99)));
        }
        break;
      }
      case FieldType::kDate: {
        Date d;
        if (static_cast<int>(i) == anchor_index)
          d = anchor;
        else if (static_cast<int>(i) < anchor_index)
          d = anchor.add_days(-rng.uniform(5, 60));
        else if (contains(f.name, "until") || f.name == "end_on")
          d = anchor.add_days(rng.uniform(300, 1100));
        else if (f.name == "due_on" || f.name == "deadline")
          d = anchor.add_days(rng.uniform(30, 120));
        else
          d = previous.add_days(rng.chance(0.92) ? rng.uniform(1, 10) : rng.uniform(11, 40));
        if (!future_date(f.name)) {
          if (d > last_day()) d = last_day();
          if (static_cast<int>(i) > anchor_index) previous = d;
        }
        b.set_date(f.name, d);
        break;
      }
      case FieldType::kDateTime:
        b.set_text(f.name, fmt::format("{}T{:02d}:{:02d}:{:02d}", anchor.iso(), rng.uniform(8, 17), rng.uniform(0, 59),
                                       rng.uniform(0, 59)));
        break;
      case FieldType::kEnum:
        b.set_text(f.name, f.options[rng.index(f.options.size())].value);
        break;
      case FieldType::kBoolean: {
        static const std::set<std::string, std::less<>> kMostlyYes = {
            "in_force",        "in_pool",  "passed", "exam_passed", "granted",   "adopted",
            "form_conforming", "on_duty",  "free",   "archived",    "fulfilled", "copied_to_procuratorate",
            "in_catalogue",    "contacted"};
        b.set_bool(f.name, rng.chance(kMostlyYes.count(f.name) ? 0.94 : 0.6));
        break;
      }
      case FieldType::kNationalCode:
        if (f.code == NationalCodeKind::kRegionCode)
          b.set_text(f.name, org.region);
        else if (f.code == NationalCodeKind::kUnifiedSocialCreditCode)
          b.set_text(f.name, credit_code(rng, '9', '1', "379900"));
        else
          b.set_text(f.name, citizen_id(rng, "379900",
                                        random_date(rng, Date::from_days_since_epoch(-3650),
                                                    Date::from_days_since_epoch(10957)),
                                        rng.chance(0.5), city.citizen_ids));
        break;
      case FieldType::kOrgRef:
        if (f.name == "drafting_unit" || f.name == "sponsor_unit" || f.name == "organization" || f.name == "owner_org")
          b.set_text(f.name, org.code);
        else
          b.set_text(f.name, city.orgs[unit_near(city, rng, owner)].code);
        break;
      case FieldType::kPersonRef:
        b.set_int(f.name, city.person_at(rng, owner));
        break;
      case FieldType::kRecordRef: {
        auto it = city.ids.find(f.ref_ledger);
        if (it != city.ids.end() && !it->second.empty()) b.set_int(f.name, rng.pick(it->second));
        break;
      }
      case FieldType::kAttachment:
        b.set_text(f.name, fmt::format("[\"demo-{}-{}.pdf\"]", ledger_.name, serial));
        break;
    }
  }
  return state;
}

Result<void> write_generic(DemoCity& city, Store& store, const GenericSpec& spec) {
  const LedgerDeclaration* ledger = find_ledger(spec.ledger);
  if (!ledger) return ok();
  GenericLedger generic(*ledger);
  DemoRandom rng = DemoRandom::stream(city.seed, spec.ledger);
  const std::vector<size_t> owners = owners_of(city, spec.owners);
  const int per_year = city.small() ? spec.per_year_small : spec.per_year_city;
  LedgerWriter writer(city, store, *ledger);
  std::int64_t serial = 0;
  const int years = spec.catalogue ? 1 : kLastYear - kFirstYear + 1;
  for (int y = 0; y < years; ++y) {
    int year = kFirstYear + y;
    FAZHI_TRY(writer.batch([&]() -> Result<void> {
      for (int k = 0; k < per_year; ++k) {
        ++serial;
        size_t owner =
            k < static_cast<int>(owners.size()) && city.small() ? owners[k] : owners[rng.index(owners.size())];
        Date from = spec.catalogue ? Date::from_days_since_epoch(17532) : Date::from_days_since_epoch(0);
        Date anchor;
        if (spec.catalogue)
          anchor = random_date(rng, from, first_day().add_days(364));
        else {
          auto start = Date::from_ymd(year, 1, 1);
          anchor = random_working_day(rng, *start, start->add_days(364));
          if (anchor > last_day()) anchor = last_day();
        }
        std::string state;
        // At small scale the first records walk every reachable state.
        if (city.small() && !generic.states().empty() && serial <= static_cast<std::int64_t>(generic.states().size()))
          state = generic.states()[serial - 1];
        RecordBuilder& b = writer.builder();
        state = generic.fill(city, rng, b, owner, anchor, state, serial, &spec.state_weights);
        agree_with_state(spec.ledger, state, b, rng);
        agree_with_rules(spec.ledger, state, b, rng);
        FAZHI_TRY(writer.add(b, owner, state));
      }
      return ok();
    }));
  }
  return ok();
}

}  // namespace fazhi::demo

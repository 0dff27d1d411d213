#include "review/indicator_phrases.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdlib>
#include <functional>
#include <memory>
#include <unordered_map>
#include <vector>

namespace fazhi::review {

namespace {

enum class Kind { kRate, kCount };

struct Topic {
  const char* name;
  const char* keywords;
};

// What a stretch of text is about, by keyword; the last keyword before a figure wins.
constexpr Topic kTopics[] = {
    {"reconsideration", "复议"},
    {"litigation", "应诉|诉讼|一审|二审|再审|胜诉|败诉|出庭"},
    {"mediation", "调解|调委会|调处"},
    {"petition", "信访|网上投诉|来信来访"},
    {"hotline", "12345|热线|市民诉求|民生诉求|市民来电"},
    {"ratings", "好差评"},
    {"criminal", "两法衔接|涉嫌犯罪|涉嫌刑事|移送公安"},
    {"case_file", "案卷|评查"},
    {"random", "双随机|随机抽查|抽查"},
    {"enforcement", "执法"},
    {"cleanup", "清理"},
    {"normative", "规范性文件"},
    {"legislation", "地方性法规|政府规章|立法"},
    {"disputes", "矛盾纠纷|排查"},
    {"business", "企业开办|开办企业"},
    {"services", "政务服务|服务事项|一网通办|网上办|掌上办"},
    {"credit", "信用"},
    {"openness", "政务公开|信息公开|主动公开|依申请公开"},
    {"oversight", "人大代表|人大建议|政协提案|政协委员|建议提案|人大|政协"},
    {"publicity", "普法|法治宣传|宣传教育"},
    {"legal_service", "法律咨询|法律援助|公证|公共法律服务|法律服务"},
    {"adviser", "法律顾问|公职律师"},
    {"contracts", "合同"},
    {"decisions", "重大行政决策|决策事项"},
    {"emergency", "应急|演练|突发事件"},
    {"supervision", "督察|巡察|整改"},
    {"pre_appointment", "任前|任职前"},
    {"leadership", "学法|考法|述法|法治建设第一责任人"},
};

struct IndicatorPhrase {
  const char* indicator;
  Kind kind;
  const char* clause;        // RE2 over "before§after"
  const char* topic;         // required topic, or "" for any
  const char* units;         // RE2 the unit must fully match, or "" for any (of the kind)
  const char* exclude = "";  // RE2 over the clause that rules the row out
  const char* context = "";  // RE2 that must match the text before the figure in its paragraph
};

// Tried in order: the first row whose clause, topic and unit fit gives the indicator.
constexpr IndicatorPhrase kIndicatorPhrases[] = {
    // ---- rates
    {"litigation.head_appearance_rate", Kind::kRate, "出庭(应诉)?率", "", ""},
    {"litigation.win_rate", Kind::kRate, "胜诉率", "", ""},
    {"litigation.loss_rate", Kind::kRate, "败诉率", "", ""},
    {"reconsideration.correction_rate", Kind::kRate, "纠错率", "", ""},
    {"reconsideration.substantive_resolution_rate", Kind::kRate, "实质性化解率", "", ""},
    {"reconsideration.mediation_rate", Kind::kRate, "调解率|调撤率|和解率", "reconsideration", ""},
    {"reconsideration.mediation_rate", Kind::kRate, "(调解|调撤|和解)率", "", "", "", "复议"},
    {"reconsideration.conclusion_rate", Kind::kRate, "结案率|办结率|审结率", "reconsideration", ""},
    {"mediation.agreement_fulfilment_rate", Kind::kRate, "履行率", "mediation", ""},
    {"mediation.success_rate", Kind::kRate, "成功率", "mediation", ""},
    {"mediation.success_rate", Kind::kRate, "调解成功率", "", ""},
    {"disputes.resolution_rate", Kind::kRate, "化解率", "", ""},
    {"petition.timely_acceptance_rate", Kind::kRate, "及时受理率", "", ""},
    {"petition.on_time_reply_rate", Kind::kRate, "按期答复率|按时答复率|(按期|按时)?办结率", "petition", ""},
    {"hotline.answer_rate", Kind::kRate, "接通率", "", ""},
    {"hotline.on_time_rate", Kind::kRate, "(按时|按期|及时)办结率|办结率", "hotline", ""},
    {"hotline.satisfaction_rate", Kind::kRate, "满意率|满意度", "hotline", ""},
    {"oversight.contact_rate", Kind::kRate, "见面率|沟通率", "", ""},
    {"oversight.satisfaction_rate", Kind::kRate, "满意率|满意度", "oversight", ""},
    {"ratings.active_rate", Kind::kRate, "主动评价率", "", ""},
    {"ratings.bad_followup_rate", Kind::kRate, "差评.{0,8}(整改|回访)[^§]{0,4}率", "", ""},
    {"ratings.good_rate", Kind::kRate, "好评率", "", ""},
    {"services.online_rate", Kind::kRate, "网上可办率|全程网办率|网办率|网上办理率|在线办理率|网上可办", "", ""},
    {"services.online_rate", Kind::kRate, "§[^§]{0,12}事项[^§]{0,8}(在线|网上|网办|全程网)", "", ""},
    {"services.mobile_rate", Kind::kRate, "掌上可办率|掌上办理率|掌上办率|移动端可办率", "", ""},
    {"random_inspection.publication_rate", Kind::kRate, "公示率", "random", ""},
    {"normative_documents.filing_rate", Kind::kRate, "报备率|备案率", "", ""},
    {"normative_documents.legality_reviewed_rate", Kind::kRate, "合法性(审核|审查)率|审核率|审查率", "normative", ""},
    {"normative_documents.filing_conformity_rate", Kind::kRate, "规范率", "normative", ""},
    {"normative_documents.filing_timely_rate", Kind::kRate, "及时率", "normative", ""},
    {"enforcement.legal_review_rate", Kind::kRate, "法制审核率|审核率", "enforcement", ""},
    {"case_file_review.pass_rate", Kind::kRate, "合格率|优良率|达标率", "case_file", ""},
    {"enforcement.exam_pass_rate", Kind::kRate, "合格率|通过率", "enforcement", ""},
    {"leadership.exam_participation_rate", Kind::kRate, "参考率|参考学率|参学率", "leadership", ""},
    {"leadership.exam_pass_rate", Kind::kRate, "合格率|通过率", "leadership", ""},
    {"legal_adviser.coverage_rate", Kind::kRate, "法律顾问[^§]{0,8}覆盖率|覆盖率", "adviser", ""},
    {"supervision.rectified_rate", Kind::kRate, "整改[^§]{0,4}率", "", ""},
    {"major_decision.completed_procedures_rate", Kind::kRate, "(法定)?程序[^§]{0,8}率", "decisions", ""},

    // ---- reconsideration counts
    {"reconsideration.by_respondent", Kind::kCount, "以[^§]{1,12}为被申请人|被申请人为", "reconsideration", ""},
    {"reconsideration.not_accepted", Kind::kCount, "不予受理|告知", "reconsideration", ""},
    {"reconsideration.mediated", Kind::kCount,
     "复议[^§]{0,10}(调解|和解)|(调解|和解)[^§]{0,6}(结案|撤回)|§[^§]{0,10}复议案件[^§]{0,8}调解", "", ""},
    {"reconsideration.mediated", Kind::kCount, "调解|和解", "", "件|起|宗",
     "人民调解|调解组织|调解委员会|纠纷|矛盾|成功", "复议"},
    {"reconsideration.corrected", Kind::kCount, "纠错|撤销|确认违法|责令履行|变更|确认无效", "reconsideration", ""},
    {"reconsideration.maintained", Kind::kCount, "维持", "reconsideration", ""},
    {"reconsideration.rejected", Kind::kCount, "驳回", "reconsideration", ""},
    {"reconsideration.withdrawn", Kind::kCount, "撤回", "reconsideration", ""},
    {"reconsideration.terminated", Kind::kCount, "终止", "reconsideration", ""},
    {"reconsideration.overdue", Kind::kCount, "超期|超过[^§]{0,4}期限", "reconsideration", ""},
    {"reconsideration.concluded", Kind::kCount, "审结|办结|结案|作出[^§]{0,6}决定", "reconsideration", ""},
    // 受理行政复议申请323件 alone is the year's intake; 收到…申请122件，受理108件 tells the two apart
    {"reconsideration.received", Kind::kCount, "受理[^§]{0,10}复议(申请|案件)", "", "件|起|宗", "不予受理"},
    {"reconsideration.accepted", Kind::kCount, "受理", "reconsideration", "", "不予受理"},
    {"reconsideration.received", Kind::kCount, "收到|接收|新收|收案|办理|申请", "reconsideration", "件|起|宗"},

    // ---- litigation
    {"litigation.head_notified", Kind::kCount, "通知[^§]{0,20}出庭|出庭应诉[^§]{0,12}案件", "", ""},
    {"litigation.won", Kind::kCount, "胜诉", "litigation", ""},
    {"litigation.lost", Kind::kCount, "败诉", "litigation", ""},
    {"litigation.concluded", Kind::kCount, "审结|结案|办结", "litigation", ""},
    {"litigation.first_instance", Kind::kCount, "一审", "litigation", ""},
    {"litigation.second_instance", Kind::kCount, "二审", "litigation", ""},
    {"litigation.retrial", Kind::kCount, "再审", "litigation", ""},
    {"litigation.cases", Kind::kCount, "应诉案件|诉讼案件|行政案件|应诉|诉讼", "litigation", "件|起|宗"},

    // ---- mediation, disputes, petitions
    {"mediation.committees", Kind::kCount, "调解委员会|调委会|调解组织", "", "个|家"},
    {"mediation.parties", Kind::kCount, "当事人", "mediation", ""},
    {"mediation.amount", Kind::kCount, "金额|标的", "mediation", "万元|亿元|元"},
    {"mediation.succeeded", Kind::kCount, "调解成功|成功调解|调处成功|成功", "mediation", ""},
    {"mediation.disputes", Kind::kCount, "调解|调处", "mediation", "件|起|宗|万件"},
    {"mediation.disputes", Kind::kCount, "(调解|调处)[^§]{0,8}(纠纷|矛盾)", "", "件|起|宗|万件", "复议"},
    {"disputes.found", Kind::kCount, "排查发现|发现[^§]{0,6}(矛盾|纠纷)", "", ""},
    {"disputes.screenings", Kind::kCount, "排查", "disputes", "次|场|轮|万次"},
    {"disputes.resolved", Kind::kCount, "化解", "disputes", ""},
    {"petition.received", Kind::kCount, "信访事项|信访件|来信来访|网上投诉|信访|投诉", "petition", ""},

    // ---- services, hotline, ratings, credit
    {"hotline.tickets", Kind::kCount, "(热线|12345)[^§]{0,40}(咨询|诉求|来电|工单)", "",
     "件|个|条|单|万件|万条|万个|万单|次|万次"},
    {"hotline.tickets", Kind::kCount, "诉求|工单|来电|咨询|求助|受理", "hotline",
     "件|个|条|单|万件|万条|万个|万单|次|万次"},
    {"ratings.total", Kind::kCount, "(共|累计|收到|共计)?(评价|好差评)[^§]{0,4}§", "ratings", "",
     "主动|好评数|好评率|差评数|差评率|满意"},
    {"services.departments_in_hall", Kind::kCount, "进驻[^§]{0,6}部门|部门[^§]{0,4}进驻", "", "个|家"},
    {"services.items", Kind::kCount, "(政务服务|服务|进驻|审批)事项[共达为计约有]{0,2}§", "", "项|个|万项"},
    {"services.business_start_days", Kind::kCount, "§", "business", "个工作日|工作日|天|日|小时|个小时",
     "注销|变更|迁移"},
    {"credit.repaired", Kind::kCount, "信用修复|修复", "credit", ""},
    {"credit.records", Kind::kCount, "信用信息|信用记录|信用数据", "", "条|万条|亿条"},
    {"fair_competition.reviewed", Kind::kCount, "公平竞争审查", "", ""},

    // ---- random inspections
    {"random_inspection.targets_in_directory", Kind::kCount, "入库[^§]{0,6}(对象|主体|企业)|检查对象名录", "", ""},
    {"random_inspection.joint_batches", Kind::kCount, "联合抽查[^§]{0,6}§|跨部门[^§]{0,8}联合", "", "批次|批|次"},
    {"random_inspection.joint_targets", Kind::kCount, "联合抽查", "", "户|家|个|万户"},
    {"random_inspection.batches", Kind::kCount, "抽查", "random", "批次|批|次"},
    {"random_inspection.targets", Kind::kCount, "抽查[^§]{0,10}(市场主体|企业|户|对象)|§[^§]{0,3}(市场主体|企业)",
     "random", "户|家|万户"},

    // ---- rules and normative documents
    {"normative_documents.filing_review_opinions", Kind::kCount, "审查意见|备案审查意见", "", "条|份|件"},
    {"legality_review.opinions", Kind::kCount, "合法性(审核|审查)意见|出具[^§]{0,10}意见|法律意见", "", ""},
    {"normative_documents.abolished", Kind::kCount, "废止|失效|宣布", "", "件|部|个|份|项"},
    {"normative_documents.amended", Kind::kCount, "修改|修订", "cleanup", "", "继续有效|保留"},
    {"normative_documents.cleanup_reviewed", Kind::kCount, "清理[^§]{0,12}§", "", "件|份|部|个|项"},
    {"normative_documents.amended", Kind::kCount, "(修改|修订)[^§]{0,4}§", "", "件|份|部|个|项", "继续有效|保留",
     "清理"},
    {"normative_documents.cleanup_reviewed", Kind::kCount, "清理|梳理|涉及", "cleanup", ""},
    {"normative_documents.filed", Kind::kCount, "(报备|备案)的?§", "normative", ""},
    {"normative_documents.issued", Kind::kCount,
     "(制定|出台|印发|发布|起草)[^§]{0,12}规范性文件|规范性文件[^§]{0,4}§|(制定|出台|印发|发布)[^§]{0,10}§[^§]{0,4}"
     "规范性文件",
     "", "", "清理|废止|失效|修改|审查|审核|备案|报备"},
    {"legislation.local_laws", Kind::kCount, "地方性法规", "", ""},
    {"legislation.rules", Kind::kCount, "政府规章|规章", "", ""},

    // ---- decisions, advisers, contracts
    {"major_decision.catalogue_items", Kind::kCount, "决策事项目录|决策目录|§[^§]{0,4}重大行政决策事项", "",
     "项|个|件"},
    {"major_decision.catalogue_items", Kind::kCount, "目录", "decisions", "项|个|件"},
    {"public_lawyer.count", Kind::kCount, "公职律师", "", "名|人|位"},
    {"legal_adviser.count", Kind::kCount, "法律顾问", "", "名|人|位"},
    {"contracts.breached", Kind::kCount, "违约毁约|违约", "", ""},
    {"contracts.reviewed", Kind::kCount, "(审查|审核|审定)[^§]{0,12}合同|合同[^§]{0,12}(审查|审核)", "", ""},

    // ---- enforcement
    {"criminal_transfer.filed", Kind::kCount, "立案", "criminal", ""},
    {"criminal_transfer.cases", Kind::kCount, "移送[^§]{0,12}(涉嫌|刑事|犯罪)|(涉嫌|刑事|犯罪)[^§]{0,8}移送|移送",
     "criminal", ""},
    {"case_file_review.files", Kind::kCount, "案卷", "", "卷|份|本|件|宗"},
    {"enforcement.exempted", Kind::kCount, "免予[^§]{0,4}处罚|免罚|不予(行政)?处罚|首违不罚|轻微不罚", "", "起|件|宗"},
    {"enforcement.certificates_issued", Kind::kCount,
     "(补换|换发|发放|申领|核发|办理|新增|新办|颁发)[^§]{0,10}(证|证件)|补换|换证", "enforcement", ""},
    {"enforcement.exam_takers", Kind::kCount, "参考|参加[^§]{0,8}考试|报考", "enforcement", "人|人次|名"},
    {"enforcement.trained", Kind::kCount, "培训", "enforcement", "人|人次|名|万人次"},
    {"enforcement.officers", Kind::kCount, "执法人员[^§]{0,6}§", "", "人|名|万人"},
    {"enforcement.bodies", Kind::kCount, "执法(主体|机关|单位)[^§]{0,6}§", "", "个|家"},
    {"enforcement.matters", Kind::kCount, "执法事项|权责事项|权力事项|执法职权|权责清单|权力清单", "", "项|个|万项"},
    {"enforcement.disclosures", Kind::kCount, "执法信息|公示[^§]{0,8}信息", "", "条|万条"},
    {"enforcement.cases", Kind::kCount, "(查办|办理|办结|查处|作出)[^§]{0,8}案件|执法案件|行政处罚案件", "enforcement",
     "件|起|宗|万件"},
    {"enforcement.cases", Kind::kCount,
     "行政处罚案件|执法案件|(查办|办理|办结|查处)[^§]{0,6}(违法|处罚|执法)案件|行政处罚决定", "", "件|起|宗|万件",
     "移送|涉嫌"},

    // ---- emergencies
    {"emergency.drills", Kind::kCount, "演练", "", "场|次|场次|万场次"},
    {"emergency.drill_participants", Kind::kCount, "参加|参与|参演", "emergency", "人|人次|万人次"},

    // ---- oversight and openness
    {"oversight.npc_suggestions", Kind::kCount, "人大(代表)?建议[^§]{0,4}§|人大(代表)?[^§]{0,4}建议", "", "件|条"},
    {"oversight.cppcc_proposals", Kind::kCount, "政协(委员)?提案[^§]{0,4}§|政协[^§]{0,4}提案", "", "件|条"},
    {"openness.on_request", Kind::kCount, "依申请公开", "", ""},
    {"openness.proactive", Kind::kCount, "主动公开", "", ""},
    {"openness.press_conferences", Kind::kCount, "新闻发布会|发布会", "", "场|次"},
    {"supervision.measures", Kind::kCount, "整改(举措|措施)", "", ""},
    {"supervision.problems", Kind::kCount, "问题", "supervision", "个|项|条"},

    // ---- legal services and publicity
    {"legal_aid.cases", Kind::kCount, "法律援助", "", "件|万件"},
    {"notary.cases", Kind::kCount, "公证", "", "件|万件"},
    {"legal_service.consultations", Kind::kCount, "咨询", "legal_service", ""},
    {"publicity.demo_villages", Kind::kCount, "民主法治示范村", "", ""},
    {"publicity.legal_literates", Kind::kCount, "法律明白人", "", "名|人|万名"},
    {"publicity.reach", Kind::kCount, "惠及|受众|覆盖[^§]{0,4}群众|受教育", "publicity", ""},
    {"publicity.activities", Kind::kCount, "活动", "publicity", "场|场次|次|期|万场|万场次|万次"},

    // ---- leadership
    {"leadership.committee_meetings", Kind::kCount, "委员会[^§]{0,4}(会议|全体会议)", "", "次"},
    {"leadership.pre_appointment_exams", Kind::kCount, "任前[^§]{0,8}考试|任职前[^§]{0,8}(考试|考查)", "", ""},
    {"leadership.pre_appointment_exams", Kind::kCount, "参考|参加|考试|§", "pre_appointment", "人|名|人次"},
    {"leadership.law_reports", Kind::kCount, "述法", "", "名|人|位"},
    {"leadership.study_sessions", Kind::kCount, "会前学法", "", "次|场|期"},
    {"leadership.rule_of_law_meetings", Kind::kCount, "专题研究[^§]{0,6}法治|研究法治|听取[^§]{0,12}(法治|汇报)", "",
     "次"},
    {"leadership.exam_participants", Kind::kCount, "学法考法|考法|学法考试|法律知识考试|参加[^§]{0,6}考", "leadership",
     "人|人次|名|万人|万名|万人次"},
    {"leadership.study_sessions_all", Kind::kCount, "学法", "leadership", "次|场|期"},

    // ---- fallbacks: a reconsideration sentence whose last keyword was of another topic
    //      (…调解和解后申请人撤回18件，终止3件)
    {"reconsideration.not_accepted", Kind::kCount, "不予受理|告知", "", "件|起|宗", "", "复议"},
    {"reconsideration.maintained", Kind::kCount, "维持", "", "件|起|宗", "", "复议"},
    {"reconsideration.rejected", Kind::kCount, "驳回", "", "件|起|宗", "", "复议"},
    {"reconsideration.withdrawn", Kind::kCount, "撤回", "", "件|起|宗", "调解|和解", "复议"},
    {"reconsideration.terminated", Kind::kCount, "终止", "", "件|起|宗", "", "复议"},
    {"reconsideration.corrected", Kind::kCount, "纠错|撤销|确认违法|责令履行|变更|确认无效", "", "件|起|宗", "",
     "复议"},
    {"reconsideration.concluded", Kind::kCount, "审结|办结|结案", "", "件|起|宗", "", "复议"},
};

struct Compiled {
  std::unique_ptr<RE2> topics;    // (kw of topic 0)|(kw of topic 1)|…
  std::unique_ptr<RE2> keywords;  // every keyword, no groups
  std::unordered_map<std::string, int> keyword_topic;
  std::unique_ptr<RE2::Set> clauses;  // every row's clause pattern, by row index
  std::vector<std::unique_ptr<RE2>> units, excludes, contexts;
};

const Compiled& compiled() {
  static const Compiled* c = [] {
    auto* out = new Compiled();
    std::string alternation;
    for (const Topic& t : kTopics) {
      if (!alternation.empty()) alternation += '|';
      alternation += std::string("(") + t.keywords + ")";
    }
    out->topics = std::make_unique<RE2>(alternation);
    std::string all;
    for (size_t t = 0; t < std::size(kTopics); ++t) {
      std::string_view kws(kTopics[t].keywords);
      size_t b = 0;
      while (b <= kws.size()) {
        size_t e = kws.find('|', b);
        if (e == std::string_view::npos) e = kws.size();
        std::string kw(kws.substr(b, e - b));
        out->keyword_topic.emplace(kw, static_cast<int>(t));
        if (!all.empty()) all += '|';
        all += RE2::QuoteMeta(kw);
        b = e + 1;
      }
    }
    out->keywords = std::make_unique<RE2>(all);
    RE2::Options options;
    options.set_max_mem(64 << 20);
    out->clauses = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
    for (const IndicatorPhrase& p : kIndicatorPhrases) {
      std::string error;
      if (out->clauses->Add(p.clause, &error) < 0) std::abort();  // a bad row is a programmer error
      out->units.push_back(std::make_unique<RE2>(p.units));
      out->excludes.push_back(std::make_unique<RE2>(p.exclude));
      out->contexts.push_back(std::make_unique<RE2>(p.context));
    }
    if (!out->clauses->Compile()) std::abort();
    return out;
  }();
  return *c;
}

// Calls `f(position, topic index)` for each keyword match in `text`, left to right.
template <typename F>
void each_topic(const RE2& re, std::string_view text, F&& f) {
  constexpr int kGroups = static_cast<int>(std::size(kTopics)) + 1;
  re2::StringPiece whole(text.data(), text.size());
  re2::StringPiece m[kGroups];
  size_t start = 0;
  while (start < text.size() && re.Match(whole, start, text.size(), RE2::UNANCHORED, m, kGroups)) {
    for (int g = 1; g < kGroups; ++g) {
      if (m[g].data() != nullptr) {
        f(static_cast<size_t>(m[0].data() - text.data()), g - 1);
        break;
      }
    }
    start = static_cast<size_t>(m[0].data() - text.data()) + (m[0].size() ? m[0].size() : 1);
  }
}

}  // namespace

std::string topic_of(std::string_view window, std::string_view after) {
  const Compiled& c = compiled();
  // A keyword in the clause after the figure is nearest of all; among several there,
  // the first topic of the table wins. Otherwise the last keyword before the figure.
  int best = -1;
  each_topic(*c.topics, after, [&](size_t, int topic) {
    if (best < 0 || topic < best) best = topic;
  });
  if (best < 0) each_topic(*c.topics, window, [&](size_t, int topic) { best = topic; });
  return best < 0 ? std::string() : std::string(kTopics[best].name);
}

std::optional<std::string> indicator_for(std::string_view clause, std::string_view topic, std::string_view unit,
                                         const std::function<std::string()>& context) {
  const Compiled& c = compiled();
  // A change (同比下降12.5个百分点, 增长4.7%) measures no catalogue indicator.
  static const RE2 change(
      "(同比|环比|比上年|较上年|比去年|较去年|增幅|降幅)[^§]{0,6}§|(增长|下降|上升|减少|增加|降低)了?§");
  if (unit == "个百分点" || unit == "百分点" ||
      RE2::PartialMatch(re2::StringPiece(clause.data(), clause.size()), change))
    return std::nullopt;
  static const RE2 bare_rate("率[达为是到]{0,2}§");
  bool rate =
      unit == "%" || (unit.empty() && RE2::PartialMatch(re2::StringPiece(clause.data(), clause.size()), bare_rate));
  re2::StringPiece cl(clause.data(), clause.size());
  re2::StringPiece un(unit.data(), unit.size());
  std::vector<int> hits;
  if (!c.clauses->Match(cl, &hits)) return std::nullopt;
  std::string context_text;
  std::sort(hits.begin(), hits.end());
  for (int i : hits) {
    const IndicatorPhrase& p = kIndicatorPhrases[i];
    if ((p.kind == Kind::kRate) != rate) continue;
    if (*p.topic && topic != p.topic) continue;
    if (*p.units && !RE2::FullMatch(un, *c.units[i])) continue;
    if (*p.exclude && RE2::PartialMatch(cl, *c.excludes[i])) continue;
    if (*p.context) {
      if (!context) continue;
      if (context_text.empty()) context_text = context();
      if (!RE2::PartialMatch(context_text, *c.contexts[i])) continue;
    }
    return std::string(p.indicator);
  }
  return std::nullopt;
}

std::vector<TopicMark> topic_marks(std::string_view utf8, const std::vector<uint32_t>& char_at) {
  const Compiled& c = compiled();
  std::vector<TopicMark> out;
  re2::StringPiece whole(utf8.data(), utf8.size());
  re2::StringPiece m;
  size_t start = 0;
  while (start < utf8.size() && c.keywords->Match(whole, start, utf8.size(), RE2::UNANCHORED, &m, 1)) {
    size_t b = static_cast<size_t>(m.data() - utf8.data());
    auto it = c.keyword_topic.find(std::string(m.data(), m.size()));
    if (it != c.keyword_topic.end()) out.push_back({char_at[b], char_at[b + m.size()], it->second});
    start = b + (m.size() ? m.size() : 1);
  }
  return out;
}

const char* topic_name(int topic) {
  return topic >= 0 && topic < static_cast<int>(std::size(kTopics)) ? kTopics[topic].name : "";
}

std::vector<std::string> mapped_indicators() {
  std::vector<std::string> out;
  for (const IndicatorPhrase& p : kIndicatorPhrases) {
    if (std::find(out.begin(), out.end(), p.indicator) == out.end()) out.emplace_back(p.indicator);
  }
  return out;
}

bool is_catalogue_indicator(std::string_view id) {
  for (const IndicatorPhrase& p : kIndicatorPhrases) {
    if (id == p.indicator) return true;
  }
  return false;
}

}  // namespace fazhi::review

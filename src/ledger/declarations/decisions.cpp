#include "ledger/declarations/declarations.h"

// Declarations are tables: each field stays on one line, however many designators it has.
// clang-format off
namespace fazhi {

// 重大行政决策 (重大行政决策程序暂行条例, 国务院令第713号; RULES.md §7), government contracts and
// legal advisers. Each of the five procedures has its done date; the three conditional ones
// (public participation, expert review, risk assessment) may instead record why they do not
// apply. decisions_rules.cpp refuses "decide" while a required procedure is missing.

const LedgerDeclaration& major_decision_ledger() {
  static const LedgerDeclaration ledger{
      .name = "major_decision",
      .label = "重大行政决策",
      .area = "decisions",
      .title_field = "title",
      .fields =
          {
              {.name = "title", .label = "决策事项", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "catalogue_year", .label = "目录年度", .type = FieldType::kInteger, .indexed = true,
               .min = 2000, .max = 2100},
              {.name = "in_catalogue", .label = "是否列入决策事项目录", .type = FieldType::kBoolean, .indexed = true},
              {.name = "sponsor_unit", .label = "决策承办单位", .type = FieldType::kOrgRef, .indexed = true},
              {.name = "decision_area", .label = "决策领域", .type = FieldType::kText, .max_length = 60,
               .in_list = false},
              {.name = "comment_started_on", .label = "征求意见开始日期", .type = FieldType::kDate, .in_list = false},
              {.name = "comment_period_days", .label = "征求意见期限（日）", .type = FieldType::kInteger, .min = 0,
               .help = "一般不少于30日（第十四条）", .in_list = false},
              {.name = "comment_shortened_reason", .label = "征求意见期限缩短理由", .type = FieldType::kText,
               .in_list = false},
              {.name = "public_hearing_held", .label = "是否举行听证会", .type = FieldType::kBoolean, .in_list = false},
              {.name = "public_participation_on", .label = "公众参与完成日期", .type = FieldType::kDate,
               .in_list = false},
              {.name = "public_participation_na_reason", .label = "公众参与不适用理由", .type = FieldType::kText,
               .help = "依法不予公开的决策事项", .in_list = false},
              {.name = "expert_review_on", .label = "专家论证完成日期", .type = FieldType::kDate, .in_list = false},
              {.name = "expert_review_na_reason", .label = "专家论证不适用理由", .type = FieldType::kText,
               .in_list = false},
              {.name = "risk_assessment_on", .label = "风险评估完成日期", .type = FieldType::kDate, .in_list = false},
              {.name = "risk_assessment_na_reason", .label = "风险评估不适用理由", .type = FieldType::kText,
               .in_list = false},
              {.name = "legality_review_sent_on", .label = "送交合法性审查日期", .type = FieldType::kDate,
               .in_list = false},
              {.name = "legality_review_on", .label = "合法性审查完成日期", .type = FieldType::kDate,
               .in_list = false},
              {.name = "legality_review", .label = "合法性审查记录", .type = FieldType::kRecordRef,
               .ref_ledger = "legality_review", .in_list = false},
              {.name = "collective_decision_on", .label = "集体讨论决定日期", .type = FieldType::kDate,
               .indexed = true},
              {.name = "decision_meeting", .label = "决定会议", .type = FieldType::kEnum,
               .options = {{"executive", "常务会议"}, {"plenary", "全体会议"}, {"office", "办公会议"}},
               .in_list = false},
              {.name = "decision_outcome", .label = "决定结果", .type = FieldType::kEnum, .indexed = true,
               .options = {{"approved", "通过"},
                           {"approved_with_changes", "修改后通过"},
                           {"deferred", "暂缓决策"},
                           {"rejected", "不予通过"}}},
              {.name = "reported_to_party_on", .label = "向党委请示报告日期", .type = FieldType::kDate,
               .in_list = false},
              {.name = "published_on", .label = "决策公布日期", .type = FieldType::kDate, .in_list = false},
              {.name = "archived", .label = "是否立卷归档", .type = FieldType::kBoolean, .in_list = false},
              {.name = "post_evaluation_on", .label = "决策后评估日期", .type = FieldType::kDate, .indexed = true,
               .in_list = false},
              {.name = "post_evaluation_conclusion", .label = "后评估结论", .type = FieldType::kEnum,
               .options = {{"continue", "继续执行"}, {"adjust", "调整完善"}, {"suspend", "暂缓执行"}, {"stop", "停止执行"}},
               .in_list = false},
              {.name = "withdrawn_reason", .label = "撤销立项理由", .type = FieldType::kText, .in_list = false},
              {.name = "documents", .label = "决策过程材料", .type = FieldType::kAttachment, .in_list = false},
          },
      .states =
          {
              {.name = "proposed", .label = "已立项"},
              {.name = "in_procedure", .label = "履行程序中"},
              {.name = "decided", .label = "已决定"},
              {.name = "published", .label = "已公布执行"},
              {.name = "evaluated", .label = "已后评估", .terminal = true},
              {.name = "withdrawn", .label = "已撤销立项", .terminal = true},
          },
      .initial_state = "proposed",
      .transitions =
          {
              {.name = "start_procedures", .label = "启动决策程序", .from = {"proposed"}, .to = "in_procedure"},
              {.name = "decide", .label = "集体讨论决定", .from = {"proposed", "in_procedure"}, .to = "decided",
               .requires_fields = {"legality_review_on", "collective_decision_on", "decision_outcome"}},
              {.name = "publish", .label = "公布决策", .from = {"decided"}, .to = "published",
               .requires_fields = {"published_on"}},
              {.name = "evaluate", .label = "完成后评估", .from = {"published"}, .to = "evaluated",
               .requires_fields = {"post_evaluation_on", "post_evaluation_conclusion"}},
              {.name = "withdraw", .label = "撤销立项", .from = {"proposed", "in_procedure"}, .to = "withdrawn",
               .requires_fields = {"withdrawn_reason"}},
          },
  };
  return ledger;
}

const LedgerDeclaration& government_contract_ledger() {
  static const LedgerDeclaration ledger{
      .name = "government_contract",
      .label = "政府合同",
      .area = "decisions",
      .title_field = "name",
      .fields =
          {
              {.name = "name", .label = "合同名称", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "contract_number", .label = "合同编号", .type = FieldType::kText, .max_length = 60},
              {.name = "contract_kind", .label = "合同类别", .type = FieldType::kEnum, .indexed = true,
               .options = {{"procurement", "政府采购"},
                           {"ppp", "政府和社会资本合作"},
                           {"franchise", "特许经营"},
                           {"land", "国有土地使用权出让"},
                           {"investment", "招商引资"},
                           {"lease", "租赁"},
                           {"service", "委托服务"},
                           {"other", "其他"}}},
              {.name = "counterparty", .label = "合同相对方", .type = FieldType::kText, .max_length = 200},
              {.name = "counterparty_uscc", .label = "相对方统一社会信用代码", .type = FieldType::kNationalCode,
               .code = NationalCodeKind::kUnifiedSocialCreditCode, .in_list = false},
              {.name = "amount", .label = "合同金额（万元）", .type = FieldType::kDecimal, .min = 0},
              {.name = "submitted_for_review_on", .label = "送审日期", .type = FieldType::kDate, .in_list = false},
              {.name = "legality_review", .label = "合法性审查记录", .type = FieldType::kRecordRef,
               .ref_ledger = "legality_review", .in_list = false},
              {.name = "reviewed_on", .label = "审查完成日期", .type = FieldType::kDate, .indexed = true},
              {.name = "review_opinion", .label = "审查结论", .type = FieldType::kEnum, .indexed = true,
               .options = {{"approved", "同意签订"}, {"approved_with_changes", "修改后签订"}, {"disapproved", "不同意签订"}},
               .in_list = false},
              {.name = "signed_on", .label = "签订日期", .type = FieldType::kDate, .indexed = true},
              {.name = "term_from", .label = "履行期限起", .type = FieldType::kDate, .in_list = false},
              {.name = "term_until", .label = "履行期限止", .type = FieldType::kDate, .in_list = false},
              {.name = "amended", .label = "是否变更", .type = FieldType::kBoolean,
               .help = "填写变更日期后自动标记", .in_list = false},
              {.name = "amendment_reviewed_on", .label = "变更合法性审查日期", .type = FieldType::kDate,
               .help = "合同变更前重新送合法性审查的完成日期", .in_list = false},
              {.name = "amended_on", .label = "变更日期", .type = FieldType::kDate, .in_list = false},
              {.name = "amendment_description", .label = "变更内容", .type = FieldType::kLongText, .in_list = false},
              {.name = "government_breached", .label = "政府方是否违约", .type = FieldType::kBoolean, .indexed = true},
              {.name = "breached_on", .label = "政府方违约日期", .type = FieldType::kDate, .indexed = true,
               .help = "政府方违约或毁约发生的日期", .in_list = false},
              {.name = "dispute_resolution", .label = "纠纷解决方式", .type = FieldType::kEnum,
               .options = {{"negotiation", "协商"}, {"mediation", "调解"}, {"arbitration", "仲裁"}, {"litigation", "诉讼"}},
               .in_list = false},
              {.name = "dispute_description", .label = "纠纷情况", .type = FieldType::kLongText, .in_list = false},
              {.name = "dispute_on", .label = "纠纷发生日期", .type = FieldType::kDate, .in_list = false},
              {.name = "completed_on", .label = "履行完毕日期", .type = FieldType::kDate, .in_list = false},
              {.name = "terminated_on", .label = "解除或终止日期", .type = FieldType::kDate, .in_list = false},
              {.name = "contract_file", .label = "合同文本", .type = FieldType::kAttachment, .in_list = false},
          },
      .states =
          {
              {.name = "drafting", .label = "拟订中"},
              {.name = "under_review", .label = "合法性审查中"},
              {.name = "reviewed", .label = "已审查"},
              {.name = "performing", .label = "履行中"},
              {.name = "completed", .label = "履行完毕", .terminal = true},
              {.name = "terminated", .label = "已解除或终止", .terminal = true},
          },
      .initial_state = "drafting",
      .transitions =
          {
              {.name = "submit_for_review", .label = "送交审查", .from = {"drafting"}, .to = "under_review",
               .requires_fields = {"submitted_for_review_on"}},
              {.name = "complete_review", .label = "审查完成", .from = {"under_review"}, .to = "reviewed",
               .requires_fields = {"reviewed_on", "review_opinion"}},
              {.name = "resubmit", .label = "修改后重新送审", .from = {"reviewed"}, .to = "under_review",
               .requires_fields = {"submitted_for_review_on"}},
              {.name = "sign", .label = "签订", .from = {"reviewed"}, .to = "performing",
               .requires_fields = {"signed_on"}},
              {.name = "complete", .label = "履行完毕", .from = {"performing"}, .to = "completed",
               .requires_fields = {"completed_on"}},
              {.name = "terminate", .label = "解除或终止", .from = {"performing", "reviewed"}, .to = "terminated",
               .requires_fields = {"terminated_on"}},
          },
  };
  return ledger;
}

// 法律顾问 / 公职律师 engaged by an organ.
const LedgerDeclaration& legal_adviser_ledger() {
  static const LedgerDeclaration ledger{
      .name = "legal_adviser",
      .label = "法律顾问和公职律师",
      .area = "decisions",
      .title_field = "name",
      .fields =
          {
              {.name = "name", .label = "姓名", .type = FieldType::kText, .required = true, .max_length = 40},
              {.name = "kind", .label = "类别", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"legal_adviser", "法律顾问"}, {"public_lawyer", "公职律师"}}},
              {.name = "person", .label = "人员", .type = FieldType::kPersonRef, .in_list = false},
              {.name = "firm", .label = "所在律师事务所或单位", .type = FieldType::kText, .max_length = 100},
              {.name = "engaged_from", .label = "聘任起始日期", .type = FieldType::kDate, .indexed = true},
              {.name = "engaged_until", .label = "聘任截止日期", .type = FieldType::kDate, .indexed = true},
          },
  };
  return ledger;
}

}  // namespace fazhi
// clang-format on

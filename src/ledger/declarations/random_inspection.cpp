#include "ledger/declarations/declarations.h"

// Declarations are tables: each field stays on one line, however many designators it has.
// clang-format off
namespace fazhi {

// 双随机、一公开 (国办发〔2015〕58号; RULES.md §5): the item list, yearly plans, the two
// directories, recorded draws and per-target results published within 20 working days.

const LedgerDeclaration& inspection_item_list_ledger() {
  static const LedgerDeclaration ledger{
      .name = "inspection_item_list",
      .label = "抽查事项清单",
      .area = "functions",
      .title_field = "item_name",
      .fields =
          {
              {.name = "item_name", .label = "抽查事项", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "item_code", .label = "事项编码", .type = FieldType::kText, .max_length = 60},
              {.name = "inspection_kind", .label = "抽查类别", .type = FieldType::kEnum, .indexed = true,
               .options = {{"directed", "定向抽查"}, {"undirected", "不定向抽查"}}},
              {.name = "target_scope", .label = "检查对象范围", .type = FieldType::kText, .in_list = false},
              {.name = "method", .label = "检查方式", .type = FieldType::kText, .in_list = false},
              {.name = "legal_basis", .label = "检查依据", .type = FieldType::kLongText, .in_list = false},
              {.name = "in_force", .label = "是否有效", .type = FieldType::kBoolean, .indexed = true},
          },
  };
  return ledger;
}

const LedgerDeclaration& inspection_plan_ledger() {
  static const LedgerDeclaration ledger{
      .name = "inspection_plan",
      .label = "抽查计划",
      .area = "functions",
      .title_field = "plan_name",
      .fields =
          {
              {.name = "plan_name", .label = "计划名称", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "year", .label = "年度", .type = FieldType::kInteger, .required = true, .indexed = true,
               .min = 2000, .max = 2100},
              {.name = "item", .label = "抽查事项", .type = FieldType::kRecordRef, .ref_ledger = "inspection_item_list",
               .in_list = false},
              {.name = "joint", .label = "是否跨部门联合抽查", .type = FieldType::kBoolean, .indexed = true},
              {.name = "partner_orgs", .label = "参与部门", .type = FieldType::kText, .in_list = false},
              {.name = "sampling_ratio", .label = "抽查比例（%）", .type = FieldType::kDecimal, .min = 0, .max = 100,
               .in_list = false},
              {.name = "planned_targets", .label = "计划抽查户数", .type = FieldType::kInteger, .min = 0},
              {.name = "published_on", .label = "计划公示日期", .type = FieldType::kDate, .in_list = false},
              {.name = "start_on", .label = "计划开始日期", .type = FieldType::kDate, .indexed = true},
              {.name = "end_on", .label = "计划完成日期", .type = FieldType::kDate, .in_list = false},
              {.name = "completed_on", .label = "实际完成日期", .type = FieldType::kDate, .indexed = true},
              {.name = "cancel_reason", .label = "取消原因", .type = FieldType::kText, .in_list = false},
          },
      .states =
          {
              {.name = "planned", .label = "已制定"},
              {.name = "drawn", .label = "已抽取"},
              {.name = "inspecting", .label = "检查中"},
              {.name = "completed", .label = "已完成", .terminal = true},
              {.name = "cancelled", .label = "已取消", .terminal = true},
          },
      .initial_state = "planned",
      .transitions =
          {
              {.name = "record_draw", .label = "完成抽取", .from = {"planned"}, .to = "drawn"},
              {.name = "start", .label = "开始检查", .from = {"drawn"}, .to = "inspecting"},
              {.name = "complete", .label = "检查完成", .from = {"drawn", "inspecting"}, .to = "completed",
               .requires_fields = {"completed_on"}},
              {.name = "cancel", .label = "取消计划", .from = {"planned", "drawn"}, .to = "cancelled",
               .requires_fields = {"cancel_reason"}},
          },
  };
  return ledger;
}

// 检查对象名录库: one market entity per row.
const LedgerDeclaration& inspection_target_ledger() {
  static const LedgerDeclaration ledger{
      .name = "inspection_target",
      .label = "检查对象名录",
      .area = "functions",
      .title_field = "name",
      .fields =
          {
              {.name = "name", .label = "主体名称", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "uscc", .label = "统一社会信用代码", .type = FieldType::kNationalCode, .indexed = true,
               .code = NationalCodeKind::kUnifiedSocialCreditCode},
              {.name = "entity_kind", .label = "主体类型", .type = FieldType::kEnum, .indexed = true,
               .options = {{"enterprise", "企业"},
                           {"individual", "个体工商户"},
                           {"cooperative", "农民专业合作社"},
                           {"institution", "事业单位"},
                           {"other", "其他"}}},
              {.name = "industry_code", .label = "行业代码", .type = FieldType::kText, .indexed = true,
               .max_length = 10, .help = "GB/T 4754 国民经济行业分类代码"},
              {.name = "industry", .label = "所属行业", .type = FieldType::kText, .max_length = 100, .in_list = false},
              {.name = "region_code", .label = "所在区划代码", .type = FieldType::kNationalCode, .indexed = true,
               .code = NationalCodeKind::kRegionCode, .in_list = false},
              {.name = "address", .label = "住所（经营场所）", .type = FieldType::kText, .in_list = false},
              {.name = "legal_representative", .label = "法定代表人（负责人）", .type = FieldType::kText,
               .max_length = 40, .in_list = false},
              {.name = "credit_risk_class", .label = "信用风险分类", .type = FieldType::kEnum, .indexed = true,
               .options = {{"A", "A类（信用风险低）"},
                           {"B", "B类（信用风险一般）"},
                           {"C", "C类（信用风险较高）"},
                           {"D", "D类（信用风险高）"}}},
              {.name = "abnormal_listed", .label = "是否列入经营异常名录", .type = FieldType::kBoolean,
               .indexed = true, .in_list = false},
              {.name = "entered_on", .label = "入库日期", .type = FieldType::kDate, .indexed = true},
              {.name = "removed_on", .label = "出库日期", .type = FieldType::kDate, .indexed = true, .in_list = false},
          },
  };
  return ledger;
}

// 执法检查人员名录库.
const LedgerDeclaration& inspector_ledger() {
  static const LedgerDeclaration ledger{
      .name = "inspector",
      .label = "检查人员名录",
      .area = "functions",
      .title_field = "person",
      .fields =
          {
              {.name = "person", .label = "人员", .type = FieldType::kPersonRef, .required = true},
              {.name = "certificate", .label = "执法证件", .type = FieldType::kRecordRef, .ref_ledger = "certificate",
               .in_list = false},
              {.name = "specialty", .label = "专业领域", .type = FieldType::kText, .max_length = 100},
              {.name = "in_pool", .label = "是否在库", .type = FieldType::kBoolean, .indexed = true},
              {.name = "entered_on", .label = "入库日期", .type = FieldType::kDate, .in_list = false},
              {.name = "removed_on", .label = "出库日期", .type = FieldType::kDate, .in_list = false},
          },
  };
  return ledger;
}

// A recorded random draw (抽取/摇号): enough to re-run and verify it (draw engine).
const LedgerDeclaration& draw_ledger() {
  static const LedgerDeclaration ledger{
      .name = "draw",
      .label = "抽取记录",
      .area = "functions",
      .title_field = "draw_number",
      .fields =
          {
              {.name = "draw_number", .label = "抽取编号", .type = FieldType::kText, .required = true, .unique = true,
               .max_length = 60},
              {.name = "draw_kind", .label = "抽取类别", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"targets", "检查对象"}, {"inspectors", "检查人员"}, {"case_files", "评查案卷"}}},
              {.name = "plan", .label = "抽查计划", .type = FieldType::kRecordRef, .indexed = true,
               .ref_ledger = "inspection_plan"},
              {.name = "drawn_at", .label = "抽取时间", .type = FieldType::kDateTime, .required = true, .indexed = true},
              {.name = "plan_hash", .label = "抽取方案摘要", .type = FieldType::kText, .required = true,
               .max_length = 64, .help = "抽取方案（名单与规则）的SM3摘要，抽取前公布", .in_list = false},
              {.name = "public_value", .label = "公开随机值", .type = FieldType::kText, .max_length = 200,
               .in_list = false},
              {.name = "public_value_source", .label = "随机值来源", .type = FieldType::kText, .max_length = 200,
               .in_list = false},
              {.name = "seed", .label = "随机种子", .type = FieldType::kText, .max_length = 128, .in_list = false},
              {.name = "population_count", .label = "备选数量", .type = FieldType::kInteger, .min = 0},
              {.name = "drawn_count", .label = "抽取数量", .type = FieldType::kInteger, .min = 0},
              {.name = "result_hash", .label = "抽取结果摘要", .type = FieldType::kText, .max_length = 64,
               .in_list = false},
              {.name = "result_file", .label = "抽取结果文件", .type = FieldType::kAttachment, .in_list = false},
              {.name = "witnesses", .label = "监督人员", .type = FieldType::kText, .in_list = false},
          },
  };
  return ledger;
}

// One inspected target's result; published within 20 working days of the inspection's end.
const LedgerDeclaration& inspection_result_ledger() {
  static const LedgerDeclaration ledger{
      .name = "inspection_result",
      .label = "抽查结果",
      .area = "functions",
      .title_field = "target",
      .fields =
          {
              {.name = "plan", .label = "所属抽查计划", .type = FieldType::kRecordRef, .required = true,
               .indexed = true, .ref_ledger = "inspection_plan"},
              {.name = "target", .label = "被检查对象", .type = FieldType::kRecordRef, .required = true,
               .indexed = true, .ref_ledger = "inspection_target"},
              {.name = "inspectors", .label = "检查人员", .type = FieldType::kText, .max_length = 100,
               .in_list = false},
              {.name = "inspected_on", .label = "检查日期", .type = FieldType::kDate, .indexed = true},
              {.name = "finished_on", .label = "检查结束日期", .type = FieldType::kDate, .indexed = true,
               .help = "结果公示期限自此起算"},
              {.name = "finding", .label = "检查结果", .type = FieldType::kEnum, .indexed = true,
               .options = {{"no_problem", "未发现问题"},
                           {"corrected", "发现问题已责令改正"},
                           {"handed_over", "发现问题移交处理"},
                           {"unreachable", "通过登记的住所（经营场所）无法联系"},
                           {"not_operating", "未发现开展本次抽查涉及的经营活动"},
                           {"refused", "不配合检查"},
                           {"other", "其他"}}},
              {.name = "problem_description", .label = "问题描述", .type = FieldType::kLongText, .in_list = false},
              {.name = "disclosed_on", .label = "结果公示日期", .type = FieldType::kDate, .indexed = true},
              {.name = "disclosure_late", .label = "是否超期公示", .type = FieldType::kBoolean, .indexed = true,
               .help = "由检查结束日期、公示日期和本地区公示期限计算，不需填写"},
          },
      .time_limits =
          {
              {.name = "result_disclosure", .label = "抽查结果公示期限", .from = "finished_on", .days = 20,
               .count = DayCount::kWorkingDays, .until = "disclosed_on",
               .source = "冀政办发〔2015〕22号等地方规定（国办发〔2015〕58号：及时公开）"},
          },
  };
  return ledger;
}

}  // namespace fazhi
// clang-format on

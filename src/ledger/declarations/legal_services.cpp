#include "ledger/declarations/declarations.h"

// Declarations are tables: each field stays on one line, however many designators it has.
// clang-format off
namespace fazhi {

// 普法 and 公共法律服务: publicity activities, demonstration villages, 法律明白人, legal aid and
// other legal services (consultations, notarisations …).

const LedgerDeclaration& legal_publicity_ledger() {
  static const LedgerDeclaration ledger{
      .name = "legal_publicity",
      .label = "普法活动",
      .area = "leadership",
      .title_field = "name",
      .fields =
          {
              {.name = "name", .label = "活动名称", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "held_on", .label = "活动日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "activity_kind", .label = "活动形式", .type = FieldType::kEnum, .indexed = true,
               .options = {{"lecture", "法治讲座"},
                           {"campaign", "集中宣传"},
                           {"case_explanation", "以案释法"},
                           {"contest", "知识竞赛"},
                           {"exhibition", "展览"},
                           {"performance", "文艺演出"},
                           {"online", "网络新媒体"},
                           {"other", "其他"}}},
              {.name = "theme", .label = "宣传主题", .type = FieldType::kText, .max_length = 100},
              {.name = "audience", .label = "宣传对象", .type = FieldType::kText, .max_length = 100, .in_list = false},
              {.name = "location", .label = "活动地点", .type = FieldType::kText, .in_list = false},
              {.name = "reach", .label = "受众人次", .type = FieldType::kInteger, .min = 0},
              {.name = "materials", .label = "发放资料份数", .type = FieldType::kInteger, .min = 0, .in_list = false},
          },
  };
  return ledger;
}

// 民主法治示范村（社区）.
const LedgerDeclaration& demo_village_ledger() {
  static const LedgerDeclaration ledger{
      .name = "demo_village",
      .label = "民主法治示范村（社区）",
      .area = "leadership",
      .title_field = "name",
      .fields =
          {
              {.name = "name", .label = "村（社区）名称", .type = FieldType::kText, .required = true, .max_length = 100},
              {.name = "region_code", .label = "村（社区）区划代码", .type = FieldType::kNationalCode,
               .code = NationalCodeKind::kRegionCode},
              {.name = "level", .label = "命名级别", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"national", "全国"}, {"provincial", "省级"}, {"city", "市级"}, {"county", "县级"}}},
              {.name = "named_year", .label = "命名年度", .type = FieldType::kInteger, .indexed = true, .min = 2000,
               .max = 2100},
          },
  };
  return ledger;
}

// 法律明白人: one trained person.
const LedgerDeclaration& legal_literate_ledger() {
  static const LedgerDeclaration ledger{
      .name = "legal_literate",
      .label = "法律明白人",
      .area = "leadership",
      .title_field = "name",
      .fields =
          {
              {.name = "name", .label = "姓名", .type = FieldType::kText, .required = true, .max_length = 40},
              {.name = "village", .label = "所在村（社区）", .type = FieldType::kText, .max_length = 100},
              {.name = "trained_on", .label = "培训日期", .type = FieldType::kDate, .indexed = true},
          },
  };
  return ledger;
}

const LedgerDeclaration& legal_aid_ledger() {
  static const LedgerDeclaration ledger{
      .name = "legal_aid",
      .label = "法律援助案件",
      .area = "disputes",
      .title_field = "case_number",
      .fields =
          {
              {.name = "case_number", .label = "援助案号", .type = FieldType::kText, .max_length = 60},
              {.name = "aided_person", .label = "受援人", .type = FieldType::kText, .required = true, .max_length = 100},
              {.name = "aided_group", .label = "受援人类别", .type = FieldType::kEnum, .indexed = true,
               .options = {{"migrant_worker", "农民工"},
                           {"minor", "未成年人"},
                           {"elderly", "老年人"},
                           {"disabled", "残疾人"},
                           {"veteran", "退役军人"},
                           {"women", "妇女"},
                           {"other", "其他"}}},
              {.name = "aid_kind", .label = "案件类别", .type = FieldType::kEnum, .indexed = true,
               .options = {{"criminal", "刑事"}, {"civil", "民事"}, {"administrative", "行政"}, {"non_litigation", "非诉讼"}}},
              {.name = "matter", .label = "案由", .type = FieldType::kText, .max_length = 200},
              {.name = "applied_on", .label = "申请日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "granted", .label = "是否给予援助", .type = FieldType::kBoolean, .indexed = true},
              {.name = "decided_on", .label = "审查决定日期", .type = FieldType::kDate, .in_list = false},
              {.name = "lawyer", .label = "承办律师", .type = FieldType::kText, .max_length = 100, .in_list = false},
              {.name = "closed_on", .label = "结案日期", .type = FieldType::kDate, .indexed = true},
              {.name = "amount_recovered", .label = "挽回经济损失（万元）", .type = FieldType::kDecimal, .min = 0,
               .in_list = false},
          },
  };
  return ledger;
}

// 公共法律服务: consultations, notarisations and other services; a row may count several
// people (a day's consultations at one station).
const LedgerDeclaration& legal_service_ledger() {
  static const LedgerDeclaration ledger{
      .name = "legal_service",
      .label = "公共法律服务",
      .area = "disputes",
      .title_field = "subject",
      .fields =
          {
              {.name = "subject", .label = "服务事项", .type = FieldType::kText, .required = true, .max_length = 200},
              {.name = "service_kind", .label = "服务类型", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"consultation", "法律咨询"},
                           {"notarization", "公证"},
                           {"judicial_appraisal", "司法鉴定"},
                           {"arbitration", "仲裁"},
                           {"other", "其他"}}},
              {.name = "channel", .label = "服务渠道", .type = FieldType::kEnum, .indexed = true,
               .options = {{"station", "公共法律服务实体平台"}, {"hotline", "12348热线"}, {"online", "网络平台"}}},
              {.name = "served_on", .label = "服务日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "count", .label = "服务人次（件数）", .type = FieldType::kInteger, .min = 1},
              {.name = "free", .label = "是否免费", .type = FieldType::kBoolean, .indexed = true},
          },
  };
  return ledger;
}

}  // namespace fazhi
// clang-format on

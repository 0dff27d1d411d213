#include "ledger/declarations/declarations.h"

// Declarations are tables: each field stays on one line, however many designators it has.
// clang-format off
namespace fazhi {

// 地方时限设置: a region's own period for a declared time limit (region_time_limits.h). One
// row per limit; only the coordinator and the administrator set them, and every change is
// audited like any record. The ledger's declaration keeps the national default.
const LedgerDeclaration& region_time_limit_ledger() {
  static const LedgerDeclaration ledger{
      .name = "region_time_limit",
      .label = "地方时限设置",
      .area = "settings",
      .title_field = "limit_label",
      .fields =
          {
              {.name = "ledger_name",
               .label = "台账",
               .type = FieldType::kText,
               .required = true,
               .max_length = 60,
               .help = "台账的代码名，例如 enforcement_case"},
              {.name = "limit_name",
               .label = "时限",
               .type = FieldType::kText,
               .required = true,
               .max_length = 60,
               .help = "时限的代码名，例如 disclosure_licensing_penalty"},
              {.name = "limit_label",
               .label = "时限名称",
               .type = FieldType::kText,
               .max_length = 100,
               .help = "由台账声明填写"},
              {.name = "days",
               .label = "天数",
               .type = FieldType::kInteger,
               .required = true,
               .min = 1,
               .max = 3650},
              {.name = "day_count",
               .label = "计算方式",
               .type = FieldType::kEnum,
               .required = true,
               .options = {{"working_days", "工作日"}, {"calendar_days", "自然日"}}},
              {.name = "basis",
               .label = "设定依据",
               .type = FieldType::kText,
               .required = true,
               .max_length = 200,
               .help = "本地区规定的名称和文号、条款"},
              {.name = "effective_from",
               .label = "施行日期",
               .type = FieldType::kDate,
               .indexed = true},
              {.name = "in_force",
               .label = "是否有效",
               .type = FieldType::kBoolean,
               .required = true,
               .indexed = true},
          },
      .write_roles = {Role::kAdmin, Role::kCoordinator},
  };
  return ledger;
}

// 地方年度职责设置: a region's own minimum for a declared yearly duty (yearly_duties.h) — how
// many 常务会议会前学法 a government holds a year, say, where the national texts leave the
// number to local rules. One row in force per duty; set by the coordinator and the
// administrator, audited like any record. The ledger's declaration keeps the national default.
const LedgerDeclaration& region_yearly_duty_ledger() {
  static const LedgerDeclaration ledger{
      .name = "region_yearly_duty",
      .label = "地方年度职责设置",
      .area = "settings",
      .title_field = "duty_label",
      .fields =
          {
              {.name = "ledger_name",
               .label = "台账",
               .type = FieldType::kText,
               .required = true,
               .max_length = 60,
               .help = "台账的代码名，例如 law_study_session"},
              {.name = "duty_name",
               .label = "年度职责",
               .type = FieldType::kText,
               .required = true,
               .max_length = 60,
               .help = "年度职责的代码名，例如 executive_meeting_study"},
              {.name = "duty_label",
               .label = "职责名称",
               .type = FieldType::kText,
               .max_length = 100,
               .help = "由台账声明填写"},
              {.name = "minimum",
               .label = "每年不少于",
               .type = FieldType::kInteger,
               .required = true,
               .min = 1,
               .max = 366},
              {.name = "basis",
               .label = "设定依据",
               .type = FieldType::kText,
               .required = true,
               .max_length = 200,
               .help = "本地区规定的名称和文号、条款"},
              {.name = "effective_from",
               .label = "施行日期",
               .type = FieldType::kDate,
               .indexed = true},
              {.name = "in_force",
               .label = "是否有效",
               .type = FieldType::kBoolean,
               .required = true,
               .indexed = true},
          },
      .write_roles = {Role::kAdmin, Role::kCoordinator},
  };
  return ledger;
}

}  // namespace fazhi
// clang-format on

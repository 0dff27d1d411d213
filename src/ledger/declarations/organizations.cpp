#include "ledger/declarations/declarations.h"

// Declarations are tables: each field stays on one line, however many designators it has.
// clang-format off
namespace fazhi {

// The tree of regions and organisations: each record is one organisation, placed under its
// parent; its own code is its owner, so a user sees the organisations at and below their own.
const LedgerDeclaration& organizations_ledger() {
  static const LedgerDeclaration ledger{
      .name = "organizations",
      .label = "单位",
      .area = "leadership",
      .title_field = "name",
      .fields =
          {
              {.name = "code", .label = "单位编码", .type = FieldType::kText, .required = true, .unique = true,
               .max_length = 40, .help = "字母、数字、点或短横线，例如 370100.sfj"},
              {.name = "name", .label = "单位名称", .type = FieldType::kText, .required = true, .max_length = 100},
              {.name = "short_name", .label = "简称", .type = FieldType::kText, .max_length = 40, .in_list = false},
              {.name = "kind",
               .label = "单位类别",
               .type = FieldType::kEnum,
               .required = true,
               .indexed = true,
               .options = {{"government", "人民政府"},
                           {"department", "政府部门"},
                           {"township", "乡镇（街道）"},
                           {"enforcement_body", "执法机构"},
                           {"mediation_committee", "人民调解委员会"},
                           {"court", "人民法院"},
                           {"other", "其他"}}},
              {.name = "parent_code", .label = "上级单位编码", .type = FieldType::kOrgRef, .indexed = true,
               .help = "根单位（本级人民政府）留空"},
              {.name = "region_code", .label = "行政区划代码", .type = FieldType::kNationalCode, .required = true,
               .code = NationalCodeKind::kRegionCode},
              {.name = "uscc", .label = "统一社会信用代码", .type = FieldType::kNationalCode,
               .code = NationalCodeKind::kUnifiedSocialCreditCode, .in_list = false},
              {.name = "head", .label = "主要负责人", .type = FieldType::kText, .max_length = 40, .in_list = false},
              {.name = "phone", .label = "联系电话", .type = FieldType::kText, .max_length = 40, .in_list = false},
              {.name = "address", .label = "地址", .type = FieldType::kText, .in_list = false},
          },
      .read_roles = {Role::kAdmin, Role::kCoordinator, Role::kClerk, Role::kLeader, Role::kReader},
      .write_roles = {Role::kAdmin, Role::kCoordinator},
  };
  return ledger;
}

// People: staff, officers, mediators, leaders — anyone a record names as a person.
const LedgerDeclaration& people_ledger() {
  static const LedgerDeclaration ledger{
      .name = "people",
      .label = "人员",
      .area = "leadership",
      .title_field = "name",
      .fields =
          {
              {.name = "name", .label = "姓名", .type = FieldType::kText, .required = true, .max_length = 40},
              {.name = "gender", .label = "性别", .type = FieldType::kEnum,
               .options = {{"male", "男"}, {"female", "女"}}},
              {.name = "citizen_id", .label = "公民身份号码", .type = FieldType::kNationalCode, .unique = true,
               .code = NationalCodeKind::kCitizenId, .in_list = false},
              {.name = "position", .label = "职务", .type = FieldType::kText, .max_length = 60},
              {.name = "is_leader", .label = "是否领导干部", .type = FieldType::kBoolean},
              {.name = "principal", .label = "是否主要负责人", .type = FieldType::kBoolean, .indexed = true,
               .help = "本单位的主要负责人（党政正职），每年须述法"},
              {.name = "roles",
               .label = "岗位类别",
               .type = FieldType::kEnum,
               .indexed = true,
               .options = {{"staff", "工作人员"},
                           {"officer", "执法人员"},
                           {"mediator", "人民调解员"},
                           {"legal_adviser", "法律顾问"},
                           {"public_lawyer", "公职律师"},
                           {"leader", "领导干部"}}},
              {.name = "phone", .label = "联系电话", .type = FieldType::kText, .max_length = 40, .in_list = false},
              {.name = "entered_on", .label = "入职日期", .type = FieldType::kDate, .in_list = false},
          },
      .write_roles = {Role::kAdmin, Role::kCoordinator, Role::kClerk},
  };
  return ledger;
}

}  // namespace fazhi
// clang-format on

#include "ledger/declarations/organizations_rules.h"

#include "core/error.h"

namespace fazhi {
namespace {

Error org_error(std::string field, std::string reason) {
  Error e = invalid_input("单位", "", std::move(reason));
  e.field = std::move(field);
  return e;
}

}  // namespace

Result<void> organizations_rule(const RuleContext& c, const LedgerRecord* before, LedgerRecord& after,
                                const TransitionDeclaration*) {
  std::string code = sql_text(field_of(c.ledger, after, "code"));
  std::string parent = sql_text(field_of(c.ledger, after, "parent_code"));
  for (char ch : code) {
    bool good = std::isalnum(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-' || ch == '_';
    if (!good) return org_error("code", "单位编码只能包含字母、数字、点、短横线或下划线（填写的是「" + code + "」）");
  }
  if (before && sql_text(field_of(c.ledger, *before, "code")) != code)
    return org_error("code", "单位编码创建后不能修改");
  if (parent == code) return org_error("parent_code", "上级单位不能是本单位");
  std::string parent_path;
  if (parent.empty()) {
    if (!c.user.system && !(c.user.role == Role::kAdmin && c.orgs.find(c.user.org_code) &&
                            c.orgs.find(c.user.org_code)->parent_code.empty()))
      return org_error("parent_code", "只有根单位的系统管理员可以设立没有上级的单位");
  } else {
    const OrgNode* p = c.orgs.find(parent);
    if (!p) return org_error("parent_code", "上级单位「" + parent + "」不存在");
    parent_path = p->path;
  }
  if (before && sql_text(field_of(c.ledger, *before, "parent_code")) != parent)
    return org_error("parent_code", "上级单位创建后不能修改（下属记录的权限范围随之确定）");
  after.org_code = code;
  after.org_path = (parent_path.empty() ? "/" : parent_path) + code + "/";
  return ok();
}

}  // namespace fazhi

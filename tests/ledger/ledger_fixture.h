// A small organisation tree on a fresh database of either backend, for ledger tests:
//   370100 示例市人民政府 (root)
//   ├── 370100.sfj 示例市司法局
//   └── 370102 示例市甲区人民政府
//       └── 370102.sfj 甲区司法局
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "harness/result_matchers.h"
#include "harness/temp_database.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_service.h"
#include "ledger/ledger_table.h"

namespace fazhi::testing {

class LedgerFixture : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<TempDatabase>(GetParam());
    auto s = Store::open(db_->location(), {.create = true});
    ASSERT_TRUE(s.has_value()) << s.error().full_message();
    store_ = std::move(s).value();
    auto t = ensure_ledger_tables(*store_);
    ASSERT_TRUE(t.has_value()) << t.error().full_message();
    service_ = std::make_unique<LedgerService>(*store_);
    add_org("370100", "示例市人民政府", "government", "", "370100");
    add_org("370100.sfj", "示例市司法局", "department", "370100", "370100");
    add_org("370102", "示例市甲区人民政府", "government", "370100", "370102");
    add_org("370102.sfj", "甲区司法局", "department", "370102", "370102");
  }

  void add_org(const std::string& code, const std::string& name, const std::string& kind, const std::string& parent,
               const std::string& region) {
    nlohmann::json fields = {{"code", code}, {"name", name}, {"kind", kind}, {"region_code", region}};
    if (!parent.empty()) fields["parent_code"] = parent;
    auto r = service_->create(UserContext::system_context(), organizations(), {{"fields", fields}});
    ASSERT_TRUE(r.has_value()) << r.error().full_message();
  }

  static const LedgerDeclaration& organizations() { return *find_ledger("organizations"); }
  static const LedgerDeclaration& people() { return *find_ledger("people"); }
  static UserContext user(Role role, const std::string& org) { return UserContext{"u-" + org, role, org, false}; }

  std::unique_ptr<TempDatabase> db_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<LedgerService> service_;
};

}  // namespace fazhi::testing

// The record JSON the API writes by hand is byte for byte what nlohmann::json writes for
// LedgerService::to_json (the shape docs/api.md describes and web/ reads): for a record of
// every declared ledger, in every state, seen by every role, with awkward text.
#include "ledger/record_json.h"

#include <gmock/gmock.h>

#include "core/clock.h"
#include "ledger_fixture.h"

namespace fazhi {
namespace {

using ::fazhi::testing::IsOk;

class RecordJsonTest : public testing::LedgerFixture {
 protected:
  // What the API wrote before: nlohmann::json's tree, serialised as json_response() does.
  // to_json takes today from the clock; the tests give append_record_json the same day.
  std::string reference(const UserContext& u, const LedgerDeclaration& l, const LedgerRecord& r) {
    return service_->to_json(u, l, r, *orgs_).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  std::string written(const UserContext& u, const LedgerDeclaration& l, const LedgerRecord& r, Date today) {
    std::string out = "prefix:";
    append_record_json(out, *service_, u, l, r, *orgs_, today);
    EXPECT_EQ(out.substr(0, 7), "prefix:") << "earlier content is left alone";
    return out.substr(7);
  }
  // A record of `l` with every field filled by a value of its type (dates early enough for
  // every time limit to have started), owned by the district's justice bureau.
  static LedgerRecord filled(const LedgerDeclaration& l, const std::string& state, int variant) {
    LedgerRecord r;
    r.id = 17 + variant;
    r.org_code = "370102.sfj";
    r.org_path = "/370100/370102/370102.sfj/";
    r.state = state;
    r.version = 3;
    r.created_at = "2024-03-01T08:00:00Z";
    r.created_by = "clerk\"1";
    r.updated_at = "2024-03-02T09:30:00Z";
    r.updated_by = "coordinator";
    for (const auto& f : l.fields) {
      SqlValue v = nullptr;
      switch (f.type) {
        case FieldType::kText:
        case FieldType::kLongText:
          v = std::string(variant ? "引号\"反斜杠\\换行\n制表\t\x01结束" : "张三");
          break;
        case FieldType::kInteger:
          v = std::int64_t{12 + variant};
          break;
        case FieldType::kDecimal:
          v = std::string("1234.50");
          break;
        case FieldType::kDate:
          v = std::string(variant ? "2024-02-29" : "2024-01-05");
          break;
        case FieldType::kDateTime:
          v = std::string("2024-01-05T10:20:30");
          break;
        case FieldType::kEnum:
          v = f.options.empty() ? std::string("x") : f.options[variant % f.options.size()].value;
          break;
        case FieldType::kBoolean:
          v = std::int64_t{variant % 2};
          break;
        case FieldType::kNationalCode:
          v = std::string("11100000000000000A");
          break;
        case FieldType::kOrgRef:
          v = std::string(variant ? "370100.sfj" : "999999");
          break;
        case FieldType::kPersonRef:
        case FieldType::kRecordRef:
          v = std::int64_t{5};
          break;
        case FieldType::kAttachment:
          v = std::string(variant ? "[\"a1\",\"a2\"]" : "not json");
          break;
      }
      // Every third field of the second variant is left empty.
      if (variant == 2 && (&f - l.fields.data()) % 3 == 0) v = nullptr;
      r.values.push_back(v);
    }
    return r;
  }

  void SetUp() override {
    LedgerFixture::SetUp();
    auto o = service_->orgs();
    ASSERT_THAT(o, IsOk());
    orgs_ = *o;
  }
  std::shared_ptr<const OrgDirectory> orgs_;
};

TEST_P(RecordJsonTest, SameBytesAsTheJsonLibraryForEveryLedgerStateAndRole) {
  auto today = parse_date(china_today());
  ASSERT_TRUE(today.has_value());
  std::vector<UserContext> users = {UserContext::system_context(),      user(Role::kAdmin, "370100"),
                                    user(Role::kCoordinator, "370100"), user(Role::kClerk, "370102.sfj"),
                                    user(Role::kClerk, "370100.sfj"),   user(Role::kReader, "370102")};
  int compared = 0;
  for (const LedgerDeclaration* l : all_ledgers()) {
    std::vector<std::string> states = {l->initial_state};
    for (const auto& s : l->states) states.push_back(s.name);
    for (const std::string& state : states)
      for (int variant = 0; variant < 3; ++variant)
        for (const UserContext& u : users) {
          LedgerRecord r = filled(*l, state, variant);
          ASSERT_EQ(written(u, *l, r, *today), reference(u, *l, r))
              << l->name << " state " << state << " variant " << variant << " user " << u.login;
          ++compared;
        }
  }
  EXPECT_GT(compared, 500);
}

TEST_P(RecordJsonTest, InvalidUtf8IsReplacedAsTheJsonLibraryDoes) {
  auto today = parse_date(china_today());
  ASSERT_TRUE(today.has_value());
  LedgerRecord r = filled(people(), "", 0);
  r.values[0] = std::string("王\xff\xfe五\xe4\xb8");  // stray bytes and a truncated character
  r.updated_by = "\xc3\x28";
  std::string text = written(UserContext::system_context(), people(), r, *today);
  EXPECT_EQ(text, reference(UserContext::system_context(), people(), r));
  EXPECT_THAT(text, ::testing::HasSubstr("\"name\":\"王\xef\xbf\xbd\xef\xbf\xbd五"));
}

TEST_P(RecordJsonTest, KnownRecordHasTheDocumentedShape) {
  LedgerRecord r = filled(people(), "", 0);
  std::string text = written(user(Role::kReader, "370100"), people(), r, *Date::from_ymd(2024, 6, 1));
  EXPECT_EQ(text,
            "{\"created_at\":\"2024-03-01T08:00:00Z\",\"created_by\":\"clerk\\\"1\",\"deadlines\":[],"
            "\"fields\":{\"citizen_id\":\"11100000000000000A\",\"entered_on\":\"2024-01-05\",\"gender\":"
            "\"male\","
            "\"is_leader\":false,\"name\":\"张三\",\"phone\":\"张三\",\"position\":\"张三\","
            "\"principal\":false,\"roles\":\"staff\"},"
            "\"id\":17,\"labels\":{\"gender\":\"男\",\"is_leader\":\"否\",\"principal\":\"否\","
            "\"roles\":\"工作人员\"},"
            "\"org_code\":\"370102.sfj\",\"org_name\":\"甲区司法局\",\"state\":\"\",\"state_label\":\"\","
            "\"title\":\"张三\",\"transitions\":[],\"updated_at\":\"2024-03-02T09:30:00Z\","
            "\"updated_by\":\"coordinator\",\"version\":3}");
}

INSTANTIATE_TEST_SUITE_P(Backends, RecordJsonTest, ::testing::ValuesIn(testing::all_backends()));

}  // namespace
}  // namespace fazhi

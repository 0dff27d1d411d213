// The attachment store on both backends: upload (size, kind, name), content kept once per
// SM3 digest, audited uploads that verify, attachment fields that reference only existing
// files the user uploaded, records showing names and sizes, and who may read a file.
#include "ledger/attachment_store.h"

#include <gmock/gmock.h>

#include "attachment_sample_files.h"
#include "core/sm3.h"
#include "ledger/audit_verification.h"
#include "ledger_fixture.h"

namespace fazhi {
namespace {

using ::fazhi::testing::ErrorIs;
using ::fazhi::testing::IsOk;
using ::testing::HasSubstr;

class AttachmentStoreTest : public testing::LedgerFixture {
 protected:
  void SetUp() override {
    LedgerFixture::SetUp();
    files_ = std::make_unique<AttachmentStore>(*service_, AttachmentLimits{.max_bytes = 4096});
  }
  static const LedgerDeclaration& reconsideration() { return *find_ledger("reconsideration"); }
  // A new reconsideration case at 甲区司法局 by `u`, with `attachments` as given.
  Result<LedgerRecord> new_case(const UserContext& u, nlohmann::json attachments) {
    nlohmann::json fields = {{"applicant", "某公司"},
                             {"respondent_org", "370102"},
                             {"act_description", "罚款决定"},
                             {"received_on", "2024-09-27"}};
    if (!attachments.is_null()) fields["attachments"] = std::move(attachments);
    return service_->create(u, reconsideration(), {{"org_code", "370102.sfj"}, {"fields", fields}});
  }
  UserContext county_clerk() { return UserContext{"county-clerk", Role::kClerk, "370102", false}; }
  UserContext other_clerk() { return UserContext{"other-clerk", Role::kClerk, "370102", false}; }
  UserContext city_clerk() { return UserContext{"city-clerk", Role::kClerk, "370100.sfj", false}; }

  std::unique_ptr<AttachmentStore> files_;
};

TEST_P(AttachmentStoreTest, UploadKeepsNameKindSizeAndDigest) {
  std::string pdf = testing::sample_pdf();
  auto a = files_->upload(county_clerk(), "C:\\扫描件\\复议申请书.pdf", pdf);
  ASSERT_THAT(a, IsOk());
  EXPECT_EQ(a->id, 1);
  EXPECT_EQ(a->file_name, "复议申请书.pdf");  // folders dropped
  EXPECT_EQ(a->media_type, "application/pdf");
  EXPECT_EQ(a->size, static_cast<std::int64_t>(pdf.size()));
  EXPECT_EQ(a->sm3, sm3_hex(pdf));
  EXPECT_EQ(a->uploaded_by, "county-clerk");
  EXPECT_EQ(a->org_code, "370102");
  AttachmentInfo info;
  auto bytes = files_->content(county_clerk(), a->id, info);
  ASSERT_THAT(bytes, IsOk());
  EXPECT_EQ(*bytes, pdf);
  EXPECT_EQ(info.file_name, "复议申请书.pdf");
}

TEST_P(AttachmentStoreTest, BinaryContentComesBackByteForByte) {
  // Every byte value, NULs included, behind a PNG signature.
  std::string png = testing::sample_png();
  for (int i = 0; i < 256; ++i) png.push_back(static_cast<char>(i));
  png += std::string("\0\0\0", 3);
  auto a = files_->upload(county_clerk(), "照片.png", png);
  ASSERT_THAT(a, IsOk());
  AttachmentInfo info;
  auto bytes = files_->content(county_clerk(), a->id, info);
  ASSERT_THAT(bytes, IsOk());
  EXPECT_EQ(bytes->size(), png.size());
  EXPECT_EQ(*bytes, png);
}

TEST_P(AttachmentStoreTest, SameContentIsStoredOnce) {
  std::string pdf = testing::sample_pdf();
  ASSERT_THAT(files_->upload(county_clerk(), "a.pdf", pdf), IsOk());
  ASSERT_THAT(files_->upload(other_clerk(), "b.pdf", pdf), IsOk());
  std::int64_t contents = -1, attachments = -1;
  ASSERT_THAT(store_->read([&](SqlSession& sql) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto c, sql.query("SELECT COUNT(*) FROM attachment_contents"));
    FAZHI_ASSIGN_OR_RETURN(auto a, sql.query("SELECT COUNT(*) FROM attachments"));
    contents = sql_int(c.rows[0][0]).value_or(-1);
    attachments = sql_int(a.rows[0][0]).value_or(-1);
    return ok();
  }),
              IsOk());
  EXPECT_EQ(contents, 1);
  EXPECT_EQ(attachments, 2);
}

TEST_P(AttachmentStoreTest, RefusesEmptyOversizedMisnamedAndUnknownFiles) {
  EXPECT_THAT(files_->upload(county_clerk(), "空.pdf", ""), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("文件是空的")));
  std::string big = testing::sample_pdf() + std::string(5000, 'x');
  EXPECT_THAT(files_->upload(county_clerk(), "大.pdf", big),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("超过上限 4.0 KiB")));
  EXPECT_THAT(files_->upload(county_clerk(), "照片.pdf", testing::sample_png()),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("与扩展名「.pdf」不符")));
  EXPECT_THAT(files_->upload(county_clerk(), "脚本.pdf", "<script>alert(1)</script>"),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("不是可上传的类型")));
  EXPECT_THAT(files_->upload(county_clerk(), "", testing::sample_pdf()),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("缺少文件名")));
  EXPECT_THAT(files_->upload(county_clerk(), "a\nb.pdf", testing::sample_pdf()),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("控制字符")));
  EXPECT_THAT(files_->upload(county_clerk(), "\xff\xfe.pdf", testing::sample_pdf()),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("不是 UTF-8")));
}

TEST_P(AttachmentStoreTest, ReadersAndLeadersMayNotUpload) {
  EXPECT_THAT(files_->upload(user(Role::kReader, "370102"), "a.pdf", testing::sample_pdf()),
              ErrorIs(ErrorCode::kForbidden, HasSubstr("查阅人员")));
}

TEST_P(AttachmentStoreTest, RecordShowsEachFileNameAndSize) {
  auto a = files_->upload(county_clerk(), "复议申请书.pdf", testing::sample_pdf());
  auto b = files_->upload(county_clerk(), "现场照片.png", testing::sample_png());
  ASSERT_THAT(a, IsOk());
  ASSERT_THAT(b, IsOk());
  auto rec = new_case(county_clerk(), nlohmann::json::array({a->id, b->id, a->id}));
  ASSERT_THAT(rec, IsOk());
  auto orgs = service_->orgs();
  ASSERT_THAT(orgs, IsOk());
  nlohmann::json j = service_->to_json(county_clerk(), reconsideration(), *rec, **orgs);
  nlohmann::json expected = nlohmann::json::array(
      {{{"id", a->id}, {"media_type", "application/pdf"}, {"name", "复议申请书.pdf"}, {"size", a->size}},
       {{"id", b->id}, {"media_type", "image/png"}, {"name", "现场照片.png"}, {"size", b->size}}});
  EXPECT_EQ(j["fields"]["attachments"], expected);
}

TEST_P(AttachmentStoreTest, FieldReferencesOnlyExistingFiles) {
  auto rec = new_case(county_clerk(), nlohmann::json::array({42}));
  ASSERT_FALSE(rec.has_value());
  EXPECT_THAT(rec.error().full_message(), HasSubstr("附件编号 42 不存在"));
  EXPECT_THAT(new_case(county_clerk(), nlohmann::json::array({"abc"})).error().full_message(), HasSubstr("应为正整数"));
  EXPECT_THAT(new_case(county_clerk(), "不是列表").error().full_message(), HasSubstr("应为附件列表"));
}

TEST_P(AttachmentStoreTest, OnlyTheUploaderMayAttachANewFile) {
  auto a = files_->upload(county_clerk(), "复议申请书.pdf", testing::sample_pdf());
  ASSERT_THAT(a, IsOk());
  auto rec = new_case(other_clerk(), nlohmann::json::array({a->id}));
  ASSERT_FALSE(rec.has_value());
  EXPECT_THAT(rec.error().full_message(), HasSubstr("不是您上传的"));
  // Once attached by its uploader, a colleague editing the case keeps it.
  auto mine = new_case(county_clerk(), nlohmann::json::array({a->id}));
  ASSERT_THAT(mine, IsOk());
  auto kept =
      service_->update(other_clerk(), reconsideration(), mine->id,
                       {{"version", mine->version},
                        {"fields", {{"applicant", "某某公司"}, {"attachments", nlohmann::json::array({a->id})}}}});
  EXPECT_THAT(kept, IsOk());
}

TEST_P(AttachmentStoreTest, WhoMayReadAFile) {
  auto a = files_->upload(county_clerk(), "复议申请书.pdf", testing::sample_pdf());
  ASSERT_THAT(a, IsOk());
  // Before it is attached: its uploader only.
  EXPECT_THAT(files_->find(county_clerk(), a->id), IsOk());
  EXPECT_THAT(files_->find(other_clerk(), a->id), ErrorIs(ErrorCode::kNotFound, HasSubstr("不存在或无权查看")));
  ASSERT_THAT(new_case(county_clerk(), nlohmann::json::array({a->id})), IsOk());
  // Attached to a case at 甲区司法局: whoever may read that case, and nobody else.
  EXPECT_THAT(files_->find(other_clerk(), a->id), IsOk());
  EXPECT_THAT(files_->find(user(Role::kLeader, "370100"), a->id), IsOk());
  EXPECT_THAT(files_->find(city_clerk(), a->id), ErrorIs(ErrorCode::kNotFound, HasSubstr("编号 1")));
  EXPECT_THAT(files_->find(county_clerk(), 999), ErrorIs(ErrorCode::kNotFound, HasSubstr("编号 999")));
}

TEST_P(AttachmentStoreTest, UploadsAreAuditedAndVerify) {
  auto a = files_->upload(county_clerk(), "复议申请书.pdf", testing::sample_pdf());
  ASSERT_THAT(a, IsOk());
  ASSERT_THAT(new_case(county_clerk(), nlohmann::json::array({a->id})), IsOk());
  std::string action, ledger, after;
  ASSERT_THAT(store_->read([&](SqlSession& sql) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto r,
                           sql.query("SELECT action, ledger, after_json FROM audit_log WHERE ledger = 'attachments'"));
    if (r.rows.size() != 1) return internal_error("test", "expected one upload entry");
    action = sql_text(r.rows[0][0]);
    ledger = sql_text(r.rows[0][1]);
    after = sql_text(r.rows[0][2]);
    return ok();
  }),
              IsOk());
  EXPECT_EQ(action, "upload");
  EXPECT_EQ(after, canonical_attachment_json(*a));
  auto v = verify_audit(*store_);
  ASSERT_THAT(v, IsOk());
  EXPECT_TRUE(v->intact) << (v->problems.empty() ? "" : v->problems[0]);
  // A file's row changed behind the audit's back is found.
  ASSERT_THAT(store_->apply_migration("tamper attachment", "UPDATE attachments SET file_name = 'x.pdf' WHERE id = 1"),
              IsOk());
  auto tampered = verify_audit(*store_);
  ASSERT_THAT(tampered, IsOk());
  EXPECT_FALSE(tampered->intact);
}

INSTANTIATE_TEST_SUITE_P(Backends, AttachmentStoreTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi

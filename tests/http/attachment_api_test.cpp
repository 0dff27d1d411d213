// /api/attachments over real HTTP on both backends: upload with the name in X-File-Name,
// the record showing the file, download with the Chinese name RFC 5987-encoded, and who may
// download (readers of a referencing record, the uploader before it is attached).
#include <gmock/gmock.h>

#include "api_fixture.h"
#include "attachment_sample_files.h"

namespace fazhi {
namespace {

using ::testing::HasSubstr;

class AttachmentApiTest : public testing::ApiFixture {
 protected:
  struct Reply {
    int status = 0;
    std::string body;
    std::string content_type, disposition;
    nlohmann::json json;
  };
  Reply send(const std::string& method, const std::string& target, const testing::ApiSession& s,
             const std::string& body = "", std::vector<std::pair<std::string, std::string>> headers = {}) {
    http::testing::TestConnection c("127.0.0.1", server_->port());
    headers.emplace_back("Cookie", s.cookie);
    headers.emplace_back("X-CSRF-Token", s.csrf);
    auto r = c.request(method, target, headers, body);
    Reply out;
    if (!r) return out;
    out.status = r->status;
    out.body = r->body;
    out.content_type = std::string(r->header("Content-Type"));
    out.disposition = std::string(r->header("Content-Disposition"));
    out.json = nlohmann::json::parse(r->body, nullptr, false);
    return out;
  }
  Reply upload(const testing::ApiSession& s, const std::string& encoded_name, const std::string& bytes) {
    return send("POST", "/api/attachments", s, bytes,
                {{"Content-Type", "application/octet-stream"}, {"X-File-Name", encoded_name}});
  }
};

// 复议申请书.pdf, percent-encoded as the web UI sends it.
constexpr const char* kEncodedName = "%E5%A4%8D%E8%AE%AE%E7%94%B3%E8%AF%B7%E4%B9%A6.pdf";

TEST_P(AttachmentApiTest, UploadAttachToACaseAndDownloadBack) {
  auto clerk = login("clerk");
  std::string pdf = testing::sample_pdf();
  auto up = upload(clerk, kEncodedName, pdf);
  ASSERT_EQ(up.status, 201) << up.body;
  EXPECT_EQ(up.json["name"], "复议申请书.pdf");
  EXPECT_EQ(up.json["size"], pdf.size());
  EXPECT_EQ(up.json["media_type"], "application/pdf");
  std::int64_t id = up.json["id"];

  nlohmann::json body = {{"org_code", "370102.sfj"},
                         {"fields",
                          {{"applicant", "某公司"},
                           {"respondent_org", "370102"},
                           {"act_description", "罚款决定"},
                           {"received_on", "2024-09-27"},
                           {"attachments", nlohmann::json::array({id})}}}};
  auto created = call("POST", "/api/ledgers/reconsideration", &clerk, body.dump());
  ASSERT_EQ(created.status, 201) << created.raw;
  nlohmann::json shown = created.body["fields"]["attachments"];
  ASSERT_EQ(shown.size(), 1u) << created.raw;
  EXPECT_EQ(shown[0]["name"], "复议申请书.pdf");
  EXPECT_EQ(shown[0]["size"], pdf.size());

  auto leader = login("leader");
  auto down = send("GET", "/api/attachments/" + std::to_string(id), leader);
  ASSERT_EQ(down.status, 200) << down.body;
  EXPECT_EQ(down.body, pdf);
  EXPECT_EQ(down.content_type, "application/pdf");
  EXPECT_EQ(down.disposition,
            "attachment; filename=\"attachment-" + std::to_string(id) + ".pdf\"; filename*=UTF-8''" + kEncodedName);
}

TEST_P(AttachmentApiTest, RefusedUploadsSayWhy) {
  auto clerk = login("clerk");
  auto png_as_pdf = upload(clerk, "scan.pdf", testing::sample_png());
  EXPECT_EQ(png_as_pdf.status, 400);
  EXPECT_THAT(png_as_pdf.json["error"]["message"].get<std::string>(), HasSubstr("与扩展名「.pdf」不符"));
  auto nameless = upload(clerk, "", testing::sample_pdf());
  EXPECT_EQ(nameless.status, 400);
  EXPECT_THAT(nameless.json["error"]["message"].get<std::string>(), HasSubstr("X-File-Name"));
  auto reader = login("reader");
  EXPECT_EQ(upload(reader, "a.pdf", testing::sample_pdf()).status, 403);
  // Without the CSRF token an upload is refused like every other write.
  http::testing::TestConnection c("127.0.0.1", server_->port());
  auto no_csrf = c.request("POST", "/api/attachments", {{"Cookie", clerk.cookie}, {"X-File-Name", "a.pdf"}},
                           testing::sample_pdf());
  ASSERT_TRUE(no_csrf.has_value());
  EXPECT_EQ(no_csrf->status, 403);
}

TEST_P(AttachmentApiTest, DownloadNeedsASessionAndTheRightToRead) {
  auto clerk = login("clerk");
  auto up = upload(clerk, "a.pdf", testing::sample_pdf());
  ASSERT_EQ(up.status, 201) << up.body;
  std::string path = "/api/attachments/" + std::to_string(up.json["id"].get<std::int64_t>());
  EXPECT_EQ(call("GET", path).status, 401);
  // Not yet attached: only the uploader.
  EXPECT_EQ(send("GET", path, clerk).status, 200);
  EXPECT_EQ(send("GET", path, login("coordinator")).status, 404);
  EXPECT_EQ(send("GET", path, login("cityclerk")).status, 404);
  EXPECT_EQ(send("GET", "/api/attachments/abc", clerk).status, 400);
  EXPECT_EQ(send("GET", "/api/attachments/999", clerk).status, 404);
}

INSTANTIATE_TEST_SUITE_P(Backends, AttachmentApiTest, ::testing::ValuesIn(testing::all_backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace fazhi

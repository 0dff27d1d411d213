// Pool files: CSV format, SM3 binding, order, per-line errors; the same pool inline or in a
// file gives the same draw.
#include "draw/target_pool.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/sm3.h"
#include "draw/draw_engine.h"
#include "draw/draw_result.h"
#include "draw/pool_digest.h"
#include "draw_test_support.h"
#include "harness/result_matchers.h"

namespace fazhi::draw {
namespace {

using ::fazhi::testing::ErrorIs;
using ::fazhi::testing::IsOk;
using nlohmann::json;
using ::testing::HasSubstr;

std::string csv_line(const TargetRecord& t) {
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ";") + s;
    return out;
  };
  return t.id + "," + t.name + "," + t.uscc + "," + t.region_code + "," + t.industry_code + "," + t.credit_risk_class +
         "," + join(t.departments) + "," + t.last_inspected_on + "," + join(t.last_inspectors);
}

// Writes the example plan's targets as a pool file beside a plan naming it; returns the plan path.
std::filesystem::path write_file_plan(const std::filesystem::path& dir, const std::string& csv) {
  std::string hash = sm3_hex(csv);
  std::string name = "targets-" + hash + ".csv";
  testing::write_text(dir / name, csv);
  json plan = json::parse(testing::read_text(testing::examples_dir() / "plan.json"));
  plan.erase("targets");
  plan["targets_file"] = {{"name", name}, {"sm3", hash}};
  testing::write_text(dir / "plan.json", plan.dump(1));
  return dir / "plan.json";
}

std::string example_csv(const std::function<void(std::vector<std::string>&)>& edit = nullptr) {
  auto plan = load_plan(testing::examples_dir() / "plan.json");
  std::vector<std::string> lines;
  for (const auto& t : plan->targets) lines.push_back(csv_line(t));
  if (edit) edit(lines);
  std::string csv = std::string(kPoolFileHeader) + "\n";
  for (const auto& l : lines) csv += l + "\n";
  return csv;
}

TEST(TargetPoolFile, SamePoolInlineOrInFileGivesTheSameDraw) {
  testing::TempDir dir;
  auto file_plan = load_plan(write_file_plan(dir.path(), example_csv()));
  auto inline_plan = load_plan(testing::examples_dir() / "plan.json");
  ASSERT_THAT(file_plan, IsOk());
  ASSERT_THAT(inline_plan, IsOk());
  EXPECT_NE(file_plan->sm3, inline_plan->sm3);
  // Same hash by hand: then only the pool's storage differs, and the draw must not.
  file_plan->sm3 = inline_plan->sm3;
  DrawInputs inputs{"同一个公开值", {}};
  auto a = run_draw(*file_plan, inputs);
  auto b = run_draw(*inline_plan, inputs);
  ASSERT_THAT(a, IsOk());
  ASSERT_THAT(b, IsOk());
  ASSERT_EQ(a->strata.size(), b->strata.size());
  for (std::size_t s = 0; s < a->strata.size(); ++s) {
    ASSERT_EQ(a->strata[s].selection.size(), b->strata[s].selection.size());
    for (std::size_t i = 0; i < a->strata[s].selection.size(); ++i) {
      EXPECT_EQ(a->strata[s].selection[i].target.id, b->strata[s].selection[i].target.id);
      EXPECT_EQ(a->strata[s].selection[i].target.name, b->strata[s].selection[i].target.name);
      EXPECT_EQ(a->strata[s].selection[i].target.last_inspectors, b->strata[s].selection[i].target.last_inspectors);
      EXPECT_EQ(a->strata[s].selection[i].team, b->strata[s].selection[i].team);
    }
  }
}

TEST(TargetPoolFile, FileRunVerifiesAndAnEditedFileIsCaught) {
  testing::TempDir dir;
  std::string csv = example_csv();
  auto path = write_file_plan(dir.path(), csv);
  auto plan = load_plan(path);
  ASSERT_THAT(plan, IsOk());
  auto result = run_draw(*plan, DrawInputs{"v", {}});
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(result->pool_total, 3000u);
  EXPECT_EQ(result->proof.targets_file_sm3, plan->targets_file->sm3);
  std::string text = result_to_json(*result);
  auto ok = verify_result(text, *plan);
  ASSERT_THAT(ok, IsOk());
  EXPECT_FALSE(ok->has_value());
  // One character of one line changed, same length: the hash catches it.
  auto at = csv.find("T00042,");
  csv[at + 8] = csv[at + 8] == '1' ? '2' : '1';
  testing::write_text(plan->targets_file->path, csv);
  EXPECT_THAT(verify_result(text, *plan), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("SM3: 文件的 SM3 为")));
  EXPECT_THAT(run_draw(*plan, DrawInputs{"v", {}}), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("名录文件被改动过")));
}

TEST(TargetPoolFile, BadLinesAreNamedByLineAndField) {
  struct Case {
    const char* id;
    std::function<void(std::vector<std::string>&)> edit;
    const char* message;
  };
  const std::vector<Case> cases = {
      {"check digit", [](auto& l) { l[3].replace(l[3].find(",91") + 18, 1, "Q"); }, "第 5 行，uscc: 统一社会信用代码“"},
      {"check digit says which", [](auto& l) { l[3].replace(l[3].find(",91") + 18, 1, "Q"); }, "第18位校验码应为"},
      {"order", [](auto& l) { std::swap(l[10], l[11]); }, "第 13 行: 编号 T00010 不大于上一行的 T00011"},
      {"duplicate", [](auto& l) { l[20] = l[19]; }, "第 22 行: 编号 T00019 不大于上一行的 T00019"},
      {"fields", [](auto& l) { l[0] += ",x"; }, "第 2 行: 字段多于9个"},
      {"department", [](auto& l) { l[1].replace(l[1].find(",scjg"), 5, ",gaj"); }, "第 3 行，departments: 部门 gaj"},
      {"date", [](auto& l) { l[2] = "T00002,某公司,91350100M000100Y43,350102,F5123,A,scjg,2026-13-01,"; },
       "第 4 行，last_inspected_on"},
      {"future", [](auto& l) { l[2] = "T00002,某公司,91350100M000100Y43,350102,F5123,A,scjg,2026-12-01,"; },
       "晚于计划基准日"},
      {"industry", [](auto& l) { l[2] = "T00002,某公司,91350100M000100Y43,350102,Z51,A,scjg,,"; },
       "第 4 行，industry_code"},
      {"quote", [](auto& l) { l[2] = "T00002,\"某公司,91350100M000100Y43,350102,F5123,A,scjg,,"; },
       "第 4 行: 引号未闭合"},
  };
  for (const auto& c : cases) {
    testing::TempDir dir;
    auto plan = load_plan(write_file_plan(dir.path(), example_csv(c.edit)));
    ASSERT_THAT(plan, IsOk());
    EXPECT_THAT(run_draw(*plan, DrawInputs{"v", {}}), ErrorIs(ErrorCode::kInvalidInput, HasSubstr(c.message))) << c.id;
  }
  testing::TempDir dir;
  std::string csv = example_csv();
  csv.replace(0, 2, "ID");
  auto plan = load_plan(write_file_plan(dir.path(), csv));
  EXPECT_THAT(run_draw(*plan, DrawInputs{"v", {}}), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("第 1 行: 表头应为")));
}

TEST(TargetPoolFile, QuotedFieldsAndCrLf) {
  auto r = parse_pool_line("T1,\"某某公司，\"\"分公司\"\",一部\",91350100M000100Y43,350102,F5123,A,scjg;sthj,,S1;S2");
  ASSERT_THAT(r, IsOk());
  EXPECT_EQ(r->name, "某某公司，\"分公司\",一部");
  EXPECT_EQ(r->departments, (std::vector<std::string>{"scjg", "sthj"}));
  EXPECT_EQ(r->last_inspectors, (std::vector<std::string>{"S1", "S2"}));
  testing::TempDir dir;
  std::string csv = example_csv();
  std::string crlf;
  for (char c : csv) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  auto plan = load_plan(write_file_plan(dir.path(), crlf));
  auto result = run_draw(*plan, DrawInputs{"v", {}});
  ASSERT_THAT(result, IsOk());
  EXPECT_EQ(result->pool_total, 3000u);
}

// A pool file of `count` lines of one length (11.6 MB for 50,000: more than one 8 MiB
// scan group), ids T000000..., classes A-D in turn, every third inspected recently.
std::vector<std::string> long_pool_lines(int count) {
  std::vector<std::string> lines;
  const std::string name(160, 'x');
  for (int i = 0; i < count; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "T%06d", i);
    std::string line = std::string(id) + ",示例" + name + id + "," + testing::valid_uscc(std::uint64_t(i) + 5000) +
                       ",350102,F5123," + std::string(1, "ABCD"[i % 4]) + ",scjg," +
                       (i % 3 == 0 ? "2026-10-01" : "2024-10-01") + ",";
    lines.push_back(line);
  }
  return lines;
}

std::string pool_csv(const std::vector<std::string>& lines) {
  std::string csv = std::string(kPoolFileHeader) + "\n";
  for (const auto& l : lines) csv += l + "\n";
  return csv;
}

// The plan of write_file_plan, binding the file by its chunked SM3 instead.
std::filesystem::path write_chunked_plan(const std::filesystem::path& dir, const std::string& csv) {
  std::string hash = pool_digest_hex(csv);
  std::string name = "targets-" + hash + ".csv";
  testing::write_text(dir / name, csv);
  json plan = json::parse(testing::read_text(testing::examples_dir() / "plan.json"));
  plan.erase("targets");
  plan["targets_file"] = {{"name", name}, {"sm3_chunks", hash}};
  testing::write_text(dir / "plan.json", plan.dump(1));
  return dir / "plan.json";
}

TEST(TargetPoolFile, ChunkedHashScansAsTheWholeFileHashAcrossScanGroups) {
  const std::string csv = pool_csv(long_pool_lines(50000));
  ASSERT_GT(csv.size(), 8 * kPoolChunkBytes + kPoolChunkBytes);
  testing::TempDir whole_dir, chunked_dir;
  auto whole = load_plan(write_file_plan(whole_dir.path(), csv));
  auto chunked = load_plan(write_chunked_plan(chunked_dir.path(), csv));
  ASSERT_THAT(whole, IsOk());
  ASSERT_THAT(chunked, IsOk());
  EXPECT_EQ(chunked->targets_file->hash, TargetPoolFile::Hash::kChunks);
  EXPECT_NE(whole->sm3, chunked->sm3);  // the plan hash covers how the file is bound
  auto a = scan_pool(*whole);
  auto b = scan_pool(*chunked);
  ASSERT_THAT(a, IsOk());
  ASSERT_THAT(b, IsOk());
  EXPECT_EQ(b->total, 50000u);
  EXPECT_EQ(b->outside_strata, 0u);
  for (std::size_t s = 0; s < 4; ++s) {
    EXPECT_EQ(b->strata[s].in_stratum, 12500u) << s;
    // i % 3 == 0 was inspected within 12 months: i = 9 mod 12 (class B) 4,166 times, the
    // other residues 4,167 times.
    EXPECT_EQ(b->strata[s].excluded_recent, s == 1 ? 4166u : 4167u) << s;
    EXPECT_EQ(a->strata[s].in_stratum, b->strata[s].in_stratum) << s;
    EXPECT_EQ(a->strata[s].eligible, b->strata[s].eligible) << s;
  }
  // The same draw on both, once the plan hashes are made equal by hand.
  chunked->sm3 = whole->sm3;
  auto ra = run_draw(*whole, DrawInputs{"v", {}});
  auto rb = run_draw(*chunked, DrawInputs{"v", {}});
  ASSERT_THAT(ra, IsOk());
  ASSERT_THAT(rb, IsOk());
  rb->proof.targets_file_sm3 = ra->proof.targets_file_sm3;
  EXPECT_EQ(result_to_json(*ra), result_to_json(*rb));
}

TEST(TargetPoolFile, ChunkedHashCatchesAChangeInTheLastPieces) {
  std::string csv = pool_csv(long_pool_lines(50000));
  testing::TempDir dir;
  auto plan = load_plan(write_chunked_plan(dir.path(), csv));
  ASSERT_THAT(plan, IsOk());
  auto result = run_draw(*plan, DrawInputs{"v", {}});
  ASSERT_THAT(result, IsOk());
  const std::string text = result_to_json(*result);
  auto verified = verify_result(text, *plan);
  ASSERT_THAT(verified, IsOk());
  EXPECT_FALSE(verified->has_value());
  // One name letter past the first 9 MiB: still a valid line, but not the committed file.
  std::size_t at = csv.find("xxx", 9 * kPoolChunkBytes);
  csv[at] = 'y';
  testing::write_text(plan->targets_file->path, csv);
  EXPECT_THAT(run_draw(*plan, DrawInputs{"v", {}}),
              ErrorIs(ErrorCode::kInvalidInput, HasSubstr("sm3_chunks: 文件的分块 SM3 为")));
  EXPECT_THAT(verify_result(text, *plan), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("名录文件被改动过")));
}

TEST(TargetPoolFile, ProblemsPastTheFirstScanGroupAreNamedByTheirLine) {
  const std::vector<std::string> lines = long_pool_lines(50000);
  const std::size_t header = kPoolFileHeader.size() + 1, length = lines[0].size() + 1;
  // The first line that starts in the second 8 MiB group, and its file line number.
  const std::size_t first = (8 * kPoolChunkBytes - header + length - 1) / length;
  struct Case {
    const char* id;
    std::function<void(std::vector<std::string>&)> edit;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"order across the group edge", [&](auto& l) { std::swap(l[first - 1], l[first]); },
       fmt::format("第 {} 行: 编号 T{:06} 不大于上一行的 T{:06}", first + 2, first - 1, first)},
      {"bad field after the edge", [&](auto& l) { l[first + 10].replace(l[first + 10].find(",F5123,"), 7, ",Z5123,"); },
       fmt::format("第 {} 行，industry_code", first + 12)},
      {"last line", [&](auto& l) { l.back() += ",x"; }, "第 50001 行: 字段多于9个"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> edited = lines;
    c.edit(edited);
    testing::TempDir dir;
    auto plan = load_plan(write_chunked_plan(dir.path(), pool_csv(edited)));
    ASSERT_THAT(plan, IsOk());
    EXPECT_THAT(scan_pool(*plan), ErrorIs(ErrorCode::kInvalidInput, HasSubstr(c.message))) << c.id;
  }
}

TEST(TargetPoolFile, PlanNamesOneHashOfThePoolFile) {
  json plan = json::parse(testing::read_text(testing::examples_dir() / "plan.json"));
  plan.erase("targets");
  const std::string hash(64, 'a');
  plan["targets_file"] = {{"name", "targets-" + hash + ".csv"}, {"sm3", hash}, {"sm3_chunks", hash}};
  EXPECT_THAT(parse_plan(plan.dump(), ".", "计划"), ErrorIs(ErrorCode::kInvalidInput, HasSubstr("只能给一个")));
  plan["targets_file"].erase("sm3");
  auto parsed = parse_plan(plan.dump(), ".", "计划");
  ASSERT_THAT(parsed, IsOk());
  EXPECT_EQ(parsed->targets_file->hash, TargetPoolFile::Hash::kChunks);
  EXPECT_EQ(parsed->targets_file->sm3, hash);
}

}  // namespace
}  // namespace fazhi::draw

// Shared pieces of the draw tests: file reading, valid codes, and plans built in code.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/credit_code.h"
#include "draw/chacha20.h"
#include "draw/draw_plan.h"

namespace fazhi::draw::testing {

inline std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

inline std::filesystem::path examples_dir() {
  return FAZHI_DRAW_EXAMPLES_DIR;
}
inline std::filesystem::path test_dir() {
  return FAZHI_DRAW_TEST_DIR;
}

// A valid 统一社会信用代码 for number n in region 350102.
inline std::string valid_uscc(std::uint64_t n) {
  static const char* kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string code = "91350102";
  for (int k = 0; k < 9; ++k, n /= 31) code.push_back(kCharset[n % 31]);
  code.push_back(credit_code_check_character(code).value());
  return code;
}

// A fresh temporary directory, removed with the object.
class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("fazhi-draw-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  static int& counter() {
    static int c = 0;
    return c;
  }
  std::filesystem::path path_;
};

// Deterministic numbers for building test plans (not the draw's generator's job, but the
// same well-specified stream, so plans are identical on every machine).
class PlanDice {
 public:
  explicit PlanDice(std::uint32_t seed) : stream_(key(seed), ChaCha20Nonce{}) {}
  std::uint32_t below(std::uint32_t n) { return stream_.uniform(n); }
  bool chance(std::uint32_t percent) { return below(100) < percent; }

 private:
  static ChaCha20Key key(std::uint32_t seed) {
    ChaCha20Key k{};
    for (int b = 0; b < 4; ++b) k[b] = std::uint8_t(seed >> (8 * b));
    k[31] = 0x5a;
    return k;
  }
  ChaCha20Stream stream_;
};

// A one-department plan with `targets` targets of class "A" (ids T0000...), drawn `count`
// per run, and `inspectors` inspectors; hash fixed so run_draw can be called directly.
inline DrawPlan simple_plan(int targets, std::uint64_t count, int inspectors) {
  DrawPlan plan;
  plan.id = "TEST";
  plan.title = "测试计划";
  plan.organizer = "测试局";
  plan.as_of = "2026-11-20";
  plan.inspection_items = {"测试事项"};
  plan.departments = {{"d1", "测试局"}};
  Stratum s;
  s.id = "A";
  s.label = "A类";
  s.credit_risk_classes = {"A"};
  s.count = count;
  s.rule_text = std::to_string(count);
  plan.strata = {s};
  plan.team.size = 2;
  plan.randomness.description = "测试";
  for (int i = 0; i < targets; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "T%04d", i);
    plan.targets.push_back(
        {id, std::string("对象") + id, valid_uscc(std::uint64_t(i) + 1000), "350102", "F5123", "A", {"d1"}, "", {}});
  }
  for (int i = 0; i < inspectors; ++i) {
    char id[16];
    std::snprintf(id, sizeof id, "I%03d", i);
    plan.inspectors.push_back({id, std::string("人员") + id, "d1", "350102", true, {}});
  }
  plan.sm3 = std::string(64, '0');
  return plan;
}

}  // namespace fazhi::draw::testing

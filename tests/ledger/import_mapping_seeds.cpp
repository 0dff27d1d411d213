// The import-mapping fuzz target (fuzz/ledger/import_mapping_fuzz.cpp) run over its seed
// corpus without libFuzzer, in every `make test`: each seed, and each input that once crashed
// it, still parses or fails cleanly and keeps the target's oracles. The fuzzing itself needs
// clang (fuzz/CMakeLists.txt). A failed oracle aborts: the test then fails as a crash.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

TEST(ImportMappingFuzzSeeds, EverySeedRunsCleanly) {
  int seeds = 0;
  for (const auto& entry : std::filesystem::directory_iterator(FAZHI_IMPORT_MAPPING_SEEDS_DIR)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::string input = bytes.str();
    SCOPED_TRACE(entry.path().filename().string());
    EXPECT_EQ(LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()), input.size()), 0);
    ++seeds;
  }
  EXPECT_GE(seeds, 8);
}

}  // namespace

// Writes the benchmark's pool: N targets, one per line in the draw's pool-file format, ids in
// ascending order, four credit risk classes (A 40%, B 30%, C 20%, D 10%), valid GB 32100
// check characters, a third inspected before (all more than 12 months before as_of, so no
// exclusion changes the 5% arithmetic), joint responsibility for some trades. Also writes
// the inspector part of the plan (5,000 inspectors in two departments, some conflicts).
// Deterministic: a fixed LCG, no machine randomness.
// Usage: make_pool N POOL.csv INSPECTORS.json
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

const char* kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
std::uint64_t state = 20261120;

std::uint32_t next(std::uint32_t n) {
  state = state * 6364136223846793005ull + 1442695040888963407ull;
  return std::uint32_t((state >> 33) % n);
}

int value(char c) {
  for (int i = 0; i < 31; ++i)
    if (kCharset[i] == c) return i;
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: make_pool N POOL.csv INSPECTORS.json\n");
    return 2;
  }
  const std::uint64_t n = std::strtoull(argv[1], nullptr, 10);
  std::FILE* pool = std::fopen(argv[2], "w");
  std::FILE* insp = std::fopen(argv[3], "w");
  if (!pool || !insp) return 1;
  static char buf[1 << 20];
  std::setvbuf(pool, buf, _IOFBF, sizeof buf);
  std::fputs("id,name,uscc,region_code,industry_code,credit_risk_class,departments,last_inspected_on,last_inspectors\n",
             pool);
  const char* regions[] = {"350102", "350103", "350104", "350105", "350111"};
  const char* districts[] = {"鼓楼", "台江", "仓山", "马尾", "晋安"};
  const char* words[] = {"恒信", "鑫达", "华盛", "永安", "宏图", "金鹏", "联创", "瑞丰", "嘉禾", "同心"};
  const char* trades[][2] = {{"F5123", "食品批发"}, {"F5261", "超市"}, {"H6210", "餐饮"}, {"C2669", "化工"}};
  for (std::uint64_t i = 0; i < n; ++i) {
    int r = int(next(5));
    int t = int(next(4));
    std::uint32_t roll = next(10);
    char cls = roll < 4 ? 'A' : roll < 7 ? 'B' : roll < 9 ? 'C' : 'D';
    char code[19];
    code[0] = '9';
    code[1] = '1';
    for (int k = 0; k < 6; ++k) code[2 + k] = regions[r][k];
    std::uint64_t x = i * 7919 + 100000;
    for (int k = 0; k < 9; ++k, x /= 31) code[8 + k] = kCharset[x % 31];
    int sum = 0;
    for (int k = 0; k < 17; ++k) sum += value(code[k]) * kWeights[k];
    code[17] = kCharset[(31 - sum % 31) % 31];
    code[18] = 0;
    const char* depts = t == 3 ? "scjg;sthj" : "scjg";
    std::fprintf(pool, "T%09llu,示例市%s区%s%s%s有限公司%llu,%s,%s,%s,%c,%s,", (unsigned long long)i, districts[r],
                 words[next(10)], words[next(10)], trades[t][1], (unsigned long long)i, code, regions[r], trades[t][0],
                 cls, depts);
    if (next(3) == 0) {
      std::fprintf(pool, "2024-%02u-%02u,S%04u;S%04u\n", 1 + next(12), 1 + next(28), 1 + next(3500), 1 + next(3500));
    } else {
      std::fputs(",\n", pool);
    }
  }
  std::fclose(pool);
  std::fputs("[\n", insp);
  for (int k = 1; k <= 5000; ++k) {
    bool env = k > 3500;
    std::fprintf(insp,
                 "%s{\"id\": \"%s%04d\", \"name\": \"执法人员%d\", \"department\": \"%s\", \"region_code\": \"%s\", "
                 "\"certificate_valid\": %s, \"conflicts\": [",
                 k == 1 ? "" : ",\n", env ? "H" : "S", env ? k - 3500 : k, k, env ? "sthj" : "scjg", regions[k % 5],
                 k % 97 == 0 ? "false" : "true");
    for (std::uint32_t c = next(4), j = 0; j < c; ++j) {
      std::fprintf(insp, "%s\"T%09u\"", j ? ", " : "", next(std::uint32_t(n)));
    }
    std::fputs("]}", insp);
  }
  std::fputs("\n]\n", insp);
  std::fclose(insp);
  return 0;
}

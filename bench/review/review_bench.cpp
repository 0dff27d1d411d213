// Throughput of the whole review pipeline (decode, normalise with OpenCC t2s, segment,
// extract, check) over a corpus directory, single thread and with N threads.
// Usage: fazhi_review_bench CORPUS_DIR [THREADS]   (THREADS 0 = all cores)
// Prints one line: files, MB, seconds, MB/s, figures found.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <vector>

#include "review/review.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: fazhi_review_bench CORPUS_DIR [THREADS]\n";
    return 2;
  }
  unsigned threads = argc > 2 ? static_cast<unsigned>(std::stoul(argv[2])) : 1;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::pair<std::string, std::string>> files;  // name, bytes
  size_t total = 0;
  for (auto& e : std::filesystem::directory_iterator(argv[1])) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    total += buf.str().size();
    files.emplace_back(e.path().string(), buf.str());
  }
  auto reviewer = fazhi::review::Reviewer::create();
  if (!reviewer) {
    std::cerr << reviewer.error().full_message() << '\n';
    return 1;
  }
  const fazhi::review::Reviewer& rv = *reviewer;
  std::atomic<size_t> next{0};
  std::atomic<size_t> figures{0};
  auto work = [&]() {
    size_t local = 0;
    for (size_t i = next++; i < files.size(); i = next++) {
      auto src = fazhi::review::decode_source(files[i].second, "text", files[i].first);
      if (!src) continue;
      local += rv.review(*src).figures.size();
    }
    figures += local;
  };
  rusage ru0{};
  getrusage(RUSAGE_SELF, &ru0);
  double cpu0 = ru0.ru_utime.tv_sec + ru0.ru_utime.tv_usec / 1e6 + ru0.ru_stime.tv_sec + ru0.ru_stime.tv_usec / 1e6;
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  double cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6 - cpu0;
  double mb = total / 1e6;
  std::printf("threads=%u files=%zu MB=%.1f wall_s=%.2f MB/s=%.2f cpu_s=%.2f MB/cpu_s=%.2f figures=%zu\n", threads,
              files.size(), mb, s, mb / s, cpu, mb / cpu, figures.load());
  return 0;
}

// Runs the `fazhi` program under test (FAZHI_BINARY) with shell-quoted `args`, for the CLI
// tests: the exit status and what it printed (stdout, and stderr when `with_stderr`).
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>
#include <utility>

namespace fazhi::testing {

inline std::pair<int, std::string> run_fazhi(const std::string& args, bool with_stderr = true) {
  std::string cmd = std::string(FAZHI_BINARY) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int status = pclose(p);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

}  // namespace fazhi::testing

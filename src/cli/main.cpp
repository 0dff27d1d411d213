// fazhi: one program, many subcommands (see README.md and the VISION's command-line contract).
#include <CLI/CLI.hpp>
#include <algorithm>

#include "cli/command_registry.h"

int main(int argc, char** argv) {
  CLI::App app{"fazhi — 法治政府建设工作平台 / rule-of-law government platform"};
  app.require_subcommand(1);
  fazhi::cli::CommandStatus status;
  auto commands = fazhi::cli::registered_commands();
  std::sort(commands.begin(), commands.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  for (auto& command : commands) command.install(app, status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return status.exit_code;
}

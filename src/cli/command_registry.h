// The subcommands of `fazhi`. Each subcommand lives in its own file and registers itself
// with a static CommandRegistration, so adding one touches no other file. main() adds every
// registered subcommand to the CLI11 app in name order and returns the status the chosen
// one set.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <vector>

#include "core/error.h"

namespace fazhi::cli {

// What the chosen subcommand's callback reports back to main().
struct CommandStatus {
  int exit_code = 0;
};

// Adds one subcommand (with its options and callback) to `app`.
using CommandInstaller = std::function<void(CLI::App& app, CommandStatus& status)>;

struct RegisteredCommand {
  std::string name;
  CommandInstaller install;
};

// All registered subcommands, in registration order (main() sorts them by name).
std::vector<RegisteredCommand>& registered_commands();

// Registers a subcommand at static-initialisation time.
struct CommandRegistration {
  CommandRegistration(std::string name, CommandInstaller install);
};

// Exit codes, decided here only: 0 success; 1 a check failed (audit, verify) or an internal
// fault; 2 bad usage or unreadable/invalid input; 3 conflict with stored state; 4 refused
// (credentials, permissions); 5 a resource was unavailable.
int exit_code_for(const Error& error);

// Prints the error (with its details) to stderr and returns its exit code.
int report_error(const Error& error);

}  // namespace fazhi::cli

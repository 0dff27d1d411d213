#include "cli/command_registry.h"

#include <iostream>

namespace fazhi::cli {

std::vector<RegisteredCommand>& registered_commands() {
  static std::vector<RegisteredCommand> commands;
  return commands;
}

CommandRegistration::CommandRegistration(std::string name, CommandInstaller install) {
  registered_commands().push_back({std::move(name), std::move(install)});
}

int exit_code_for(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalidInput:
    case ErrorCode::kNotFound:
      return 2;
    case ErrorCode::kConflict:
      return 3;
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kForbidden:
      return 4;
    case ErrorCode::kUnavailable:
      return 5;
    case ErrorCode::kInternal:
      return 1;
  }
  return 1;
}

int report_error(const Error& error) {
  std::cerr << "fazhi: " << error.full_message() << '\n';
  return exit_code_for(error);
}

}  // namespace fazhi::cli

// ZIP archives held in memory, through libzip (STACK.md): the DOCX is one, and so is the
// package a published report is kept in (published_report.h).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace fazhi {

// An archive of `parts` (name, bytes), in that order, deflated. `what` names the file being
// made in errors ("Word 文件").
Result<std::string> zip_parts(const std::vector<std::pair<std::string, std::string>>& parts, std::string_view what);

// The bytes of `part` in the archive `archive`; kNotFound when it has no such part,
// kInvalidInput when it is no readable archive. `what` names the archive in errors.
Result<std::string> zip_part(const std::string& archive, const std::string& part, std::string_view what);

}  // namespace fazhi

// The "<path>.partial" a writer fills before moving it to <path> in one rename, so that a
// reader of <path> never sees half an export. Removed on destruction unless committed.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"

namespace fazhi::tabular {

class PartialFile {
 public:
  explicit PartialFile(std::filesystem::path target)
      : target_(std::move(target)), partial_(target_.string() + ".partial") {}
  ~PartialFile() {
    if (!committed_) {
      std::error_code ignored;
      std::filesystem::remove(partial_, ignored);
    }
  }
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;

  const std::filesystem::path& partial() const { return partial_; }
  const std::filesystem::path& target() const { return target_; }

  // Renames the partial file onto the target.
  Result<void> commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path partial_;
  bool committed_ = false;
};

}  // namespace fazhi::tabular

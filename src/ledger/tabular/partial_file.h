// What both writers share: the "<path>.partial" a writer fills before moving it to <path> in
// one rename, so that a reader of <path> never sees half an export (removed on destruction
// unless committed); and the check that cells are text.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ledger/tabular/table_writer.h"

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

// Fails (kInternal: the caller passed it) when a cell is not valid UTF-8, naming the row as
// the file will number it and the column; written, it would read back as something else.
Result<void> check_text(std::span<const std::string_view> cells, const std::vector<Column>& columns,
                        const std::string& subject, int64_t row_number);

}  // namespace fazhi::tabular

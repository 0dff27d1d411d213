#include "report/zip_package.h"

#include <zip.h>

#include <memory>

namespace fazhi {
namespace {

Error zip_failure(std::string_view what, std::string_view step, zip_error_t* error) {
  return internal_error(std::string(what), std::string(step) + "失败：" + zip_error_strerror(error));
}

}  // namespace

Result<std::string> zip_parts(const std::vector<std::pair<std::string, std::string>>& parts, std::string_view what) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (!buffer) return zip_failure(what, "建立内存缓冲区", &error);
  std::unique_ptr<zip_source_t, decltype(&zip_source_free)> owned(buffer, zip_source_free);
  zip_source_keep(buffer);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (!archive) return zip_failure(what, "建立压缩包", &error);
  // The parts' bytes must outlive zip_close(), which reads them: they are the caller's.
  for (const auto& [name, data] : parts) {
    zip_source_t* part = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (!part || zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
      if (part) zip_source_free(part);
      Error e = zip_failure(what, "写入 " + name, zip_get_error(archive));
      zip_discard(archive);
      return e;
    }
  }
  if (zip_close(archive) < 0) {
    Error e = zip_failure(what, "完成压缩包", zip_get_error(archive));
    zip_discard(archive);
    return e;
  }
  if (zip_source_open(buffer) < 0) return zip_failure(what, "读取压缩包", zip_source_error(buffer));
  zip_source_seek(buffer, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string bytes(static_cast<size_t>(size), '\0');
  zip_int64_t read = zip_source_read(buffer, bytes.data(), static_cast<zip_uint64_t>(size));
  zip_source_close(buffer);
  if (read != size) return internal_error(std::string(what), "读取压缩包内容不完整");
  return bytes;
}

Result<std::string> zip_part(const std::string& archive, const std::string& part, std::string_view what) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(archive.data(), archive.size(), 0, &error);
  zip_t* zip = source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  if (!zip) {
    if (source) zip_source_free(source);
    std::string reason = zip_error_strerror(&error);
    zip_error_fini(&error);
    return invalid_input(std::string(what), "", "不是完整的压缩包：" + reason);
  }
  std::unique_ptr<zip_t, decltype(&zip_discard)> owned(zip, zip_discard);
  zip_int64_t index = zip_name_locate(zip, part.c_str(), 0);
  if (index < 0) return not_found(std::string(what), "压缩包中没有 " + part);
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(zip, static_cast<zip_uint64_t>(index), 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0)
    return invalid_input(std::string(what), part, "无法读取大小");
  zip_file_t* file = zip_fopen_index(zip, static_cast<zip_uint64_t>(index), 0);
  if (!file) return invalid_input(std::string(what), part, std::string("无法打开：") + zip_strerror(zip));
  std::string bytes(static_cast<size_t>(stat.size), '\0');
  zip_int64_t got = zip_fread(file, bytes.data(), bytes.size());
  zip_fclose(file);
  if (got != static_cast<zip_int64_t>(bytes.size()))
    return invalid_input(std::string(what), part, "内容不完整或已损坏");
  return bytes;
}

}  // namespace fazhi

// libFuzzer: any bytes as an uploaded file, under each accepted extension. Run:
// fuzz_attachment_media_type -max_total_time=30 seeds
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ledger/attachment_media_type.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  for (const char* name :
       {"a.pdf", "a.docx", "a.xlsx", "a.ofd", "a.zip", "a.doc", "a.xls", "a.jpg", "a.mp3", "a.mp4"}) {
    auto r = fazhi::sniff_attachment_media_type(name, bytes);
    if (r && r.value().media_type.empty()) __builtin_trap();
  }
  return 0;
}

// Arbitrary bytes through the review pipeline: decoding (UTF-8 / GB18030 / UTF-16),
// normalisation (as text, as HTML when the first byte is odd, with the PDF line rules when
// its second bit is set), segmentation,
// extraction and checks, then the JSON form. Must not crash or hang; every span must
// lie inside the decoded original.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "review/review.h"

namespace {
const fazhi::review::Reviewer& reviewer() {
  static const fazhi::review::Reviewer* r = [] {
    auto created = fazhi::review::Reviewer::create();
    if (!created) std::abort();
    return new fazhi::review::Reviewer(std::move(created).value());
  }();
  return *r;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0 || size > 1 << 16) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string format = (data[0] & 1) ? "html" : "text";
  auto src = fazhi::review::decode_source(bytes, format, "fuzz");
  if (!src) return 0;
  // the PDF path of the normaliser (rejoined lines, spaced-out characters) on the same text
  if (data[0] & 2) src->format = "pdf";
  fazhi::review::ReviewedReport r = reviewer().review(*src);
  uint32_t n = static_cast<uint32_t>(src->text.size());
  for (const auto& f : r.figures) {
    if (f.span.start > f.span.end || f.span.end > n) std::abort();
  }
  for (const auto& d : r.defects) {
    if (d.span.start > d.span.end || d.span.end > n) std::abort();
  }
  (void)fazhi::review::report_json(r).dump();
  return 0;
}

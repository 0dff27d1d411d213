// The kinds of file a government office attaches to its ledgers — PDF, OFD (GB/T 33190, the
// national format for e-documents), Word and Excel (old and new), JPG and PNG photos, MP3
// recordings, MP4 video of on-site enforcement, ZIP bundles — recognised from their bytes,
// not their names: magic numbers, and for ZIP containers the entries of the central
// directory (OFD.xml, word/document.xml, xl/workbook.xml); for the old Office compound files
// the stream names (WordDocument, Workbook). Pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace fazhi {

// One accepted kind of file.
struct AttachmentMediaType {
  std::string media_type;  // "application/pdf"
  std::string label;       // "PDF 文件", for messages
};

// What `bytes` are, or nullopt-like failure: fails with kInvalidInput naming the file and
// the kinds accepted when the content is none of them, or when the content disagrees with
// the extension of `file_name` (a PNG named .pdf). Never reads past `bytes`.
Result<AttachmentMediaType> sniff_attachment_media_type(std::string_view file_name, std::string_view bytes);

// The kinds accepted, as a clerk reads them: "PDF、OFD、Word（doc/docx）…".
const std::string& accepted_attachment_kinds();

}  // namespace fazhi

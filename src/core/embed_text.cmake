# Writes OUT, a C++ source defining `std::string_view NAMESPACE::FUNCTION()` that returns the
# text of IN as a raw string literal. Run at build time (cmake -P) so that IN stays the one
# source of truth and a change to it rebuilds the binary.
file(READ "${IN}" content)
string(FIND "${content}" ")fazhi_embed\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw-string delimiter )fazhi_embed\"")
endif()
get_filename_component(name "${IN}" NAME)
file(WRITE "${OUT}.tmp"
"// Generated from ${name} by embed_text.cmake; edit ${name}, not this file.
#include <string_view>

namespace ${NAMESPACE} {

std::string_view ${FUNCTION}() {
  static constexpr std::string_view kText = R\"fazhi_embed(${content})fazhi_embed\";
  return kText;
}

}  // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUT}.tmp")

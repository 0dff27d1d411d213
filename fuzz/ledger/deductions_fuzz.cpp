// Fuzzes the case-file review deductions a reviewer types ("B2 2 证据未编页", one a line).
// Oracles: what parses writes back to text that parses to the same deductions; the score
// stays within 0 and the full score, and the grade is one of the three. Seeds: seeds/deductions/.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ledger/case_file_rubric.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const fazhi::CaseFileRubric& rubric = fazhi::default_case_file_rubric();
  auto parsed = fazhi::parse_deductions(rubric, text);
  if (!parsed) return 0;
  auto again = fazhi::parse_deductions(rubric, fazhi::deductions_text(*parsed));
  if (!again || again->size() != parsed->size()) std::abort();
  for (std::size_t i = 0; i < parsed->size(); ++i)
    if ((*again)[i].item != (*parsed)[i].item || (*again)[i].points != (*parsed)[i].points ||
        (*again)[i].problem != (*parsed)[i].problem)
      std::abort();
  fazhi::CaseFileScore s = fazhi::score_case_file(rubric, *parsed);
  if (s.score < 0 || s.score > rubric.full_score()) std::abort();
  if (s.grade != "excellent" && s.grade != "pass" && s.grade != "fail") std::abort();
  return 0;
}

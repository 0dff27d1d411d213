// The public notice of a draw (抽查结果公示) for the government portal: in plain Chinese, what
// was drawn, from how many, by which rule, who inspects whom, where the randomness came from
// and how anyone can check it with `fazhi draw verify`. Text and HTML carry the same words.
// Pure: builds a string from a plan and a result recomputed from it.
#pragma once

#include <string>

#include "draw/draw_engine.h"
#include "draw/draw_plan.h"

namespace fazhi::draw {

enum class PublicationFormat { kText, kHtml };

// The notice. `plan_file` and `result_file` are the names the public downloads, quoted in the
// how-to-check section.
std::string publication(const DrawPlan& plan, const DrawResult& result, PublicationFormat format,
                        const std::string& plan_file, const std::string& result_file);

}  // namespace fazhi::draw

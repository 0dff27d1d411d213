#include "report/report_template.h"

#include <fmt/format.h>

namespace fazhi {

const ReportOutline& report_outline() {
  static const ReportOutline kOutline{
      .parts = {{"一", "一、主要举措和成效"},
                {"二", "二、党政主要负责人履行推进法治建设第一责任人职责情况"},
                {"三", "三、存在的不足和原因"},
                {"四", "四、下一年度法治政府建设主要安排"}},
      .chapters =
          {
              {"functions", "一", "（一）健全政府机构职能体系", {"functions"}, true},
              {"institutions", "一", "（二）健全依法行政制度体系", {"institutions"}, true},
              {"decisions", "一", "（三）健全行政决策制度体系", {"decisions"}, false},
              {"enforcement", "一", "（四）健全行政执法工作体系", {"enforcement"}, true},
              {"emergency", "一", "（五）健全突发事件应对体系", {"emergency", "emergencies"}, false},
              {"disputes", "一", "（六）健全社会矛盾纠纷行政预防调处化解体系", {"disputes"}, true},
              {"oversight", "一", "（七）健全行政权力制约和监督体系", {"oversight"}, false},
              {"technology", "一", "（八）健全法治政府建设科技保障体系", {"technology", "digital"}, false},
              {"leadership", "一", "（九）加强党对法治政府建设的领导", {"leadership"}, false},
              {"first_responsibility", "二", "", {}, false},
              {"shortcomings", "三", "", {}, false},
              {"next_year", "四", "", {}, false},
          },
  };
  return kOutline;
}

const ReportChapter* find_report_chapter(std::string_view key) {
  for (const auto& c : report_outline().chapters)
    if (c.key == key) return &c;
  return nullptr;
}

std::string report_title(std::string_view org_name, int year, bool department) {
  return department ? fmt::format("{}{}年度法治政府建设工作报告", org_name, year)
                    : fmt::format("{}关于{}年度法治政府建设情况的报告", org_name, year);
}

}  // namespace fazhi

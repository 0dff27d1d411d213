#include "indicator/declarations/declaration_forms.h"

namespace fazhi {

using namespace indicator_forms;

namespace {
constexpr const char* kArea = "disputes";
}  // namespace

// 公共法律服务 (INDICATORS.md, Legal services and publicity): consultations and notarisations
// (a service record may count several people or matters, so these are sums of `count`) and
// legal aid granted.
std::vector<IndicatorDeclaration> legal_service_indicators() {
  return {
      event_sum({"legal_service.consultations", "免费法律咨询", "人次", kArea, "legal_service"}, "served_on", "count",
                {{"service_kind", Op::kIn, {"consultation"}}, {"free", Op::kNotIn, {"0"}}},
                "提供免费法律咨询{value}{unit}", "服务日期在期间内、未标记为收费的法律咨询服务人次之和"),
      [] {
        auto d = event_count({"legal_aid.cases", "法律援助案件", "件", kArea, "legal_aid"}, "applied_on",
                             {{"granted", Op::kIn, {"1"}}}, "办理法律援助案件{value}{unit}",
                             "申请日期在期间内、决定给予法律援助的案件");
        d.breakdown_field = "aid_kind";
        return d;
      }(),
      event_sum({"notary.cases", "办理公证", "件", kArea, "legal_service"}, "served_on", "count",
                {{"service_kind", Op::kIn, {"notarization"}}}, "办理公证{value}{unit}",
                "服务日期在期间内的公证服务件数之和"),
  };
}

}  // namespace fazhi

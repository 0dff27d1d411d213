#include "indicator/declarations/declaration_forms.h"

namespace fazhi {

using namespace indicator_forms;

namespace {
constexpr const char* kArea = "technology";
}  // namespace

// 法治政府建设科技保障 (REPORT.md, chapter 8: digital government, online platforms): how much
// of the work that the ledgers record reached the government through its online channels —
// reconsideration applications filed online, online petitions, 12345 requests from the web,
// app and WeChat, and legal services given on the online platform. Each share is of the whole
// that the area's own indicator counts, so the two figures always agree.
std::vector<IndicatorDeclaration> technology_indicators() {
  return {
      event_count({"technology.online_reconsideration", "网上申请行政复议", "件", kArea, "reconsideration"},
                  "received_on", {{"received_via", Op::kIn, {"online"}}}, "通过网上渠道收到行政复议申请{value}{unit}",
                  "收到申请日期在期间内、申请方式为网上申请的行政复议申请"),
      percentage("technology.online_reconsideration_rate", "行政复议网上申请占比", kArea, "reconsideration",
                 "technology.online_reconsideration", "reconsideration.received", "占收到申请的{value}{unit}",
                 "网上申请的行政复议申请数 ÷ 收到的行政复议申请数 × 100%"),
      event_count({"technology.online_petitions", "网上信访", "件", kArea, "petition"}, "received_on",
                  {{"channel", Op::kIn, {"online"}}}, "网上信访{value}{unit}",
                  "收到日期在期间内、信访形式为网上信访的信访事项"),
      percentage("technology.online_petition_rate", "网上信访占比", kArea, "petition", "technology.online_petitions",
                 "petition.received", "占信访事项的{value}{unit}", "网上信访事项数 ÷ 信访事项数 × 100%"),
      event_count({"technology.online_hotline_tickets", "12345网络渠道诉求", "件", kArea, "hotline_ticket"},
                  "received_at", {{"channel", Op::kIn, {"web", "app", "wechat"}}},
                  "通过网站、移动端和微信受理12345诉求{value}{unit}",
                  "受理时间在期间内、来源渠道为网站、移动端或微信的12345热线工单"),
      percentage("technology.online_hotline_rate", "12345网络渠道诉求占比", kArea, "hotline_ticket",
                 "technology.online_hotline_tickets", "hotline.tickets", "占受理诉求的{value}{unit}",
                 "网络渠道工单数 ÷ 受理工单数 × 100%"),
      event_sum({"technology.online_legal_services", "网络平台法律服务", "人次", kArea, "legal_service"}, "served_on",
                "count", {{"channel", Op::kIn, {"online"}}}, "通过公共法律服务网络平台服务{value}{unit}",
                "服务日期在期间内、服务渠道为网络平台的法律服务人次（件数）之和"),
  };
}

}  // namespace fazhi

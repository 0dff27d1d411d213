#include "ledger/declarations/declarations.h"

// Declarations are tables: each field stays on one line, however many designators it has.
// clang-format off
namespace fazhi {

// 政务服务: the service item catalogue, 12345 hotline tickets and 好差评 ratings (imported at
// volume from the systems that produce them; time limits by ticket kind are city
// configuration, RULES.md §9), and credit repairs.

const LedgerDeclaration& service_item_ledger() {
  static const LedgerDeclaration ledger{
      .name = "service_item",
      .label = "政务服务事项",
      .area = "functions",
      .title_field = "name",
      .fields =
          {
              {.name = "name", .label = "事项名称", .type = FieldType::kText, .required = true, .max_length = 300},
              {.name = "item_code", .label = "事项编码", .type = FieldType::kText, .max_length = 60},
              {.name = "item_kind", .label = "事项类型", .type = FieldType::kEnum, .indexed = true,
               .options = {{"licensing", "行政许可"},
                           {"confirmation", "行政确认"},
                           {"payment", "行政给付"},
                           {"public_service", "公共服务"},
                           {"other", "其他"}}},
              {.name = "fully_online", .label = "是否全程网办", .type = FieldType::kBoolean, .indexed = true},
              {.name = "mobile", .label = "是否掌上可办", .type = FieldType::kBoolean, .indexed = true},
              {.name = "in_hall", .label = "是否进驻政务服务大厅", .type = FieldType::kBoolean, .indexed = true},
              {.name = "statutory_days", .label = "法定办结时限（工作日）", .type = FieldType::kInteger, .min = 0,
               .in_list = false},
              {.name = "committed_days", .label = "承诺办结时限（工作日）", .type = FieldType::kInteger, .min = 0,
               .in_list = false},
              {.name = "in_force", .label = "是否在用", .type = FieldType::kBoolean, .indexed = true},
          },
  };
  return ledger;
}

namespace {

// The handling period of 12345 tickets of `kind`: `days` working days after receipt, met when
// the ticket is closed, flagged the day before it falls due.
TimeLimitDeclaration hotline_limit(std::string kind, std::string label, int days) {
  return {.name = "handling_" + kind,
          .label = std::move(label),
          .from = "received_at",
          .days = days,
          .count = DayCount::kWorkingDays,
          .until = "closed_at",
          .due_soon_days = 1,
          .source = "国办发〔2020〕53号（办理时限由各地规定；默认值为各地12345热线常见做法，"
                    "以本市设置为准）",
          .applies_if_field = "kind",
          .applies_if_values = {std::move(kind)}};
}

}  // namespace

const LedgerDeclaration& hotline_ticket_ledger() {
  static const LedgerDeclaration ledger{
      .name = "hotline_ticket",
      .label = "12345热线工单",
      .area = "functions",
      .title_field = "ticket_number",
      .fields =
          {
              {.name = "ticket_number", .label = "工单编号", .type = FieldType::kText, .required = true, .unique = true,
               .max_length = 60},
              {.name = "kind", .label = "诉求类型", .type = FieldType::kEnum, .required = true, .indexed = true,
               .options = {{"consultation", "咨询"},
                           {"help", "求助"},
                           {"complaint", "投诉"},
                           {"report", "举报"},
                           {"suggestion", "建议"},
                           {"praise", "表扬"}}},
              {.name = "channel", .label = "来源渠道", .type = FieldType::kEnum, .indexed = true,
               .options = {{"phone", "电话"}, {"web", "网站"}, {"app", "移动端"}, {"wechat", "微信"}, {"other", "其他"}}},
              {.name = "received_at", .label = "受理时间", .type = FieldType::kDateTime, .required = true,
               .indexed = true},
              {.name = "content", .label = "诉求内容", .type = FieldType::kLongText, .in_list = false},
              {.name = "handling_org", .label = "承办单位", .type = FieldType::kOrgRef, .indexed = true},
              {.name = "due_at", .label = "办理时限", .type = FieldType::kDateTime, .indexed = true},
              {.name = "closed_at", .label = "办结时间", .type = FieldType::kDateTime, .indexed = true},
              {.name = "on_time", .label = "是否按时办结", .type = FieldType::kBoolean, .indexed = true},
              {.name = "satisfaction", .label = "满意度", .type = FieldType::kEnum, .indexed = true,
               .options = {{"satisfied", "满意"},
                           {"basically_satisfied", "基本满意"},
                           {"dissatisfied", "不满意"},
                           {"not_rated", "未评价"}}},
          },
      // Handling periods by kind, from receipt until the ticket is closed. No national day
      // count exists (国办发〔2020〕53号 leaves acceptance, transfer and handling periods to
      // each locality, RULES.md §9); the defaults are the common city practice — consultations
      // answered in 1 working day, requests for help in 3, complaints in 5, reports and
      // suggestions in 10, praise passed on in 3 — and a city sets its own in 地方时限设置.
      // The imported `due_at` is the source system's own deadline and is left as it is.
      .time_limits =
          {
              hotline_limit("consultation", "咨询工单办理时限", 1),
              hotline_limit("help", "求助工单办理时限", 3),
              hotline_limit("complaint", "投诉工单办理时限", 5),
              hotline_limit("report", "举报工单办理时限", 10),
              hotline_limit("suggestion", "建议工单办理时限", 10),
              hotline_limit("praise", "表扬工单转达时限", 3),
          },
      .also_visible_to_field = "handling_org",
      // The 12345 indicators count tickets by the month received (kind, channel) and by the
      // month closed (on time, satisfaction).
      .monthly_tallies = {{"by_received", "received_at", {"kind", "channel"}},
                          {"by_closed", "closed_at", {"on_time", "satisfaction"}}},
  };
  return ledger;
}

const LedgerDeclaration& service_rating_ledger() {
  static const LedgerDeclaration ledger{
      .name = "service_rating",
      .label = "政务服务好差评",
      .area = "functions",
      .title_field = "rating_number",
      // Millions of ratings a year: only what clerks look records up by is indexed (the date,
      // the stars, the organisations). Channel, active rating, follow-up and rectification are
      // counted from the monthly tally, and the bad ratings awaiting follow-up are found through
      // the to-do list's partial index; an index on each would slow every import by a fifth.
      .fields =
          {
              {.name = "rating_number", .label = "评价编号", .type = FieldType::kText, .required = true, .unique = true,
               .max_length = 60},
              {.name = "service_item", .label = "评价事项", .type = FieldType::kText, .max_length = 300},
              {.name = "rated_org", .label = "被评价单位", .type = FieldType::kOrgRef, .indexed = true},
              {.name = "channel", .label = "评价渠道", .type = FieldType::kEnum,
               .options = {{"window", "窗口评价器"},
                           {"web", "网上评价"},
                           {"app", "移动端评价"},
                           {"terminal", "自助终端"},
                           {"sms", "短信评价"},
                           {"phone", "电话回访"}}},
              {.name = "rated_at", .label = "评价时间", .type = FieldType::kDateTime, .required = true,
               .indexed = true},
              {.name = "stars", .label = "评价星级", .type = FieldType::kInteger, .required = true, .indexed = true,
               .min = 1, .max = 5, .help = "1至5星；1、2星为差评"},
              {.name = "active", .label = "是否主动评价", .type = FieldType::kBoolean,
               .help = "办事人主动评价为“是”，经邀请或默认评价为“否”"},
              {.name = "comment", .label = "评价内容", .type = FieldType::kLongText, .in_list = false},
              {.name = "followed_up_on", .label = "差评回访日期", .type = FieldType::kDate,
               .in_list = false},
              {.name = "rectified", .label = "差评是否整改", .type = FieldType::kBoolean,
               .in_list = false},
              {.name = "followup_note", .label = "回访整改情况", .type = FieldType::kLongText, .in_list = false},
          },
      // A bad rating (1 or 2 stars) is checked, rectified and the rater called back; the
      // period is set locally (no national day count), 15 working days being the common one.
      .time_limits =
          {
              {.name = "bad_rating_followup", .label = "差评回访整改期限", .from = "rated_at", .days = 15,
               .count = DayCount::kWorkingDays, .until = "followed_up_on",
               .source = "国办发〔2019〕51号（差评回访整改；期限由各地规定，默认15个工作日）",
               .applies_if_field = "stars", .applies_if_values = {"1", "2"}},
          },
      .also_visible_to_field = "rated_org",
      // The 好差评 indicators count a period's ratings by stars, active rating and channel:
      // millions a year. (The follow-up on time is checked rating by rating: only bad ones.)
      .monthly_tallies = {{"by_rated", "rated_at", {"stars", "active", "channel"}}},
  };
  return ledger;
}

// 12345 话务: calls offered and answered per day (tickets are counted in hotline_ticket).
const LedgerDeclaration& hotline_traffic_ledger() {
  static const LedgerDeclaration ledger{
      .name = "hotline_traffic",
      .label = "12345热线话务量",
      .area = "functions",
      .title_field = "traffic_date",
      .fields =
          {
              {.name = "traffic_date", .label = "日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "calls", .label = "呼入量", .type = FieldType::kInteger, .required = true, .min = 0},
              {.name = "answered", .label = "接通量", .type = FieldType::kInteger, .required = true, .min = 0},
          },
  };
  return ledger;
}

// 信用信息归集: one batch of credit records collected from a source.
const LedgerDeclaration& credit_collection_ledger() {
  static const LedgerDeclaration ledger{
      .name = "credit_collection",
      .label = "信用信息归集",
      .area = "functions",
      .title_field = "source",
      .fields =
          {
              {.name = "source", .label = "信息来源", .type = FieldType::kText, .required = true, .max_length = 100},
              {.name = "collected_on", .label = "归集日期", .type = FieldType::kDate, .required = true, .indexed = true},
              {.name = "record_count", .label = "归集条数", .type = FieldType::kInteger, .required = true, .min = 0},
          },
  };
  return ledger;
}

// 信用修复: one entity whose credit was repaired.
const LedgerDeclaration& credit_repair_ledger() {
  static const LedgerDeclaration ledger{
      .name = "credit_repair",
      .label = "信用修复",
      .area = "functions",
      .title_field = "entity_name",
      .fields =
          {
              {.name = "entity_name", .label = "主体名称", .type = FieldType::kText, .required = true,
               .max_length = 200},
              {.name = "uscc", .label = "统一社会信用代码", .type = FieldType::kNationalCode,
               .code = NationalCodeKind::kUnifiedSocialCreditCode},
              {.name = "record_kind", .label = "失信信息类别", .type = FieldType::kEnum, .indexed = true,
               .options = {{"penalty", "行政处罚信息"}, {"abnormal", "经营异常名录"}, {"serious", "严重失信名单"}}},
              {.name = "repaired_on", .label = "修复日期", .type = FieldType::kDate, .required = true, .indexed = true},
          },
  };
  return ledger;
}

}  // namespace fazhi
// clang-format on

// Generated names and national codes for the demo city.
#include <fmt/format.h>

#include "core/credit_code.h"
#include "core/resident_id.h"
#include "core/working_day_calendar.h"
#include "ledger/demo/demo_model.h"

namespace fazhi::demo {
namespace {

// Common surnames and given-name characters: combinations, never a list of real people.
const std::vector<std::string_view>& surnames() {
  static const std::vector<std::string_view> k = {
      "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何",
      "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓",
      "许", "傅", "沈", "曾", "彭", "吕", "苏", "卢", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余",
      "潘", "杜", "戴", "夏", "钟", "汪", "田", "任", "姜", "范", "方", "石", "姚", "谭", "廖", "邹", "熊",
      "金", "陆", "郝", "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟", "龙",
      "万", "段", "雷", "钱", "汤", "尹", "黎", "易", "常", "武", "乔", "贺", "赖", "龚", "文"};
  return k;
}
const std::vector<std::string_view>& given_chars() {
  static const std::vector<std::string_view> k = {
      "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
      "超", "秀", "霞", "平", "刚", "桂", "英", "华", "文", "慧", "建", "国", "红", "玉", "兰", "峰",
      "琳", "宇", "晨", "欣", "浩", "婷", "雪", "佳", "鹏", "亮", "辉", "新", "丹", "萍", "燕", "志",
      "海", "波", "斌", "凯", "颖", "倩", "瑞", "博", "晓", "春", "冬", "梅", "立", "宁", "成", "书",
      "悦", "航", "昊", "然", "思", "雨", "泽", "睿", "嘉", "怡", "涵", "子", "安", "家", "彤", "诚"};
  return k;
}
const std::vector<std::string_view>& trade_words() {
  static const std::vector<std::string_view> k = {
      "恒泰", "鑫源", "瑞丰", "宏远", "嘉禾", "润达", "博安", "盛华", "永创", "佳诚", "汇通", "明扬",
      "正和", "联众", "东升", "金川", "和信", "德利", "新元", "天诚", "景行", "启明", "昌隆", "泰和",
      "中益", "顺捷", "安康", "青禾", "立达", "华泽", "晟通", "弘业", "禾丰", "锦程", "凯旋", "众联"};
  return k;
}
const std::vector<std::string_view>& trades() {
  static const std::vector<std::string_view> k = {
      "建材",     "商贸",     "餐饮管理", "物流", "食品", "机械制造", "建筑工程", "环保科技", "农业开发", "医药",
      "电子科技", "物业服务", "汽车销售", "化工", "纺织", "印刷",     "装饰工程", "信息技术", "家具",     "酒店管理"};
  return k;
}
const std::vector<std::string_view>& entity_forms() {
  static const std::vector<std::string_view> k = {"有限公司",     "有限公司", "有限公司", "有限责任公司",
                                                  "股份有限公司", "经营部",   "商行"};
  return k;
}

}  // namespace

Date first_day() {
  return Date::from_days_since_epoch(18628);
}  // 2021-01-01
Date last_day() {
  return Date::from_days_since_epoch(20453);
}  // 2025-12-31

std::string person_name(DemoRandom& rng) {
  std::string name(surnames()[rng.index(surnames().size())]);
  name += given_chars()[rng.index(given_chars().size())];
  if (rng.chance(0.7)) name += given_chars()[rng.index(given_chars().size())];
  return name;
}

std::string company_name(DemoRandom& rng) {
  return fmt::format("示例市{}{}{}", trade_words()[rng.index(trade_words().size())],
                     trades()[rng.index(trades().size())], entity_forms()[rng.index(entity_forms().size())]);
}

std::string credit_code(DemoRandom& rng, char authority, char kind, std::string_view region) {
  std::string s;
  s += authority;
  s += kind;
  s += region.substr(0, 6);
  for (int i = 0; i < 9; ++i) s += kCreditCodeCharset[rng.index(kCreditCodeCharset.size())];
  auto check = credit_code_check_character(s);
  s += check ? *check : '0';
  return s;
}

std::string citizen_id(DemoRandom& rng, std::string_view region, Date birth, bool male,
                       std::unordered_set<std::string>& used) {
  for (;;) {
    int seq = static_cast<int>(rng.uniform(1, 499)) * 2 - (male ? 1 : 0);
    std::string s =
        fmt::format("{}{:04d}{:02d}{:02d}{:03d}", region.substr(0, 6), birth.year(), birth.month(), birth.day(), seq);
    auto check = resident_id_check_character(s);
    s += check ? *check : '0';
    if (used.insert(s).second) return s;
  }
}

std::string phone_number(DemoRandom& rng) {
  return fmt::format("0799-{}", rng.uniform(2000000, 8999999));
}

Date random_date(DemoRandom& rng, Date from, Date to) {
  return from.add_days(rng.uniform(0, days_between(from, to)));
}

Date add_workdays(Date from, int n) {
  auto r = default_calendar().add_working_days(from, n);
  if (r) return *r;
  Date d = from;  // outside the table's years: weekdays only
  while (n > 0) {
    d = d.add_days(1);
    if (!d.is_weekend()) --n;
  }
  return d;
}

Date random_working_day(DemoRandom& rng, Date from, Date to) {
  Date d = random_date(rng, from, to);
  auto w = default_calendar().is_working_day(d);
  if (w && *w) return d;
  return add_workdays(d, 1);
}

std::string utc_stamp(Date date, int hour, int minute, int second) {
  DateTime local = DateTime::from_seconds_since_epoch(date.days_since_epoch() * 86400 + hour * 3600 + minute * 60 +
                                                      second - 8 * 3600);
  return local.iso('T') + ".000Z";
}

}  // namespace fazhi::demo

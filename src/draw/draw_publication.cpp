#include "draw/draw_publication.h"

#include <fmt/format.h>

#include <unordered_map>

namespace fazhi::draw {
namespace {

// The notice as data: headings, paragraphs (or list items), and one table.
struct Block {
  enum Kind { kHeading, kParagraph, kItem, kCode, kTable } kind;
  std::string text;
  std::vector<std::vector<std::string>> rows;  // kTable: first row is the header
};

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

std::vector<Block> notice(const DrawPlan& plan, const DrawResult& r, const std::string& plan_file,
                          const std::string& result_file) {
  std::vector<Block> b;
  std::unordered_map<std::string, const Inspector*> inspectors;
  for (const auto& in : plan.inspectors) inspectors[in.id] = &in;
  std::uint64_t drawn = 0;
  for (const auto& s : r.strata) drawn += s.selection.size();

  b.push_back({Block::kParagraph, fmt::format("抽查计划：{}（编号 {}）；组织单位：{}；计划基准日：{}。", plan.title,
                                              plan.id, plan.organizer, plan.as_of)});
  b.push_back({Block::kParagraph, "抽查事项：" + join(plan.inspection_items, "、") + "。"});

  b.push_back({Block::kHeading, "一、从多少中抽了多少"});
  b.push_back({Block::kParagraph, fmt::format("检查对象名录共 {} 户，本次按信用风险分类分层随机抽取，共抽中 {} 户。",
                                              r.pool_total, drawn)});
  for (const auto& s : r.strata) {
    std::string rule = s.rule_text.back() == '%' ? fmt::format("按可抽户数的 {} 抽取（向上取整）", s.rule_text)
                                                 : fmt::format("固定抽取 {} 户", s.rule_text);
    if (s.minimum > 0) rule += fmt::format("，且不少于 {} 户", s.minimum);
    std::string excluded;
    if (s.excluded_recent > 0) {
      excluded = fmt::format("，其中 {} 户在 {} 之前 {} 个月内已检查过，本次不抽", s.excluded_recent, plan.as_of,
                             plan.inspected_within_months);
    }
    b.push_back({Block::kItem, fmt::format("{}：名录中 {} 户{}，可抽 {} 户；{}；抽中 {} 户。", s.label, s.in_stratum,
                                           excluded, s.eligible, rule, s.selection.size())});
  }
  if (r.outside_strata > 0) {
    b.push_back({Block::kItem, fmt::format("不属于上述任何分层的 {} 户不在本次抽查范围内。", r.outside_strata)});
  }
  std::vector<std::string> depts;
  for (const auto& w : r.workload) {
    std::string d = fmt::format("{}持有效执法证的 {} 人", plan.department_name(w.department), w.inspectors);
    if (w.without_certificate > 0) d += fmt::format("（另有 {} 人执法证无效，不参加）", w.without_certificate);
    depts.push_back(d);
  }
  b.push_back(
      {Block::kParagraph, fmt::format("执法检查人员从名录中随机选派：{}。每个检查组至少 {} 人，由负责该对象的部门派出；"
                                      "一户由几个部门负责的，各部门至少派一人，联合检查。",
                                      join(depts, "，"), plan.team.size)});

  b.push_back({Block::kHeading, "二、抽中名单和检查组"});
  Block table{Block::kTable, ""};
  table.rows.push_back({"序号", "分层", "检查对象", "统一社会信用代码", "检查人员"});
  std::uint64_t n = 0;
  for (const auto& s : r.strata) {
    for (const auto& a : s.selection) {
      std::vector<std::string> team;
      for (const auto& id : a.team) {
        auto it = inspectors.find(id);
        team.push_back(it == inspectors.end() || it->second->name.empty() ? id : it->second->name + "（" + id + "）");
      }
      table.rows.push_back({std::to_string(++n), s.label, a.target.name, a.target.uscc, join(team, "、")});
    }
  }
  b.push_back(std::move(table));

  b.push_back({Block::kHeading, "三、规则"});
  b.push_back({Block::kItem, "同一分层内，每一户可抽对象被抽中的机会相同；抽取不放回，同一户不会被抽中两次。"});
  if (plan.inspected_within_months > 0) {
    b.push_back({Block::kItem,
                 fmt::format("在计划基准日前 {} 个月内已检查过的对象不参加本次抽取。", plan.inspected_within_months)});
  }
  b.push_back({Block::kItem,
               "执法证无效的人员不参加选派；执法人员不会被派去检查与其申报有利益冲突的对象，"
               "也不会被派去检查自己上次检查过的对象。"});
  std::string spread = "选派时，在符合条件的人员中优先选已分到检查任务最少的人，同样少的再随机选，使工作量均衡";
  for (const auto& w : r.workload) {
    if (w.inspectors > 0) {
      spread +=
          fmt::format("；{}每人检查 {} 至 {} 户", plan.department_name(w.department), w.min_targets, w.max_targets);
    }
  }
  b.push_back({Block::kItem, spread + "。"});

  b.push_back({Block::kHeading, "四、随机数从哪里来，怎样核验"});
  b.push_back({Block::kItem, fmt::format("抽取前，抽查计划（含两个名录和全部规则）已经冻结，并公布了它的 SM3 指纹：{}。"
                                         "计划中任何一处改动都会使指纹改变。",
                                         r.proof.plan_sm3)});
  if (!r.proof.targets_file_sm3.empty()) {
    b.push_back({Block::kItem, fmt::format("检查对象名录文件 {} 的 SM3 指纹为 {}，已写入计划。",
                                           plan.targets_file->name, r.proof.targets_file_sm3)});
  }
  if (r.proof.reveals.empty()) {
    b.push_back({Block::kItem, fmt::format("随机来源：{}。本次使用的公开值为“{}”。计划冻结时这个值还不存在，"
                                           "任何人（包括组织抽查的单位）都无法事先知道或控制它。",
                                           plan.randomness.description, r.proof.public_value)});
  } else {
    std::vector<std::string> parts;
    for (const auto& [dept, value] : r.proof.reveals) parts.push_back(plan.department_name(dept) + "“" + value + "”");
    b.push_back(
        {Block::kItem, fmt::format("随机来源：{}。各部门在计划冻结时只公布了随机值的 SM3 承诺，计划冻结后才揭示原值："
                                   "{}。只要有一个部门的值是保密且随机的，结果就不受任何一方单独控制。",
                                   plan.randomness.description, join(parts, "；"))});
  }
  b.push_back({Block::kItem, fmt::format("随机种子 = SM3(\"{}\\n\" + 计划指纹 + \"\\n\" + 公开值) = {}。"
                                         "以种子为密钥，用 ChaCha20 算法（RFC 8439）产生随机数，拒绝采样保证无偏，"
                                         "逐层不放回抽取，再选派检查组；算法版本 {}，细节见 docs/draw-plan.md。",
                                         r.proof.algorithm_version, r.proof.seed, r.proof.algorithm_version)});
  b.push_back({Block::kItem, fmt::format("任何人都可以下载计划文件 {} 和结果文件 {}，自行运行下面的命令重新计算。"
                                         "结果完全一致时显示“核验通过”；计划、名录、公开值或名单只要有一处被改动，"
                                         "程序就会指出第一处不同。",
                                         plan_file, result_file)});
  b.push_back({Block::kCode, fmt::format("fazhi draw verify {} --plan {}", result_file, plan_file)});
  return b;
}

std::string escape_html(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string render_text(const std::string& title, const std::vector<Block>& blocks) {
  std::string out = title + "\n\n";
  for (const auto& b : blocks) {
    switch (b.kind) {
      case Block::kHeading:
        out += "\n" + b.text + "\n\n";
        break;
      case Block::kParagraph:
        out += b.text + "\n";
        break;
      case Block::kItem:
        out += "  · " + b.text + "\n";
        break;
      case Block::kCode:
        out += "\n    " + b.text + "\n";
        break;
      case Block::kTable:
        for (const auto& row : b.rows) out += join(row, "\t") + "\n";
        break;
    }
  }
  return out;
}

std::string render_html(const std::string& title, const std::vector<Block>& blocks) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
                    escape_html(title) +
                    "</title>\n<style>body{font-family:\"Noto Serif CJK SC\",serif;max-width:60em;margin:2em auto;"
                    "line-height:1.7}table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 8px}"
                    "code{background:#f3f3f3;padding:2px 6px}</style>\n</head>\n<body>\n<h1>" +
                    escape_html(title) + "</h1>\n";
  bool in_list = false;
  for (const auto& b : blocks) {
    if (in_list && b.kind != Block::kItem) {
      out += "</ul>\n";
      in_list = false;
    }
    switch (b.kind) {
      case Block::kHeading:
        out += "<h2>" + escape_html(b.text) + "</h2>\n";
        break;
      case Block::kParagraph:
        out += "<p>" + escape_html(b.text) + "</p>\n";
        break;
      case Block::kItem:
        if (!in_list) out += "<ul>\n";
        in_list = true;
        out += "<li>" + escape_html(b.text) + "</li>\n";
        break;
      case Block::kCode:
        out += "<p><code>" + escape_html(b.text) + "</code></p>\n";
        break;
      case Block::kTable:
        out += "<table>\n";
        for (std::size_t i = 0; i < b.rows.size(); ++i) {
          const char* cell = i == 0 ? "th" : "td";
          out += "<tr>";
          for (const auto& c : b.rows[i]) out += fmt::format("<{0}>{1}</{0}>", cell, escape_html(c));
          out += "</tr>\n";
        }
        out += "</table>\n";
        break;
    }
  }
  if (in_list) out += "</ul>\n";
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace

std::string publication(const DrawPlan& plan, const DrawResult& result, PublicationFormat format,
                        const std::string& plan_file, const std::string& result_file) {
  std::string title = fmt::format("{}“双随机、一公开”抽查结果公示", plan.organizer);
  auto blocks = notice(plan, result, plan_file, result_file);
  return format == PublicationFormat::kHtml ? render_html(title, blocks) : render_text(title, blocks);
}

}  // namespace fazhi::draw

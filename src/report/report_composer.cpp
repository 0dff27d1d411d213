#include "report/report_composer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/error.h"
#include "ledger/ledger_catalogue.h"
#include "ledger/ledger_rules.h"
#include "report/report_template.h"

namespace fazhi {
namespace {

std::string fill_phrase(const IndicatorDeclaration& d, const std::string& value_text) {
  std::string phrase = d.phrase.empty() ? d.label + "{value}{unit}" : d.phrase;
  auto replace = [&](std::string_view key, std::string_view with) {
    for (size_t at = phrase.find(key); at != std::string::npos; at = phrase.find(key, at + with.size()))
      phrase.replace(at, key.size(), with);
  };
  replace("{value}", value_text);
  replace("{unit}", d.unit == "%" ? "%" : d.unit);
  return phrase;
}

std::string format_change(double amount, int decimals) {
  return fmt::format("{:.{}f}", std::round(std::abs(amount) * std::pow(10.0, decimals)) / std::pow(10.0, decimals),
                     decimals);
}

// Paragraphs of a part's chapter text: lines, blank lines dropped, whitespace trimmed.
std::vector<std::string> paragraphs_of(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\r'))
      line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    if (!line.empty()) out.emplace_back(line);
    start = end + 1;
  }
  return out;
}

struct PartText {
  std::string org_code;
  std::map<std::string, std::string> chapters;
};

}  // namespace

std::string change_text(const ReportFigure& f) {
  if (!f.value || !f.previous) return "";
  if (f.ratio) {
    double points = *f.value - *f.previous;
    if (std::abs(points) < 0.005) return "与上年持平";
    return fmt::format("同比{}{}个百分点", points > 0 ? "提高" : "降低", format_change(points, 2));
  }
  if (*f.previous == 0) return "";
  double percent = (*f.value - *f.previous) / *f.previous * 100.0;
  if (std::abs(percent) < 0.005) return "与上年持平";
  return fmt::format("同比{}{}%", percent > 0 ? "上升" : "下降", format_change(percent, 2));
}

std::string report_date_text(const std::string& iso) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return "";
  return fmt::format("{}年{}月{}日", y, m, d);
}

Result<ReportDocument> ReportComposer::compose(const UserContext& user, const ComposeOptions& options) {
  if (options.year < 2000 || options.year > 2100)
    return invalid_input("年度报告", "年度", fmt::format("年度 {} 不在 2000—2100 之间", options.year));
  FAZHI_ASSIGN_OR_RETURN(auto orgs, ledgers_.orgs());
  std::string org_code = options.org.empty() ? user.org_code : options.org;
  if (org_code.empty()) {
    auto roots = orgs->roots();
    if (roots.empty()) return not_found("单位", "数据库中还没有任何单位，请先导入或建立单位");
    org_code = roots.front()->code;
  }
  const OrgNode* org = orgs->find(org_code);
  if (!org) return not_found(fmt::format("单位「{}」", org_code), "不存在，请核对单位编码");
  if (!user.system && !path_in_scope(orgs->path_of(user.org_code), org->path))
    return forbidden(fmt::format("{}的年度报告", org->name), "该单位不在您的管理范围内");

  ReportDocument doc;
  doc.org_code = org->code;
  doc.org_name = org->name;
  doc.department = org->kind != "government";
  doc.year = options.year;
  Period period = Period::year(options.year);
  doc.period_from = period.from;
  doc.period_to = period.to;
  doc.title = report_title(org->name, options.year, doc.department);

  // The round and its parts, when the year has one.
  const LedgerDeclaration& round_ledger = *find_ledger("report_round");
  const LedgerDeclaration& part_ledger = *find_ledger("report_part");
  ListQuery rq;
  rq.filters = {{"year", "eq", std::to_string(options.year)}, {"org_code", "eq", org->code}};
  rq.page_size = 1;
  std::string opening, edited;
  std::vector<PartText> parts;
  FAZHI_ASSIGN_OR_RETURN(auto rounds, ledgers_.list(user, round_ledger, rq));
  if (!rounds.records.empty()) {
    const LedgerRecord& round = rounds.records.front();
    doc.round_id = round.id;
    doc.round_state = round.state;
    std::string title = sql_text(field_of(round_ledger, round, "title"));
    if (!title.empty()) doc.title = title;
    opening = sql_text(field_of(round_ledger, round, "opening"));
    edited = sql_text(field_of(round_ledger, round, "edited_text"));
    std::string date = sql_text(field_of(round_ledger, round, "report_date"));
    if (date.empty()) date = sql_text(field_of(round_ledger, round, "published_on"));
    doc.date_text = report_date_text(date);
    ListQuery pq;
    pq.filters = {{"round", "eq", std::to_string(round.id)}};
    pq.sort = "org_code";
    pq.descending = false;
    FAZHI_TRY(ledgers_.for_each(user, part_ledger, pq, [&](const LedgerRecord& part) -> Result<void> {
      if (part.state == "draft" || part.state == "returned") return ok();  // not yet handed in
      PartText text{part.org_code, {}};
      for (const auto& chapter : report_outline().chapters)
        text.chapters[chapter.key] = sql_text(field_of(part_ledger, part, chapter.key));
      parts.push_back(std::move(text));
      return ok();
    }));
    // The organisation's own part first, then the departments in code order.
    std::stable_sort(parts.begin(), parts.end(), [&](const PartText& a, const PartText& b) {
      return (a.org_code == org->code) > (b.org_code == org->code);
    });
  }

  // The figures of every chapter's areas.
  std::map<std::string, std::string> chapter_of_area;
  for (const auto& chapter : report_outline().chapters)
    for (const auto& area : chapter.areas) chapter_of_area[area] = chapter.key;
  IndicatorQuery query{org->code, period, {}};
  for (const auto& d : indicator_catalogue())
    if (chapter_of_area.count(d.area) &&
        (options.indicators.empty() ||
         std::find(options.indicators.begin(), options.indicators.end(), d.id) != options.indicators.end()))
      query.ids.push_back(d.id);
  std::vector<IndicatorValue> values;
  if (!query.ids.empty()) {
    FAZHI_ASSIGN_OR_RETURN(values, engine_.compute(user, query));
  }
  for (const auto& v : values) {
    const IndicatorDeclaration& d = *v.indicator;
    ReportFigure f;
    f.indicator = d.id;
    f.label = d.label;
    f.unit = d.unit;
    f.chapter = chapter_of_area[d.area];
    f.definition = d.definition;
    f.ratio = d.aggregate == IndicatorAggregate::kRatio;
    f.value = v.current.value;
    f.previous = v.previous.value;
    f.change = v.change();
    f.numerator = v.current.numerator;
    f.denominator = v.current.denominator;
    if (f.value) f.text = format_figure(d, *f.value);
    if (f.previous) f.previous_text = format_figure(d, *f.previous);
    f.change_text = change_text(f);
    if (options.trace) {
      FAZHI_ASSIGN_OR_RETURN(f.query, engine_.reproducing_sql(user, query, d.id));
      // The engine promises that a count's drill-down lists exactly the records counted (a
      // rate's, its numerator's), so only sums and distinct counts need the listing's total.
      const IndicatorDeclaration* counted =
          d.aggregate == IndicatorAggregate::kRatio ? find_indicator(d.numerator) : &d;
      bool plain_count = counted && (counted->aggregate == IndicatorAggregate::kCount ||
                                     counted->aggregate == IndicatorAggregate::kMissedDeadline);
      if (plain_count) {
        f.records = static_cast<std::int64_t>(std::llround(v.current.numerator));
      } else {
        FAZHI_ASSIGN_OR_RETURN(auto records, engine_.records(user, query, d.id, 1, 1));
        f.records = records.total;
      }
    }
    doc.figures.push_back(std::move(f));
  }

  // The blocks.
  for (const auto& p : paragraphs_of(opening)) doc.blocks.push_back({BlockKind::kParagraph, p, "", false});
  const auto& outline = report_outline();
  for (const auto& part : outline.parts) {
    doc.blocks.push_back({BlockKind::kHeading1, part.heading, "", false});
    for (const auto& chapter : outline.chapters) {
      if (chapter.parent != part.numeral) continue;
      if (!chapter.heading.empty()) doc.blocks.push_back({BlockKind::kHeading2, chapter.heading, chapter.key, false});
      std::vector<std::string> clauses;
      for (const auto& f : doc.figures) {
        // Zero counts stay in the table of figures but are not worded in the text.
        if (f.chapter != chapter.key || !f.value || *f.value == 0) continue;
        const IndicatorDeclaration* d = find_indicator(f.indicator);
        std::string clause = fill_phrase(*d, f.text);
        if (chapter.with_change && !f.change_text.empty() && f.change_text != "与上年持平")
          clause += "，" + f.change_text;
        clauses.push_back(std::move(clause));
      }
      if (!clauses.empty()) {
        std::string sentence = fmt::format("{}年，", options.year);
        for (size_t i = 0; i < clauses.size(); ++i) sentence += (i ? "；" : "") + clauses[i];
        sentence += "。";
        doc.blocks.push_back({BlockKind::kParagraph, std::move(sentence), chapter.key, true});
      }
      for (const auto& p : parts)
        for (const auto& text : paragraphs_of(p.chapters.at(chapter.key)))
          doc.blocks.push_back({BlockKind::kParagraph, text, chapter.key, false});
      // A level-2 chapter with nothing to say is left out rather than printed empty.
      if (!doc.blocks.empty() && doc.blocks.back().kind == BlockKind::kHeading2) doc.blocks.pop_back();
    }
  }
  if (!edited.empty()) apply_edited_body(doc, edited);

  if (options.trends) {
    // The first count of each chapter with figures, over the last years.
    std::set<std::string> seen_chapters;
    std::vector<std::string> ids;
    for (const auto& f : doc.figures)
      if (!f.ratio && seen_chapters.insert(f.chapter).second) ids.push_back(f.indicator);
    std::map<std::string, std::map<int, std::optional<double>>> by_id;
    for (int y = options.year; y > options.year - options.trend_years; y -= 2) {
      FAZHI_ASSIGN_OR_RETURN(auto trend_values, engine_.compute(user, IndicatorQuery{org->code, Period::year(y), ids}));
      for (const auto& v : trend_values) {
        by_id[v.indicator->id][y] = v.current.value;
        if (y - 1 > options.year - options.trend_years) by_id[v.indicator->id][y - 1] = v.previous.value;
      }
    }
    for (const auto& id : ids) {
      const IndicatorDeclaration* d = find_indicator(id);
      ReportTrend t{id, d->label, d->unit, {}};
      for (auto& [y, v] : by_id[id]) t.years.emplace_back(y, v);
      doc.trends.push_back(std::move(t));
    }
  }
  return doc;
}

std::string editable_body(const ReportDocument& document) {
  std::string out;
  for (const auto& b : document.blocks) {
    if (!out.empty()) out += "\n";
    if (b.kind == BlockKind::kHeading1) out += "## ";
    if (b.kind == BlockKind::kHeading2) out += "### ";
    out += b.text;
    out += "\n";
  }
  return out;
}

void apply_edited_body(ReportDocument& document, std::string_view body) {
  std::vector<ReportBlock> blocks;
  std::string chapter;
  std::string parent;
  for (const auto& line : paragraphs_of(body)) {
    if (line.rfind("### ", 0) == 0) {
      std::string heading = line.substr(4);
      for (const auto& c : report_outline().chapters)
        if (c.heading == heading) chapter = c.key;
      blocks.push_back({BlockKind::kHeading2, heading, chapter, false});
    } else if (line.rfind("## ", 0) == 0) {
      std::string heading = line.substr(3);
      chapter.clear();
      for (const auto& p : report_outline().parts)
        if (p.heading == heading)
          for (const auto& c : report_outline().chapters)
            if (c.parent == p.numeral && c.heading.empty()) chapter = c.key;
      blocks.push_back({BlockKind::kHeading1, heading, chapter, false});
    } else if (line.rfind("# ", 0) == 0) {
      continue;  // a title line: the title is the round's
    } else {
      blocks.push_back({BlockKind::kParagraph, line, chapter, false});
    }
  }
  document.blocks = std::move(blocks);
  document.edited = true;
}

}  // namespace fazhi

// The demo city's people and its enforcement apparatus: staff, leaders and mediators of
// every organisation; enforcement bodies (one per enforcing department and township, plus
// the city's enforcement detachments), 13,000 officers at city scale with their
// certificates (some expired, some expired but not yet processed, some revoked), exams and
// yearly training; the power list (enforcement matters) and exemption lists.
#include <fmt/format.h>

#include <cmath>

#include "ledger/demo/demo_model.h"
#include "ledger/ledger_catalogue.h"

namespace fazhi::demo {
namespace {

const char* head_title(const DemoOrg& o) {
  switch (o.org_kind) {
    case OrgKind::kGovernment:
      return o.county < 0 ? "市长" : (o.name.find("区") != std::string::npos ? "区长" : "县长");
    case OrgKind::kTownship:
      return o.name.find("街道") != std::string::npos ? "主任" : "镇（乡）长";
    case OrgKind::kMediationCommittee:
      return "主任";
    default:
      return o.name.find("委员会") != std::string::npos ? "主任" : "局长";
  }
}

struct OfficerPlan {
  std::int64_t person = 0;
  size_t body = 0;  // index into city.bodies
  Date entered;
  bool on_duty = true;
  Date left_on;
  std::string name;
};

}  // namespace

Result<void> generate_people_and_enforcement(DemoCity& city, LedgerService& service) {
  Store& store = service.store();
  const bool small = city.small();
  DemoRandom rng = DemoRandom::stream(city.seed, "people");
  std::unordered_set<std::string>& ids_used = city.citizen_ids;

  // Enforcement bodies: who they are and how many officers each has.
  struct BodyPlan {
    size_t org;
    std::string name, kind, area;
    double weight;
  };
  std::vector<BodyPlan> body_plans;
  for (size_t i : city.enforcing) {
    const DemoOrg& o = city.orgs[i];
    body_plans.push_back({i, o.name, "statutory", o.area, o.weight});
    if (o.county < 0 &&
        (o.department == "scjg" || o.department == "cgj" || o.department == "jtys" || o.department == "sthj" ||
         o.department == "whly" || o.department == "nyncj" || o.department == "yjj"))
      body_plans.push_back({i, fmt::format("示例市{}综合行政执法支队", o.area), "entrusted", o.area, o.weight * 0.8});
    if (o.department == "wjw")
      body_plans.push_back(
          {i, o.name.substr(0, o.name.size() - std::string("卫生健康委员会").size()) + "卫生健康综合监督执法机构",
           "authorised", o.area, o.weight * 0.5});
  }
  double total_weight = 0;
  for (auto& b : body_plans) total_weight += b.weight;
  const int target_officers = small ? 160 : 13000;

  const LedgerDeclaration& people = *find_ledger("people");
  std::vector<OfficerPlan> officers;
  std::vector<std::vector<size_t>> officers_by_body(body_plans.size());
  LedgerWriter pw(city, store, people);
  FAZHI_TRY(pw.batch([&]() -> Result<void> {
    auto add_person = [&](size_t org, const std::string& position, const std::string& role, bool leader, Date entered,
                          bool principal = false) -> Result<std::int64_t> {
      RecordBuilder& b = pw.builder();
      bool male = rng.chance(0.58);
      std::string name = person_name(rng);
      Date birth = random_date(rng, Date::from_days_since_epoch(-1800), Date::from_days_since_epoch(10900));
      const DemoOrg& o = city.orgs[org];
      std::string region = o.county < 0 ? "379900" : city.counties[o.county].region;
      b.set_text("name", name);
      b.set_text("gender", male ? "male" : "female");
      b.set_text("citizen_id", citizen_id(rng, region, birth, male, ids_used));
      b.set_text("position", position);
      b.set_bool("is_leader", leader);
      if (leader) b.set_bool("principal", principal);
      b.set_text("roles", role);
      b.set_text("phone", fmt::format("1{}{:08d}", rng.pick(std::vector<int>{38, 39, 58, 59, 86, 87}),
                                      rng.uniform(0, 99999999)));
      b.set_date("entered_on", entered);
      FAZHI_ASSIGN_OR_RETURN(std::int64_t id, pw.add(b, org));
      city.people.push_back({id, org, name});
      city.people_by_org[org].push_back(city.people.size() - 1);
      if (role == "mediator") city.mediators_by_org[org].push_back(city.people.size() - 1);
      if (leader) city.leaders.push_back({city.people.size() - 1, entered, principal});
      return id;
    };
    auto entry_date = [&]() { return random_date(rng, Date::from_days_since_epoch(10957), last_day().add_days(-200)); };
    for (size_t i = 0; i < city.orgs.size(); ++i) {
      const DemoOrg& o = city.orgs[i];
      if (o.org_kind == OrgKind::kMediationCommittee) {
        FAZHI_TRY(add_person(i, "人民调解委员会主任", "mediator", false, entry_date()));
        for (int k = 0; k < (small ? 2 : 5); ++k)
          FAZHI_TRY(add_person(i, "人民调解员", "mediator", false, entry_date()));
        continue;
      }
      FAZHI_TRY(add_person(i, head_title(o), "leader", true, entry_date(), true));
      FAZHI_TRY(add_person(i, std::string("副") + head_title(o), "leader", true, entry_date()));
      int staff = small ? 1 : (o.county < 0 ? 4 : 2);
      for (int k = 0; k < staff; ++k) FAZHI_TRY(add_person(i, "科员", "staff", false, entry_date()));
      if (o.department == "sfj") {
        for (int k = 0; k < (small ? 2 : 6); ++k)
          FAZHI_TRY(add_person(i, "行政复议应诉科科员", "staff", false, entry_date()));
        for (int k = 0; k < 2; ++k) FAZHI_TRY(add_person(i, "公职律师", "public_lawyer", false, entry_date()));
        FAZHI_TRY(add_person(i, "法律顾问", "legal_adviser", false, entry_date()));
      }
    }
    // Officers, in body order.
    for (size_t bi = 0; bi < body_plans.size(); ++bi) {
      int n = std::max(2, static_cast<int>(std::lround(target_officers * body_plans[bi].weight / total_weight)));
      for (int k = 0; k < n; ++k) {
        OfficerPlan p;
        p.entered = random_date(rng, Date::from_days_since_epoch(10957), Date::from_days_since_epoch(20300));
        p.body = bi;
        p.on_duty = !rng.chance(0.04);
        if (!p.on_duty) p.left_on = random_date(rng, std::max(p.entered.add_days(400), first_day()), last_day());
        if (p.left_on > last_day()) p.on_duty = true;
        FAZHI_ASSIGN_OR_RETURN(p.person, add_person(body_plans[bi].org, "执法人员", "officer", false, p.entered));
        p.name = city.people.back().name;
        officers_by_body[bi].push_back(officers.size());
        officers.push_back(p);
      }
    }
    return ok();
  }));

  // Enforcement bodies.
  const LedgerDeclaration& bodies = *find_ledger("enforcement_body");
  LedgerWriter bw(city, store, bodies);
  FAZHI_TRY(bw.batch([&]() -> Result<void> {
    for (const BodyPlan& p : body_plans) {
      RecordBuilder& b = bw.builder();
      const DemoOrg& o = city.orgs[p.org];
      b.set_text("name", p.name);
      b.set_text("organization", o.code);
      b.set_text("body_kind", p.kind);
      b.set_text("uscc", credit_code(rng, '1', p.kind == "statutory" ? '1' : '2', o.region));
      b.set_text("enforcement_area", p.area);
      b.set_text("legal_basis", o.org_kind == OrgKind::kTownship
                                    ? "省人民政府关于向乡镇（街道）赋予部分县级行政执法权的决定（示例）"
                                    : fmt::format("《{}》相关法律法规（示例）", p.area));
      b.set_date("confirmed_on", random_date(rng, Date::from_days_since_epoch(17532), first_day().add_days(180)));
      b.set_text("confirmation_document",
                 fmt::format("示政执确〔{}〕{}号", 2018 + rng.uniform(0, 3), city.bodies.size() + 1));
      b.set_bool("in_force", true);
      FAZHI_ASSIGN_OR_RETURN(std::int64_t id, bw.add(b, p.org));
      city.body_of_org.emplace(p.org, city.bodies.size());
      city.bodies.push_back({id, p.org, p.name, {}, {}});
    }
    return ok();
  }));

  // Officers.
  const LedgerDeclaration& officer_ledger = *find_ledger("officer");
  LedgerWriter ow(city, store, officer_ledger);
  std::vector<std::int64_t> officer_ids;
  FAZHI_TRY(ow.batch([&]() -> Result<void> {
    for (const OfficerPlan& p : officers) {
      RecordBuilder& b = ow.builder();
      b.set_int("person", p.person);
      b.set_int("enforcement_body", city.bodies[p.body].id);
      b.set_text("staff_kind", rng.pick(std::vector<std::string>{"civil_servant", "civil_servant", "civil_servant",
                                                                 "civil_servant_managed", "institution_staff"}));
      b.set_text("enforcement_area", body_plans[p.body].area);
      b.set_text("post", rng.chance(0.1) ? "法制审核岗" : "执法岗");
      b.set_bool("legal_qualification", rng.chance(0.15));
      b.set_bool("on_duty", p.on_duty);
      if (!p.on_duty) b.set_date("left_on", p.left_on);
      FAZHI_ASSIGN_OR_RETURN(std::int64_t id, ow.add(b, body_plans[p.body].org));
      officer_ids.push_back(id);
    }
    return ok();
  }));

  // Certificates: five-year cards, replaced by the next card before they lapse (已换发新证);
  // the ones of 2021–2025 and the one current at the start. 3% lapse in 2025 (20% at small
  // scale): about half already processed as 已过期, the rest still 有效 in the ledger (the
  // to-do list shows them overdue); officers who left have theirs cancelled.
  const LedgerDeclaration& certificates = *find_ledger("certificate");
  LedgerWriter cw(city, store, certificates);
  struct ExamPlan {
    std::int64_t person;
    Date on;
    bool passed;
    std::string kind;
    size_t org;
  };
  std::vector<ExamPlan> exams;
  std::int64_t serial = 0;
  bool expired_yet = false;  // small scale: at least one card processed as expired
  FAZHI_TRY(cw.batch([&]() -> Result<void> {
    for (size_t k = 0; k < officers.size(); ++k) {
      const OfficerPlan& p = officers[k];
      const DemoOrg& org = city.orgs[body_plans[p.body].org];
      std::string issuer = org.county < 0 ? "示例市人民政府" : city.counties[org.county].name + "人民政府";
      Date issued = p.entered.add_days(rng.uniform(20, 120));
      bool is_new = true;
      bool lapses = rng.chance(small ? 0.2 : 0.03);
      for (;;) {
        Date until = add_years(issued, 5).add_days(-1);
        bool renewed = p.on_duty ? until <= last_day() : until < p.left_on;
        if (lapses && until.year() == kLastYear) renewed = false;
        bool keep = until >= first_day().add_days(-1) || !renewed;
        Date next_issued = until.add_days(-rng.uniform(0, 45));
        if (keep) {
          RecordBuilder& b = cw.builder();
          ++serial;
          std::string number = fmt::format("3799{:02d}{:06d}", org.county + 1, serial);
          b.set_text("certificate_number", number);
          b.set_int("officer", officer_ids[k]);
          b.set_text("card_kind", org.department == "sfj" ? "supervision" : "enforcement");
          b.set_text("issue_kind", is_new ? "new" : (rng.chance(0.02) ? "replacement" : "renewal"));
          b.set_text("issuer", issuer);
          b.set_date("issued_on", issued);
          b.set_date("valid_until", until);
          std::string state = "valid";
          if (renewed && next_issued <= last_day()) {
            // Replaced by the next card before (or on) its expiry.
            state = "renewed";
            b.set_date("renewed_on", next_issued);
          } else if (lapses && until < last_day().add_days(-30) && (rng.chance(0.5) || (small && !expired_yet))) {
            // Lapsed and already processed as expired; the rest still show 有效 and are overdue.
            state = "expired";
            expired_yet = true;
          } else if (!p.on_duty && p.left_on <= last_day()) {
            state = "revoked";
            b.set_date("revoked_on", p.left_on);
            b.set_text("withdrawal_reason", "调离执法岗位");
          } else if (rng.chance(small ? 0.03 : 0.004)) {
            state = "suspended";
            b.set_date("suspended_on",
                       random_date(rng, std::max(issued, Date::from_days_since_epoch(20089)), last_day()));
            b.set_text("withdrawal_reason", "涉嫌违法违纪，暂扣证件接受调查");
          }
          FAZHI_TRY(cw.add(b, body_plans[p.body].org, state));
          if (issued >= first_day() && issued <= last_day())
            exams.push_back({p.person, issued.add_days(-rng.uniform(20, 60)), true,
                             is_new ? "qualification" : "renewal", body_plans[p.body].org});
          if (state == "valid" && city.bodies[p.body].officers.size() < 12)
            city.bodies[p.body].officers.push_back(p.name + "（" + number + "）");
        }
        if (!renewed) break;
        issued = next_issued;
        is_new = false;
      }
    }
    return ok();
  }));

  // Exams: the sittings behind the certificates of 2021–2025, and some who failed.
  DemoRandom erng = DemoRandom::stream(city.seed, "certificate_exam");
  size_t passed = exams.size();
  for (size_t k = 0; k < passed / 6 + 3; ++k) {
    const OfficerPlan& p = officers[erng.index(officers.size())];
    exams.push_back(
        {p.person, random_date(erng, first_day(), last_day()), false, "qualification", body_plans[p.body].org});
  }
  const LedgerDeclaration& exam_ledger = *find_ledger("certificate_exam");
  LedgerWriter ew(city, store, exam_ledger);
  FAZHI_TRY(ew.batch([&]() -> Result<void> {
    for (const ExamPlan& e : exams) {
      RecordBuilder& b = ew.builder();
      b.set_int("person", e.person);
      b.set_date("exam_on", e.on < first_day() ? first_day() : e.on);
      b.set_text("exam_kind", e.kind);
      int score = e.passed ? static_cast<int>(erng.uniform(60, 98)) : static_cast<int>(erng.uniform(30, 59));
      b.set_text("score", fmt::format("{}.{}", score, erng.uniform(0, 9)));
      b.set_bool("passed", e.passed);
      FAZHI_TRY(ew.add(b, e.org));
    }
    return ok();
  }));

  // Yearly training and law exam of every officer on duty in the year.
  DemoRandom trng = DemoRandom::stream(city.seed, "officer_training");
  const LedgerDeclaration& training = *find_ledger("officer_training");
  LedgerWriter tw(city, store, training);
  FAZHI_TRY(tw.batch([&]() -> Result<void> {
    for (size_t k = 0; k < officers.size(); ++k) {
      const OfficerPlan& p = officers[k];
      for (int year = kFirstYear; year <= kLastYear; ++year) {
        if (p.entered.year() > year || (!p.on_duty && p.left_on.year() < year)) continue;
        RecordBuilder& b = tw.builder();
        b.set_int("officer", officer_ids[k]);
        b.set_int("year", year);
        int hours = trng.chance(0.05) ? static_cast<int>(trng.uniform(16, 39)) : static_cast<int>(trng.uniform(40, 72));
        b.set_text("training_hours", std::to_string(hours));
        int score = trng.chance(0.02) ? static_cast<int>(trng.uniform(40, 59)) : static_cast<int>(trng.uniform(60, 99));
        b.set_text("exam_score", std::to_string(score));
        b.set_bool("exam_passed", score >= 60);
        FAZHI_TRY(tw.add(b, body_plans[p.body].org));
      }
    }
    return ok();
  }));

  // The power list: enforcement matters of each body (1,300 at city scale).
  DemoRandom mrng = DemoRandom::stream(city.seed, "enforcement_matter");
  const int target_matters = small ? 60 : 1300;
  static const std::vector<std::pair<std::string, std::string>> kMatterKinds = {
      {"penalty", "对{}违法行为的行政处罚"},
      {"inspection", "对{}的行政检查"},
      {"licensing", "{}许可"},
      {"coercion", "查封、扣押{}相关场所设施财物"},
      {"confirmation", "{}确认"},
      {"collection", "{}征收"},
      {"payment", "{}给付"},
      {"award", "{}奖励"},
      {"ruling", "{}裁决"},
      {"other", "{}其他行政权力"}};
  static const std::vector<double> kMatterWeights = {45, 20, 12, 6, 5, 3, 3, 2, 1, 3};
  const LedgerDeclaration& matters = *find_ledger("enforcement_matter");
  LedgerWriter mw(city, store, matters);
  FAZHI_TRY(mw.batch([&]() -> Result<void> {
    for (int k = 0; k < target_matters; ++k) {
      size_t bi = k < static_cast<int>(city.bodies.size()) ? static_cast<size_t>(k) : mrng.index(city.bodies.size());
      DemoCity::Body& body = city.bodies[bi];
      const DemoOrg& o = city.orgs[body.org];
      size_t kind = mrng.weighted(kMatterWeights);
      RecordBuilder& b = mw.builder();
      std::string subject = o.area + "领域第" + std::to_string(body.matters.size() + 1) + "项";
      b.set_text("name", fmt::vformat(kMatterKinds[kind].second, fmt::make_format_args(subject)));
      b.set_text("matter_code", fmt::format("{}-{}-{:04d}", o.region, kMatterKinds[kind].first.substr(0, 3), k + 1));
      b.set_text("kind", kMatterKinds[kind].first);
      b.set_int("enforcement_body", body.id);
      b.set_text("responsible_unit", o.short_name + "法规科");
      b.set_text("legal_basis", "《" + o.area + "管理条例》（示例）第" + std::to_string(mrng.uniform(5, 60)) + "条");
      b.set_date("published_on", random_date(mrng, first_day(), first_day().add_days(200)));
      b.set_bool("in_force", !mrng.chance(0.05));
      FAZHI_ASSIGN_OR_RETURN(std::int64_t id, mw.add(b, body.org));
      body.matters.push_back(id);
    }
    return ok();
  }));
  return ok();
}

}  // namespace fazhi::demo

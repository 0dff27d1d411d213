// The demo city's organisation tree: the city government (root), its departments, the
// counties and districts with their governments, departments and townships, and a people's
// mediation committee per township. Codes: 379900 (city), 379900.sfj (a department),
// 379902 (a county), 379902101 (a township, 统计用区划代码), 379902101.tjw (its committee).
#include <fmt/format.h>

#include <algorithm>

#include "core/region_code.h"
#include "ledger/demo/demo_model.h"
#include "ledger/ledger_catalogue.h"

namespace fazhi::demo {
namespace {

struct DepartmentSpec {
  const char* key;
  const char* name;
  const char* area;    // enforcement area, "" when it does not enforce
  const char* sector;  // reconsideration sector of its acts
  bool in_counties;
  double weight;
};

// In order of importance: the small scale takes the first ones.
const std::vector<DepartmentSpec>& department_specs() {
  static const std::vector<DepartmentSpec> k = {
      {"sfj", "司法局", "司法行政", "other", true, 0.6},
      {"scjg", "市场监督管理局", "市场监管", "market_regulation", true, 4},
      {"gaj", "公安局", "公安", "public_security", true, 4},
      {"cgj", "城市管理局", "城市管理", "urban_management", true, 3},
      {"zwfw", "政务服务管理局", "", "other", true, 0.5},
      {"sthj", "生态环境局", "生态环境", "ecology", true, 2},
      {"zjj", "住房和城乡建设局", "住房城乡建设", "housing", true, 1.5},
      {"rsj", "人力资源和社会保障局", "人力资源社会保障", "human_resources", true, 1.2},
      {"zrzy", "自然资源和规划局", "自然资源", "natural_resources", true, 2},
      {"jtys", "交通运输局", "交通运输", "transport", true, 2},
      {"wjw", "卫生健康委员会", "卫生健康", "health", true, 1.5},
      {"yjj", "应急管理局", "应急管理", "other", true, 1.5},
      {"zfb", "人民政府办公室", "", "other", true, 0.3},
      {"nyncj", "农业农村局", "农业农村", "other", true, 1.5},
      {"whly", "文化和旅游局", "文化市场", "other", true, 1},
      {"jyj", "教育局", "教育", "other", true, 0.8},
      {"mzj", "民政局", "民政", "other", true, 0.6},
      {"czj", "财政局", "财政", "other", true, 0.4},
      {"slj", "水利局", "水利", "other", true, 0.8},
      {"swj", "商务局", "商务", "other", true, 0.5},
      {"fgw", "发展和改革委员会", "发展改革", "other", true, 0.4},
      {"gxj", "工业和信息化局", "工业和信息化", "other", true, 0.4},
      {"ybj", "医疗保障局", "医疗保障", "health", true, 0.6},
      {"lyj", "林业局", "林业", "natural_resources", true, 0.6},
      {"tjj", "统计局", "统计", "other", true, 0.3},
      {"sjj", "审计局", "", "other", true, 0.3},
      {"xfj", "信访局", "", "other", true, 0.3},
      {"tyjr", "退役军人事务局", "", "other", true, 0.3},
      {"kjj", "科学技术局", "", "other", true, 0.3},
      {"xczx", "乡村振兴局", "", "other", true, 0.3},
      {"mzzj", "民族宗教事务局", "民族宗教", "other", false, 0.3},
      {"gzw", "国有资产监督管理委员会", "", "other", false, 0.3},
      {"tyj", "体育局", "体育", "other", false, 0.3},
      {"rfb", "人民防空办公室", "人民防空", "other", false, 0.3},
      {"lsj", "粮食和物资储备局", "粮食流通", "other", false, 0.3},
      {"jrj", "地方金融管理局", "地方金融", "other", false, 0.3},
      {"dag", "档案馆", "档案", "other", false, 0.2},
      {"gdj", "广播电视局", "广播电视", "other", false, 0.3},
      {"wsb", "外事办公室", "", "other", false, 0.2},
      {"jgsw", "机关事务管理局", "", "other", false, 0.2},
      {"ggzy", "公共资源交易中心", "", "other", false, 0.2},
      {"yjs", "人民政府研究室", "", "other", false, 0.2},
      {"zscq", "知识产权局", "知识产权", "market_regulation", false, 0.3},
      {"hgj", "港航管理局", "港航", "transport", false, 0.3},
      {"qxj", "气象局", "气象", "other", false, 0.2},
      {"dzj", "地震局", "防震减灾", "other", false, 0.2},
      {"yzj", "邮政管理局", "邮政", "other", false, 0.2},
      {"gjj", "住房公积金管理中心", "住房公积金", "housing", false, 0.3},
  };
  return k;
}

struct CountySpec {
  const char* name;
  const char* region;
  bool district;
};
const std::vector<CountySpec>& county_specs() {
  static const std::vector<CountySpec> k = {
      {"甲区", "379902", true},  {"丁县", "379921", false}, {"乙区", "379903", true},  {"丙区", "379904", true},
      {"戊县", "379922", false}, {"己县", "379923", false}, {"庚县", "379924", false}, {"辛县", "379925", false},
      {"壬县", "379926", false}, {"癸县", "379927", false}};
  return k;
}

const std::vector<std::string_view>& place_words() {
  static const std::vector<std::string_view> k = {
      "青石", "白沙", "柳塘", "桃源", "枫林", "松岗", "梅岭", "杏花", "竹溪", "兰亭", "荷塘", "石桥", "金沙",
      "银杏", "云台", "凤鸣", "龙泉", "鹤山", "双河", "三塘", "南湖", "北坡", "东岭", "西岗", "和平", "新华",
      "长青", "永安", "太平", "红旗", "清泉", "望江", "朝阳", "临河", "古城", "官庄", "黄土", "马集"};
  return k;
}

}  // namespace

Result<void> generate_organisations(DemoCity& city, LedgerService& service) {
  const bool small = city.small();
  DemoRandom rng = DemoRandom::stream(city.seed, "organizations");
  auto add = [&](std::string code, std::string name, std::string short_name, std::string kind, OrgKind org_kind,
                 std::string parent, std::string region, int county) -> size_t {
    DemoOrg o;
    o.code = std::move(code);
    o.name = std::move(name);
    o.short_name = std::move(short_name);
    o.kind = std::move(kind);
    o.org_kind = org_kind;
    o.parent = std::move(parent);
    o.region = std::move(region);
    o.county = county;
    o.path = (o.parent.empty() ? std::string("/") : city.orgs[city.org_index.at(o.parent)].path) + o.code + "/";
    city.org_index[o.code] = city.orgs.size();
    city.orgs.push_back(std::move(o));
    return city.orgs.size() - 1;
  };
  const auto& specs = department_specs();
  size_t city_departments = small ? 12 : specs.size();
  size_t county_departments = small ? 8 : specs.size();
  size_t counties = small ? 2 : county_specs().size();
  size_t townships_per_county = small ? 3 : 12;

  city.root = add("379900", "示例市人民政府", "示例市政府", "government", OrgKind::kGovernment, "", "379900", -1);
  city.governments.push_back(city.root);
  auto add_departments = [&](size_t gov, const std::string& prefix, size_t count, bool county_level, int county) {
    std::vector<size_t> out;
    for (size_t i = 0; i < count && i < specs.size(); ++i) {
      const DepartmentSpec& s = specs[i];
      if (county_level && !s.in_counties) continue;
      const DemoOrg& g = city.orgs[gov];
      size_t idx = add(g.code + "." + s.key, prefix + s.name, s.name, "department", OrgKind::kDepartment, g.code,
                       g.region, county);
      DemoOrg& d = city.orgs[idx];
      d.department = s.key;
      d.area = s.area;
      d.sector = s.sector;
      d.weight = s.weight * (county_level ? 1.0 : 1.4);
      out.push_back(idx);
      city.departments.push_back(idx);
      if (d.department == "sfj") city.justice_bureaus.push_back(idx);
      // At county level some departments hold no enforcement powers of their own.
      static const std::set<std::string> kCityOnly = {"fgw", "gxj", "czj", "swj", "tjj", "mzj", "jyj"};
      if (county_level && kCityOnly.count(d.department)) d.area.clear();
      if (!d.area.empty()) city.enforcing.push_back(idx);
    }
    return out;
  };
  city.city_departments = add_departments(city.root, "示例市", city_departments, false, -1);
  for (size_t i : city.city_departments) {
    if (city.orgs[i].department == "sfj") city.city_justice = i;
    if (city.orgs[i].department == "zwfw") city.city_service_centre = i;
    if (city.orgs[i].department == "scjg") city.city_market = i;
  }
  for (size_t c = 0; c < counties; ++c) {
    const CountySpec& cs = county_specs()[c];
    DemoCounty county;
    county.name = cs.name;
    county.region = cs.region;
    county.prefix = std::string(cs.name).substr(0, 3);  // one CJK character
    county.government = add(cs.region, std::string(cs.name) + "人民政府", std::string(cs.name) + "政府", "government",
                            OrgKind::kGovernment, "379900", cs.region, static_cast<int>(c));
    city.governments.push_back(county.government);
    county.departments = add_departments(county.government, cs.name, county_departments, true, static_cast<int>(c));
    for (size_t i : county.departments)
      if (city.orgs[i].department == "sfj") county.justice_bureau = i;
    std::vector<std::string_view> words = place_words();
    for (size_t i = words.size(); i > 1; --i) std::swap(words[i - 1], words[rng.index(i)]);
    for (size_t t = 0; t < townships_per_county; ++t) {
      bool street = cs.district ? t < townships_per_county * 2 / 3 : false;
      bool xiang = !cs.district && t >= townships_per_county - townships_per_county / 4;
      std::string suffix = street ? "街道" : xiang ? "乡" : "镇";
      int number = street ? 1 + static_cast<int>(t) : xiang ? 201 + static_cast<int>(t) : 101 + static_cast<int>(t);
      std::string region = fmt::format("{}{:03d}", cs.region, number);
      std::string short_name = std::string(words[t]) + suffix;
      size_t town = add(region, std::string(cs.name) + short_name + (street ? "办事处" : "人民政府"), short_name,
                        "township", OrgKind::kTownship, cs.region, region, static_cast<int>(c));
      city.orgs[town].area = "乡镇综合行政执法";
      city.orgs[town].sector = "other";
      city.orgs[town].weight = 0.5;
      county.townships.push_back(town);
      city.townships.push_back(town);
      city.enforcing.push_back(town);
      size_t committee =
          add(region + ".tjw", std::string(cs.name) + short_name + "人民调解委员会", short_name + "调委会",
              "mediation_committee", OrgKind::kMediationCommittee, region, region, static_cast<int>(c));
      county.committees.push_back(committee);
      city.committees.push_back(committee);
    }
    city.counties.push_back(std::move(county));
  }
  for (size_t i = 0; i < city.orgs.size(); ++i)
    if (city.orgs[i].org_kind != OrgKind::kMediationCommittee) city.units.push_back(i);

  // Every code must be a structurally valid region code (a wrong table is a bug here).
  for (const DemoOrg& o : city.orgs) {
    auto r = validate_region_code(o.region);
    if (!r) return r.error();
  }

  const LedgerDeclaration& ledger = *find_ledger("organizations");
  LedgerWriter writer(city, service.store(), ledger);
  FAZHI_TRY(writer.batch([&]() -> Result<void> {
    for (size_t i = 0; i < city.orgs.size(); ++i) {
      const DemoOrg& o = city.orgs[i];
      RecordBuilder& b = writer.builder();
      b.set_text("code", o.code);
      b.set_text("name", o.name);
      b.set_text("short_name", o.short_name);
      b.set_text("kind", o.kind);
      if (!o.parent.empty()) b.set_text("parent_code", o.parent);
      b.set_text("region_code", o.region);
      if (o.org_kind != OrgKind::kMediationCommittee)
        b.set_text("uscc", credit_code(rng, '1', '1', o.region));
      else
        b.set_text("uscc", credit_code(rng, '5', '3', o.region));
      b.set_text("head", person_name(rng));
      b.set_text("phone", phone_number(rng));
      b.set_text("address",
                 fmt::format("示例市{}路{}号", place_words()[rng.index(place_words().size())], rng.uniform(1, 300)));
      FAZHI_TRY(writer.add(b, i));
    }
    return ok();
  }));
  service.invalidate_orgs();
  return ok();
}

}  // namespace fazhi::demo

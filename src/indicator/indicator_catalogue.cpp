#include <map>

#include "indicator/indicator_declaration.h"

namespace fazhi {

const std::vector<IndicatorDeclaration>& indicator_catalogue() {
  static const std::vector<IndicatorDeclaration> kCatalogue = [] {
    std::vector<IndicatorDeclaration> all;
    for (auto* area :
         {&function_indicators, &random_inspection_indicators, &institution_indicators, &decision_indicators,
          &enforcement_indicators, &emergency_indicators, &dispute_indicators, &mediation_indicators,
          &legal_service_indicators, &oversight_indicators, &technology_indicators, &leadership_indicators}) {
      auto list = (*area)();
      all.insert(all.end(), std::make_move_iterator(list.begin()), std::make_move_iterator(list.end()));
    }
    return all;
  }();
  return kCatalogue;
}

const IndicatorDeclaration* find_indicator(std::string_view id) {
  static const std::map<std::string, const IndicatorDeclaration*, std::less<>> kById = [] {
    std::map<std::string, const IndicatorDeclaration*, std::less<>> m;
    for (const auto& d : indicator_catalogue()) m.emplace(d.id, &d);
    return m;
  }();
  auto it = kById.find(id);
  return it == kById.end() ? nullptr : it->second;
}

}  // namespace fazhi

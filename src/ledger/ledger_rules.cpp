#include "ledger/ledger_rules.h"

#include <map>
#include <string>

#include "ledger/declarations/case_file_review_rules.h"
#include "ledger/declarations/decisions_rules.h"
#include "ledger/declarations/disputes_rules.h"
#include "ledger/declarations/enforcement_rules.h"
#include "ledger/declarations/leadership_rules.h"
#include "ledger/declarations/normative_documents_rules.h"
#include "ledger/declarations/organizations_rules.h"
#include "ledger/declarations/oversight_rules.h"
#include "ledger/declarations/random_inspection_rules.h"
#include "ledger/declarations/reconsideration_rules.h"
#include "ledger/declarations/region_settings_rules.h"
#include "ledger/declarations/report_rounds_rules.h"

namespace fazhi {

const RecordRule* find_record_rule(std::string_view name) {
  static const std::map<std::string, RecordRule, std::less<>> kRules = {
      {"organizations", organizations_rule},
      {"reconsideration", reconsideration_rule},
      {"litigation", litigation_rule},
      {"enforcement_case", enforcement_case_rule},
      {"certificate", certificate_rule},
      {"criminal_transfer", criminal_transfer_rule},
      {"case_file_review", case_file_review_rule},
      {"inspection_plan", inspection_plan_rule},
      {"inspection_result", inspection_result_rule},
      {"normative_document", normative_document_rule},
      {"legality_review", legality_review_rule},
      {"major_decision", major_decision_rule},
      {"government_contract", government_contract_rule},
      {"dispute", dispute_rule},
      {"mediation", mediation_rule},
      {"petition", petition_rule},
      {"supervision_problem", supervision_problem_rule},
      {"rectification", rectification_rule},
      {"region_time_limit", region_time_limit_rule},
      {"region_yearly_duty", region_yearly_duty_rule},
      {"law_study_session", law_study_session_rule},
      {"pre_appointment_exam", pre_appointment_exam_rule},
      {"law_report_by_leaders", law_report_by_leaders_rule},
      {"rule_of_law_meeting", rule_of_law_meeting_rule},
      {"law_exam", law_exam_rule},
      {"report_round", report_round_rule},
      {"report_part", report_part_rule},
  };
  auto it = kRules.find(name);
  return it == kRules.end() ? nullptr : &it->second;
}

const SqlValue& field_of(const LedgerDeclaration& ledger, const LedgerRecord& record, std::string_view name) {
  static const SqlValue kNull = nullptr;
  for (size_t i = 0; i < ledger.fields.size(); ++i)
    if (ledger.fields[i].name == name) return record.values[i];
  return kNull;
}

void set_field(const LedgerDeclaration& ledger, LedgerRecord& record, std::string_view name, SqlValue value) {
  for (size_t i = 0; i < ledger.fields.size(); ++i)
    if (ledger.fields[i].name == name) record.values[i] = std::move(value);
}

}  // namespace fazhi

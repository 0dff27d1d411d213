#include "ledger/ledger_catalogue.h"

#include "ledger/declarations/declarations.h"

namespace fazhi {

// Menu order: organisations and people, then the report chapters in the outline's order
// (functions, institutions, decisions, enforcement, emergencies, disputes, oversight,
// leadership).
const std::vector<const LedgerDeclaration*>& all_ledgers() {
  static const std::vector<const LedgerDeclaration*> kLedgers = {
      &organizations_ledger(),
      &people_ledger(),
      &service_item_ledger(),
      &hotline_ticket_ledger(),
      &hotline_traffic_ledger(),
      &service_rating_ledger(),
      &credit_collection_ledger(),
      &credit_repair_ledger(),
      &inspection_item_list_ledger(),
      &inspection_plan_ledger(),
      &inspection_target_ledger(),
      &inspector_ledger(),
      &draw_ledger(),
      &inspection_result_ledger(),
      &legislation_project_ledger(),
      &normative_document_ledger(),
      &filing_ledger(),
      &legality_review_ledger(),
      &fair_competition_review_ledger(),
      &major_decision_ledger(),
      &government_contract_ledger(),
      &legal_adviser_ledger(),
      &enforcement_body_ledger(),
      &officer_ledger(),
      &certificate_ledger(),
      &certificate_exam_ledger(),
      &officer_training_ledger(),
      &enforcement_matter_ledger(),
      &enforcement_case_ledger(),
      &exemption_list_ledger(),
      &criminal_transfer_ledger(),
      &case_file_review_ledger(),
      &emergency_drill_ledger(),
      &reconsideration_ledger(),
      &litigation_ledger(),
      &dispute_screening_ledger(),
      &dispute_ledger(),
      &mediation_ledger(),
      &petition_ledger(),
      &legal_service_ledger(),
      &legal_aid_ledger(),
      &legal_publicity_ledger(),
      &demo_village_ledger(),
      &legal_literate_ledger(),
      &deputy_suggestion_ledger(),
      &openness_request_ledger(),
      &openness_publication_ledger(),
      &press_conference_ledger(),
      &supervision_problem_ledger(),
      &rectification_ledger(),
      &rule_of_law_meeting_ledger(),
      &law_study_session_ledger(),
      &pre_appointment_exam_ledger(),
      &law_report_by_leaders_ledger(),
      &law_exam_ledger(),
      &region_time_limit_ledger(),
      &region_yearly_duty_ledger(),
      &report_round_ledger(),
      &report_part_ledger(),
  };
  return kLedgers;
}

const LedgerDeclaration* find_ledger(std::string_view name) {
  for (const auto* l : all_ledgers())
    if (l->name == name) return l;
  return nullptr;
}

}  // namespace fazhi

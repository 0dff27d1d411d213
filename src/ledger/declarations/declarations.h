// One function per ledger, each defined in a file of this folder (one file per ledger or per
// close family); ledger_catalogue.cpp lists them in menu order.
#pragma once

#include "ledger/ledger_declaration.h"

namespace fazhi {

// organizations.cpp
const LedgerDeclaration& organizations_ledger();
const LedgerDeclaration& people_ledger();

// services.cpp — 政府职能、政务服务
const LedgerDeclaration& service_item_ledger();
const LedgerDeclaration& hotline_ticket_ledger();
const LedgerDeclaration& hotline_traffic_ledger();
const LedgerDeclaration& service_rating_ledger();
const LedgerDeclaration& credit_collection_ledger();
const LedgerDeclaration& credit_repair_ledger();

// random_inspection.cpp — 双随机、一公开
const LedgerDeclaration& inspection_item_list_ledger();
const LedgerDeclaration& inspection_plan_ledger();
const LedgerDeclaration& inspection_target_ledger();
const LedgerDeclaration& inspector_ledger();
const LedgerDeclaration& draw_ledger();
const LedgerDeclaration& inspection_result_ledger();

// normative_documents.cpp — 立法项目、规范性文件、合法性审核、备案、公平竞争审查
const LedgerDeclaration& legislation_project_ledger();
const LedgerDeclaration& normative_document_ledger();
const LedgerDeclaration& filing_ledger();
const LedgerDeclaration& legality_review_ledger();
const LedgerDeclaration& fair_competition_review_ledger();

// decisions.cpp — 重大行政决策、政府合同、法律顾问
const LedgerDeclaration& major_decision_ledger();
const LedgerDeclaration& government_contract_ledger();
const LedgerDeclaration& legal_adviser_ledger();

// enforcement.cpp — 行政执法
const LedgerDeclaration& enforcement_body_ledger();
const LedgerDeclaration& officer_ledger();
const LedgerDeclaration& certificate_ledger();
const LedgerDeclaration& certificate_exam_ledger();
const LedgerDeclaration& officer_training_ledger();
const LedgerDeclaration& enforcement_matter_ledger();
const LedgerDeclaration& enforcement_case_ledger();
const LedgerDeclaration& exemption_list_ledger();
const LedgerDeclaration& criminal_transfer_ledger();
const LedgerDeclaration& case_file_review_ledger();

// oversight.cpp — 应急演练
const LedgerDeclaration& emergency_drill_ledger();

// reconsideration.cpp, litigation.cpp — 行政复议、行政应诉
const LedgerDeclaration& reconsideration_ledger();
const LedgerDeclaration& litigation_ledger();

// disputes.cpp — 矛盾纠纷、人民调解、信访
const LedgerDeclaration& dispute_screening_ledger();
const LedgerDeclaration& dispute_ledger();
const LedgerDeclaration& mediation_ledger();
const LedgerDeclaration& petition_ledger();

// legal_services.cpp — 公共法律服务、法律援助、普法
const LedgerDeclaration& legal_service_ledger();
const LedgerDeclaration& legal_aid_ledger();
const LedgerDeclaration& legal_publicity_ledger();
const LedgerDeclaration& demo_village_ledger();
const LedgerDeclaration& legal_literate_ledger();

// oversight.cpp — 权力监督、政务公开、督察整改
const LedgerDeclaration& deputy_suggestion_ledger();
const LedgerDeclaration& openness_request_ledger();
const LedgerDeclaration& openness_publication_ledger();
const LedgerDeclaration& press_conference_ledger();
const LedgerDeclaration& supervision_problem_ledger();
const LedgerDeclaration& rectification_ledger();

// leadership.cpp — 党的领导、第一责任人
const LedgerDeclaration& rule_of_law_meeting_ledger();
const LedgerDeclaration& law_study_session_ledger();
const LedgerDeclaration& pre_appointment_exam_ledger();
const LedgerDeclaration& law_report_by_leaders_ledger();
const LedgerDeclaration& law_exam_ledger();

// region_settings.cpp — 地方时限设置、地方年度职责设置
const LedgerDeclaration& region_time_limit_ledger();
const LedgerDeclaration& region_yearly_duty_ledger();

// report_rounds.cpp — 年度报告编制轮次、部门材料
const LedgerDeclaration& report_round_ledger();
const LedgerDeclaration& report_part_ledger();

}  // namespace fazhi

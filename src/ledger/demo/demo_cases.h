// The demo city's ledgers with workflows that the dashboards, to-do lists and reports read
// most, each generated as its cases really run: dates placed on the working-day calendar,
// realistic mixes of outcomes, some late, some extended, some still open at the end of 2025.
#pragma once

#include "ledger/demo/demo_model.h"

namespace fazhi::demo {

// Forgets the courses kept between generators (call before a build).
void reset_case_courses();

Result<void> generate_enforcement_cases(DemoCity& city, Store& store);
Result<void> generate_normative_documents(DemoCity& city, Store& store);
Result<void> generate_filings(DemoCity& city, Store& store);
Result<void> generate_reconsiderations(DemoCity& city, Store& store);
Result<void> generate_litigations(DemoCity& city, Store& store);
Result<void> generate_disputes(DemoCity& city, Store& store);
Result<void> generate_mediations(DemoCity& city, Store& store);
Result<void> generate_hotline_tickets(DemoCity& city, Store& store);
Result<void> generate_hotline_traffic(DemoCity& city, Store& store);
Result<void> generate_service_ratings(DemoCity& city, Store& store);
Result<void> generate_supervision_problems(DemoCity& city, Store& store);
Result<void> generate_rectifications(DemoCity& city, LedgerService& service);

}  // namespace fazhi::demo

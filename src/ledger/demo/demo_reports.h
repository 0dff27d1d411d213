// The demo city's annual report rounds (report_rounds.cpp ledgers): the city government's
// rounds for 2021–2024, each with a part from every city department, all accepted and the
// report published in the following March; the market regulation bureau's own 2024 report
// (a department's report from the same machinery); and the 2025 round, open, with parts in
// every state (submitted, returned with comments, still being written) and some departments
// not yet started. The narrative is written for the demo, varied by department and year.
#pragma once

#include "ledger/demo/demo_model.h"

namespace fazhi::demo {

// Writes the rounds and parts through LedgerService (rules and audit apply); a few hundred
// records at any scale.
Result<void> generate_report_rounds(DemoCity& city, LedgerService& service);

}  // namespace fazhi::demo

// The leadership ledgers' own rules (leadership.cpp): no date in the future; a pre-appointment
// exam's result follows its score against its pass line (60 unless the record names another)
// and cannot contradict it; a yearly law exam passes no more people than sat it, and is held in
// its year; a 述法 is made within its year or the first quarter after.
#pragma once

#include "ledger/ledger_rules.h"

namespace fazhi {

// The pass line of a pre-appointment law exam when the record names none.
inline constexpr double kPreAppointmentPassLine = 60;

Result<void> law_study_session_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                    const TransitionDeclaration* step);
Result<void> pre_appointment_exam_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                       const TransitionDeclaration* step);
Result<void> law_report_by_leaders_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                        const TransitionDeclaration* step);
Result<void> rule_of_law_meeting_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                                      const TransitionDeclaration* step);
Result<void> law_exam_rule(const RuleContext& context, const LedgerRecord* before, LedgerRecord& after,
                           const TransitionDeclaration* step);

}  // namespace fazhi

// What the coordinator sees of a round (issue 7, item 2): for each department involved —
// the departments directly under the organisation (not the governments below, which report
// on their own) that have records dated in the year or have started a part — whether its
// part is written, submitted, returned or accepted. Also the checked publication: compose,
// run the consistency check, and only when nothing blocks it, stamp the check and publish
// through the ledger's audited transition.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "indicator/indicator_engine.h"
#include "ledger/ledger_service.h"
#include "report/consistency_check.h"
#include "report/report_composer.h"

namespace fazhi {

struct DepartmentPart {
  std::string org_code;
  std::string org_name;
  bool had_records = false;  // records dated in the year, its own or below it
  std::int64_t part_id = 0;  // 0: no part started
  std::string state;         // the part's state (draft, submitted, returned, accepted) or empty
  std::string state_label;
  std::string submitted_on;
  std::string return_comment;
};

struct RoundStatus {
  std::int64_t round_id = 0;
  int year = 0;
  std::string org_code, org_name, state, deadline, title;
  std::vector<DepartmentPart> departments;  // in code order
  int submitted = 0;                        // parts submitted or accepted
  int outstanding = 0;                      // departments whose part is not handed in
};

// The round's status as `user` may see it (the round must be readable by the user).
Result<RoundStatus> round_status(LedgerService& ledgers, const UserContext& user, std::int64_t round_id);

// The expected parts of a status, for check_consistency(): departments with records.
std::vector<ExpectedPart> expected_parts(const RoundStatus& status);

struct PublishOutcome {
  bool published = false;
  std::vector<ConsistencyFinding> findings;
  nlohmann::json round;  // the round record after publication (LedgerService::to_json)
};

// Composes the round's report, checks it and, when no finding blocks it, publishes it
// (checked_on and published_on set to today unless given). Fails as the transition does
// (role, state, version); a blocked publication is not a failure: `published` stays false
// and `findings` say why. `reviewer` may be null.
Result<PublishOutcome> publish_round(LedgerService& ledgers, IndicatorEngine& engine, const review::Reviewer* reviewer,
                                     const UserContext& user, std::int64_t round_id, std::string published_on = "");

// One published report for the public list.
struct PublishedReport {
  std::int64_t round_id = 0;
  int year = 0;
  std::string org_code, org_name, title, published_on;
};

// Every published report, newest year first; needs no user (the portal's public list).
Result<std::vector<PublishedReport>> published_reports(Store& store);

}  // namespace fazhi

// Turning a verified draw of case files into review records (案卷评查): given the plan and the
// result of a draw over this database's pool of a year's closed cases (case_file_draw_pool.h),
// one `draw` record (抽取记录, kind 评查案卷: the plan's SM3, the public value, the seed, the
// counts and the result's SM3) and one `case_file_review` record per drawn case — its case,
// body, number, year, batch (the plan's title), the draw, and the first member of its drawn
// team as reviewer — in state 评查中, ready for scoring. All in one write transaction, each
// record checked by the ledger's rules and audited; nothing is written when anything fails.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ledger/ledger_service.h"

namespace fazhi {

struct DrawnReviews {
  std::int64_t draw = 0;              // the draw record written
  std::string draw_number;            // its number: the plan's id
  std::vector<std::int64_t> reviews;  // the case_file_review records, in draw order
};

// Refuses (kInvalidInput) a plan or result that does not parse, a plan whose pool file is
// not the database's pool of `year` as `user` sees it (naming both hashes), and a result that
// does not verify against the plan (naming its first difference); kConflict when the plan's
// draw was already turned into reviews; kForbidden when the role may not write reviews.
// The reviews are owned by the plan's reviewing office when it is an organisation, else by
// the user's organisation.
Result<DrawnReviews> create_reviews_from_draw(LedgerService& service, const UserContext& user, int year,
                                              std::string_view plan_json, std::string_view result_json);

}  // namespace fazhi

// The draw pool of case files (案卷评查抽取名录): every enforcement case closed in a year, per
// enforcement body, written as a draw pool file (draw/target_pool.h, docs/draw-plan.md) so
// that the coordinator can sample each body's files with a verifiable draw (`fazhi draw`), and
// a draft plan over it. The pool is a pure function of the database: the same cases, bodies
// and scope give the same bytes, so a draw result can later be checked against the database
// (case_file_draw_reviews.h). One line per case, in case-id order:
//   id             "EC" + the case's record id, ten digits ("EC0000000123": byte order is id order)
//   name           the case number (案号), or 执法案件 N without one
//   uscc           the body's 统一社会信用代码 (else its organisation's)
//   region_code    the body's organisation's region (6 digits)
//   industry_code  S922 (GB/T 4754: 国家机构 — 政府机关): the files are the body's own
//   credit_risk_class  "B" + the body's record id: the stratum of its body
//   departments    the reviewing office (an organisation code)
//   last_inspected_on, last_inspectors  empty
// Closed cases naming no body are left out (counted).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/result.h"
#include "ledger/ledger_service.h"

namespace fazhi {

// A body with closed cases in the pool.
struct CaseFilePoolBody {
  std::int64_t id = 0;
  std::string name;
  std::string stratum;  // "B" + id
  std::uint64_t cases = 0;
};

struct CaseFilePool {
  int year = 0;
  std::string reviewing_org;             // the plan's department, on every line
  std::string csv;                       // the pool file's bytes
  std::string sm3_chunks;                // its chunked SM3 (draw/pool_digest.h)
  std::string file_name;                 // "case-files-<year>-<sm3_chunks>.csv" (plans name it so)
  std::vector<CaseFilePoolBody> bodies;  // in body-id order
  std::uint64_t cases = 0;
  std::uint64_t without_body = 0;  // closed cases of the year naming no body: left out
};

// The pool target id of enforcement case `id`, and back (nothing for another form).
std::string case_file_target_id(std::int64_t case_id);
std::optional<std::int64_t> case_id_of_target(std::string_view target_id);

// The closed enforcement cases of `year` that `user` may read, reviewed by `reviewing_org`
// (an organisation code). Fails with kInvalidInput naming the year or the organisation, or
// naming a body that has neither its own nor its organisation's 统一社会信用代码; with
// kForbidden when the role may not read enforcement cases.
Result<CaseFilePool> build_case_file_pool(LedgerService& service, const UserContext& user, int year,
                                          const std::string& reviewing_org);

// A draft plan (fazhi-draw-plan/1) over `pool`: one stratum per body drawing `per_body` files
// (all of a body's files when it closed fewer), teams of two from the reviewing office's
// people (its own staff, by person id, marked eligible), a public value still to be described,
// as of `as_of`, and the pool file by its chunked SM3. Fails with kInvalidInput when the pool
// is empty, `per_body` is below 1 or the office has fewer than two people.
Result<nlohmann::json> case_file_plan_draft(LedgerService& service, const CaseFilePool& pool, int per_body, Date as_of);

}  // namespace fazhi

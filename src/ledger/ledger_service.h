// The ledgers' one front door, used by the API, the CLI, imports and the demo generator
// alike: list, get, create, update, transition, delete — each checked against the caller's
// role and organisation scope, validated against the declaration and the ledger's rules,
// and written through the store's audited path (the audit entry commits with the change).
// Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "ledger/ledger_declaration.h"
#include "ledger/ledger_record.h"
#include "ledger/org_directory.h"
#include "ledger/user_context.h"
#include "store/store.h"

namespace fazhi {

// One list filter: `field` (a declared field, or "state"/"org_code"), an operator and a value.
// Operators: eq, ne, gte, lte (dates, numbers), like (text contains), in (comma-separated),
// null (value "1" for empty, "0" for filled).
struct ListFilter {
  std::string field;
  std::string op = "eq";
  std::string value;
};

struct ListQuery {
  std::vector<ListFilter> filters;
  std::string org;   // narrow to this organisation's subtree (must be in scope)
  std::string text;  // free text over the ledger's text fields
  std::string sort;  // a field or system column; default id
  bool descending = true;
  int page = 1;        // from 1
  int page_size = 50;  // 1..500
};

// Parses query parameters: f.FIELD=v, f.FIELD.OP=v, org, q, sort, order=asc|desc, page,
// page_size. Unknown fields or operators fail naming the parameter.
Result<ListQuery> parse_list_query(const LedgerDeclaration& ledger,
                                   const std::vector<std::pair<std::string, std::string>>& params);

struct ListPage {
  std::int64_t total = 0;
  int page = 1;
  int page_size = 50;
  std::vector<LedgerRecord> records;
};

class LedgerService {
 public:
  explicit LedgerService(Store& store) : store_(store), orgs_(store) {}

  Store& store() { return store_; }
  // The organisation tree as of now (cached for a few seconds; reloaded after org writes).
  Result<std::shared_ptr<const OrgDirectory>> orgs() { return orgs_.get(); }

  Result<ListPage> list(const UserContext& user, const LedgerDeclaration& ledger, const ListQuery& query);
  // Visits every record matching `query` (paging ignored) in id order, for exports.
  Result<void> for_each(const UserContext& user, const LedgerDeclaration& ledger, const ListQuery& query,
                        const std::function<Result<void>(const LedgerRecord&)>& visit);
  Result<LedgerRecord> get(const UserContext& user, const LedgerDeclaration& ledger, std::int64_t id);

  // `body`: {"org_code": optional owner (default the user's organisation), "state": optional
  // initial state (default the declared one), "fields": {...}}.
  Result<LedgerRecord> create(const UserContext& user, const LedgerDeclaration& ledger, const nlohmann::json& body);
  // `body`: {"version": the version the user edited, "fields": {changed fields}}. A stale
  // version fails with kConflict.
  Result<LedgerRecord> update(const UserContext& user, const LedgerDeclaration& ledger, std::int64_t id,
                              const nlohmann::json& body);
  // Makes transition `step`; `body` as for update (fields the step asks for).
  Result<LedgerRecord> transition(const UserContext& user, const LedgerDeclaration& ledger, std::int64_t id,
                                  const std::string& step, const nlohmann::json& body);
  Result<void> remove(const UserContext& user, const LedgerDeclaration& ledger, std::int64_t id, std::int64_t version);

  // The API's JSON for a record: system columns, "fields", labels for enums and the owner,
  // the state's label, the transitions the user may make now, and the deadlines as of today.
  nlohmann::json to_json(const UserContext& user, const LedgerDeclaration& ledger, const LedgerRecord& record,
                         const OrgDirectory& orgs) const;

  // Checks and completes a new or changed record inside a write transaction: field rules,
  // required and unique fields, references, the ledger's own rule, and scope. Used by
  // create/update/transition and by imports.
  Result<void> check_record(WriteTransaction& tx, const UserContext& user, const LedgerDeclaration& ledger,
                            const OrgDirectory& orgs, const LedgerRecord* before, LedgerRecord& after,
                            const TransitionDeclaration* step, bool check_unique = true);

  // Whether `user` may read records owned at `path` of `ledger` (role and scope).
  bool may_read(const UserContext& user, const LedgerDeclaration& ledger, const OrgDirectory& orgs,
                const LedgerRecord& record) const;
  bool may_write(const UserContext& user, const LedgerDeclaration& ledger, const OrgDirectory& orgs,
                 const LedgerRecord& record) const;

  // The scope condition for `user` on `ledger` as SQL over the table's columns, with params.
  std::string scope_sql(const UserContext& user, const LedgerDeclaration& ledger, const OrgDirectory& orgs,
                        std::vector<SqlValue>& params) const;

  void invalidate_orgs() { orgs_.invalidate(); }

 private:
  Result<LedgerRecord> write_change(const UserContext& user, const LedgerDeclaration& ledger, std::int64_t id,
                                    const nlohmann::json& body, const TransitionDeclaration* step);
  Result<std::string> where_sql(const UserContext& user, const LedgerDeclaration& ledger, const OrgDirectory& orgs,
                                const ListQuery& query, std::vector<SqlValue>& params) const;

  Store& store_;
  OrgDirectoryCache orgs_;
};

// Fails with kForbidden unless `user`'s role may read (write) `ledger`.
Result<void> require_read(const UserContext& user, const LedgerDeclaration& ledger);
Result<void> require_write(const UserContext& user, const LedgerDeclaration& ledger);

}  // namespace fazhi

// The version of everything the audited path has written: the audit chain's head sequence
// (table audit_head). Every write of a record, an organisation, a setting or an import
// moves it on in the same transaction, whichever process or server commits it, so a value
// built from the database while the version stays the same is still right. Writes that are
// not audited (sessions, failed logins) leave it alone.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "store/store.h"

namespace fazhi {

// The current content version of `store`. Read it before reading what a kept value is built
// from: a later read sees this version's content or a newer one, never an older one. Fails
// naming the database when the audit head cannot be read.
Result<std::int64_t> content_version(Store& store);

}  // namespace fazhi

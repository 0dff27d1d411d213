#include "store/content_version.h"

namespace fazhi {

Result<std::int64_t> content_version(Store& store) {
  std::int64_t version = 0;
  FAZHI_TRY(store.read([&](SqlSession& s) -> Result<void> {
    FAZHI_ASSIGN_OR_RETURN(auto head, s.query("SELECT seq FROM audit_head WHERE id = 1"));
    if (head.rows.empty()) return internal_error("审计日志", "缺少链头记录 audit_head");
    version = sql_int(head.rows[0][0]).value_or(0);
    return ok();
  }));
  return version;
}

}  // namespace fazhi

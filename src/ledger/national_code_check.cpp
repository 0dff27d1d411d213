// check_national_code (declared in field_value.h): the one place that maps a field's code
// kind to core's validators.
#include "core/credit_code.h"
#include "core/region_code.h"
#include "core/resident_id.h"
#include "ledger/field_value.h"

namespace fazhi {

Result<void> check_national_code(NationalCodeKind kind, std::string_view text) {
  switch (kind) {
    case NationalCodeKind::kUnifiedSocialCreditCode:
      return validate_credit_code(text);
    case NationalCodeKind::kCitizenId:
      return validate_resident_id(text);
    case NationalCodeKind::kRegionCode:
      return validate_region_code(text);
  }
  return ok();
}

}  // namespace fazhi

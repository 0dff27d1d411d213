// Converting a field's value between its three faces: JSON (the API), text (CSV/XLSX cells,
// Chinese labels for enums and 是/否 for booleans), and the stored SqlValue (integers for
// whole numbers, booleans and references; text for everything else). Every conversion from
// outside input validates and fails with a reason a clerk can act on; the Error's `field`
// names the field.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/result.h"
#include "ledger/ledger_declaration.h"
#include "store/sql_value.h"

namespace fazhi {

// Whether the field is stored as an integer column.
bool stored_as_integer(const FieldDeclaration& field);

// The stored value for a JSON value from a form or API call; null and "" give null.
Result<SqlValue> field_value_from_json(const FieldDeclaration& field, const nlohmann::json& value);
// The stored value for a cell of an imported file; "" gives null. Enums accept the code or
// the Chinese label; booleans 是/否/true/false/1/0; dates the spellings parse_date_lenient
// accepts; numbers with thousands separators.
Result<SqlValue> field_value_from_text(const FieldDeclaration& field, std::string_view text);
// The JSON the API returns for a stored value.
nlohmann::json field_value_to_json(const FieldDeclaration& field, const SqlValue& value);
// The cell an export writes (enum label, 是/否, ISO dates), so that it imports back unchanged.
std::string field_value_to_text(const FieldDeclaration& field, const SqlValue& value);

// Checks a national code of `kind`; the reason says which part is wrong.
Result<void> check_national_code(NationalCodeKind kind, std::string_view text);

}  // namespace fazhi

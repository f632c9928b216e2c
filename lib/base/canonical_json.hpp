// RFC 8785 canonical JSON (JCS) for the values the decision record and the
// decision log use: objects, arrays, strings, integers, booleans and null.
// Anyone can recompute a fingerprint with a standard JCS tool, so the bytes
// must be exactly those of RFC 8785; floating-point numbers are refused.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace competition {

// RFC 8785 §3.2: no whitespace; object members sorted by the UTF-16 code units
// of their names; strings escaped as ECMAScript JSON.stringify does (only `"`,
// `\` and control characters below 0x20; \b \t \n \f \r or \u00xx in lower-case
// hex; everything else verbatim UTF-8). Throws std::invalid_argument for a
// floating-point number, a binary value or a string that is not valid UTF-8.
std::string canonical_json(const nlohmann::json& value);
std::string canonical_json(const nlohmann::ordered_json& value);

// The same, appended to `out`: for a document written piece by piece (the
// decision record, decision_record.hpp) around values made canonical here.
void append_canonical_json(std::string& out, const nlohmann::ordered_json& value);
// One string value as RFC 8785 writes it (quoted and escaped), appended to `out`.
void append_canonical_string(std::string& out, std::string_view s);

// RFC 8785 §3.2.3: true when UTF-8 key `a` sorts before `b` by UTF-16 code units.
bool utf16_less(std::string_view a, std::string_view b);

}  // namespace competition

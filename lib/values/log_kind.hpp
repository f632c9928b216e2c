// The kinds of the decision log's entries (docs/decisions.md): `allocate`, and
// the commission's decisions among them. The names are what the log stores and
// its hashes cover.
#pragma once
#include <optional>
#include <string_view>

namespace competition {

// The kind of one log entry.
// `assign` records a reviewer assignment (docs/cli.md "assign"): in the hash
// chain only, never a decision, never pending. `money` records an import of
// agreements, payments or outcomes (docs/audit.md "Agreements and payments")
// the same way.
enum class LogKind { allocate, withdraw, override_award, order, undo, assign, money };
// allocate | withdraw | override | order | undo | assign | money
[[nodiscard]] std::string_view to_string(LogKind k);
// The kind of a stored name; nullopt for any other text.
[[nodiscard]] std::optional<LogKind> parse_log_kind(std::string_view s);

// The log kinds of commission decisions: every kind but `allocate`.
enum class DecisionKind { withdraw, override_award, order, undo };
[[nodiscard]] LogKind log_kind(DecisionKind k);
// The decision an entry of this kind records; nullopt for `allocate`, `assign` and `money`.
[[nodiscard]] std::optional<DecisionKind> decision_kind(LogKind k);
[[nodiscard]] std::string_view to_string(DecisionKind k);  // withdraw | override | order | undo
[[nodiscard]] std::optional<DecisionKind> parse_decision_kind(std::string_view s);

}  // namespace competition

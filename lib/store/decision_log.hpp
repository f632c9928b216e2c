// The decision log (docs/cli.md "Commission decisions", `audit`): an append-only hash
// chain per round of every allocation and commission decision. Each entry's hash
// covers its content and the previous entry's hash; the round keeps the hash and
// count of its last entry, so that removing the newest entry is caught as well.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/store.hpp"
#include "values/log_entry.hpp"
#include "values/message.hpp"

namespace competition {

// hex SHA-256 of the canonical JSON {"kind", "payload" (parsed), "prev_hash",
// "recorded_at", "round", "seq"}. Throws std::invalid_argument when the
// payload is not JSON.
[[nodiscard]] std::string log_entry_hash(const LogEntry& e);

// The current time as `YYYY-MM-DDTHH:MM:SSZ` (clock.hpp: $COMPETITION_NOW when set).
[[nodiscard]] std::string utc_now();

// Appends one entry to the round's chain and moves the round's head to it. Must
// run inside a Transaction (the caller's), so that the entry and the change it
// records are written together. `recorded_at` empty means now.
LogEntry append_log_entry(Store& store, const std::string& round, LogKind kind, const nlohmann::ordered_json& payload,
                          std::string recorded_at = {});
// The same with a payload that is RFC 8785 canonical JSON already (the
// decision record, written as text by decision_record.hpp), moved in as it is.
LogEntry append_canonical_log_entry(Store& store, const std::string& round, LogKind kind, std::string canonical_payload,
                                    std::string recorded_at = {});

// The round's entries in log order; with `only`, its entries of that kind.
[[nodiscard]] std::vector<LogEntry> log_entries(Store& store, const std::string& round,
                                                std::optional<LogKind> only = std::nullopt);
// The same with every `allocate` entry's payload left empty (a national
// decision record is 100 MB of JSON): `audit` reads each with log_payload
// when it compares it, one at a time.
[[nodiscard]] std::vector<LogEntry> log_entries_without_records(Store& store, const std::string& round);
// The payload of the entry `seq`, as stored.
[[nodiscard]] std::string log_payload(Store& store, std::int64_t seq);
// Whether that payload is byte for byte `text`: read from the database in
// pieces, so that neither SQLite nor we hold a copy of a 100 MB record.
[[nodiscard]] bool log_payload_equals(Store& store, std::int64_t seq, std::string_view text);

// What the chain needs of one entry's payload, worked out once: whether it is
// JSON and canonical, and the entry's hash (log_entry_hash) when it is JSON.
struct PayloadCheck {
  bool json = false;
  bool canonical = false;
  std::string payload_sha256, canonical_sha256;  // hex; only for JSON that is not canonical
  std::string hash;
};
// Parses the payload once (canonical_json of it, and the link spliced around that).
[[nodiscard]] PayloadCheck check_payload(const LogEntry& e);
// For an entry whose payload is byte for byte `payload`, known to be canonical
// JSON (a record rebuilt in RFC 8785 form): nothing parsed, the hash spliced
// around it.
[[nodiscard]] PayloadCheck canonical_payload_check(const LogEntry& e, std::string_view payload);

// The round's head as stored in `rounds`: the last entry's hash (none before
// the first entry) and the number of entries.
struct LogHead {
  std::optional<std::string> hash;
  std::int64_t count = 0;
};
[[nodiscard]] LogHead log_head(Store& store, const std::string& round);

// Every problem with a round's chain, in log order, as sentences for `audit`
// (empty: the chain holds): an entry of another round, seq not increasing, a
// payload that is not canonical JSON, a hash that does not match its entry, a
// prev_hash that is not the previous entry's hash, and a head or count that
// differs from the last entry (an entry removed from the end).
[[nodiscard]] std::vector<Message> verify_chain(const std::string& round, const std::vector<LogEntry>& entries,
                                                const LogHead& head);
// The same with each entry's payload checked already (`checks[i]` of `entries[i]`).
[[nodiscard]] std::vector<Message> verify_chain(const std::string& round, const std::vector<LogEntry>& entries,
                                                const LogHead& head, const std::vector<PayloadCheck>& checks);
[[nodiscard]] std::vector<Message> verify_chain(Store& store, const std::string& round);

}  // namespace competition

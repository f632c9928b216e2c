// One entry of a round's decision log (docs/decisions.md): the append-only hash
// chain of every allocation and commission decision. The struct alone, so that
// the pure code that reads decisions (engine/commission.hpp) needs no store.
#pragma once
#include <cstdint>
#include <string>

#include "values/log_kind.hpp"

namespace competition {

struct LogEntry {
  std::int64_t seq = 0;  // global, increasing
  std::string round;
  LogKind kind = LogKind::allocate;
  std::string payload;      // RFC 8785 canonical JSON
  std::string recorded_at;  // ISO 8601 UTC, `2026-03-02T10:15:00Z`
  std::string prev_hash;    // the round's previous entry's hash; 64 zeros for the first
  std::string hash;
};

// The prev_hash of a round's first entry.
inline const std::string genesis_hash(64, '0');

}  // namespace competition

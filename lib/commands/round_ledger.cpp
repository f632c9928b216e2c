#include "commands/round_ledger.hpp"

#include <fmt/format.h>

#include "commands/read_snapshot.hpp"
#include "store/ledger_store.hpp"
#include "values/clock.hpp"

namespace competition {

Ledger round_ledger(Store& store, const std::optional<std::string>& round_id, const std::optional<std::string>& as_of) {
  LedgerInput in;
  in.as_of = as_of_date(as_of);
  ReadSnapshot snapshot(store);
  const RoundRecord round = store.resolve_round(round_id);
  in.round = round.id;
  in.awards = stored_awards(store, round.id);
  in.agreements = stored_agreements(store, round.id);
  in.payments = stored_payments(store, round.id);
  in.received = stored_reports(store, round.id);
  return build_ledger(in);
}

}  // namespace competition

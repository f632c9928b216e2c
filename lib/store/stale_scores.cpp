#include "store/stale_scores.hpp"

#include "store/score_store.hpp"

namespace competition {

void discard_scores(Store& store, const std::string& round) {
  clear_scores(store, round);
  store.set_stage(round, Stage::open);
}

}  // namespace competition

// When the inputs that scoring reads change, the stored scores no longer hold.
#pragma once
#include <string>

#include "store/store.hpp"

namespace competition {

// Deletes the round's stored scores and sets its stage back to `open`.
// Inside the caller's write transaction.
void discard_scores(Store& store, const std::string& round);

}  // namespace competition

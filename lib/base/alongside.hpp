// Two pieces of work at once: the output of a result written while the
// result is stored (docs/performance.md "What this wave changed").
#pragma once
#include <exception>
#include <thread>

namespace competition {

// Runs `side` on a second thread while `main` runs on this one, and returns
// when both are done. An exception of `main` is raised (after `side` ended),
// else one of `side`. Both may only read what they share.
template <class Side, class Main>
void alongside(Side&& side, Main&& main) {
  std::exception_ptr failed;
  {
    std::jthread thread([&] {
      try {
        side();
      } catch (...) {
        failed = std::current_exception();
      }
    });
    main();  // on an exception the thread is joined as it is destroyed
  }
  if (failed) std::rethrow_exception(failed);
}

}  // namespace competition

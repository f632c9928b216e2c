// render/remedy_words.hpp: an error's subject and remedy in words around what(),
// the message printed by cli/ and kept in the audit's findings.
#include <doctest/doctest.h>

#include <stdexcept>

#include "render/remedy_words.hpp"

using namespace competition;

TEST_CASE("remedy words: each starts with its own joint; none is empty") {
  CHECK(remedy_words(Remedy::none, 0).empty());
  CHECK(remedy_words(Remedy::score_stored_again, 0).en == " (run `competition score` again)");
  CHECK(remedy_words(Remedy::score_again, 0).en == "; run `competition score` again");
  CHECK(remedy_words(Remedy::score_first, 0).en == ": run `competition score` first");
  CHECK(remedy_words(Remedy::undo_decision, 3).en == "; undo it with `competition decisions --undo 3 --reason TEXT`");
  CHECK(remedy_words(Remedy::undo_decision, 3).uk ==
        "; скасуйте його командою `competition decisions --undo 3 --reason TEXT`");
}

TEST_CASE("subject words: the request's command line, its number and input, ending in `: `") {
  CHECK(subject_words(DecisionSubject{DecisionKind::withdraw, std::nullopt, DecisionInput::none}) == "withdraw: ");
  CHECK(subject_words(DecisionSubject{DecisionKind::override_award, std::nullopt, DecisionInput::award}) ==
        "override: --award: ");
  CHECK(subject_words(DecisionSubject{DecisionKind::undo, 2, DecisionInput::reason}) ==
        "decisions --undo 2: --reason: ");
}

TEST_CASE("error message: subject, what() and remedy; any other exception its what()") {
  CHECK(error_message(Error(ErrorKind::conflict, "round r: the stored score of A-1 has an unreadable total",
                            Remedy::score_stored_again))
            .en == "round r: the stored score of A-1 has an unreadable total (run `competition score` again)");
  CHECK(
      error_message(Error(ErrorKind::conflict, DecisionSubject{DecisionKind::order, std::nullopt, DecisionInput::none},
                          "A-1 is not ranked"))
          .en == "order: A-1 is not ranked");
  const Error caught(ErrorKind::io, "entry 1 is not JSON", Remedy::audit_log);
  const std::exception& as_exception = caught;
  CHECK(error_message(as_exception).en == "entry 1 is not JSON (run `competition audit`)");
  CHECK(error_message(std::runtime_error("disk full")) == Message("disk full"));
}

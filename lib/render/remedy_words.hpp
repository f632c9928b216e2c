// The words of what the library names as data about a failure (values/remedy.hpp,
// values/decision_subject.hpp): the commands to run and the options to give, as
// docs/cli.md prints them. The one place where an Error becomes the message people
// read: printed by cli/, and kept in the findings of `audit` and `audit bundle`.
#pragma once
#include <exception>
#include <string>

#include "values/diagnostic.hpp"

namespace competition {

// How a remedy goes on from its message, starting with its own joint (`; `,
// `: ` or ` (`); empty for Remedy::none. `decision`: the number undo_decision names.
[[nodiscard]] Message remedy_words(Remedy remedy, int decision);

// The command line that made a commission decision request and the option of
// the input a message is about, ending in `: ` (`decisions --undo 2: `, `withdraw: --reason: `).
[[nodiscard]] std::string subject_words(const DecisionSubject& subject);

// The message of an error for people, in every language: its subject, its message and its remedy.
[[nodiscard]] Message error_message(const Error& error);

// The same for any exception caught: an Error as above, anything else its what().
[[nodiscard]] Message error_message(const std::exception& e);

}  // namespace competition

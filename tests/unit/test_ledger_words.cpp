// render/ledger_words.hpp: the ledger's states as people read them, and as `ledger --help` lists them.
#include <doctest/doctest.h>

#include "render/ledger_words.hpp"

using namespace competition;

TEST_CASE("ledger words: a late report reads late in both languages; other states by the table") {
  LedgerLine x;
  x.state = LedgerState::reported;
  CHECK(ledger_state_words(x, Lang::uk) == "звіт отримано");
  CHECK(ledger_state_words(x, Lang::en) == "reported");
  x.late = true;
  CHECK(ledger_state_words(x, Lang::uk) == "звіт отримано із запізненням");
  CHECK(ledger_state_words(x, Lang::en) == "reported late");
  x = LedgerLine{};
  x.state = LedgerState::signed_agreement;
  CHECK(ledger_state_words(x, Lang::uk) == "договір підписано");
  CHECK(ledger_state_words(x, Lang::en) == "signed");
}

TEST_CASE("ledger words: --help lists the states with their Ukrainian words, the tokens in English") {
  CHECK(ledger_states_listed(Lang::en) == "overdue, reported, paid, paying, signed, no_agreement");
  CHECK(ledger_states_listed(Lang::uk) ==
        "  звіт прострочено (overdue),\n"
        "  звіт отримано (reported),\n"
        "  сплачено (paid),\n"
        "  сплачується (paying),\n"
        "  договір підписано (signed),\n"
        "  без договору (no_agreement)");
}

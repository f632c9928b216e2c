// values/message.hpp: a message worded in every language where it is raised.
#include <doctest/doctest.h>

#include <string>

#include "values/message.hpp"

using namespace competition;

namespace {

constexpr PerLang<const char*> not_a_sector{.uk = "\"{}\" — не сектор (очікується ngo, state або business)",
                                            .en = "\"{}\" is not a sector (expected ngo, state or business)"};
constexpr PerLang<const char*> in_round{.uk = "{} у конкурсі {}", .en = "{} in round {}"};
constexpr PerLang<const char*> reviews_word{.uk = "оцінки", .en = "reviews"};

}  // namespace

TEST_CASE("say: the same arguments in each language's words") {
  const Message m = say(not_a_sector, "ngos");
  CHECK(m.uk == "\"ngos\" — не сектор (очікується ngo, state або business)");
  CHECK(m.en == "\"ngos\" is not a sector (expected ngo, state or business)");
  CHECK(m[Lang::uk] == m.uk);
  CHECK(m[Lang::en] == m.en);
}

TEST_CASE("say: an argument that is a Message or words is taken in each language") {
  const Message m = say(in_round, reviews_word, 7);
  CHECK(m == Message("оцінки у конкурсі 7", "reviews in round 7"));
  CHECK(say(in_round, say(not_a_sector, "x"), "r1").uk ==
        "\"x\" — не сектор (очікується ngo, state або business) у конкурсі r1");
}

TEST_CASE("a message of data is the same in every language; += and + join language by language") {
  Message m("applications.csv");
  CHECK(m.uk == "applications.csv");
  CHECK(m.en == "applications.csv");
  m += Message(": рядок", ": line");
  CHECK(m == Message("applications.csv: рядок", "applications.csv: line"));
  CHECK(Message("a") + Message("б", "b") == Message("aб", "ab"));
  CHECK(Message().empty());
  CHECK_FALSE(Message("", "x").empty());
}

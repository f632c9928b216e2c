// history.json of a bundle (formats/history_json.hpp): canonical bytes, read back.
#include "formats/history_json.hpp"

#include <doctest/doctest.h>

#include "values/diagnostic.hpp"

using namespace competition;

TEST_CASE("history.json: canonical JSON, keys sorted, one line; read back to the same facts") {
  const CheckFacts facts = {{"r-2017", "A-2", "code:11111111", "теплі обіди", ReportState::missing},
                            {"r-2017", "A-5", "name:го мрія", "сад", ReportState::received}};
  const std::string text = history_json(facts);
  CHECK(text ==
        "{\"winners\":[{\"application\":\"A-2\",\"organisation\":\"code:11111111\",\"report\":\"missing\","
        "\"round\":\"r-2017\",\"title_key\":\"теплі обіди\"},{\"application\":\"A-5\",\"organisation\":\"name:го "
        "мрія\",\"report\":\"received\",\"round\":\"r-2017\",\"title_key\":\"сад\"}]}\n");
  CHECK(parse_history_json(text, "history.json") == facts);
  CHECK(history_json({}) == "{\"winners\":[]}\n");
}

TEST_CASE("history.json: what is wrong is named") {
  CHECK_THROWS_WITH_AS((void)parse_history_json("[", "h.json"), "h.json: not JSON", Error);
  CHECK_THROWS_WITH_AS((void)parse_history_json("{\"winners\":{}}", "h.json"), "h.json: expected {\"winners\": [...]}",
                       Error);
  CHECK_THROWS_WITH_AS(
      (void)parse_history_json(
          R"({"winners":[{"application":"A","organisation":"o","report":"late","round":"r","title_key":"t"}]})",
          "h.json"),
      "h.json: winners[0].report: \"late\" is not one of not_due, received, missing", Error);
  CHECK_THROWS_WITH_AS((void)parse_history_json(R"({"winners":[{"application":"A"}]})", "h.json"),
                       "h.json: winners[0].round: expected a string", Error);
}

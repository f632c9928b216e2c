#include "formats/history_json.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "base/canonical_json.hpp"
#include "values/common_words.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_bad{.uk = "{}: {}", .en = "{}: {}"};
constexpr PerLang<const char*> w_shape{.uk = "очікується {{\"winners\": [...]}}",
                                       .en = "expected {{\"winners\": [...]}}"};
constexpr PerLang<const char*> w_string{.uk = "winners[{}].{}: очікується рядок",
                                        .en = "winners[{}].{}: expected a string"};
constexpr PerLang<const char*> w_report{.uk = "winners[{}].report: \"{}\" — не одне з: not_due, received, missing",
                                        .en = "winners[{}].report: \"{}\" is not one of not_due, received, missing"};
constexpr PerLang<const char*> w_fields{
    .uk = "winners[{}]: очікуються саме application, organisation, report, round, title_key",
    .en = "winners[{}]: expected exactly application, organisation, report, round, title_key"};

// docs/bundle.md "history.json".
std::string history_json(const CheckFacts& facts) {
  nlohmann::ordered_json winners = nlohmann::ordered_json::array();
  for (const EarlierWinner& w : facts)
    winners.push_back({{"application", w.application},
                       {"organisation", w.organisation},
                       {"report", std::string(to_string(w.report))},
                       {"round", w.round},
                       {"title_key", w.title_key}});
  return canonical_json(nlohmann::ordered_json{{"winners", winners}}) + "\n";
}

CheckFacts parse_history_json(std::string_view text, std::string_view file) {
  auto bad = [&](const Message& what) { return Error(ErrorKind::invalid, say(w_bad, file, what)); };
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const std::exception&) {
    throw bad(say(not_json_words));
  }
  if (!j.is_object() || !j.contains("winners") || !j["winners"].is_array() || j.size() != 1) throw bad(say(w_shape));
  CheckFacts facts;
  std::size_t i = 0;
  for (const auto& x : j["winners"]) {
    auto field = [&](const char* key) -> std::string {
      if (!x.is_object() || !x.contains(key) || !x[key].is_string()) throw bad(say(w_string, i, key));
      return x[key].get<std::string>();
    };
    EarlierWinner w;
    w.round = field("round");
    w.application = field("application");
    w.organisation = field("organisation");
    w.title_key = field("title_key");
    const std::string report = field("report");
    auto state = report_state_named(report);
    if (!state) throw bad(say(w_report, i, report));
    w.report = *state;
    if (x.size() != 5) throw bad(say(w_fields, i));
    facts.push_back(std::move(w));
    ++i;
  }
  return facts;
}

}  // namespace competition

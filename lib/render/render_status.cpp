#include "render/render_status.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "render/text_table.hpp"

namespace competition {

namespace {

// A stage as the Ukrainian status table names it.
std::string stage_in_ukrainian(Stage stage) {
  switch (stage) {
    case Stage::open:
      return "відкритий";
    case Stage::scored:
      return "оцінений";
    case Stage::allocated:
      return "розподілений";
  }
  return std::string(to_string(stage));
}

}  // namespace

std::string render_status_json(const StatusReport& s) {
  nlohmann::ordered_json rounds = nlohmann::ordered_json::array();
  for (const auto& r : s.rounds)
    rounds.push_back({{"id", r.id},
                      {"year", r.year},
                      {"title", r.title},
                      {"stage", to_string(r.stage)},
                      {"applications", r.applications},
                      {"reviews", r.reviews},
                      {"funded", r.funded},
                      {"budget", r.budget.to_string()},
                      {"awarded", r.awarded.to_string()}});
  nlohmann::ordered_json out = {{"rounds", rounds}, {"history_years", s.history_years}};
  return out.dump() + "\n";
}

std::string render_status_text(const StatusReport& s, bool en) {
  std::string out;
  if (s.rounds.empty()) {
    out += en ? "No rounds.\n" : "Конкурсів немає.\n";
  } else {
    TextTable t;
    t.header({en ? "round" : "конкурс", en ? "year" : "рік", en ? "stage" : "етап", en ? "applications" : "заявки",
              en ? "reviews" : "оцінки", en ? "funded" : "профінансовано", en ? "budget" : "бюджет",
              en ? "awarded" : "розподілено", en ? "title" : "назва"},
             "lllrrrrrl");
    for (const auto& r : s.rounds) {
      std::string stage = en ? std::string(to_string(r.stage)) : stage_in_ukrainian(r.stage);
      auto money = [&](Money m) { return (en ? m.to_string() : m.to_ukrainian()) + " " + r.currency; };
      t.row({r.id, std::to_string(r.year), stage, std::to_string(r.applications), std::to_string(r.reviews),
             std::to_string(r.funded), money(r.budget), money(r.awarded), r.title});
    }
    out += t.render();
  }
  if (!s.history_years.empty()) {
    out += en ? "History years: " : "Роки історії: ";
    out += fmt::format("{}–{} ({})\n", s.history_years.front(), s.history_years.back(), s.history_years.size());
  }
  return out;
}

}  // namespace competition

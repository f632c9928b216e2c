#include "render/render_status.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "render/number_style.hpp"
#include "render/text_table.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

struct StatusWords {
  const char* no_rounds;
  const char* round;  // the columns
  const char* year;
  const char* stage;
  const char* applications;
  const char* reviews;
  const char* funded;
  const char* budget;
  const char* awarded;
  const char* title;
  const char* open;  // the stages
  const char* scored;
  const char* allocated;
  const char* history_years;
  const char* reviewers;  // per reviewer of a round with an assignment: heading, columns
  const char* reviewer;
  const char* assigned;
  const char* received;
  const char* missing;
};

constexpr PerLang<StatusWords> status_words{
    .uk =
        {
            .no_rounds = "Конкурсів немає.\n",
            .round = "конкурс",
            .year = "рік",
            .stage = "етап",
            .applications = "заявки",
            .reviews = "оцінки",
            .funded = "профінансовано",
            .budget = "бюджет",
            .awarded = "розподілено",
            .title = "назва",
            .open = "відкритий",
            .scored = "оцінений",
            .allocated = "розподілений",
            .history_years = "Роки історії: ",
            .reviewers = "Експерти конкурсу {}:\n",
            .reviewer = "експерт",
            .assigned = "призначено",
            .received = "отримано",
            .missing = "бракує",
        },
    .en =
        {
            .no_rounds = "No rounds.\n",
            .round = "round",
            .year = "year",
            .stage = "stage",
            .applications = "applications",
            .reviews = "reviews",
            .funded = "funded",
            .budget = "budget",
            .awarded = "awarded",
            .title = "title",
            .open = "open",
            .scored = "scored",
            .allocated = "allocated",
            .history_years = "History years: ",
            .reviewers = "Reviewers of round {}:\n",
            .reviewer = "reviewer",
            .assigned = "assigned",
            .received = "received",
            .missing = "missing",
        },
};

}  // namespace

std::string render_status_json(const StatusReport& s) {
  nlohmann::ordered_json rounds = nlohmann::ordered_json::array();
  for (const auto& r : s.rounds) {
    rounds.push_back({{"id", r.id},
                      {"year", r.year},
                      {"title", r.title},
                      {"stage", to_string(r.stage)},
                      {"applications", r.applications},
                      {"reviews", r.reviews},
                      {"funded", r.funded},
                      {"budget", r.budget.to_string()},
                      {"awarded", r.awarded.to_string()}});
    if (r.reviewers.empty()) continue;
    nlohmann::ordered_json reviewers = nlohmann::ordered_json::array();
    for (const auto& p : r.reviewers)
      reviewers.push_back({{"id", p.id}, {"assigned", p.assigned}, {"received", p.received}, {"missing", p.missing}});
    rounds.back()["reviewers"] = reviewers;
  }
  nlohmann::ordered_json out = {{"rounds", rounds}, {"history_years", s.history_years}};
  return out.dump() + "\n";
}

std::string render_status_text(const StatusReport& s, Lang lang) {
  const StatusWords& w = status_words[lang];
  std::string out;
  if (s.rounds.empty()) {
    out += w.no_rounds;
  } else {
    TextTable t;
    t.header({w.round, w.year, w.stage, w.applications, w.reviews, w.funded, w.budget, w.awarded, w.title},
             "lllrrrrrl");
    for (const auto& r : s.rounds) {
      std::string stage;
      switch (r.stage) {
        case Stage::open:
          stage = w.open;
          break;
        case Stage::scored:
          stage = w.scored;
          break;
        case Stage::allocated:
          stage = w.allocated;
          break;
      }
      auto money = [&](Money m) { return money_with_currency(m, r.currency, lang); };
      t.row({r.id, std::to_string(r.year), stage, std::to_string(r.applications), std::to_string(r.reviews),
             std::to_string(r.funded), money(r.budget), money(r.awarded), r.title});
    }
    out += t.render();
    for (const auto& r : s.rounds) {
      if (r.reviewers.empty()) continue;
      TextTable p;
      p.header({w.reviewer, w.assigned, w.received, w.missing}, "lrrr");
      for (const auto& x : r.reviewers)
        p.row({x.id, std::to_string(x.assigned), std::to_string(x.received), std::to_string(x.missing)});
      out += "\n" + fmt::format(fmt::runtime(w.reviewers), r.id) + p.render();
    }
  }
  if (!s.history_years.empty()) {
    out += w.history_years;
    out += fmt::format("{}–{} ({})\n", s.history_years.front(), s.history_years.back(), s.history_years.size());
  }
  return out;
}

}  // namespace competition

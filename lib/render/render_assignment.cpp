#include "render/render_assignment.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>

#include "base/text.hpp"
#include "formats/csv_writer.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

struct AssignWords {
  const char* heading;    // round, per_application, seed
  const char* loads;      // max, min, category matches
  const char* reviewers;  // section
  const char* applications;
  const char* reviewer;
  const char* load;
  const char* assigned;
  const char* application;
  const char* none;
};

constexpr PerLang<AssignWords> assign_words{
    .uk = {.heading = "Конкурс {}: експертів на заявку — {} (число жеребкування `--seed`: {})",
           .loads = "Найбільше навантаження {}, найменше {}; збігів за категорією {}",
           .reviewers = "Експерти",
           .applications = "Заявки",
           .reviewer = "Експерт",
           .load = "Навантаження",
           .assigned = "Заявки",
           .application = "Заявка",
           .none = "—"},
    .en = {.heading = "Round {}: {} reviewers per application (seed {})",
           .loads = "Largest load {}, smallest {}; category matches {}",
           .reviewers = "Reviewers",
           .applications = "Applications",
           .reviewer = "Reviewer",
           .load = "Load",
           .assigned = "Applications",
           .application = "Application",
           .none = "—"},
};

// Per reviewer (every one, by id) and per application (by id), the other side's ids.
struct Sides {
  std::vector<std::pair<std::string, std::vector<std::string>>> reviewers, applications;
};

Sides sides(const RoundAssignment& a) {
  std::map<std::string, std::vector<std::string>> by_reviewer, by_application;
  for (const auto& r : a.input.reviewers) by_reviewer[r.id];
  for (const auto& app : a.input.applications) by_application[app.id];
  for (const auto& [x, r] : a.result.pairs) {
    by_reviewer[a.input.reviewers[r].id].push_back(a.input.applications[x].id);
    by_application[a.input.applications[x].id].push_back(a.input.reviewers[r].id);
  }
  Sides s;
  for (auto& [id, list] : by_reviewer) {
    std::sort(list.begin(), list.end());
    s.reviewers.emplace_back(id, std::move(list));
  }
  for (auto& [id, list] : by_application) s.applications.emplace_back(id, std::move(list));
  return s;
}

std::string listed(const std::vector<std::string>& ids, const AssignWords& w) {
  return ids.empty() ? std::string(w.none) : join(ids, ", ");
}

}  // namespace

std::string render_assignment_text(const RoundAssignment& a, Lang lang) {
  const AssignWords& w = assign_words[lang];
  const Sides s = sides(a);
  std::string out = fmt::format(fmt::runtime(w.heading), a.round, a.input.per_application, a.seed) + "\n";
  out += fmt::format(fmt::runtime(w.loads), a.result.max_load, a.result.min_load, a.result.category_matches) + "\n\n";
  out += std::string(w.reviewers) + ":\n";
  for (const auto& [id, apps] : s.reviewers) out += fmt::format("  {}  {}  {}\n", id, apps.size(), listed(apps, w));
  out += "\n" + std::string(w.applications) + ":\n";
  for (const auto& [id, revs] : s.applications) out += fmt::format("  {}  {}\n", id, listed(revs, w));
  return out;
}

std::string render_assignment_md(const RoundAssignment& a, Lang lang) {
  const AssignWords& w = assign_words[lang];
  const Sides s = sides(a);
  std::string out = "# " + fmt::format(fmt::runtime(w.heading), a.round, a.input.per_application, a.seed) + "\n\n";
  out += fmt::format(fmt::runtime(w.loads), a.result.max_load, a.result.min_load, a.result.category_matches) + "\n\n";
  out += fmt::format("## {}\n\n| {} | {} | {} |\n| --- | ---: | --- |\n", w.reviewers, w.reviewer, w.load, w.assigned);
  for (const auto& [id, apps] : s.reviewers) out += fmt::format("| {} | {} | {} |\n", id, apps.size(), listed(apps, w));
  out += fmt::format("\n## {}\n\n| {} | {} |\n| --- | --- |\n", w.applications, w.application, w.reviewers);
  for (const auto& [id, revs] : s.applications) out += fmt::format("| {} | {} |\n", id, listed(revs, w));
  return out;
}

std::string render_assignment_csv(const RoundAssignment& a, const CsvStyle& style) {
  CsvWriter csv(style);
  csv.text("application").text("reviewer").end_row();
  for (const auto& [x, r] : a.result.pairs)
    csv.text(a.input.applications[x].id).text(a.input.reviewers[r].id).end_row();
  return csv.str();
}

std::string render_assignment_json(const RoundAssignment& a) {
  const Sides s = sides(a);
  nlohmann::ordered_json reviewers = nlohmann::ordered_json::array(), applications = nlohmann::ordered_json::array();
  for (const auto& [id, apps] : s.reviewers)
    reviewers.push_back({{"id", id}, {"load", apps.size()}, {"applications", apps}});
  for (const auto& [id, revs] : s.applications) applications.push_back({{"id", id}, {"reviewers", revs}});
  const nlohmann::ordered_json out = {{"round", a.round},
                                      {"seed", a.seed},
                                      {"per_application", a.input.per_application},
                                      {"max_load", a.result.max_load},
                                      {"min_load", a.result.min_load},
                                      {"category_matches", a.result.category_matches},
                                      {"reviewers", reviewers},
                                      {"applications", applications}};
  return out.dump() + "\n";
}

}  // namespace competition

#include "render/render_sensitivity.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "base/text.hpp"
#include "formats/csv_writer.hpp"
#include "render/markdown_table.hpp"
#include "render/number_style.hpp"
#include "render/reason_words.hpp"
#include "render/sensitivity_words.hpp"
#include "render/text_table.hpp"
#include "render/words.hpp"
#include "values/application_index.hpp"

namespace competition {

namespace {

struct SensitivityWords {
  const char* title;  // round id, title
  const char* scenarios;
  const char* no_scenarios;
  const char* skipped;  // scenario, decision numbers
  const char* labels;
  const char* applications;
  const char* id;
  const char* organisation;
  const char* status;
  const char* award;
  const char* label;
  const char* funded_in;
  const char* of;  // funded_in, of
  const char* flips;
};

constexpr PerLang<SensitivityWords> sensitivity_words{
    .uk = {.title = "Чутливість розподілу конкурсу {} «{}»",
           .scenarios = "Сценарії",
           .no_scenarios = "немає",
           .skipped = "у сценарії «{}» не застосовано рішення комісії №{}",
           .labels = "Висновки",
           .applications = "Заявки",
           .id = "заявка",
           .organisation = "організація",
           .status = "статус",
           .award = "сума",
           .label = "висновок",
           .funded_in = "з коштами",
           .of = "{} з {}",
           .flips = "що змінює"},
    .en = {.title = "Sensitivity of the allocation of round {} “{}”",
           .scenarios = "Scenarios",
           .no_scenarios = "none",
           .skipped = "scenario “{}” cannot apply commission decision no. {}",
           .labels = "Labels",
           .applications = "Applications",
           .id = "id",
           .organisation = "organisation",
           .status = "status",
           .award = "award",
           .label = "label",
           .funded_in = "with money",
           .of = "{} of {}",
           .flips = "changed by"},
};

// Text tables only: long names are cut so that a row fits a terminal.
constexpr std::size_t text_name_width = 40;

// What the text and Markdown forms show, in words.
struct People {
  std::string title;
  std::string scenarios;
  std::vector<std::string> skipped;
  std::string labels;
  std::string applications_title;
  std::vector<std::string> header;
  std::string align = "lllrllll";
  std::function<void(std::size_t, TextRow&, std::size_t)> row;
};

People people(const SensitivityView& v, Lang lang, const StringIndex<const Application*>& apps) {
  const SensitivityWords& w = sensitivity_words[lang];
  People p;
  p.title = fmt::format(fmt::runtime(w.title), v.rules.id, v.rules.title);
  std::vector<std::string> ids;
  for (const auto& s : v.sensitivity.scenarios) ids.push_back(s.id);
  p.scenarios = fmt::format("{} ({}): {}", w.scenarios, ids.size(),
                            ids.empty() ? std::string(w.no_scenarios) : scenarios_in_words(ids, lang));
  for (const auto& s : v.sensitivity.scenarios)
    if (!s.skipped.empty()) {
      p.skipped.push_back(
          fmt::format(fmt::runtime(w.skipped), scenario_in_words(s.id, lang), decision_numbers(s.skipped)));
    }
  int count[4] = {0, 0, 0, 0};
  for (const auto& a : v.sensitivity.applications) ++count[static_cast<int>(a.label)];
  p.labels = w.labels + std::string(": ");
  for (int l = 0; l < 4; ++l)
    p.labels += fmt::format("{}{} {}", l ? ", " : "", label_in_words(static_cast<SensitivityLabel>(l), lang), count[l]);
  p.applications_title = w.applications;
  p.header = {w.id, w.organisation, w.status, w.award, w.label, w.funded_in, w.flips, margin_heading(v.rules, lang)};
  p.row = [&v, &apps, lang, &w](std::size_t i, TextRow& row, std::size_t name_width) {
    const SensitivityLine& l = v.sensitivity.applications[i];
    row.cell(l.id);
    const Application* a = find_application(apps, l.id);
    std::string_view name = a ? std::string_view(a->organisation) : std::string_view();
    if (name_width)
      row.clipped(name, name_width);
    else
      row.cell(name);
    row.cell(award_status_in_words(l.status, lang));
    row.cell(money_text(l.award, lang));
    row.cell(label_in_words(l.label, lang));
    row.cell(fmt::format(fmt::runtime(w.of), l.funded_in, l.of));
    row.cell(scenarios_in_words(l.flips, lang));
    row.cell(margin_in_words(l.margin, v.rules));
  };
  return p;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : "|") + s;
  return out;
}

}  // namespace

// docs/cli.md "sensitivity", text.
void render_sensitivity_text(OutputSink& out, const SensitivityView& v, Lang lang) {
  const auto apps = applications_by_id(v.applications);
  People p = people(v, lang, apps);
  out += p.title + "\n" + p.scenarios + "\n";
  for (const auto& s : p.skipped) out += s + "\n";
  out += p.labels + "\n\n" + p.applications_title + ":\n";
  TextTable t;
  t.header(p.header, p.align);
  t.render(out, v.sensitivity.applications.size(),
           [&p](std::size_t i, TextRow& row) { p.row(i, row, text_name_width); });
}

// docs/cli.md "sensitivity", md: the same as a Markdown document.
void render_sensitivity_md(OutputSink& out, const SensitivityView& v, Lang lang) {
  const auto apps = applications_by_id(v.applications);
  People p = people(v, lang, apps);
  out += "# " + md_cell(p.title) + "\n\n" + md_cell(p.scenarios) + "\n";
  for (const auto& s : p.skipped) out += "\n" + md_cell(s) + "\n";
  out += "\n" + md_cell(p.labels) + "\n\n## " + md_cell(p.applications_title) + "\n\n";
  render_md_table(out, p.header, p.align, v.sensitivity.applications.size(),
                  [&p](std::size_t i, TextRow& row) { p.row(i, row, 0); });
}

// docs/cli.md "sensitivity", CSV: tokens, flips joined with `|`.
void render_sensitivity_csv(OutputSink& out, const SensitivityView& v, bool excel) {
  CsvWriter w(CsvStyle::people(excel), out);
  for (const char* h : {"id", "status", "award", "label", "funded_in", "of", "flips", "margin_steps", "margin_reviewer",
                        "margin_criterion", "margin_direction"})
    w.text(h);
  w.end_row();
  for (const auto& l : v.sensitivity.applications) {
    w.text(l.id).text(to_string(l.status)).number(l.award.to_string()).text(to_string(l.label));
    w.integer(l.funded_in).integer(l.of).text(joined(l.flips));
    if (l.margin) {
      w.integer(l.margin->steps);
      if (l.margin->reviewer)
        w.text(*l.margin->reviewer);
      else
        w.empty();
      if (l.margin->criterion)
        w.text(*l.margin->criterion);
      else
        w.empty();
      w.text(l.margin->down ? "down" : "up");
    } else {
      w.empty().empty().empty().empty();
    }
    w.end_row();
  }
}

// docs/cli.md "sensitivity", JSON.
void render_sensitivity_json(OutputSink& out, const SensitivityView& v) {
  using json = nlohmann::ordered_json;
  json doc;
  doc["round"] = v.sensitivity.round;
  doc["scenarios"] = json::array();
  for (const auto& s : v.sensitivity.scenarios) doc["scenarios"].push_back({{"id", s.id}, {"skipped", s.skipped}});
  doc["applications"] = json::array();
  for (const auto& l : v.sensitivity.applications) {
    json a;
    a["id"] = l.id;
    a["status"] = to_string(l.status);
    a["award"] = l.award.to_string();
    a["funded_in"] = l.funded_in;
    a["of"] = l.of;
    a["label"] = to_string(l.label);
    a["flips"] = l.flips;
    if (l.margin)
      a["margin"] = {{"steps", l.margin->steps},
                     {"reviewer", l.margin->reviewer ? json(*l.margin->reviewer) : json(nullptr)},
                     {"criterion", l.margin->criterion ? json(*l.margin->criterion) : json(nullptr)},
                     {"direction", l.margin->down ? "down" : "up"}};
    else
      a["margin"] = nullptr;
    doc["applications"].push_back(std::move(a));
  }
  out += doc.dump();
  out += "\n";
}

}  // namespace competition

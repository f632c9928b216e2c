#include "render_score.hpp"

#include <fmt/format.h>

#include <map>
#include <unordered_map>
#include <nlohmann/json.hpp>

#include "csv_writer.hpp"
#include "reason_words.hpp"
#include "text_table.hpp"

namespace competition {

namespace {

constexpr const char* dash = "—";

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

// Scores and totals for people: `51.50` in English, `51,50` in Ukrainian.
std::string shown(const Rational& v, bool english, int places = 2) {
  return english ? v.to_fixed(places) : v.to_fixed_ukrainian(places);
}

// Weights and thresholds as written in the rules (`0.5`, Ukrainian `0,5`).
std::string shown_decimal(const Rational& v, bool english) {
  std::string s = v.to_decimal(4);
  if (!english)
    for (auto& c : s)
      if (c == '.') c = ',';
  return s;
}

std::string status_in_words(ScoreStatus s, bool english) {
  switch (s) {
    case ScoreStatus::ranked:
      return english ? "ranked" : "у рейтингу";
    case ScoreStatus::rejected:
      return english ? "rejected" : "відхилено";
    case ScoreStatus::incomplete:
      return english ? "incomplete" : "не оцінено";
  }
  return std::string(to_string(s));
}

// Views into `applications` (which outlive it), hashed: a national round looks
// up 100 000s of names.
std::unordered_map<std::string_view, std::string_view> organisations(const std::vector<Application>& applications) {
  std::unordered_map<std::string_view, std::string_view> out;
  out.reserve(applications.size());
  for (const auto& a : applications) out.emplace(a.id, a.organisation);  // the first of an id, as before
  return out;
}

// Text tables only: long names are cut to `width` characters with `…`, so that a
// row fits a terminal; the Markdown, CSV and JSON forms keep the full name.
std::string clip(const std::string& s, std::size_t width) {
  if (display_width(s) <= width) return s;
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == width - 1) break;
  }
  return s.substr(0, i) + "…";
}

constexpr std::size_t text_name_width = 40;

bool by_votes(const Rules& rules) { return rules.source == ScoreSource::votes; }

// The content shared by the text and Markdown forms.
struct PeopleTable {
  std::string title;
  std::vector<std::string> header;
  std::string align;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> criteria;  // legend lines, one per criterion
  std::string method;                 // how the scores were combined
  std::string summary;
};

PeopleTable people_table(const Rules& rules, const std::vector<Application>& applications, const ScoreResult& result,
                         bool en) {
  PeopleTable t;
  t.title = en ? fmt::format("Ranking of round {} “{}”", rules.id, rules.title)
               : fmt::format("Рейтинг конкурсу {} «{}»", rules.id, rules.title);
  bool votes = by_votes(rules);
  t.header = {en ? "rank" : "№", en ? "id" : "заявка", en ? "organisation" : "організація",
              votes ? (en ? "votes" : "голоси") : (en ? "total" : "сума")};
  t.align = "rllr";
  for (const auto& c : rules.criteria) {
    t.header.push_back(c.id);
    t.align += 'r';
  }
  if (!votes) {
    t.header.push_back(en ? "reviews" : "оцінок");
    t.align += 'r';
  }
  // Flags before reasons: reasons are the longest cells, so they go last. Votes
  // have no criteria, hence no spread flags and no column for them.
  t.header.push_back(en ? "status" : "статус");
  if (!votes) t.header.push_back(en ? "flags" : "позначки");
  t.header.push_back(en ? "reasons" : "причини");
  t.align += votes ? "ll" : "lll";

  auto names = organisations(applications);
  int ranked = 0, rejected = 0, incomplete = 0;
  for (const auto& a : result.applications) {
    ++(a.status == ScoreStatus::ranked ? ranked : a.status == ScoreStatus::rejected ? rejected : incomplete);
    std::vector<std::string> row;
    row.push_back(a.rank ? std::to_string(*a.rank) : dash);
    row.push_back(a.id);
    auto it = names.find(a.id);
    row.push_back(it == names.end() ? "" : std::string(it->second));
    row.push_back(a.total ? shown(*a.total, en, votes ? 0 : 2) : dash);
    for (std::size_t i = 0; i < rules.criteria.size(); ++i)
      row.push_back(i < a.criteria.size() ? shown(a.criteria[i], en) : dash);
    if (!votes) row.push_back(std::to_string(a.reviews));
    row.push_back(status_in_words(a.status, en));
    std::vector<std::string> reasons, flags;
    for (const auto& r : a.reasons) reasons.push_back(reason_in_words(rules, r, en));
    for (const auto& f : a.flags) flags.push_back(flag_in_words(rules, f, en));
    if (!votes) row.push_back(join(flags, "; "));
    row.push_back(join(reasons, "; "));
    t.rows.push_back(std::move(row));
  }

  for (const auto& c : rules.criteria) {
    std::string line = fmt::format("{} — {}, {} {}", c.id, c.name, en ? "weight" : "вага", shown_decimal(c.weight, en));
    if (c.threshold) line += fmt::format(", {} {}", en ? "threshold" : "поріг", shown_decimal(*c.threshold, en));
    t.criteria.push_back(std::move(line));
  }
  if (votes) {
    t.method = en ? "Ranked by public votes." : "Рейтинг за голосами мешканців.";
  } else {
    std::string how;
    switch (rules.aggregate) {
      case Aggregate::mean:
        how = en ? "mean" : "середнє";
        break;
      case Aggregate::median:
        how = en ? "median" : "медіана";
        break;
      case Aggregate::trimmed_mean:
        how = en ? "trimmed mean" : "усічене середнє";
        break;
    }
    t.method =
        en ? fmt::format("Criterion score: {} of the valid reviews; total = Σ weight × score; reviews needed: {}", how,
                         rules.min_reviews)
           : fmt::format("Оцінка за критерієм: {} дійсних оцінок; сума = Σ вага × оцінка; потрібно оцінок: {}", how,
                         rules.min_reviews);
    if (rules.pass_total)
      t.method += fmt::format("; {} {}", en ? "pass mark" : "прохідний бал", shown_decimal(*rules.pass_total, en));
    if (rules.max_spread)
      t.method += fmt::format("; {} {}", en ? "spread flagged above" : "розкид позначається понад",
                              shown_decimal(*rules.max_spread, en));
    t.method += ".";
  }
  t.summary = en ? fmt::format("Ranked: {}; rejected: {}; incomplete: {}.", ranked, rejected, incomplete)
                 : fmt::format("У рейтингу: {}; відхилено: {}; не оцінено: {}.", ranked, rejected, incomplete);
  return t;
}

// A Markdown table cell: no line breaks, and the characters that would end the
// cell or start formatting escaped.
std::string md_cell(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (c == '\\' || c == '|' || c == '*' || c == '_' || c == '`' || c == '<' || c == '[' || c == ']') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

// cli.md "score", text: a header line, the aligned table, the criteria legend.
std::string render_score_text(const Rules& rules, const std::vector<Application>& applications,
                              const ScoreResult& result, bool english) {
  PeopleTable t = people_table(rules, applications, result, english);
  std::string out = t.title + "\n\n";
  if (t.rows.empty()) {
    out += english ? "No applications.\n" : "Заявок немає.\n";
  } else {
    TextTable table;
    table.header(t.header, t.align);
    for (auto& r : t.rows) {
      r[2] = clip(r[2], text_name_width);
      table.row(std::move(r));
    }
    out += table.render();
  }
  out += "\n";
  if (!t.criteria.empty()) {
    out += english ? "Criteria:\n" : "Критерії:\n";
    for (const auto& c : t.criteria) out += "  " + c + "\n";
  }
  out += t.method + "\n" + t.summary + "\n";
  return out;
}

// cli.md "score", md: the same content as a Markdown document.
std::string render_score_md(const Rules& rules, const std::vector<Application>& applications, const ScoreResult& result,
                            bool english) {
  PeopleTable t = people_table(rules, applications, result, english);
  std::string out = "# " + md_cell(t.title) + "\n\n";
  if (t.rows.empty()) {
    out += english ? "No applications.\n" : "Заявок немає.\n";
  } else {
    auto line = [](const std::vector<std::string>& cells) {
      std::string s = "|";
      for (const auto& c : cells) s += " " + md_cell(c) + " |";
      return s + "\n";
    };
    out += line(t.header);
    std::string rule = "|";
    for (char a : t.align) rule += a == 'r' ? " ---: |" : " --- |";
    out += rule + "\n";
    for (const auto& r : t.rows) out += line(r);
  }
  out += "\n";
  if (!t.criteria.empty()) {
    out += english ? "Criteria:\n\n" : "Критерії:\n\n";
    for (const auto& c : t.criteria) out += "- " + md_cell(c) + "\n";
    out += "\n";
  }
  out += md_cell(t.method) + "\n\n" + md_cell(t.summary) + "\n";
  return out;
}

// cli.md "score", CSV: machine tokens, lists joined with `|`, numbers with `.`
// (decimal comma and `;` with --excel), text cells neutralised against formulas.
std::string render_score_csv(const Rules& rules, const std::vector<Application>& applications,
                             const ScoreResult& result, bool excel) {
  CsvWriter w(CsvStyle::people(excel));
  for (const char* h : {"rank", "id", "organisation", "status", "total"}) w.text(h);
  for (const auto& c : rules.criteria) w.text(c.id);
  for (const char* h : {"reviews", "flags", "reasons"}) w.text(h);
  w.end_row();
  auto names = organisations(applications);
  for (const auto& a : result.applications) {
    if (a.rank)
      w.number(std::to_string(*a.rank));
    else
      w.empty();
    w.text(a.id);
    auto it = names.find(a.id);
    w.text(it == names.end() ? "" : it->second);
    w.text(to_string(a.status));
    if (a.total)
      w.number(a.total->to_fixed(2));
    else
      w.empty();
    for (std::size_t i = 0; i < rules.criteria.size(); ++i) {
      if (i < a.criteria.size())
        w.number(a.criteria[i].to_fixed(2));
      else
        w.empty();
    }
    w.number(std::to_string(a.reviews));
    w.text(join(a.flags, "|"));
    w.text(join(a.reasons, "|"));
    w.end_row();
  }
  return w.str();
}

// cli.md "score", JSON: one object, keys in the order cli.md shows.
std::string render_score_json(const Rules& rules, const ScoreResult& result) {
  using json = nlohmann::ordered_json;
  json apps = json::array();
  for (const auto& a : result.applications) {
    json criteria = json::object();
    for (std::size_t i = 0; i < a.criteria.size() && i < rules.criteria.size(); ++i)
      criteria[rules.criteria[i].id] = a.criteria[i].to_fixed(2);
    json o;
    o["id"] = a.id;
    o["rank"] = a.rank ? json(*a.rank) : json(nullptr);
    o["status"] = std::string(to_string(a.status));
    o["total"] = a.total ? json(a.total->to_fixed(2)) : json(nullptr);
    o["criteria"] = std::move(criteria);
    o["reviews"] = a.reviews;
    o["flags"] = a.flags;
    o["reasons"] = a.reasons;
    apps.push_back(std::move(o));
  }
  json out;
  out["round"] = rules.id;
  out["applications"] = std::move(apps);
  return out.dump() + "\n";
}

}  // namespace competition

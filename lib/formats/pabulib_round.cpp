#include "formats/pabulib_round.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/text.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_round_id{.uk = "\"{}\" — неприпустимий id конкурсу (1–64 символи з a-z 0-9 . _ -)",
                                          .en = "\"{}\" is not a valid round id (1-64 characters of a-z 0-9 . _ -)"};
constexpr PerLang<const char*> w_no_round_id{.uk = "з назви файлу не видно id конкурсу; вкажіть його через --round",
                                             .en = "the file name gives no round id; give one with --round"};
constexpr PerLang<const char*> w_year{.uk = "{} — неправдоподібний рік (очікується від 1900 до 2200)",
                                      .en = "{} is not a plausible year (expected 1900 to 2200)"};
constexpr PerLang<const char*> w_no_year{.uk =
                                             "файл не каже, який рік (немає чотирицифрового року в META instance чи "
                                             "date_begin, ані в назві файлу); вкажіть його через --year",
                                         .en =
                                             "the file does not tell the year (no four-digit year in META instance or "
                                             "date_begin, nor in the file name); give it with --year"};
constexpr PerLang<const char*> w_currency{
    .uk = "\"{}\" — не код валюти (очікуються 3 великі латинські літери, наприклад, PLN)",
    .en = "\"{}\" is not a currency code (expected 3 capital letters, e.g. PLN)"};
constexpr PerLang<const char*> w_rule{.uk = "\"{}\" не підтримується (очікується greedy або greedy-no-skip)",
                                      .en = "\"{}\" is not supported (expected greedy or greedy-no-skip)"};
constexpr PerLang<const char*> w_total_column{
    .uk = "у заголовку немає обов’язкового стовпця \"{}\" (vote_type {} ранжує за {})",
    .en = "required column \"{}\" is missing from the header (vote_type {} ranks by {})"};
constexpr PerLang<const char*> w_total_empty{.uk = "не може бути порожнім (vote_type {} ранжує за {})",
                                             .en = "must not be empty (vote_type {} ranks by {})"};

namespace {

bool is_slug_char(char c) {  // [a-z0-9._-], the round id charset of docs/formats.md
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The file's base name without a `.pb` suffix (any ASCII case); empty for standard input.
std::string stem_of(std::string_view file) {
  if (file == "<stdin>") return "";
  if (auto slash = file.rfind('/'); slash != std::string_view::npos) file.remove_prefix(slash + 1);
  if (file.size() > 3 && lower_ascii(file.substr(file.size() - 3)) == ".pb") file.remove_suffix(3);
  return std::string(file);
}

// A TOML basic string: quotes, backslashes and control characters escaped.
std::string toml_string(std::string_view s) {
  std::string out = "\"";
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
    } else {
      out += ch;
    }
  }
  return out + "\"";
}

// Text for a TOML comment: control characters (a line break would end it) become `?`.
std::string comment_text(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return out;
}

std::string json_array(const std::vector<std::string>& names) { return nlohmann::ordered_json(names).dump(); }

// ----- mapping ---------------------------------------------------------------

struct Located {
  const std::string& file;
  std::vector<Diagnostic>& errors;
  void add(int line, int column, std::string field, Message message) {
    if (errors.size() < max_reported_errors)
      errors.push_back(Diagnostic{file, line, column, std::move(field), std::move(message), ErrorKind::invalid});
  }
};

// The META value of a key, trimmed; empty when absent.
std::string meta_value(const PabulibFile& f, std::string_view key) {
  const PabulibMetaEntry* e = f.meta_entry(key);
  return e ? std::string(trim(e->value)) : std::string();
}

}  // namespace

// docs/pabulib.md: "lower-cased and slugged … cut to 64 characters".
std::string pabulib_round_id(std::string_view file) {
  std::string out;
  for (char c : lower_ascii(stem_of(file))) {
    if (is_slug_char(c))
      out += c;
    else if (out.empty() || out.back() != '-')
      out += '-';
  }
  auto first = out.find_first_not_of('-');
  if (first == std::string::npos) return "";
  out = out.substr(first, 64);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string pabulib_source_name(std::string_view file) {
  std::string stem = stem_of(file);
  return stem.empty() ? std::string("<stdin>") : stem + ".pb";
}

// docs/pabulib.md: "the first four-digit year".
std::optional<int> first_year(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_digit(text[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && is_digit(text[j])) ++j;
    if (j - i == 4) {
      int y = std::stoi(std::string(text.substr(i, 4)));
      if (y >= 1900 && y <= 2200) return y;
    }
    i = j;
  }
  return std::nullopt;
}

// docs/pabulib.md and "Rules file".
std::string pabulib_rules_toml(const PabulibRound& r, std::string_view file) {
  std::string source = stem_of(file).empty() ? std::string("standard input") : comment_text(stem_of(file) + ".pb");
  std::string ranked_by = r.vote_type == "approval" ? "votes" : "score";
  return fmt::format(
      "# Generated by `competition import pabulib` from {} (pabulib vote_type = {}).\n"
      "# Each project is an application of its own organisation, ranked by the\n"
      "# file's `{}` column; ties keep the order of the PROJECTS rows. Edit this\n"
      "# text and load it with `competition init` to add eligibility rules or caps.\n"
      "\n"
      "[competition]\n"
      "id = {}\n"
      "title = {}\n"
      "year = {}\n"
      "budget = \"{}\"\n"
      "currency = {}\n"
      "\n"
      "[scoring]\n"
      "source = \"votes\"\n"
      "\n"
      "[allocation]\n"
      "rule = \"{}\"\n"
      "tie_break = [\"input_order\"]\n",
      source, r.vote_type, ranked_by, toml_string(r.id), toml_string(r.title), r.year, r.budget.to_string(),
      toml_string(r.currency), r.rule == AllocationRule::greedy_stop ? "greedy_stop" : "greedy_skip");
}

namespace {

// Round id: --round, else the file name; title: META description, else the
// file name, else the id; year: --year, else META instance, else date_begin,
// else the file name.
void plan_identity(const PabulibFile& f, const PabulibRoundOptions& o, PabulibRound& r, Located& err) {
  std::string stem = stem_of(o.file);
  if (o.round) {
    r.id = *o.round;
    if (r.id.empty() || r.id.size() > 64 || !std::all_of(r.id.begin(), r.id.end(), is_slug_char))
      err.add(0, 0, "--round", say(w_round_id, r.id));
  } else {
    r.id = pabulib_round_id(o.file);
    if (r.id.empty()) err.add(0, 0, "--round", say(w_no_round_id));
  }

  std::string description = meta_value(f, "description");
  r.title = !description.empty() ? description : !stem.empty() ? stem : r.id;

  if (o.year) {
    r.year = *o.year;
    if (r.year < 1900 || r.year > 2200) err.add(0, 0, "--year", say(w_year, r.year));
  } else if (auto y = first_year(meta_value(f, "instance"))) {
    r.year = *y;
  } else if (auto y2 = first_year(meta_value(f, "date_begin"))) {
    r.year = *y2;
  } else if (auto y3 = first_year(stem)) {
    r.year = *y3;
  } else {
    err.add(0, 0, "--year", say(w_no_year));
  }
}

// Currency, budget, vote type and allocation rule, and the META and section
// headers kept as written.
void plan_terms(const PabulibFile& f, PabulibRound& r, Located& err) {
  if (const PabulibMetaEntry* e = f.meta_entry("currency"); e && !trim(e->value).empty()) {
    std::string c(trim(e->value));
    if (c.size() != 3 || !std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
      err.add(e->line, 2, "META currency", say(w_currency, c));
    else
      r.currency = c;
  }

  r.budget = f.budget;
  r.vote_type = f.vote_type;
  std::string rule = lower_ascii(f.rule);
  if (rule == "greedy") {
    r.rule = AllocationRule::greedy_skip;
  } else if (rule == "greedy-no-skip") {
    r.rule = AllocationRule::greedy_stop;
  } else {
    const PabulibMetaEntry* e = f.meta_entry("rule");
    err.add(e ? e->line : f.meta_line, 2, "META rule", say(w_rule, f.rule));
  }

  nlohmann::ordered_json meta = nlohmann::ordered_json::object();
  for (const auto& e : f.meta) meta[e.key] = e.value;
  r.meta = meta.dump();
  r.projects_header = json_array(f.projects.header);
  r.project_id_column = f.projects.column("project_id") + 1;
  r.votes_header = json_array(f.votes.header);
}

// Projects: the vote total comes from `score` for ordinal, cumulative and
// scoring ballots, else from `votes`.
void plan_projects(const PabulibFile& f, PabulibRound& r, Located& err) {
  r.total_column = r.vote_type == "approval" ? "votes" : "score";
  const std::string& total_column = r.total_column;
  int c_total = f.projects.column(total_column);
  std::string field = "PROJECTS " + total_column;
  if (c_total < 0)
    err.add(f.projects.header_line, 0, field, say(w_total_column, total_column, r.vote_type, total_column));
  r.projects.reserve(f.projects.rows.size());
  for (std::size_t i = 0; i < f.projects.rows.size() && i < f.project_values.size(); ++i) {
    const PabulibRow& row = f.projects.rows[i];
    const PabulibProject& p = f.project_values[i];
    PabulibRoundProject rp;
    rp.line = row.line;
    Application& a = rp.application;
    a.id = p.id;
    a.organisation = p.id;
    a.sector = Sector::ngo;
    a.title = p.name.empty() ? p.id : p.name;
    // pabulib lists several categories separated by commas; lots match one.
    a.category = std::string(trim(std::string_view(p.category).substr(0, p.category.find(','))));
    a.requested = p.cost;
    a.votes = total_column == "votes" ? p.votes : p.score;
    a.input_order = static_cast<std::int64_t>(i) + 1;
    if (c_total >= 0 && !a.votes) err.add(row.line, c_total + 1, field, say(w_total_empty, r.vote_type, total_column));
    rp.selected = p.selected;
    nlohmann::ordered_json cells = nlohmann::ordered_json::object();
    for (std::size_t c = 0; c < f.projects.header.size(); ++c) cells[f.projects.header[c]] = row.fields[c];
    rp.cells = cells.dump();
    r.projects.push_back(std::move(rp));
  }
}

// Ballots: voter, vote and points as written, the other columns kept as JSON.
void plan_ballots(const PabulibFile& f, PabulibRound& r) {
  const int c_voter = f.votes.column("voter_id"), c_vote = f.votes.column("vote"), c_points = f.votes.column("points");
  r.ballots.reserve(f.votes.rows.size());
  for (std::size_t i = 0; i < f.votes.rows.size() && c_voter >= 0 && c_vote >= 0; ++i) {
    const PabulibRow& row = f.votes.rows[i];
    PabulibRoundBallot b;
    b.voter_id = std::string(trim(row.fields[static_cast<std::size_t>(c_voter)]));
    b.vote = row.fields[static_cast<std::size_t>(c_vote)];
    if (c_points >= 0) b.points = row.fields[static_cast<std::size_t>(c_points)];
    nlohmann::ordered_json extra = nlohmann::ordered_json::object();
    for (std::size_t c = 0; c < f.votes.header.size(); ++c) {
      auto k = static_cast<int>(c);
      if (k != c_voter && k != c_vote && k != c_points) extra[f.votes.header[c]] = row.fields[c];
    }
    b.extra = extra.dump();
    r.ballots.push_back(std::move(b));
  }
}

}  // namespace

// docs/pabulib.md: the mapping of an instance onto a round.
PabulibRound plan_pabulib_round(const PabulibFile& f, const PabulibRoundOptions& o, std::vector<Diagnostic>& errors) {
  Located err{o.file, errors};
  PabulibRound r;
  plan_identity(f, o, r, err);
  plan_terms(f, r, err);
  plan_projects(f, r, err);
  plan_ballots(f, r);
  if (errors.empty()) r.rules_text = pabulib_rules_toml(r, o.file);
  return r;
}

}  // namespace competition

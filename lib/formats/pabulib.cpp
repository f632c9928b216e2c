#include "formats/pabulib.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <unordered_map>

#include "base/text.hpp"
#include "formats/csv_reader.hpp"
#include "formats/encoding.hpp"
#include "values/common_words.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_negative{.uk = "\"{}\" — від’ємне (очікується {})",
                                          .en = "\"{}\" is negative (expected {})"};
constexpr PerLang<const char*> w_too_large{.uk = "\"{}\" — завелике: щонайбільше {} цифр (очікується {})",
                                           .en = "\"{}\" is too large: at most {} digits (expected {})"};
constexpr PerLang<const char*> w_not_whole{.uk = "\"{}\" — не невід’ємне ціле число (очікується {})",
                                           .en = "\"{}\" is not a non-negative whole number (expected {})"};
constexpr PerLang<const char*> w_eg_count{.uk = "ціле число, наприклад, 120", .en = "e.g. 120"};
constexpr PerLang<const char*> w_points_range{.uk = "ціле число від 0 до 999999999",
                                              .en = "a whole number from 0 to 999999999"};
constexpr PerLang<const char*> w_section_twice{.uk = "розділ трапляється двічі (уперше в рядку {})",
                                               .en = "the section appears twice (first on line {})"};
constexpr PerLang<const char*> w_section_first{
    .uk = "перед будь-якими даними очікується назва розділу (META, PROJECTS або VOTES)",
    .en = "expected a section name (META, PROJECTS or VOTES) before any data"};
constexpr PerLang<const char*> w_width{.uk = "у записі полів: {0}, а в заголовку: {1} (перевірте лапки й роздільники)",
                                       .en = "{} fields, but the header has {} (check quoting and delimiters)"};
constexpr PerLang<const char*> w_meta_header{.uk = "заголовок має бути \"key;value\"",
                                             .en = "the header must be \"key;value\""};
constexpr PerLang<const char*> w_empty_column{.uk = "порожня назва стовпця в заголовку",
                                              .en = "empty column name in the header"};
constexpr PerLang<const char*> w_column_twice{.uk = "стовпець \"{}\" двічі трапляється в заголовку",
                                              .en = "column \"{}\" appears twice in the header"};
constexpr PerLang<const char*> w_duplicate_key{.uk = "повторний ключ \"{}\" (уперше в рядку {})",
                                               .en = "duplicate key \"{}\" (first on line {})"};
constexpr PerLang<const char*> w_required_key{.uk = "немає обов’язкового ключа \"{}\"",
                                              .en = "required key \"{}\" is missing"};
constexpr PerLang<const char*> w_vote_type{
    .uk = "\"{}\" — не тип голосування pabulib (очікується approval, ordinal, cumulative або scoring)",
    .en = "\"{}\" is not a pabulib vote type (expected approval, ordinal, cumulative or scoring)"};
constexpr PerLang<const char*> w_bad_id{
    .uk = "\"{}\" — неприпустимий id (очікується 1–64 символи з A-Z a-z 0-9 . _ / -)",
    .en = "\"{}\" is not a valid id (expected 1-64 characters of A-Z a-z 0-9 . _ / -)"};
constexpr PerLang<const char*> w_duplicate_id{.uk = "повторний id \"{}\" (уперше в рядку {})",
                                              .en = "duplicate id \"{}\" (first on line {})"};
constexpr PerLang<const char*> w_duplicate_voter{.uk = "повторний виборець \"{}\" (уперше в рядку {})",
                                                 .en = "duplicate voter \"{}\" (first on line {})"};
constexpr PerLang<const char*> w_empty_project{
    .uk = "\"{}\" містить порожній id проєкту (очікуються id через кому)",
    .en = "\"{}\" has an empty project id (expected ids separated by commas)"};
constexpr PerLang<const char*> w_project_twice{.uk = "проєкт \"{}\" двічі вказано в бюлетені",
                                               .en = "project \"{}\" is listed twice in the ballot"};
constexpr PerLang<const char*> w_unknown_project{.uk = "невідомий проєкт \"{}\" (немає в PROJECTS)",
                                                 .en = "unknown project \"{}\" (not in PROJECTS)"};
constexpr PerLang<const char*> w_points_count{
    .uk = "значень: {}, а проєктів у vote: {} (очікується одне значення на проєкт)",
    .en = "{} values for {} projects in vote (expected one value per project)"};
constexpr PerLang<const char*> w_must_utf8{.uk = "файл pabulib має бути в UTF-8", .en = "a pabulib file must be UTF-8"};
constexpr PerLang<const char*> w_empty_file{.uk = "порожній файл (очікуються розділи META, PROJECTS і VOTES)",
                                            .en = "empty file (expected the sections META, PROJECTS and VOTES)"};
constexpr PerLang<const char*> w_no_section{
    .uk = "немає розділу (файл pabulib має розділи META, PROJECTS і VOTES)",
    .en = "the section is missing (a pabulib file has the sections META, PROJECTS and VOTES)"};
constexpr PerLang<const char*> w_no_header{.uk = "розділ не має рядка заголовків",
                                           .en = "the section has no header row"};

namespace {

enum class Section { none, meta, projects, votes, skipped };

std::string_view section_name(Section s) {
  switch (s) {
    case Section::meta:
      return "META";
    case Section::projects:
      return "PROJECTS";
    case Section::votes:
      return "VOTES";
    case Section::none:
    case Section::skipped:
      break;
  }
  return "";
}

// A record that holds only a section's name (trailing empty fields allowed):
// pabulib's own readers compare the first field trimmed and ignoring case.
Section section_of(const CsvRecord& rec) {
  for (std::size_t i = 1; i < rec.fields.size(); ++i)
    if (!trim(rec.fields[i]).empty()) return Section::none;
  std::string name = lower_ascii(trim(rec.fields[0]));
  if (name == "meta") return Section::meta;
  if (name == "projects") return Section::projects;
  if (name == "votes") return Section::votes;
  return Section::none;
}

// Collects diagnostics, keeping the first max_reported_errors.
struct Collector {
  const std::string& file;
  std::vector<Diagnostic>& out;
  void add(int line, int column, std::string field, Message message) {
    if (out.size() < max_reported_errors)
      out.push_back(Diagnostic{file, line, column, std::move(field), std::move(message), ErrorKind::invalid});
  }
};

bool valid_project_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 &&
         id.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._/-") ==
             std::string_view::npos;
}

inline constexpr std::size_t max_points_digits = 9;

// A non-negative whole number of at most 15 digits (votes, scores, `selected`).
std::optional<std::int64_t> whole_number(std::string_view s) {
  if (s.empty() || s.size() > 15 || s.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// Why `s` is not a whole number of at most `digits` digits (names it too large
// or negative), or "" when it is one.
Message whole_number_problem(std::string_view s, std::size_t digits, const PerLang<const char*>& expected) {
  const bool minus = !s.empty() && s.front() == '-';
  std::string_view d = minus ? s.substr(1) : s;
  const bool all_digits = !d.empty() && d.find_first_not_of("0123456789") == std::string_view::npos;
  if (all_digits && minus && d.find_first_not_of('0') != std::string_view::npos) return say(w_negative, s, expected);
  if (all_digits && !minus && s.size() > digits) return say(w_too_large, s, digits, expected);
  if (!all_digits || minus) return say(w_not_whole, s, expected);
  return "";
}

std::vector<std::string_view> split_list(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t p = s.find(',', start);
    out.push_back(trim(s.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start)));
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

// Splits the decoded text into the three sections (syntax only).
struct SectionSplitter {
  PabulibFile& f;
  Collector& errors;
  Section current = Section::none;
  bool expect_header = false;
  bool reported_orphan = false;
  bool projects_incomplete = false;  // a PROJECTS row was dropped: ballots cannot be checked against it

  PabulibSection* target(Section s) {
    return s == Section::projects ? &f.projects : s == Section::votes ? &f.votes : nullptr;
  }
  int& line_of(Section s) { return s == Section::meta ? f.meta_line : target(s)->line; }

  void record(const CsvRecord& rec) {
    if (Section s = section_of(rec); s != Section::none) {
      int& first = line_of(s);
      if (first != 0) {
        errors.add(rec.line, 1, std::string(section_name(s)), say(w_section_twice, first));
        current = Section::skipped;
      } else {
        first = rec.line;
        current = s;
        expect_header = true;
      }
      return;
    }
    if (current == Section::skipped) return;
    if (current == Section::none) {
      if (!reported_orphan) errors.add(rec.line, 1, "", say(w_section_first));
      reported_orphan = true;
      return;
    }
    std::string sec(section_name(current));
    if (expect_header) {
      expect_header = false;
      header(rec, sec);
      return;
    }
    std::size_t columns = current == Section::meta ? 2 : target(current)->header.size();
    if (rec.fields.size() != columns) {
      projects_incomplete = projects_incomplete || current == Section::projects;
      errors.add(rec.line, static_cast<int>(std::min(rec.fields.size(), columns)) + 1, sec,
                 say(w_width, rec.fields.size(), columns));
      return;
    }
    if (current == Section::meta)
      f.meta.push_back(PabulibMetaEntry{std::string(trim(rec.fields[0])), rec.fields[1], rec.line});
    else
      target(current)->rows.push_back(PabulibRow{rec.line, rec.fields});
  }

  void header(const CsvRecord& rec, const std::string& sec) {
    if (current == Section::meta) {
      f.meta_header_line = rec.line;
      if (rec.fields.size() != 2 || lower_ascii(trim(rec.fields[0])) != "key" ||
          lower_ascii(trim(rec.fields[1])) != "value")
        errors.add(rec.line, 1, sec, say(w_meta_header));
      return;
    }
    PabulibSection& s = *target(current);
    s.header_line = rec.line;
    for (std::size_t c = 0; c < rec.fields.size(); ++c) {
      std::string name = normalize_header(rec.fields[c]);
      int col = static_cast<int>(c) + 1;
      if (name.empty())
        errors.add(rec.line, col, sec, say(w_empty_column));
      else if (std::find(s.header.begin(), s.header.end(), name) != s.header.end())
        errors.add(rec.line, col, sec + " " + name, say(w_column_twice, name));
      s.header.push_back(std::move(name));
    }
  }
};

void check_meta(PabulibFile& f, Collector& errors) {
  std::unordered_map<std::string, int> seen;
  for (const auto& e : f.meta) {
    if (e.key.empty()) {
      errors.add(e.line, 1, "META key", say(not_empty_words));
      continue;
    }
    auto [it, fresh] = seen.emplace(lower_ascii(e.key), e.line);
    if (!fresh) errors.add(e.line, 1, "META key", say(w_duplicate_key, e.key, it->second));
  }
  for (std::string_view key : {"budget", "vote_type", "rule"}) {
    const PabulibMetaEntry* e = f.meta_entry(key);
    std::string field = fmt::format("META {}", key);
    if (!e) {
      errors.add(f.meta_line, 0, field, say(w_required_key, key));
      continue;
    }
    auto v = trim(e->value);
    if (v.empty()) {
      errors.add(e->line, 2, field, say(not_empty_words));
    } else if (key == "budget") {
      if (auto m = Money::parse(v); !m)
        errors.add(e->line, 2, field, Money::parse_error(v));
      else if (m->is_zero())
        errors.add(e->line, 2, field, say(above_zero_words));
      else
        f.budget = *m;
    } else if (key == "vote_type") {
      std::string t = lower_ascii(v);
      if (t != "approval" && t != "ordinal" && t != "cumulative" && t != "scoring")
        errors.add(e->line, 2, field, say(w_vote_type, v));
      else
        f.vote_type = t;
    } else {
      f.rule = std::string(v);
    }
  }
}

// Reports a required column missing from a section's header; true when all are there.
bool require_columns(const PabulibSection& s, std::string_view sec, std::initializer_list<std::string_view> names,
                     Collector& errors) {
  bool ok = true;
  for (auto name : names)
    if (s.column(name) < 0) {
      errors.add(s.header_line, 0, fmt::format("{} {}", sec, name), say(missing_column_words, name));
      ok = false;
    }
  return ok;
}

void check_projects(PabulibFile& f, Collector& errors) {
  const PabulibSection& s = f.projects;
  if (s.header_line == 0 || !require_columns(s, "PROJECTS", {"project_id", "cost"}, errors)) return;
  const int c_id = s.column("project_id"), c_cost = s.column("cost"), c_name = s.column("name"),
            c_category = s.column("category"), c_votes = s.column("votes"), c_score = s.column("score"),
            c_selected = s.column("selected");
  std::unordered_map<std::string, int> seen;
  f.project_values.reserve(s.rows.size());
  for (const auto& row : s.rows) {
    auto err = [&](int c, Message message) {
      errors.add(row.line, c + 1, "PROJECTS " + s.header[static_cast<std::size_t>(c)], std::move(message));
    };
    auto cell = [&](int c) { return c < 0 ? std::string_view{} : trim(row.fields[static_cast<std::size_t>(c)]); };
    PabulibProject p;
    p.id = std::string(cell(c_id));
    if (p.id.empty()) {
      err(c_id, say(not_empty_words));
    } else if (!valid_project_id(p.id)) {
      err(c_id, say(w_bad_id, p.id));
    } else if (auto [it, fresh] = seen.emplace(p.id, row.line); !fresh) {
      err(c_id, say(w_duplicate_id, p.id, it->second));
    }
    auto cost = cell(c_cost);
    if (cost.empty()) {
      err(c_cost, say(money_empty_words));
    } else if (auto m = Money::parse(cost); !m) {
      err(c_cost, Money::parse_error(cost));
    } else if (m->is_zero()) {
      err(c_cost, say(above_zero_words));
    } else {
      p.cost = *m;
    }
    p.name = std::string(cell(c_name));
    p.category = std::string(cell(c_category));
    for (auto [c, target] :
         std::array{std::pair{c_votes, &p.votes}, std::pair{c_score, &p.score}, std::pair{c_selected, &p.selected}}) {
      auto v = cell(c);
      if (v.empty()) continue;
      *target = whole_number(v);
      if (!*target) err(c, whole_number_problem(v, 15, w_eg_count));
    }
    f.project_values.push_back(std::move(p));
  }
}

void check_votes(PabulibFile& f, Collector& errors, bool projects_complete) {
  const PabulibSection& s = f.votes;
  if (s.header_line == 0 || !require_columns(s, "VOTES", {"voter_id", "vote"}, errors)) return;
  // Ballots are checked against the projects only when PROJECTS could be read.
  bool know_projects = projects_complete && f.projects.header_line != 0 &&
                       f.project_values.size() == f.projects.rows.size() && !f.projects.rows.empty();
  std::unordered_map<std::string_view, int> projects;
  if (know_projects)
    for (const auto& p : f.project_values)
      if (!p.id.empty()) projects.emplace(p.id, 0);
  const int c_voter = s.column("voter_id"), c_vote = s.column("vote"), c_points = s.column("points");
  std::unordered_map<std::string, int> seen;
  f.ballots.reserve(s.rows.size());
  for (const auto& row : s.rows) {
    auto err = [&](int c, Message message) {
      errors.add(row.line, c + 1, "VOTES " + s.header[static_cast<std::size_t>(c)], std::move(message));
    };
    auto cell = [&](int c) { return trim(row.fields[static_cast<std::size_t>(c)]); };
    PabulibBallot b;
    b.voter_id = std::string(cell(c_voter));
    if (b.voter_id.empty())
      err(c_voter, say(not_empty_words));
    else if (auto [it, fresh] = seen.emplace(b.voter_id, row.line); !fresh)
      err(c_voter, say(w_duplicate_voter, b.voter_id, it->second));
    auto vote = cell(c_vote);
    std::size_t listed = 0;  // the vote's entries, repeats included
    if (!vote.empty()) {
      for (auto id : split_list(vote)) {
        if (id.empty()) {
          err(c_vote, say(w_empty_project, vote));
          continue;
        }
        ++listed;
        if (std::find(b.projects.begin(), b.projects.end(), id) != b.projects.end()) {
          // docs/pabulib.md: an approval counts once; points or ranks given twice are ambiguous.
          if (f.vote_type == "approval")
            f.repeated_votes.push_back({row.line, b.voter_id, std::string(id)});
          else
            err(c_vote, say(w_project_twice, id));
          continue;
        }
        if (know_projects && !projects.count(id)) err(c_vote, say(w_unknown_project, id));
        b.projects.emplace_back(id);
      }
    }
    if (c_points >= 0) {
      auto points = cell(c_points);
      std::size_t n = points.empty() ? 0 : split_list(points).size();
      if (!points.empty() && n != listed) err(c_points, say(w_points_count, n, listed));
      // docs/formats.md "Limits": points of at most 9 digits keep every
      // project's sum over a 1 GiB file's ballots within 64 bits.
      if (!points.empty())
        for (auto v : split_list(points))
          if (Message problem = whole_number_problem(v, max_points_digits, w_points_range); !problem.empty()) {
            err(c_points, problem);
            break;
          }
    }
    f.ballots.push_back(std::move(b));
  }
}

// RFC 4180 quoting with `;`: only when needed, so that plain files stay plain.
void append_field(std::string& out, std::string_view field) {
  if (field.find_first_of(";\"\r\n") == std::string_view::npos) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_row(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ';';
    append_field(out, fields[i]);
  }
  out += '\n';
}

}  // namespace

int PabulibSection::column(std::string_view name) const {
  auto it = std::find(header.begin(), header.end(), name);
  return it == header.end() ? -1 : static_cast<int>(it - header.begin());
}

const PabulibMetaEntry* PabulibFile::meta_entry(std::string_view key) const {
  std::string k = lower_ascii(key);
  for (const auto& e : meta)
    if (lower_ascii(e.key) == k) return &e;
  return nullptr;
}

// docs/pabulib.md.
PabulibFile read_pabulib(std::string_view bytes, const std::string& file) {
  PabulibFile f;
  Collector errors{file, f.errors};
  std::string text;
  try {
    text = decode_input(bytes, Encoding::utf8, file).text;
  } catch (const Error& e) {
    // The decoder's hint suggests --encoding cp1251, which pabulib files never need.
    auto replace = [](std::string& said, std::string_view from, std::string_view to) {
      if (auto p = said.find(from); p != std::string::npos) said.replace(p, from.size(), to);
    };
    for (auto d : e.diagnostics()) {
      replace(d.message.uk, utf8_hint_words.uk, w_must_utf8.uk);
      replace(d.message.en, utf8_hint_words.en, w_must_utf8.en);
      f.errors.push_back(std::move(d));
    }
    return f;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors.add(1, 0, "", say(w_empty_file));
    return f;
  }
  SectionSplitter splitter{f, errors};
  try {
    CsvReader reader(text, Delimiter::semicolon, file);
    splitter.record(reader.header());
    CsvRecord rec;
    for (;;) {
      try {
        if (!reader.next(rec)) break;
      } catch (const Error& e) {
        // A syntax error ends that record; the reader resumes after its line.
        splitter.projects_incomplete = splitter.projects_incomplete || splitter.current == Section::projects;
        for (const auto& d : e.diagnostics())
          errors.add(d.line, d.column, std::string(section_name(splitter.current)), d.message);
        if (f.errors.size() >= max_reported_errors) break;
        continue;
      }
      splitter.record(rec);
    }
  } catch (const Error& e) {  // a syntax error on the very first line
    for (const auto& d : e.diagnostics()) errors.add(d.line, d.column, "", d.message);
  }
  for (Section s : {Section::meta, Section::projects, Section::votes}) {
    std::string name(section_name(s));
    int line = splitter.line_of(s);
    int header_line = s == Section::meta ? f.meta_header_line : splitter.target(s)->header_line;
    if (line == 0)
      errors.add(0, 0, name, say(w_no_section));
    else if (header_line == 0)
      errors.add(line, 0, name, say(w_no_header));
  }
  if (f.meta_header_line != 0) check_meta(f, errors);
  check_projects(f, errors);
  check_votes(f, errors, !splitter.projects_incomplete);
  std::stable_sort(f.errors.begin(), f.errors.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  return f;
}

// docs/pabulib.md; the inverse of read_pabulib.
std::string write_pabulib(const PabulibFile& f) {
  std::string out = "META\nkey;value\n";
  for (const auto& e : f.meta) append_row(out, {e.key, e.value});
  out += "PROJECTS\n";
  append_row(out, f.projects.header);
  for (const auto& r : f.projects.rows) append_row(out, r.fields);
  out += "VOTES\n";
  append_row(out, f.votes.header);
  for (const auto& r : f.votes.rows) append_row(out, r.fields);
  return out;
}

}  // namespace competition

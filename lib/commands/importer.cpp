#include "commands/importer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>

#include "base/string_index.hpp"
#include "base/text.hpp"
#include "commands/pabulib_import.hpp"
#include "store/bulk_statement.hpp"
#include "store/organisations.hpp"
#include "store/score_store.hpp"
#include "values/dates.hpp"
#include "values/edrpou.hpp"
#include "values/organisation_name.hpp"

namespace competition {

std::optional<ImportKind> parse_import_kind(std::string_view s) {
  if (s == "applications") return ImportKind::applications;
  if (s == "reviewers") return ImportKind::reviewers;
  if (s == "reviews") return ImportKind::reviews;
  if (s == "outcomes") return ImportKind::outcomes;
  if (s == "history") return ImportKind::history;
  if (s == "pabulib") return ImportKind::pabulib;
  return std::nullopt;
}

std::string_view to_string(ImportKind k) {
  switch (k) {
    case ImportKind::applications:
      return "applications";
    case ImportKind::reviewers:
      return "reviewers";
    case ImportKind::reviews:
      return "reviews";
    case ImportKind::outcomes:
      return "outcomes";
    case ImportKind::history:
      return "history";
    case ImportKind::pabulib:
      return "pabulib";
  }
  return "?";
}

namespace {

// Collects the diagnostics of one file, keeping the first 100.
struct Sink {
  std::string file;
  std::vector<Diagnostic> diags;
  bool any_invalid = false;
  long dropped = 0;  // problems found beyond the reporting limit
  void add(int line, int column, std::string field, std::string message, ErrorKind code = ErrorKind::invalid) {
    if (code == ErrorKind::invalid) any_invalid = true;
    if (diags.size() < max_reported_errors)
      diags.push_back(Diagnostic{file, line, column, std::move(field), std::move(message), code});
    else
      ++dropped;
  }
  void merge(Sink& other) {
    for (auto& d : other.diags) add(d.line, d.column, std::move(d.field), std::move(d.message), d.kind);
    dropped += other.dropped;
    any_invalid = any_invalid || other.any_invalid;
  }
};

struct ColumnSpec {
  std::string name;
  bool required;
};

// A cell as echoed in a message: a huge cell (a stray quote can swallow the
// rest of a file into one field) is cut to its first 60 bytes, at a character
// boundary, so that one bad cell cannot flood the terminal.
std::string shown(std::string_view v) {
  constexpr std::size_t limit = 60;
  if (v.size() <= limit + 20) return std::string(v);
  std::size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
  return fmt::format("{}…", v.substr(0, cut));
}

// Maps the header onto the kind's columns; -1 for an absent optional column.
// Unknown columns are errors unless prefixed `x_`; a column named twice is an error.
std::vector<int> map_columns(const std::vector<std::string>& header, const std::vector<ColumnSpec>& specs,
                             int header_line, Sink& sink) {
  std::vector<int> index(specs.size(), -1);
  std::string expected;
  for (const auto& s : specs) expected += (expected.empty() ? "" : ", ") + s.name;
  for (std::size_t c = 0; c < header.size(); ++c) {
    std::string name = normalize_header(header[c]);
    int col = static_cast<int>(c) + 1;
    if (name.rfind("x_", 0) == 0) continue;
    auto it = std::find_if(specs.begin(), specs.end(), [&](const ColumnSpec& s) { return s.name == name; });
    if (it == specs.end()) {
      if (name.empty())
        sink.add(header_line, col, "header",
                 fmt::format("column {} has no name (expected one of: {}; remove the column or name it x_...)", col,
                             expected));
      else
        sink.add(header_line, col, shown(name),
                 fmt::format("unknown column \"{}\" (expected one of: {}; prefix extra columns with x_)",
                             shown(header[c]), expected));
      continue;
    }
    auto k = static_cast<std::size_t>(it - specs.begin());
    if (index[k] >= 0) {
      sink.add(header_line, col, name, fmt::format("column \"{}\" appears twice in the header", name));
      continue;
    }
    index[k] = static_cast<int>(c);
  }
  for (std::size_t k = 0; k < specs.size(); ++k)
    if (specs[k].required && index[k] < 0)
      sink.add(header_line, 0, specs[k].name,
               fmt::format("required column \"{}\" is missing from the header", specs[k].name));
  return index;
}

// One data row being validated: reads cells by column spec index and reports
// problems at the cell's line and column.
struct RowReader {
  const CsvRecord& rec;
  const std::vector<int>& index;
  const std::vector<ColumnSpec>& specs;
  Sink& sink;
  bool ok = true;

  bool present(std::size_t k) const { return index[k] >= 0; }
  int column(std::size_t k) const { return index[k] + 1; }
  int line(std::size_t k) const {
    return index[k] >= 0 && static_cast<std::size_t>(index[k]) < rec.field_lines.size()
               ? rec.field_lines[static_cast<std::size_t>(index[k])]
               : rec.line;
  }
  std::string_view cell(std::size_t k) const {
    return index[k] >= 0 ? trim(rec.fields[static_cast<std::size_t>(index[k])]) : std::string_view{};
  }
  void error(std::size_t k, std::string message, ErrorKind code = ErrorKind::invalid) {
    ok = ok && code != ErrorKind::invalid;
    sink.add(line(k), present(k) ? column(k) : 0, specs[k].name, std::move(message), code);
  }
  std::string text(std::size_t k) {
    auto v = cell(k);
    if (specs[k].required && v.empty()) error(k, "must not be empty");
    return std::string(v);
  }
  // A-Z a-z 0-9 . _ / - (a test per character; find_first_not_of scans the set for each)
  static bool id_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '/' || c == '-';
  }
  std::string id(std::size_t k) {
    auto v = cell(k);
    if (v.empty()) {
      error(k, "must not be empty");
    } else if (v.size() > 64 || !std::all_of(v.begin(), v.end(), id_char)) {
      error(k, fmt::format("\"{}\" is not a valid id (expected 1-64 characters of A-Z a-z 0-9 . _ / -)", shown(v)));
    }
    return std::string(v);
  }
  std::optional<Money> money(std::size_t k) {
    auto v = cell(k);
    if (v.empty()) {
      if (specs[k].required) error(k, "must not be empty (expected an amount such as 12500.00)");
      return std::nullopt;
    }
    auto m = Money::parse(v);
    if (!m) error(k, Money::parse_error(shown(v)));
    return m;
  }
  std::optional<std::int64_t> count(std::size_t k) {
    auto v = cell(k);
    if (v.empty()) {
      if (specs[k].required) error(k, "must not be empty (expected a whole number such as 120)");
      return std::nullopt;
    }
    // Spreadsheets may group thousands: `1 248 667`.
    std::string digits;
    for (char c : v)
      if (c != ' ') digits += c;
    if (digits.empty() || digits.size() > 15 || digits.find_first_not_of("0123456789") != std::string::npos) {
      error(k, fmt::format("\"{}\" is not a non-negative whole number (expected e.g. 120)", shown(v)));
      return std::nullopt;
    }
    return std::stoll(digits);
  }
};

// The records of one file, one at a time, so that a national file is never
// held as records (only its bytes, once: UTF-8 input is not even copied).
// Decodes and reads the header on construction (errors there throw); next()
// yields each record with the header's number of fields and reports CSV syntax
// errors and wrong field counts to `syntax`, stopping once it is full.
class RowStream {
 public:
  RowStream(std::string_view bytes, const ImportOptions& o)
      : o_(o), decoded_(decode_input_view(bytes, o.encoding, o.file)), reader_(decoded_.text(), o.delimiter, o.file) {}
  RowStream(const RowStream&) = delete;
  RowStream& operator=(const RowStream&) = delete;

  const std::vector<std::string>& header() const { return reader_.header().fields; }
  int header_line() const { return reader_.header().line; }

  // The next well-formed record (valid until the next call), or nullptr at the
  // end, or once syntax errors have filled `syntax` (reading stops there).
  const CsvRecord* next(Sink& syntax) {
    const std::size_t width = header().size();
    while (!stopped_) {
      try {
        if (!reader_.next(rec_)) break;
      } catch (const Error& e) {
        // A syntax error ends that record; go on to report the others too.
        for (const auto& d : e.diagnostics()) syntax.add(d.line, d.column, d.field, d.message);
        stopped_ = syntax.diags.size() >= max_reported_errors;
        continue;
      }
      if (o_.progress && (rows_ & 0xFFFF) == 0) o_.progress(reader_.position(), decoded_.text().size());
      if (rec_.fields.size() != width) {
        syntax.add(rec_.line, static_cast<int>(std::min(rec_.fields.size(), width)) + 1, "",
                   fmt::format("{} field{}, but the header has {} (check quoting and delimiters)", rec_.fields.size(),
                               rec_.fields.size() == 1 ? "" : "s", width));
        continue;
      }
      ++rows_;
      return &rec_;
    }
    stopped_ = true;
    return nullptr;
  }

 private:
  const ImportOptions& o_;
  DecodedView decoded_;
  CsvReader reader_;  // reads decoded_: declared after it
  CsvRecord rec_;
  std::size_t rows_ = 0;
  bool stopped_ = false;
};

// Reads the whole file: header and records, every row checked for its field count.
struct ParsedFile {
  std::vector<std::string> header;
  int header_line = 1;
  std::vector<CsvRecord> rows;
};

ParsedFile read_csv(std::string_view bytes, const ImportOptions& o, Sink& sink) {
  RowStream stream(bytes, o);
  ParsedFile pf;
  pf.header = stream.header();
  pf.header_line = stream.header_line();
  while (const CsvRecord* rec = stream.next(sink)) pf.rows.push_back(*rec);
  return pf;
}

// A streamed file's diagnostics, kept apart while reading so that its report
// is the one a read-everything-then-validate pass gives: CSV syntax first, then
// the header, then the rows (the first 100 in that order; import_file sorts
// them by position), and conflicts with stored rows only when nothing is
// invalid. Rows are applied as they are validated until the first invalid
// one; any invalid row discards the counts (the transaction rolls back).
struct StreamSinks {
  Sink syntax, header, rows, conflicts;
  explicit StreamSinks(const std::string& file)
      : syntax{file, {}, false}, header{file, {}, false}, rows{file, {}, false}, conflicts{file, {}, false} {}
  bool any_invalid() const { return syntax.any_invalid || header.any_invalid || rows.any_invalid; }
  void finish(Sink& out, ImportSummary& s) {
    if (any_invalid()) {
      out.merge(syntax);
      out.merge(header);
      out.merge(rows);
      s.added = s.updated = s.unchanged = 0;
    } else {
      out.merge(conflicts);
    }
  }
};

// An id (or an application–reviewer pair, or a year) may appear once per file.
void duplicate_check(std::unordered_map<std::string, int>& seen, const std::string& key, RowReader& r, std::size_t k,
                     std::string_view what) {
  if (key.empty()) return;
  auto [it, fresh] = seen.emplace(key, r.rec.line);
  if (!fresh) r.error(k, fmt::format("duplicate {} (first on line {})", shown(what), it->second));
}

// The same message when `first_line` (the line of the key's first row) is
// known; `what()` builds the description only then, not for every row.
template <class What>
void report_duplicate(int first_line, RowReader& r, std::size_t k, What&& what) {
  r.error(k, fmt::format("duplicate {} (first on line {})", shown(what()), first_line));
}

RoundRecord round_for(Store& store, const ImportOptions& o, bool frozen_after_allocation) {
  RoundRecord round = store.resolve_round(o.round);
  if (frozen_after_allocation && round.stage == Stage::allocated)
    throw Error(ErrorKind::conflict, {Diagnostic{o.file, 0, 0, "",
                                                 fmt::format("round {} is allocated: its {} are frozen by the decision",
                                                             round.id, to_string(o.kind)),
                                                 ErrorKind::conflict}});
  return round;
}

// When inputs that scoring reads change, the stored scores no longer hold.
void invalidate_scores(Store& store, const RoundRecord& round, const ImportSummary& s) {
  if (s.added + s.updated == 0 || round.stage != Stage::scored) return;
  clear_scores(store, round.id);
  store.set_stage(round.id, Stage::open);
}

std::string changed_fields(const std::vector<std::pair<std::string, bool>>& fields) {
  std::string out;
  for (const auto& [name, same] : fields)
    if (!same) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// ----- applications ---------------------------------------------------------

const std::vector<ColumnSpec> application_columns = {{"id", true},
                                                     {"organisation", true},
                                                     {"edrpou", false},
                                                     {"sector", false},
                                                     {"title", true},
                                                     {"category", false},
                                                     {"requested", true},
                                                     {"cofinancing", false},
                                                     {"planned_clients", false},
                                                     {"planned_jobs", false},
                                                     {"planned_volunteers", false},
                                                     {"submitted_at", false},
                                                     {"votes", false}};
enum AppCol {
  a_id,
  a_org,
  a_edrpou,
  a_sector,
  a_title,
  a_category,
  a_requested,
  a_cofinancing,
  a_clients,
  a_jobs,
  a_volunteers,
  a_submitted,
  a_votes
};

struct ParsedApplication {
  Application app;
  int line = 0;
};

// formats.md applications.csv: one row's cells after the id (the id and its
// duplicate check come first, in the caller). No store: shared by the import
// and parse_applications_csv. `round` names the round in messages.
void parse_application_cells(RowReader& r, const Rules& rules, const std::string& round, Application& a) {
  a.organisation = r.text(a_org);
  if (auto e = r.cell(a_edrpou); !e.empty()) {
    if (auto code = normalize_edrpou(e))
      a.edrpou = *code;
    else
      r.error(a_edrpou,
              fmt::format("\"{}\" is not a valid ЄДРПОУ code (expected 8 digits with a valid check digit)", shown(e)));
  }
  if (auto sec = r.cell(a_sector); !sec.empty()) {
    std::string lower(sec);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (auto v = parse_sector(lower))
      a.sector = *v;
    else
      r.error(a_sector, fmt::format("\"{}\" is not a sector (expected ngo, state or business)", shown(sec)));
  }
  a.title = r.text(a_title);
  a.category = std::string(r.cell(a_category));
  if (auto m = r.money(a_requested)) {
    if (m->is_zero()) r.error(a_requested, "must be greater than 0");
    a.requested = *m;
  }
  if (auto m = r.money(a_cofinancing)) a.cofinancing = *m;
  if (auto v = r.count(a_clients)) a.planned_clients = *v;
  if (auto v = r.count(a_jobs)) a.planned_jobs = *v;
  if (auto v = r.count(a_volunteers)) a.planned_volunteers = *v;
  if (auto d = r.cell(a_submitted); !d.empty()) {
    if (auto key = normalize_submitted_at(d)) {
      a.submitted_at = std::string(d);
      a.submitted_key = submitted_key_number(*key).value_or(0);
    } else {
      r.error(a_submitted, submitted_at_error(shown(d)));
    }
  }
  auto votes_cell = r.cell(a_votes);
  if (rules.source == ScoreSource::votes) {
    if (votes_cell.empty())
      r.error(a_votes, "required in a round ranked by votes (expected a whole number)");
    else
      a.votes = r.count(a_votes);
  } else if (!votes_cell.empty()) {
    r.error(a_votes, fmt::format("round {} is scored by reviews; votes are only for rounds ranked by votes", round));
  }
}

// Applies valid application rows as they are read, in file order: compares
// each with the stored row of its id, counts it, and inserts or updates it.
// A fresh round (no applications yet: every first import of a national round)
// has nothing to compare, so it skips the lookups.
class ApplicationWriter {
 public:
  ApplicationWriter(Store& store, const RoundRecord& round, const ImportOptions& o)
      : round_(round),
        o_(o),
        organisations_(store.db()),
        find_(store.db(),
              "SELECT organisation, COALESCE(edrpou, ''), sector, title, category, requested, cofinancing, "
              "planned_clients, planned_jobs, planned_volunteers, submitted_key, votes "
              "FROM applications WHERE round_id = ?1 AND id = ?2"),
        ins_(store.db(),
             "INSERT OR FAIL INTO applications (round_id, id, organisation_id, organisation, edrpou, sector, title, "
             "category, requested, cofinancing, planned_clients, planned_jobs, planned_volunteers, "
             "submitted_at, submitted_key, votes, input_order)",
             17),
        upd_(store.db(),
             "UPDATE applications SET organisation_id=?3, organisation=?4, edrpou=?5, sector=?6, title=?7, "
             "category=?8, requested=?9, cofinancing=?10, planned_clients=?11, planned_jobs=?12, "
             "planned_volunteers=?13, submitted_at=?14, submitted_key=?15, votes=?16 "
             "WHERE round_id=?1 AND id=?2") {
    SQLite::Statement q(store.db(),
                        "SELECT COUNT(*) > 0, COALESCE(MAX(input_order), 0) FROM applications WHERE round_id = ?");
    q.bind(1, round.id);
    q.executeStep();
    fresh_ = q.getColumn(0).getInt() == 0;
    next_order_ = q.getColumn(1).getInt64();
    find_.text(1, round_.id);
    // A fresh round asks SQLite nothing per row but for organisations, which
    // wait for the writer first (OrganisationResolver): rows and new
    // organisations are written while the next rows are read and checked.
    if (fresh_) {
      ins_.write_in_background(background_);
      organisations_.write_in_background(background_);
    }
  }

  void apply(const Application& a, int line, ImportSummary& s, Sink& conflicts) {
    bool update = false;
    if (!fresh_) {
      find_.text(2, a.id);
      if (find_.step()) {
        std::optional<std::int64_t> votes;
        if (!find_.column_null(11)) votes = find_.column_int64(11);
        std::string diff =
            changed_fields({{"organisation", a.organisation == find_.column_text(0)},
                            {"edrpou", a.edrpou == find_.column_text(1)},
                            {"sector", a.sector == parse_sector(find_.column_text(2)).value_or(Sector::ngo)},
                            {"title", a.title == find_.column_text(3)},
                            {"category", a.category == find_.column_text(4)},
                            {"requested", a.requested.kopiykas() == find_.column_int64(5)},
                            {"cofinancing", a.cofinancing.kopiykas() == find_.column_int64(6)},
                            {"planned_clients", a.planned_clients == find_.column_int64(7)},
                            {"planned_jobs", a.planned_jobs == find_.column_int64(8)},
                            {"planned_volunteers", a.planned_volunteers == find_.column_int64(9)},
                            {"submitted_at", a.submitted_key == submitted_key_number(find_.column_text(10))},
                            {"votes", a.votes == votes}});
        find_.reset();
        if (diff.empty()) {
          ++s.unchanged;
          return;
        }
        if (!o_.replace) {
          conflicts.add(line, 1, "id",
                        fmt::format("\"{}\" is already in round {} with other values ({}); use --replace to update it",
                                    a.id, round_.id, diff),
                        ErrorKind::conflict);
          return;
        }
        update = true;
        ++s.updated;
      } else {
        find_.reset();
        ++s.added;
      }
    } else {
      ++s.added;
    }
    std::int64_t org = organisations_.resolve(a.organisation, a.edrpou);
    if (update) {
      BindInOrder row(upd_);
      values(row, a, org);
      upd_.run();
      return;
    }
    values(ins_, a, org);
    ins_.integer(++next_order_);
    ins_.end_row();
  }

  // Writes the rows still waiting for a full batch.
  void finish() {
    organisations_.flush();
    ins_.flush();
  }

 private:
  // The columns round_id … votes, in the order of both statements (the
  // INSERT adds input_order after them).
  template <class Row>
  void values(Row& row, const Application& a, std::int64_t org) {
    row.text(round_.id).text(a.id).integer(org).text(a.organisation);
    if (a.edrpou.empty())
      row.null();
    else
      row.text(a.edrpou);
    row.text(to_string(a.sector)).text(a.title).text(a.category);
    row.integer(a.requested.kopiykas()).integer(a.cofinancing.kopiykas());
    row.integer(a.planned_clients).integer(a.planned_jobs).integer(a.planned_volunteers);
    submitted_key_ = submitted_key_text(a.submitted_key);  // the UPDATE binds text without a copy
    row.text(a.submitted_at).text(submitted_key_);
    if (a.votes)
      row.integer(*a.votes);
    else
      row.null();
  }

  const RoundRecord& round_;
  const ImportOptions& o_;
  BackgroundWriter background_;  // before the writers that share it: it outlives them
  OrganisationResolver organisations_;
  BulkStatement find_;
  BatchInsert ins_;
  BulkStatement upd_;
  bool fresh_ = true;
  std::int64_t next_order_ = 0;
  std::string submitted_key_;  // values()'s text of it, alive until the row is written
};

void import_applications(Store& store, const ImportOptions& o, std::string_view bytes, ImportSummary& s, Sink& sink) {
  RoundRecord round = round_for(store, o, true);
  Rules rules = Store::rules_of(round);
  s.round = round.id;
  // One pass: each row is read, validated and applied before the next is read.
  RowStream rows(bytes, o);
  StreamSinks sinks(o.file);
  auto index = map_columns(rows.header(), application_columns, rows.header_line(), sinks.header);
  const bool header_ok = sinks.header.diags.empty();
  ApplicationWriter writer(store, round, o);
  StringIndex<int> seen;  // id -> line of its first row
  while (const CsvRecord* rec = rows.next(sinks.syntax)) {
    ++s.read;
    if (!header_ok) continue;
    RowReader r{*rec, index, application_columns, sinks.rows};
    Application a;
    a.id = r.id(a_id);
    if (!a.id.empty()) {
      if (auto [first, fresh] = seen.emplace(a.id, rec->line); !fresh)
        report_duplicate(*first, r, a_id, [&] { return fmt::format("id \"{}\"", a.id); });
    }
    parse_application_cells(r, rules, round.id, a);
    if (r.ok && !sinks.any_invalid()) writer.apply(a, rec->line, s, sinks.conflicts);
  }
  if (!sinks.any_invalid()) writer.finish();
  sinks.finish(sink, s);
  if (!sink.any_invalid) invalidate_scores(store, round, s);
}

// ----- reviewers ------------------------------------------------------------

const std::vector<ColumnSpec> reviewer_columns = {{"id", true}, {"name", true}, {"conflicts", false}};

std::string canonical_conflicts(std::string_view cell) {
  std::string out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    std::size_t p = cell.find('|', start);
    auto part = trim(cell.substr(start, p == std::string_view::npos ? std::string_view::npos : p - start));
    if (!part.empty()) out += (out.empty() ? "" : "|") + std::string(part);
    if (p == std::string_view::npos) break;
    start = p + 1;
  }
  return out;
}

void import_reviewers(Store& store, const ImportOptions& o, std::string_view bytes, ImportSummary& s, Sink& sink) {
  RoundRecord round = round_for(store, o, true);
  s.round = round.id;
  ParsedFile pf = read_csv(bytes, o, sink);
  std::size_t before = sink.diags.size();
  auto index = map_columns(pf.header, reviewer_columns, pf.header_line, sink);
  bool header_ok = sink.diags.size() == before;
  std::unordered_map<std::string, int> seen;
  struct P {
    std::string id, name, conflicts;
    int line;
  };
  std::vector<P> parsed;
  for (const auto& rec : pf.rows) {
    ++s.read;
    if (!header_ok) continue;
    RowReader r{rec, index, reviewer_columns, sink};
    P p{r.id(0), r.text(1), canonical_conflicts(r.cell(2)), rec.line};
    duplicate_check(seen, p.id, r, 0, fmt::format("id \"{}\"", p.id));
    if (r.ok) parsed.push_back(std::move(p));
  }
  if (sink.any_invalid) return;
  std::map<std::string, Reviewer> existing;
  for (auto& r : store.reviewers(round.id)) existing.emplace(r.id, std::move(r));
  SQLite::Statement put(store.db(),
                        "INSERT OR REPLACE INTO reviewers (round_id, id, name, conflicts) VALUES (?,?,?,?)");
  for (const auto& p : parsed) {
    if (auto it = existing.find(p.id); it != existing.end()) {
      std::string old_conflicts;
      for (const auto& c : it->second.conflicts) old_conflicts += (old_conflicts.empty() ? "" : "|") + c;
      std::string diff =
          changed_fields({{"name", it->second.name == p.name}, {"conflicts", old_conflicts == p.conflicts}});
      if (diff.empty()) {
        ++s.unchanged;
        continue;
      }
      if (!o.replace) {
        sink.add(p.line, 1, "id",
                 fmt::format("\"{}\" is already in round {} with other values ({}); use --replace to update it", p.id,
                             round.id, diff),
                 ErrorKind::conflict);
        continue;
      }
      ++s.updated;
    } else {
      ++s.added;
    }
    put.reset();
    put.bind(1, round.id);
    put.bind(2, p.id);
    put.bind(3, p.name);
    put.bind(4, p.conflicts);
    put.exec();
  }
}

// ----- reviews --------------------------------------------------------------

// formats.md reviews.csv: one row's scores (spec index 3 + criterion), each in
// its criterion's range and on its step. No store: shared by the import and
// parse_reviews_csv.
// True when `cell`, a decimal that parsed with at most 4 places, is written the
// way Rational::to_decimal writes its value: an optional minus, no leading
// zeros, a point only before digits that do not end in 0, and no "-0". Such a
// cell is stored as it is, without formatting the parsed value again.
bool canonical_decimal(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  const std::size_t digits = i;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  if (i == digits || (s[digits] == '0' && i - digits > 1)) return false;  // no digits, or a leading zero
  if (i == s.size()) return !(digits == 1 && s == "-0");
  if (s[i] != '.' || i + 1 == s.size() || s.back() == '0') return false;
  for (++i; i < s.size(); ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

// rules.md §1: (value − min) / step is a whole number. Exactly, in 128 bits
// without reducing fractions (a review has one check per criterion); falls
// back to Rational arithmetic if a product would not fit.
bool on_step(const Rational& v, const Rational& min, const Rational& step) {
  int128 num = static_cast<int128>(v.num()) * min.den() - static_cast<int128>(min.num()) * v.den();
  int128 den = static_cast<int128>(v.den()) * min.den();
  if (__builtin_mul_overflow(num, static_cast<int128>(step.den()), &num) ||
      __builtin_mul_overflow(den, static_cast<int128>(step.num()), &den) || den == 0)
    return ((v - min) / step).is_integer();
  return num % den == 0;
}

// Parses the criteria cells of a review into rv.scores and writes their stored
// form into `encoded`: the `reviews.scores` column, `id=value;…` in the rules'
// criteria order, each value as Rational::to_decimal(4) writes it.
void parse_review_scores(RowReader& r, const Rules& rules, Review& rv, std::string& encoded) {
  encoded.clear();
  for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
    const Criterion& cr = rules.criteria[c];
    auto cell = r.cell(3 + c);
    auto v = Rational::parse_decimal(cell, 4);
    if (c) encoded += ';';
    encoded += cr.id;
    encoded += '=';
    if (v && canonical_decimal(cell))
      encoded += cell;
    else if (v)
      encoded += v->to_decimal(4);
    if (!v) {
      if (cell.empty())
        r.error(3 + c, fmt::format("must not be empty (expected a number from {} to {})", cr.min.to_decimal(),
                                   cr.max.to_decimal()));
      else if (Rational::parse_decimal(cell, 15))
        r.error(3 + c, fmt::format("{} has more than 4 decimal places (expected a number from {} to {})", shown(cell),
                                   cr.min.to_decimal(), cr.max.to_decimal()));
      else
        r.error(3 + c, fmt::format("\"{}\" is not a score (expected a number from {} to {})", shown(cell),
                                   cr.min.to_decimal(), cr.max.to_decimal()));
      rv.scores.emplace_back(0);
      continue;
    }
    if (*v < cr.min || *v > cr.max) {
      r.error(3 + c,
              fmt::format("{} is out of range (expected {} to {})", cell, cr.min.to_decimal(), cr.max.to_decimal()));
    } else if (!on_step(*v, cr.min, cr.step)) {
      r.error(3 + c, fmt::format("{} is not on the step {} (expected {} + a multiple of {})", cell,
                                 cr.step.to_decimal(), cr.min.to_decimal(), cr.step.to_decimal()));
    }
    rv.scores.push_back(*v);
  }
}

// What the review checks need from the store, loaded once per file: the
// round's applications and reviewers, the conflicts of interest between them,
// and which pairs the file has had so far.
struct ReviewContext {
  struct AppInfo {
    std::int64_t org = 0;
    // Up to 4 reviews per application are remembered inline (national rounds
    // have 3), further ones in `more_seen`: no allocation per review.
    std::array<std::pair<std::uint32_t, int>, 4> seen{};  // (reviewer, line of the review)
    std::uint8_t seen_count = 0;
  };
  struct ReviewerInfo {
    std::vector<std::int64_t> orgs;  // organisations its conflicts resolve to
  };
  StringIndex<std::uint32_t> app_index, reviewer_index;  // id -> position in apps / reviewers
  std::vector<AppInfo> apps;
  std::vector<ReviewerInfo> reviewers;
  // Application -> reviewers whose conflicts name its code or its organisation
  // name (normalised); rare, so kept apart.
  std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> named_by;
  std::unordered_map<std::uint64_t, int> more_seen;  // (application, reviewer) -> line, beyond 4 per application
  std::unordered_map<std::string, int> other_seen;   // pairs with an unknown application or reviewer -> line

  ReviewContext(Store& store, const RoundRecord& round) {
    // A conflict entry matches an application by the organisation it resolves
    // to, by the application's code, or by the application's organisation name.
    std::unordered_map<std::string, std::vector<std::uint32_t>> by_code, by_name;
    for (const auto& rv : store.reviewers(round.id)) {
      auto r = static_cast<std::uint32_t>(reviewers.size());
      ReviewerInfo info;
      for (const auto& c : rv.conflicts) {
        if (auto org = find_organisation(store.db(), c); org >= 0) info.orgs.push_back(org);
        if (auto code = normalize_edrpou(c)) by_code[*code].push_back(r);
        by_name[organisation_name_key(c)].push_back(r);
      }
      reviewer_index.emplace(rv.id, r);
      reviewers.push_back(std::move(info));
    }
    BulkStatement q(
        store.db(),
        "SELECT id, organisation_id, COALESCE(edrpou, ''), organisation FROM applications WHERE round_id = ?");
    q.text(1, round.id);
    while (q.step()) {
      auto i = static_cast<std::uint32_t>(apps.size());
      AppInfo info;
      info.org = q.column_int64(1);
      if (!by_name.empty()) {  // by_code has entries only when by_name has
        std::vector<std::uint32_t> named;
        if (auto code = q.column_text(2); !code.empty())
          if (auto it = by_code.find(std::string(code)); it != by_code.end()) named = it->second;
        if (auto it = by_name.find(organisation_name_key(q.column_text(3))); it != by_name.end())
          named.insert(named.end(), it->second.begin(), it->second.end());
        if (!named.empty()) named_by.emplace(i, std::move(named));
      }
      app_index.emplace(q.column_text(0), i);
      apps.push_back(info);
    }
  }

  // Positions of an application and a reviewer, or -1 when the round has none by that id.
  std::int64_t app(std::string_view id) const {
    const std::uint32_t* i = app_index.find(id);
    return i ? static_cast<std::int64_t>(*i) : -1;
  }
  std::int64_t reviewer(std::string_view id) const {
    const std::uint32_t* i = reviewer_index.find(id);
    return i ? static_cast<std::int64_t>(*i) : -1;
  }

  bool conflicted(std::uint32_t a, std::uint32_t r) const {
    const auto& orgs = reviewers[r].orgs;
    if (std::find(orgs.begin(), orgs.end(), apps[a].org) != orgs.end()) return true;
    auto it = named_by.find(a);
    return it != named_by.end() && std::find(it->second.begin(), it->second.end(), r) != it->second.end();
  }

  // Records the pair at `line`: the line of its first review when the file
  // already had it, else 0. `a` and `r` are positions, or -1 when unknown.
  int first_line(std::int64_t a, std::int64_t r, const std::string& application, const std::string& reviewer_id,
                 int line) {
    if (a < 0 || r < 0) {
      auto [it, fresh] = other_seen.emplace(application + "\x1f" + reviewer_id, line);
      return fresh ? 0 : it->second;
    }
    AppInfo& info = apps[static_cast<std::size_t>(a)];
    const auto rv = static_cast<std::uint32_t>(r);
    for (std::uint8_t i = 0; i < info.seen_count; ++i)
      if (info.seen[i].first == rv) return info.seen[i].second;
    if (info.seen_count < info.seen.size()) {
      info.seen[info.seen_count++] = {rv, line};
      return 0;
    }
    auto [it, fresh] = more_seen.emplace((static_cast<std::uint64_t>(a) << 32) | rv, line);
    return fresh ? 0 : it->second;
  }
};

void import_reviews(Store& store, const ImportOptions& o, std::string_view bytes, ImportSummary& s, Sink& sink) {
  RoundRecord round = round_for(store, o, true);
  Rules rules = Store::rules_of(round);
  s.round = round.id;
  if (rules.source == ScoreSource::votes)
    throw Error(
        ErrorKind::invalid,
        {Diagnostic{o.file, 0, 0, "", fmt::format("round {} is ranked by votes; it takes no reviews", round.id)}});
  std::vector<ColumnSpec> specs = {{"application", true}, {"reviewer", true}, {"comment", false}};
  for (const auto& c : rules.criteria) specs.push_back({c.id, true});
  // One pass: each row is read, validated and applied before the next is read.
  RowStream rows(bytes, o);
  StreamSinks sinks(o.file);
  // Criterion ids are matched case-insensitively like every column name.
  for (auto& spec : specs) spec.name = normalize_header(spec.name);
  auto index = map_columns(rows.header(), specs, rows.header_line(), sinks.header);
  const bool header_ok = sinks.header.diags.empty();
  ReviewContext ctx(store, round);

  // Applying: compared with the stored review of the same pair, unless the
  // round has no reviews yet (a fresh round: nothing to compare).
  bool fresh = true;
  {
    SQLite::Statement q(store.db(), "SELECT EXISTS (SELECT 1 FROM reviews WHERE round_id = ?)");
    q.bind(1, round.id);
    q.executeStep();
    fresh = q.getColumn(0).getInt() == 0;
  }
  BulkStatement find(store.db(),
                     "SELECT scores, comment, excluded FROM reviews WHERE round_id = ?1 AND application = ?2 AND "
                     "reviewer = ?3");
  find.text(1, round.id);
  // New pairs go in batches; a changed stored one (--replace) is replaced on its own.
  BackgroundWriter background;  // before `put`: it outlives it
  BatchInsert put(store.db(),
                  "INSERT OR FAIL INTO reviews (round_id, application, reviewer, scores, comment, excluded)", 6);
  // A fresh round's import asks SQLite nothing while it reads the rows: its
  // batches are written while the next ones are read and checked.
  if (fresh) put.write_in_background(background);
  BulkStatement replace(store.db(),
                        "INSERT OR REPLACE INTO reviews (round_id, application, reviewer, scores, comment, excluded) "
                        "VALUES (?,?,?,?,?,?)");
  // The columns of both statements, in order.
  auto values = [&](auto& row, const Review& rv, const std::string& scores) {
    row.text(round.id).text(rv.application).text(rv.reviewer).text(scores).text(rv.comment);
    row.integer(rv.excluded ? 1 : 0);
  };
  auto apply = [&](const Review& rv, const std::string& scores, int line) {
    if (!fresh) {
      find.text(2, rv.application);
      find.text(3, rv.reviewer);
      if (find.step()) {
        std::string diff = changed_fields({{"scores", find.column_text(0) == scores},
                                           {"comment", find.column_text(1) == rv.comment},
                                           {"excluded", (find.column_int64(2) != 0) == rv.excluded}});
        find.reset();
        if (diff.empty()) {
          ++s.unchanged;
          return;
        }
        if (!o.replace) {
          sinks.conflicts.add(line, 1, "application",
                              fmt::format("the review of {} by {} is already in round {} with other values ({}); use "
                                          "--replace to update it",
                                          rv.application, rv.reviewer, round.id, diff),
                              ErrorKind::conflict);
          return;
        }
        ++s.updated;
        BindInOrder row(replace);
        values(row, rv, scores);
        replace.run();
        return;
      }
      find.reset();
    }
    ++s.added;
    values(put, rv, scores);
    put.end_row();
  };

  Review rv;
  std::string scores;  // rv.scores as stored, reused row after row
  while (const CsvRecord* rec = rows.next(sinks.syntax)) {
    ++s.read;
    if (!header_ok) continue;
    RowReader r{*rec, index, specs, sinks.rows};
    rv.application = r.id(0);
    rv.reviewer = r.id(1);
    rv.comment = std::string(r.cell(2));
    rv.scores.clear();
    rv.excluded = false;
    const std::int64_t app = ctx.app(rv.application);
    const std::int64_t reviewer = ctx.reviewer(rv.reviewer);
    if (int first = ctx.first_line(app, reviewer, rv.application, rv.reviewer, rec->line))
      report_duplicate(first, r, 0, [&] { return fmt::format("review of {} by {}", rv.application, rv.reviewer); });
    if (app < 0 && !rv.application.empty())
      r.error(0, fmt::format("unknown application \"{}\" in round {} (import the applications first)",
                             shown(rv.application), round.id));
    if (reviewer < 0 && !rv.reviewer.empty())
      r.error(1, fmt::format("unknown reviewer \"{}\" in round {} (import the reviewers first)", shown(rv.reviewer),
                             round.id));
    parse_review_scores(r, rules, rv, scores);
    if (app >= 0 && reviewer >= 0 &&
        ctx.conflicted(static_cast<std::uint32_t>(app), static_cast<std::uint32_t>(reviewer))) {
      if (o.exclude_conflicts)
        rv.excluded = true;
      else
        r.error(1, fmt::format("reviewer {} has a conflict of interest with the organisation of {} (use "
                               "--exclude-conflicts to store the review as excluded)",
                               rv.reviewer, rv.application));
    }
    if (r.ok && !sinks.any_invalid()) apply(rv, scores, rec->line);
  }
  if (!sinks.any_invalid()) put.flush();
  sinks.finish(sink, s);
  if (!sink.any_invalid) invalidate_scores(store, round, s);
}

// ----- outcomes -------------------------------------------------------------

const std::vector<ColumnSpec> outcome_columns = {
    {"application", true}, {"clients", false}, {"jobs", false}, {"volunteers", false}, {"attracted", false}};

void import_outcomes(Store& store, const ImportOptions& o, std::string_view bytes, ImportSummary& s, Sink& sink) {
  RoundRecord round = round_for(store, o, false);
  s.round = round.id;
  ParsedFile pf = read_csv(bytes, o, sink);
  std::size_t before = sink.diags.size();
  auto index = map_columns(pf.header, outcome_columns, pf.header_line, sink);
  bool header_ok = sink.diags.size() == before;
  std::set<std::string> known;
  for (const auto& a : store.applications(round.id)) known.insert(a.id);
  // Outcomes belong to applications that got money in the stored decision.
  std::set<std::string> funded;
  bool allocated = round.stage == Stage::allocated;
  if (allocated) {
    SQLite::Statement q(store.db(), "SELECT application FROM allocations WHERE round_id = ? AND award > 0");
    q.bind(1, round.id);
    while (q.executeStep()) funded.insert(q.getColumn(0).getString());
  }
  std::unordered_map<std::string, int> seen;
  std::vector<std::pair<Outcome, int>> parsed;
  for (const auto& rec : pf.rows) {
    ++s.read;
    if (!header_ok) continue;
    RowReader r{rec, index, outcome_columns, sink};
    Outcome out;
    out.application = r.id(0);
    duplicate_check(seen, out.application, r, 0, fmt::format("application \"{}\"", out.application));
    if (!out.application.empty() && !known.count(out.application))
      r.error(0, fmt::format("unknown application \"{}\" in round {}", shown(out.application), round.id));
    else if (!out.application.empty() && !allocated)
      r.error(0, fmt::format("round {} is not allocated yet: outcomes are reported for funded applications", round.id),
              ErrorKind::conflict);
    else if (!out.application.empty() && !funded.count(out.application))
      r.error(0,
              fmt::format("{} got no money in round {}: outcomes are reported for funded and partial applications",
                          out.application, round.id),
              ErrorKind::conflict);
    out.clients = r.count(1);
    out.jobs = r.count(2);
    out.volunteers = r.count(3);
    out.attracted = r.money(4);
    if (r.ok) parsed.emplace_back(std::move(out), rec.line);
  }
  if (!sink.diags.empty()) return;
  std::map<std::string, Outcome> existing;
  for (auto& x : store.outcomes(round.id)) existing.emplace(x.application, std::move(x));
  SQLite::Statement put(store.db(),
                        "INSERT OR REPLACE INTO outcomes (round_id, application, clients, jobs, volunteers, attracted) "
                        "VALUES (?,?,?,?,?,?)");
  auto bind_opt = [&](int i, const std::optional<std::int64_t>& v) {
    if (v)
      put.bind(i, *v);
    else
      put.bind(i);
  };
  for (const auto& [x, line] : parsed) {
    if (auto it = existing.find(x.application); it != existing.end()) {
      const Outcome& b = it->second;
      std::string diff = changed_fields({{"clients", x.clients == b.clients},
                                         {"jobs", x.jobs == b.jobs},
                                         {"volunteers", x.volunteers == b.volunteers},
                                         {"attracted", x.attracted == b.attracted}});
      if (diff.empty()) {
        ++s.unchanged;
        continue;
      }
      if (!o.replace) {
        sink.add(line, 1, "application",
                 fmt::format("outcomes of {} are already stored with other values ({}); use --replace to update them",
                             x.application, diff),
                 ErrorKind::conflict);
        continue;
      }
      ++s.updated;
    } else {
      ++s.added;
    }
    put.reset();
    put.bind(1, round.id);
    put.bind(2, x.application);
    bind_opt(3, x.clients);
    bind_opt(4, x.jobs);
    bind_opt(5, x.volunteers);
    bind_opt(6, x.attracted ? std::optional<std::int64_t>(x.attracted->kopiykas()) : std::nullopt);
    put.exec();
  }
}

// ----- history --------------------------------------------------------------

const std::vector<ColumnSpec> history_columns = {
    {"year", true},         {"participants", true},     {"winners", true}, {"budget", true},
    {"attracted", true},    {"clients", true},          {"jobs", true},    {"volunteers", true},
    {"coefficient", false}, {"cost_per_client", false}, {"note", false}};
enum HistCol {
  h_year,
  h_participants,
  h_winners,
  h_budget,
  h_attracted,
  h_clients,
  h_jobs,
  h_volunteers,
  h_coefficient,
  h_cost,
  h_note
};

void import_history(Store& store, const ImportOptions& o, std::string_view bytes, ImportSummary& s, Sink& sink) {
  ParsedFile pf = read_csv(bytes, o, sink);
  std::size_t before = sink.diags.size();
  auto index = map_columns(pf.header, history_columns, pf.header_line, sink);
  bool header_ok = sink.diags.size() == before;
  std::unordered_map<std::string, int> seen;
  std::vector<std::pair<HistoryYear, int>> parsed;
  for (const auto& rec : pf.rows) {
    ++s.read;
    if (!header_ok) continue;
    RowReader r{rec, index, history_columns, sink};
    HistoryYear h;
    auto year_cell = r.cell(h_year);
    if (auto y = r.count(h_year)) {
      if (*y < 1900 || *y > 2200)
        r.error(h_year, fmt::format("{} is not a plausible year (expected e.g. 2017)", year_cell));
      else
        h.year = static_cast<int>(*y);
    }
    // By value: `2000` and `02000` (or `2 000`) are the same year.
    if (h.year) duplicate_check(seen, std::to_string(h.year), r, h_year, fmt::format("year {}", h.year));
    h.participants = r.count(h_participants).value_or(0);
    h.winners = r.count(h_winners).value_or(0);
    h.budget = r.money(h_budget).value_or(Money{});
    h.attracted = r.money(h_attracted).value_or(Money{});
    h.clients = r.count(h_clients).value_or(0);
    h.jobs = r.count(h_jobs).value_or(0);
    h.volunteers = r.count(h_volunteers).value_or(0);
    // Published ratios are kept as written (their decimals set audit's tolerance),
    // but they must be numbers.
    for (auto k : {h_coefficient, h_cost}) {
      auto v = r.cell(k);
      if (!v.empty() && !Rational::parse_decimal(v, 6))
        r.error(k, fmt::format("\"{}\" is not a number (expected e.g. 4.4 or 4,4, or an empty cell)", shown(v)));
    }
    h.coefficient = std::string(r.cell(h_coefficient));
    h.cost_per_client = std::string(r.cell(h_cost));
    h.note = std::string(r.cell(h_note));
    if (r.ok) parsed.emplace_back(std::move(h), rec.line);
  }
  if (sink.any_invalid) return;
  std::map<int, HistoryYear> existing;
  for (auto& h : store.history()) existing.emplace(h.year, std::move(h));
  SQLite::Statement put(
      store.db(),
      "INSERT OR REPLACE INTO history (year, participants, winners, budget, attracted, clients, jobs, "
      "volunteers, coefficient, cost_per_client, note) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
  for (const auto& [h, line] : parsed) {
    if (auto it = existing.find(h.year); it != existing.end()) {
      const HistoryYear& b = it->second;
      std::string diff = changed_fields({{"participants", h.participants == b.participants},
                                         {"winners", h.winners == b.winners},
                                         {"budget", h.budget == b.budget},
                                         {"attracted", h.attracted == b.attracted},
                                         {"clients", h.clients == b.clients},
                                         {"jobs", h.jobs == b.jobs},
                                         {"volunteers", h.volunteers == b.volunteers},
                                         {"coefficient", h.coefficient == b.coefficient},
                                         {"cost_per_client", h.cost_per_client == b.cost_per_client},
                                         {"note", h.note == b.note}});
      if (diff.empty()) {
        ++s.unchanged;
        continue;
      }
      if (!o.replace) {
        sink.add(line, 1, "year",
                 fmt::format("{} is already in the history with other values ({}); use --replace to update it", h.year,
                             diff),
                 ErrorKind::conflict);
        continue;
      }
      ++s.updated;
    } else {
      ++s.added;
    }
    put.reset();
    put.bind(1, h.year);
    put.bind(2, h.participants);
    put.bind(3, h.winners);
    put.bind(4, h.budget.kopiykas());
    put.bind(5, h.attracted.kopiykas());
    put.bind(6, h.clients);
    put.bind(7, h.jobs);
    put.bind(8, h.volunteers);
    put.bind(9, h.coefficient);
    put.bind(10, h.cost_per_client);
    put.bind(11, h.note);
    put.exec();
  }
}

// SQLite's own foreign-key checks cost a parent lookup per row and key (a
// third of the time of a national import of reviews), and for the two bulk
// kinds they check nothing the importer has not: the round is resolved, every
// application's organisation is found or created, and every review's
// application and reviewer are looked up, all in this write transaction (BEGIN
// IMMEDIATE: no other writer). So they are off for those files and back on
// after, whatever happens (the pragma only takes effect outside a transaction).
class BulkForeignKeys {
 public:
  BulkForeignKeys(Store& store, bool bulk) : store_(store), off_(bulk) {
    if (off_) store_.db().exec("PRAGMA foreign_keys = OFF");
  }
  ~BulkForeignKeys() {
    if (!off_) return;
    try {
      store_.db().exec("PRAGMA foreign_keys = ON");
    } catch (...) {
    }
  }
  BulkForeignKeys(const BulkForeignKeys&) = delete;
  BulkForeignKeys& operator=(const BulkForeignKeys&) = delete;

 private:
  Store& store_;
  bool off_;
};

}  // namespace

ImportSummary import_file(Store& store, const ImportOptions& o, std::string_view bytes) {
  if (o.kind == ImportKind::pabulib) return import_pabulib(store, o, bytes);
  ImportSummary s;
  s.file = o.file;
  s.kind = o.kind;
  Sink sink{o.file, {}, false};
  BulkForeignKeys fk(store, o.kind == ImportKind::applications || o.kind == ImportKind::reviews);
  Transaction tx(store);
  switch (o.kind) {
    case ImportKind::applications:
      import_applications(store, o, bytes, s, sink);
      break;
    case ImportKind::reviewers:
      import_reviewers(store, o, bytes, s, sink);
      break;
    case ImportKind::reviews:
      import_reviews(store, o, bytes, s, sink);
      break;
    case ImportKind::outcomes:
      import_outcomes(store, o, bytes, s, sink);
      break;
    case ImportKind::history:
      import_history(store, o, bytes, s, sink);
      break;
    case ImportKind::pabulib:
      break;
  }
  std::stable_sort(sink.diags.begin(), sink.diags.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  // Say that the list is cut, so nobody takes the first 100 for all of them
  // (one more diagnostic, at line 0, after the 100).
  if (sink.dropped > 0)
    sink.diags.push_back(Diagnostic{
        o.file, 0, 0, "",
        fmt::format("... and {} more problems not shown (the first {} are listed)", sink.dropped, max_reported_errors),
        worst_kind(sink.diags)});
  if (o.dry_run) {
    s.errors = std::move(sink.diags);
    return s;  // the transaction rolls back: a dry run writes nothing
  }
  if (!sink.diags.empty()) {
    ErrorKind kind = worst_kind(sink.diags);
    throw Error(kind, std::move(sink.diags));
  }
  tx.commit();
  return s;
}

// ----- the row parsing without a store (importer.hpp) ----------------------

namespace {

// Files the program wrote itself (the bundle's canonical CSVs): UTF-8, `,`.
ImportOptions read_back_options(ImportKind kind, const std::string& file) {
  ImportOptions o;
  o.kind = kind;
  o.file = file;
  o.encoding = Encoding::utf8;
  o.delimiter = Delimiter::comma;
  return o;
}

// Reads the file and maps its header; false (with the errors in `sink`) when
// there are no rows to parse.
bool read_back(std::string_view bytes, const ImportOptions& o, const std::vector<ColumnSpec>& specs, Sink& sink,
               ParsedFile& pf, std::vector<int>& index) {
  try {
    pf = read_csv(bytes, o, sink);
  } catch (const Error& e) {
    for (const auto& d : e.diagnostics()) sink.add(d.line, d.column, d.field, d.message);
    if (e.diagnostics().empty()) sink.add(0, 0, "", e.what());
    return false;
  }
  std::size_t before = sink.diags.size();
  index = map_columns(pf.header, specs, pf.header_line, sink);
  return sink.diags.size() == before;
}

void hand_over(Sink& sink, std::vector<Diagnostic>& errors) {
  for (auto& d : sink.diags)
    if (errors.size() < max_reported_errors) errors.push_back(std::move(d));
}

}  // namespace

std::vector<Application> parse_applications_csv(std::string_view bytes, const Rules& rules, const std::string& file,
                                                std::vector<Diagnostic>& errors) {
  ImportOptions o = read_back_options(ImportKind::applications, file);
  Sink sink{file, {}, false};
  // cli.md "export bundle": a final input_order column when the rules use that key.
  std::vector<ColumnSpec> specs = application_columns;
  const bool with_order = rules.uses_input_order();
  if (with_order) specs.push_back({"input_order", true});
  ParsedFile pf;
  std::vector<int> index;
  std::vector<Application> out;
  if (read_back(bytes, o, specs, sink, pf, index)) {
    std::unordered_map<std::string, int> seen;
    for (const auto& rec : pf.rows) {
      RowReader r{rec, index, specs, sink};
      Application a;
      a.id = r.id(a_id);
      duplicate_check(seen, a.id, r, a_id, fmt::format("id \"{}\"", a.id));
      parse_application_cells(r, rules, rules.id, a);
      if (with_order) {
        auto k = application_columns.size();
        auto order = r.count(k);
        if (order && *order == 0) r.error(k, "must be at least 1 (the 1-based import position)");
        a.input_order = order.value_or(0);
      } else {
        a.input_order = static_cast<std::int64_t>(out.size()) + 1;
      }
      if (r.ok) out.push_back(std::move(a));
    }
  }
  hand_over(sink, errors);
  return out;
}

std::vector<Reviewer> parse_reviewers_csv(std::string_view bytes, const std::string& file,
                                          std::vector<Diagnostic>& errors) {
  ImportOptions o = read_back_options(ImportKind::reviewers, file);
  Sink sink{file, {}, false};
  ParsedFile pf;
  std::vector<int> index;
  std::vector<Reviewer> out;
  if (read_back(bytes, o, reviewer_columns, sink, pf, index)) {
    std::unordered_map<std::string, int> seen;
    for (const auto& rec : pf.rows) {
      RowReader r{rec, index, reviewer_columns, sink};
      Reviewer rv;
      rv.id = r.id(0);
      rv.name = r.text(1);
      // As the store keeps them: trimmed, empty parts dropped, `|`-separated.
      std::string conflicts = canonical_conflicts(r.cell(2));
      for (std::size_t start = 0; !conflicts.empty();) {
        std::size_t p = conflicts.find('|', start);
        rv.conflicts.push_back(conflicts.substr(start, p == std::string::npos ? std::string::npos : p - start));
        if (p == std::string::npos) break;
        start = p + 1;
      }
      duplicate_check(seen, rv.id, r, 0, fmt::format("id \"{}\"", rv.id));
      if (r.ok) out.push_back(std::move(rv));
    }
  }
  hand_over(sink, errors);
  return out;
}

std::vector<Review> parse_reviews_csv(std::string_view bytes, const Rules& rules, const std::string& file,
                                      std::vector<Diagnostic>& errors) {
  ImportOptions o = read_back_options(ImportKind::reviews, file);
  Sink sink{file, {}, false};
  std::vector<ColumnSpec> specs = {{"application", true}, {"reviewer", true}, {"comment", false}};
  for (const auto& c : rules.criteria) specs.push_back({normalize_header(c.id), true});
  ParsedFile pf;
  std::vector<int> index;
  std::vector<Review> out;
  if (read_back(bytes, o, specs, sink, pf, index)) {
    std::unordered_map<std::string, int> seen;
    std::string encoded;  // not needed here
    for (const auto& rec : pf.rows) {
      RowReader r{rec, index, specs, sink};
      Review rv;
      rv.application = r.id(0);
      rv.reviewer = r.id(1);
      rv.comment = std::string(r.cell(2));
      duplicate_check(seen, rv.application + "\x1f" + rv.reviewer, r, 0,
                      fmt::format("review of {} by {}", rv.application, rv.reviewer));
      parse_review_scores(r, rules, rv, encoded);
      if (r.ok) out.push_back(std::move(rv));
    }
  }
  hand_over(sink, errors);
  return out;
}

}  // namespace competition

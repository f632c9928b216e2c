#include "render/render_score.hpp"

#include <fmt/format.h>

#include <iterator>
#include <nlohmann/json.hpp>

#include "formats/csv_writer.hpp"
#include "render/markdown_table.hpp"
#include "render/number_style.hpp"
#include "render/rules_labels.hpp"
#include "render/text_table.hpp"
#include "render/token_words.hpp"
#include "render/words.hpp"
#include "values/application_index.hpp"

namespace competition {

namespace {

constexpr const char* dash = "—";

struct ScoreWords {
  const char* title;  // round id, title
  const char* rank;   // the columns
  const char* id;
  const char* organisation;
  const char* votes;
  const char* total;
  const char* reviews;
  const char* status;
  const char* flags;
  const char* reasons;
  const char* ranked;  // the statuses
  const char* rejected;
  const char* incomplete;
  const char* weight;
  const char* threshold;
  const char* by_votes;
  const char* mean;  // the aggregates
  const char* median;
  const char* trimmed_mean;
  const char* method;  // aggregate, reviews needed
  const char* pass_mark;
  const char* spread;
  const char* summary;  // ranked, rejected, incomplete
  const char* no_applications;
  const char* criteria;
};

constexpr PerLang<ScoreWords> score_words{
    .uk =
        {
            .title = "Рейтинг конкурсу {} «{}»",
            .rank = "№",
            .id = "заявка",
            .organisation = "організація",
            .votes = "голоси",
            .total = "сума",
            .reviews = "оцінок",
            .status = "статус",
            .flags = "позначки",
            .reasons = "причини",
            .ranked = "у рейтингу",
            .rejected = "відхилено",
            .incomplete = "не оцінено",
            .weight = "вага",
            .threshold = "поріг",
            .by_votes = "Рейтинг за голосами мешканців.",
            .mean = "середнє",
            .median = "медіана",
            .trimmed_mean = "усічене середнє",
            .method = "Оцінка за критерієм: {} дійсних оцінок; сума = Σ вага × оцінка; потрібно оцінок: {}",
            .pass_mark = "прохідний бал",
            .spread = "розкид позначається понад",
            .summary = "У рейтингу: {}; відхилено: {}; не оцінено: {}.",
            .no_applications = "Заявок немає.\n",
            .criteria = "Критерії:\n",
        },
    .en =
        {
            .title = "Ranking of round {} “{}”",
            .rank = "rank",
            .id = "id",
            .organisation = "organisation",
            .votes = "votes",
            .total = "total",
            .reviews = "reviews",
            .status = "status",
            .flags = "flags",
            .reasons = "reasons",
            .ranked = "ranked",
            .rejected = "rejected",
            .incomplete = "incomplete",
            .weight = "weight",
            .threshold = "threshold",
            .by_votes = "Ranked by public votes.",
            .mean = "mean",
            .median = "median",
            .trimmed_mean = "trimmed mean",
            .method = "Criterion score: {} of the valid reviews; total = Σ weight × score; reviews needed: {}",
            .pass_mark = "pass mark",
            .spread = "spread flagged above",
            .summary = "Ranked: {}; rejected: {}; incomplete: {}.",
            .no_applications = "No applications.\n",
            .criteria = "Criteria:\n",
        },
};

// Scores and totals for people, into the cell being written: `51.50` in
// English, `51,50` in Ukrainian; `—` for none.
void show(TextRow& row, const Rational* v, Lang lang, int places = 2) {
  if (!v)
    row.text() += dash;
  else
    append_fixed(row.text(), *v, places, lang);
  row.end_cell();
}

// Weights and thresholds as written in the rules (`0.5`, Ukrainian `0,5`).
std::string shown_decimal(const Rational& v, Lang lang) { return with_decimal_separator(v.to_decimal(4), lang); }

std::string_view status_in_words(ScoreStatus s, const ScoreWords& w) {
  switch (s) {
    case ScoreStatus::ranked:
      return w.ranked;
    case ScoreStatus::rejected:
      return w.rejected;
    case ScoreStatus::incomplete:
      return w.incomplete;
  }
  return to_string(s);
}

std::string_view aggregate_in_words(Aggregate a, const ScoreWords& w) {
  switch (a) {
    case Aggregate::mean:
      return w.mean;
    case Aggregate::median:
      return w.median;
    case Aggregate::trimmed_mean:
      return w.trimmed_mean;
  }
  return "";
}

// Text tables only: long names are cut to this many characters with `…`, so
// that a row fits a terminal; the Markdown, CSV and JSON forms keep the full name.
constexpr std::size_t text_name_width = 40;

bool by_votes(const Rules& rules) { return rules.source == ScoreSource::votes; }

// The content shared by the text and Markdown forms; the rows are made one at
// a time by PeopleRows.
struct PeopleTable {
  std::string title;
  std::vector<std::string> header;
  std::string align;
  std::vector<std::string> criteria;  // legend lines, one per criterion
  std::string method;                 // how the scores were combined
  std::string summary;
};

// How the scores were combined (docs/rules.md §2).
std::string method_in_words(const Rules& rules, Lang lang) {
  const ScoreWords& w = score_words[lang];
  if (by_votes(rules)) return w.by_votes;
  std::string method = fmt::format(fmt::runtime(w.method), aggregate_in_words(rules.aggregate, w), rules.min_reviews);
  if (rules.pass_total) method += fmt::format("; {} {}", w.pass_mark, shown_decimal(*rules.pass_total, lang));
  if (rules.max_spread) method += fmt::format("; {} {}", w.spread, shown_decimal(*rules.max_spread, lang));
  return method + ".";
}

PeopleTable people_table(const Rules& rules, const ScoreResult& result, Lang lang) {
  const ScoreWords& w = score_words[lang];
  PeopleTable t;
  t.title = fmt::format(fmt::runtime(w.title), rules.id, rules.title);
  bool votes = by_votes(rules);
  t.header = {w.rank, w.id, w.organisation, votes ? w.votes : w.total};
  t.align = "rllr";
  for (const auto& c : rules.criteria) {
    t.header.push_back(c.heading());
    t.align += 'r';
  }
  if (!votes) {
    t.header.push_back(w.reviews);
    t.align += 'r';
  }
  // Flags before reasons: reasons are the longest cells, so they go last. Votes
  // have no criteria, hence no spread flags and no column for them.
  t.header.push_back(w.status);
  if (!votes) t.header.push_back(w.flags);
  t.header.push_back(w.reasons);
  t.align += votes ? "ll" : "lll";

  int ranked = 0, rejected = 0, incomplete = 0;
  for (const auto& a : result.applications)
    ++(a.status == ScoreStatus::ranked ? ranked : a.status == ScoreStatus::rejected ? rejected : incomplete);

  for (const auto& c : rules.criteria) {
    std::string line = fmt::format("{}, {} {}", criterion_legend(c), w.weight, shown_decimal(c.weight, lang));
    if (c.threshold) line += fmt::format(", {} {}", w.threshold, shown_decimal(*c.threshold, lang));
    t.criteria.push_back(std::move(line));
  }
  t.method = method_in_words(rules, lang);
  t.summary = fmt::format(fmt::runtime(w.summary), ranked, rejected, incomplete);
  return t;
}

// The rows of the people table, in result order, written cell by cell into the
// row's buffer: no string or vector per row.
class PeopleRows {
 public:
  PeopleRows(const Rules& rules, const std::vector<Application>& applications, const ScoreResult& result, Lang lang)
      : rules_(rules),
        result_(result),
        names_(applications_by_id(applications)),
        words_(rules, lang),
        lang_(lang),
        votes_(by_votes(rules)) {}
  std::size_t size() const { return result_.applications.size(); }

  // `name_width` cuts long names (text); 0 keeps them whole (Markdown).
  void make(std::size_t i, TextRow& row, std::size_t name_width) {
    const ScoredApplication& a = result_.applications[i];
    if (a.rank)
      fmt::format_to(std::back_inserter(row.text()), "{}", *a.rank);
    else
      row.text() += dash;
    row.end_cell().cell(a.id);
    std::string_view name = organisation_name(names_, a.id);
    if (name_width)
      row.clipped(name, name_width);
    else
      row.cell(name);
    show(row, a.total ? &*a.total : nullptr, lang_, votes_ ? 0 : 2);
    for (std::size_t c = 0; c < rules_.criteria.size(); ++c)
      show(row, c < a.criteria.size() ? &a.criteria[c] : nullptr, lang_);
    if (!votes_) {
      fmt::format_to(std::back_inserter(row.text()), "{}", a.reviews);
      row.end_cell();
    }
    row.cell(status_in_words(a.status, score_words[lang_]));
    if (!votes_) {
      for (const auto& f : a.flags) {
        if (!row.cell_empty()) row.text() += "; ";  // as a join: no separator after empty words
        row.text() += words_.flag(f);
      }
      row.end_cell();
    }
    for (const auto& r : a.reasons) {
      if (!row.cell_empty()) row.text() += "; ";
      row.text() += words_.reason(r);
    }
    row.end_cell();
  }

 private:
  const Rules& rules_;
  const ScoreResult& result_;
  StringIndex<const Application*> names_;
  TokenWords words_;
  Lang lang_;
  bool votes_;
};

// The text table's header, alignment and rows (PeopleRows), as both halves of
// the text form build them.
struct PeopleText {
  PeopleText(const Rules& rules, const std::vector<Application>& applications, const ScoreResult& result, Lang lang)
      : t(people_table(rules, result, lang)), rows(rules, applications, result, lang) {
    table.header(t.header, t.align);
  }
  RowMaker maker() {
    return [this](std::size_t i, TextRow& row) { rows.make(i, row, text_name_width); };
  }
  PeopleTable t;
  PeopleRows rows;
  TextTable table;
};

// docs/cli.md "score", text: a header line, the aligned table, the criteria legend.
// `widths` when measured already (measure_score_text).
void write_score_text(OutputSink& out, const Rules& rules, const std::vector<Application>& applications,
                      const ScoreResult& result, Lang lang, const std::vector<std::size_t>* widths) {
  const ScoreWords& w = score_words[lang];
  PeopleText p(rules, applications, result, lang);
  const PeopleTable& t = p.t;
  out += t.title;
  out += "\n\n";
  if (result.applications.empty()) {
    out += w.no_applications;
  } else if (widths) {
    p.table.render(out, p.rows.size(), p.maker(), *widths);
  } else {
    p.table.render(out, p.rows.size(), p.maker());
  }
  out += "\n";
  if (!t.criteria.empty()) {
    out += w.criteria;
    for (const auto& c : t.criteria) out += "  " + c + "\n";
  }
  out += t.method + "\n" + t.summary + "\n";
}

}  // namespace

void render_score_text(OutputSink& out, const Rules& rules, const std::vector<Application>& applications,
                       const ScoreResult& result, Lang lang) {
  write_score_text(out, rules, applications, result, lang, nullptr);
}

ScoreTextLayout measure_score_text(const Rules& rules, const std::vector<Application>& applications,
                                   const ScoreResult& result, Lang lang) {
  PeopleText p(rules, applications, result, lang);
  return {p.table.measure(p.rows.size(), p.maker())};
}

void render_score_text(OutputSink& out, const Rules& rules, const std::vector<Application>& applications,
                       const ScoreResult& result, Lang lang, const ScoreTextLayout& layout) {
  write_score_text(out, rules, applications, result, lang, &layout.widths);
}

// docs/cli.md "score", md: the same content as a Markdown document.
void render_score_md(OutputSink& out, const Rules& rules, const std::vector<Application>& applications,
                     const ScoreResult& result, Lang lang) {
  const ScoreWords& w = score_words[lang];
  PeopleTable t = people_table(rules, result, lang);
  out += "# " + md_cell(t.title) + "\n\n";
  if (result.applications.empty()) {
    out += w.no_applications;
  } else {
    PeopleRows rows(rules, applications, result, lang);
    render_md_table(out, t.header, t.align, rows.size(), [&](std::size_t i, TextRow& row) { rows.make(i, row, 0); });
  }
  out += "\n";
  if (!t.criteria.empty()) {
    out += w.criteria;
    out += "\n";
    for (const auto& c : t.criteria) out += "- " + md_cell(c) + "\n";
    out += "\n";
  }
  out += md_cell(t.method) + "\n\n" + md_cell(t.summary) + "\n";
}

// docs/cli.md "score", CSV: machine tokens, lists joined with `|`, numbers with `.`
// (decimal comma and `;` with --excel), text cells neutralised against formulas.
void render_score_csv(OutputSink& out, const Rules& rules, const std::vector<Application>& applications,
                      const ScoreResult& result, bool excel) {
  CsvWriter w(CsvStyle::people(excel), out);
  for (const char* h : {"rank", "id", "organisation", "status", "total"}) w.text(h);
  for (const auto& c : rules.criteria) w.text(c.id);
  for (const char* h : {"reviews", "flags", "reasons"}) w.text(h);
  w.end_row();
  auto names = applications_by_id(applications);
  for (const auto& a : result.applications) {
    if (a.rank)
      w.integer(*a.rank);
    else
      w.empty();
    w.text(a.id);
    w.text(organisation_name(names, a.id));
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
    w.integer(a.reviews);
    w.list(a.flags);
    w.list(a.reasons);
    w.end_row();
  }
}

// docs/cli.md "score", JSON: one object, keys in the order docs/cli.md shows; written an
// application at a time (the same bytes as one dump of the whole document).
void render_score_json(OutputSink& out, const Rules& rules, const ScoreResult& result) {
  using json = nlohmann::ordered_json;
  out += R"({"round":)" + json(rules.id).dump() + R"(,"applications":[)";
  bool first = true;
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
    if (!first) out.text() += ',';
    first = false;
    out.text() += o.dump();
    out.row_done();
  }
  out += "]}\n";
}

}  // namespace competition

#include "formats/decisions_csv.hpp"

#include <fmt/format.h>

#include <charconv>

#include "formats/csv_reader.hpp"
#include "formats/csv_writer.hpp"
#include "formats/encoding.hpp"
#include "values/common_words.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_not_utf8{.uk = "не UTF-8", .en = "not UTF-8"};
constexpr PerLang<const char*> w_header{
    .uk = "очікуються стовпці n,kind,applications,award,reason,recorded_at,undoes,undone_by",
    .en = "expected the columns n,kind,applications,award,reason,recorded_at,undoes,undone_by"};
constexpr PerLang<const char*> w_width{.uk = "полів: {}, а в заголовку: {}", .en = "{} fields, but the header has {}"};
constexpr PerLang<const char*> w_n{.uk = "очікується {} (рішення нумеровано в порядку журналу)",
                                   .en = "expected {} (decisions are numbered in log order)"};
constexpr PerLang<const char*> w_kind{.uk = "\"{}\" — не вид рішення", .en = "\"{}\" is not a decision kind"};
constexpr PerLang<const char*> w_award{.uk = "сума є лише в override, в інших видів її немає",
                                       .en = "an override has an amount, the other kinds none"};
constexpr PerLang<const char*> w_undoes{.uk = "має називати попереднє рішення", .en = "must name an earlier decision"};
constexpr PerLang<const char*> w_undo_target{.uk = "undo називає рішення, яке скасовує, інші види — жодного",
                                             .en = "an undo names the decision it reverses, the other kinds none"};
constexpr PerLang<const char*> w_not_number{.uk = "не номер рішення", .en = "not a decision number"};
constexpr PerLang<const char*> w_undone_by{.uk = "очікується {} (чинне undo, що його скасовує)",
                                           .en = "expected {} (the standing undo that reverses it)"};
constexpr PerLang<const char*> w_undone_by_none{.uk = "очікується порожнє значення (жодне чинне undo його не скасовує)",
                                                .en = "expected empty (no standing undo reverses it)"};

namespace {

const std::vector<std::string> columns = {"n",      "kind",        "applications", "award",
                                          "reason", "recorded_at", "undoes",       "undone_by"};

std::optional<int> whole_number(std::string_view s) {
  int v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || v < 1) return std::nullopt;
  return v;
}

}  // namespace

// docs/bundle.md, decisions.csv; docs/cli.md "Commission decisions" (`competition decisions`), CSV.
std::string decisions_csv(const std::vector<CommissionDecision>& decisions, const CsvStyle& style) {
  CsvWriter w(style);
  for (const auto& c : columns) w.text(c);
  w.end_row();
  auto number_or_empty = [&w](const std::optional<int>& n) {
    if (n)
      w.integer(*n);
    else
      w.empty();
  };
  for (const CommissionDecision& d : decisions) {
    // As the bundle has always written it: no `|` while the cell is still empty,
    // so a hand-made `|A-1` (an empty id) does not come back unchanged.
    std::string apps;
    for (const auto& a : d.applications) apps += (apps.empty() ? "" : "|") + a;
    w.integer(d.n).text(to_string(d.kind)).text(apps);
    if (d.award)
      w.number(d.award->to_string());
    else
      w.empty();
    w.text(d.reason).text(d.recorded_at);
    number_or_empty(d.undoes);
    number_or_empty(d.undone_by);
    w.end_row();
  }
  return w.str();
}

std::vector<CommissionDecision> parse_decisions_csv(std::string_view bytes, const std::string& file,
                                                    std::vector<Diagnostic>& errors) {
  auto error = [&](int line, int column, std::string field, Message message) {
    if (errors.size() < max_reported_errors)
      errors.push_back(Diagnostic{file, line, column, std::move(field), std::move(message)});
  };
  std::vector<CommissionDecision> out;
  if (!is_valid_utf8(bytes)) {
    error(0, 0, "", say(w_not_utf8));
    return out;
  }
  CsvTable table;
  try {
    table = read_csv(bytes, Delimiter::comma, file);
  } catch (const Error& e) {
    for (const auto& d : e.diagnostics()) error(d.line, d.column, d.field, d.message);
    if (e.diagnostics().empty()) error(0, 0, "", e.message());
    return out;
  }
  if (table.header != columns) {
    error(table.header_line, 0, "header", say(w_header));
    return out;
  }
  std::vector<std::optional<int>> stated_undone_by;
  std::vector<int> lines;
  for (const CsvRecord& rec : table.rows) {
    if (rec.fields.size() != columns.size()) {
      error(rec.line, 0, "", say(w_width, rec.fields.size(), columns.size()));
      continue;
    }
    const auto& f = rec.fields;
    CommissionDecision d;
    d.n = static_cast<int>(out.size()) + 1;
    if (whole_number(f[0]) != d.n) error(rec.line, 1, "n", say(w_n, d.n));
    auto kind = parse_decision_kind(f[1]);
    if (!kind) error(rec.line, 2, "kind", say(w_kind, f[1]));
    d.kind = kind.value_or(DecisionKind::withdraw);
    for (std::size_t start = 0; !f[2].empty();) {
      std::size_t p = f[2].find('|', start);
      d.applications.push_back(f[2].substr(start, p == std::string::npos ? std::string::npos : p - start));
      if (p == std::string::npos) break;
      start = p + 1;
    }
    if (d.applications.empty()) error(rec.line, 3, "applications", say(not_empty_words));
    if (!f[3].empty()) {
      d.award = Money::parse(f[3]);
      if (!d.award) error(rec.line, 4, "award", Money::parse_error(f[3]));
    }
    if ((d.kind == DecisionKind::override_award) != d.award.has_value()) error(rec.line, 4, "award", say(w_award));
    d.reason = f[4];
    d.recorded_at = f[5];
    if (!f[6].empty()) {
      d.undoes = whole_number(f[6]);
      if (!d.undoes || *d.undoes >= d.n) error(rec.line, 7, "undoes", say(w_undoes));
    }
    if ((d.kind == DecisionKind::undo) != d.undoes.has_value()) error(rec.line, 7, "undoes", say(w_undo_target));
    stated_undone_by.push_back(f[7].empty() ? std::nullopt : whole_number(f[7]));
    if (!f[7].empty() && !stated_undone_by.back()) error(rec.line, 8, "undone_by", say(w_not_number));
    lines.push_back(rec.line);
    out.push_back(std::move(d));
  }
  // commission.cpp read_decisions: from the newest back, a standing undo reverses its target.
  for (std::size_t i = out.size(); i-- > 0;) {
    if (out[i].kind != DecisionKind::undo || out[i].undone_by || !out[i].undoes) continue;
    auto target = static_cast<std::size_t>(*out[i].undoes - 1);
    if (target < i && !out[target].undone_by) out[target].undone_by = out[i].n;
  }
  for (std::size_t i = 0; i < out.size(); ++i)
    if (stated_undone_by[i] != out[i].undone_by)
      error(lines[i], 8, "undone_by", out[i].undone_by ? say(w_undone_by, *out[i].undone_by) : say(w_undone_by_none));
  return out;
}

}  // namespace competition

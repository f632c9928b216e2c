#include "engine/audit_history.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/indicators.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_no_history{.uk = "audit history: історію не імпортовано",
                                            .en = "audit history: no history imported"};
constexpr PerLang<const char*> w_from_after_to{.uk = "--from {} пізніше за --to {}",
                                               .en = "--from {} is after --to {}"};
constexpr PerLang<const char*> w_no_year{.uk = "--from/--to: немає року історії в {}–{} (в історії є {}–{})",
                                         .en = "--from/--to: no history year in {}–{} (history has {}–{})"};

namespace {

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Digits after the decimal separator (`.` or `,`) of a published value.
int decimal_places(std::string_view text) {
  auto sep = text.find_first_of(".,");
  return sep == std::string_view::npos ? 0 : static_cast<int>(text.size() - sep - 1);
}

int128 abs128(int128 v) { return v < 0 ? -v : v; }

}  // namespace

// docs/cli.md "audit history": |computed − published| > ½ · 10^−places, exactly:
// with computed = N/D and published = P/Q (both reduced, D, Q > 0) that is
// 2 · 10^places · |N·Q − P·D| > D·Q, in 128 bits.
bool outside_published_precision(const Rational& computed, std::string_view published) {
  std::string_view text = trim_spaces(published);
  auto value = Rational::parse_decimal(text, 6);
  if (!value) return true;
  int128 scale = 2;
  for (int i = 0; i < decimal_places(text); ++i) scale *= 10;
  int128 gap =
      abs128(static_cast<int128>(computed.num()) * value->den() - static_cast<int128>(value->num()) * computed.den());
  return scale * gap > static_cast<int128>(computed.den()) * value->den();
}

// docs/cli.md "audit history".
HistoryAudit audit_history(const std::vector<HistoryYear>& rows, std::optional<int> from, std::optional<int> to) {
  if (rows.empty()) throw Error(ErrorKind::invalid, say(w_no_history), Remedy::import_history);
  auto [lo, hi] = std::minmax_element(rows.begin(), rows.end(),
                                      [](const HistoryYear& a, const HistoryYear& b) { return a.year < b.year; });
  HistoryAudit audit;
  audit.from = from.value_or(lo->year);
  audit.to = to.value_or(hi->year);
  // Name what the user gave; a bound left out is the history's own first or last year.
  if (audit.from > audit.to) {
    if (from && to) throw Error(ErrorKind::invalid, say(w_from_after_to, audit.from, audit.to));
    throw Error(ErrorKind::invalid,
                say(w_no_year, from ? std::to_string(*from) : "", to ? std::to_string(*to) : "", lo->year, hi->year));
  }
  std::vector<const HistoryYear*> chosen;
  for (const HistoryYear& h : rows)
    if (h.year >= audit.from && h.year <= audit.to) chosen.push_back(&h);
  if (chosen.empty()) throw Error(ErrorKind::invalid, say(w_no_year, audit.from, audit.to, lo->year, hi->year));
  std::sort(chosen.begin(), chosen.end(), [](const HistoryYear* a, const HistoryYear* b) { return a->year < b->year; });
  audit.years = static_cast<int>(chosen.size());

  for (const HistoryYear* h : chosen) {
    // Report row order (docs/report.md): winners, coefficient, cost per client.
    if (h->winners > h->participants)
      audit.findings.push_back({h->year, "winners", std::to_string(h->winners), std::nullopt, h->participants});
    auto compare = [&](const char* indicator, const std::string& published, const std::optional<Rational>& computed) {
      if (trim_spaces(published).empty()) return;  // an empty cell is never a finding
      if (!computed || outside_published_precision(*computed, published))
        audit.findings.push_back({h->year, indicator, std::string(trim_spaces(published)), computed, 0});
    };
    compare("coefficient", h->coefficient, coefficient_of(h->attracted, h->budget));
    compare("cost_per_client", h->cost_per_client, cost_per_client_of(h->budget, h->attracted, h->clients));
    if (h->budget.is_zero() && h->winners > 0)
      audit.notes.push_back({h->year, "unfunded_winners", h->winners, h->note});
  }
  return audit;
}

}  // namespace competition

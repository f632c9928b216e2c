#include "render/render_ledger.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "render/ledger_words.hpp"
#include "render/markdown_table.hpp"
#include "render/number_style.hpp"
#include "render/text_table.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

using ojson = nlohmann::ordered_json;

// One ledger line's cells as people read them: money in the language's style, `—` for none
// (docs/cli.md "ledger": the refunds in their own column, the late report in the state's words).
std::vector<std::string> cells(const LedgerLine& x, Lang lang) {
  const char* none = "—";
  return {x.application,
          money_text(x.award, lang),
          x.agreement ? x.agreement->number : none,
          x.agreement ? money_text(x.agreement->amount, lang) : none,
          money_text(x.paid, lang),
          x.refunded == Money() ? none : money_text(x.refunded, lang),
          money_text(x.to_pay, lang),
          x.agreement ? x.agreement->report_due : none,
          x.received.value_or(none),
          ledger_state_words(x, lang)};
}

std::vector<std::string> total_cells(const Ledger& l, Lang lang) {
  return {ledger_words[lang].total,
          money_text(l.totals.award, lang),
          "",
          money_text(l.totals.agreed, lang),
          money_text(l.totals.paid, lang),
          money_text(l.totals.refunded, lang),
          money_text(l.totals.to_pay, lang),
          "",
          "",
          ""};
}

std::vector<std::string> header(Lang lang) {
  const LedgerWords& w = ledger_words[lang];
  return {w.application, w.award,  w.agreement,  w.agreed,          w.paid,
          w.refunded,    w.to_pay, w.report_due, w.report_received, w.state};
}

}  // namespace

std::string render_ledger_text(const Ledger& l, Lang lang) {
  std::string out = fmt::format(fmt::runtime(ledger_words[lang].heading), l.round, l.as_of) + "\n\n";
  if (l.lines.empty()) return out + ledger_words[lang].empty + "\n";
  TextTable t;
  t.header(header(lang), "lrlrrrrlll");
  for (const LedgerLine& x : l.lines) t.row(cells(x, lang));
  t.row(total_cells(l, lang));
  return out + t.render();
}

std::string render_ledger_md(const Ledger& l, Lang lang) {
  std::string out = "# " + fmt::format(fmt::runtime(ledger_words[lang].heading), l.round, l.as_of) + "\n\n";
  if (l.lines.empty()) return out + ledger_words[lang].empty + "\n";
  // Cells are escaped first; the totals' bold marks are Markdown, not text.
  auto row = [&out](const std::vector<std::string>& cells, bool bold) {
    out += "|";
    for (const std::string& c : cells) out += " " + (bold && !c.empty() ? "**" + md_cell(c) + "**" : md_cell(c)) + " |";
    out += "\n";
  };
  row(header(lang), false);
  out += "| --- | ---: | --- | ---: | ---: | ---: | ---: | --- | --- | --- |\n";
  for (const LedgerLine& x : l.lines) row(cells(x, lang), false);
  row(total_cells(l, lang), true);
  return out;
}

std::string render_ledger_csv(const Ledger& l, const CsvStyle& style) {
  CsvWriter csv(style);
  for (const char* h :
       {"application", "award", "agreement", "agreed", "paid", "to_pay", "report_due", "report_received", "state"})
    csv.text(h);
  csv.end_row();
  for (const LedgerLine& x : l.lines) {
    csv.text(x.application).number(x.award.to_string());
    if (x.agreement)
      csv.text(x.agreement->number).number(x.agreement->amount.to_string());
    else
      csv.empty().empty();
    csv.number(x.paid.to_string()).number(x.to_pay.to_string());
    if (x.agreement)
      csv.text(x.agreement->report_due);
    else
      csv.empty();
    csv.text(x.received.value_or("")).text(to_string(x.state)).end_row();
  }
  return csv.str();
}

std::string render_ledger_json(const Ledger& l) {
  ojson winners = ojson::array();
  auto or_null = [](const std::optional<std::string>& s) { return s ? ojson(*s) : ojson(nullptr); };
  for (const LedgerLine& x : l.lines)
    winners.push_back({{"application", x.application},
                       {"award", x.award.to_string()},
                       {"agreement", x.agreement ? ojson(x.agreement->number) : ojson(nullptr)},
                       {"agreed", x.agreement ? ojson(x.agreement->amount.to_string()) : ojson(nullptr)},
                       {"paid", x.paid.to_string()},
                       {"to_pay", x.to_pay.to_string()},
                       {"report_due", x.agreement ? ojson(x.agreement->report_due) : ojson(nullptr)},
                       {"report_received", or_null(x.received)},
                       {"state", std::string(to_string(x.state))}});
  const ojson out = {{"round", l.round},
                     {"as_of", l.as_of},
                     {"winners", winners},
                     {"totals",
                      {{"award", l.totals.award.to_string()},
                       {"agreed", l.totals.agreed.to_string()},
                       {"paid", l.totals.paid.to_string()},
                       {"to_pay", l.totals.to_pay.to_string()}}}};
  return out.dump() + "\n";
}

}  // namespace competition

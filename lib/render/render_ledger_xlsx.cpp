// docs/cli.md "ledger", xlsx: one sheet, the header row frozen, money as number
// cells (exact to the kopiyka: a double holds every amount below 2^53 kopiykas
// exactly in its two decimals as shown), text as string cells, never formulas.
#include <fmt/format.h>
#include <xlsxwriter.h>

#include <string>

#include "render/ledger_words.hpp"
#include "render/render_ledger.hpp"
#include "render/xlsx_file.hpp"

namespace competition {

namespace {

double hryvnias(Money m) { return static_cast<double>(m.kopiykas()) / 100.0; }

}  // namespace

void write_ledger_xlsx(const Ledger& l, Lang lang, const std::string& path, const std::string& database) {
  const LedgerWords& w = ledger_words[lang];
  write_workbook(path, database, [&](lxw_workbook* wb) {
    lxw_format* heading = workbook_add_format(wb);
    format_set_bold(heading);
    format_set_bg_color(heading, 0xDCE6F1);
    format_set_bottom(heading, LXW_BORDER_THIN);
    lxw_format* money = workbook_add_format(wb);
    format_set_num_format(money, "#,##0.00");
    lxw_format* total = workbook_add_format(wb);
    format_set_bold(total);
    lxw_format* total_money = workbook_add_format(wb);
    format_set_bold(total_money);
    format_set_num_format(total_money, "#,##0.00");

    // The round and the date in the document's title, so two saved ledgers tell themselves apart.
    std::string title = fmt::format(fmt::runtime(w.heading), l.round, l.as_of);
    lxw_doc_properties properties{};
    properties.title = title.data();  // libxlsxwriter's field is char*; it only reads it
    workbook_set_properties(wb, &properties);
    lxw_worksheet* ws = workbook_add_worksheet(wb, w.sheet);
    const char* columns[] = {w.application, w.award,  w.agreement,  w.agreed,          w.paid,
                             w.refunded,    w.to_pay, w.report_due, w.report_received, w.state};
    lxw_col_t c = 0;
    for (const char* h : columns) xlsx_write_text(ws, 0, c++, h, heading);
    worksheet_freeze_panes(ws, 1, 0);
    lxw_row_t r = 1;
    for (const LedgerLine& x : l.lines) {
      xlsx_write_text(ws, r, 0, x.application, nullptr);
      worksheet_write_number(ws, r, 1, hryvnias(x.award), money);
      if (x.agreement) {
        xlsx_write_text(ws, r, 2, x.agreement->number, nullptr);
        worksheet_write_number(ws, r, 3, hryvnias(x.agreement->amount), money);
        xlsx_write_text(ws, r, 7, x.agreement->report_due, nullptr);
      }
      worksheet_write_number(ws, r, 4, hryvnias(x.paid), money);
      if (x.refunded != Money()) worksheet_write_number(ws, r, 5, hryvnias(x.refunded), money);
      worksheet_write_number(ws, r, 6, hryvnias(x.to_pay), money);
      if (x.received) xlsx_write_text(ws, r, 8, *x.received, nullptr);
      xlsx_write_text(ws, r, 9, ledger_state_words(x, lang), nullptr);
      ++r;
    }
    xlsx_write_text(ws, r, 0, w.total, total);
    worksheet_write_number(ws, r, 1, hryvnias(l.totals.award), total_money);
    worksheet_write_number(ws, r, 3, hryvnias(l.totals.agreed), total_money);
    worksheet_write_number(ws, r, 4, hryvnias(l.totals.paid), total_money);
    worksheet_write_number(ws, r, 5, hryvnias(l.totals.refunded), total_money);
    worksheet_write_number(ws, r, 6, hryvnias(l.totals.to_pay), total_money);
    worksheet_set_column(ws, 0, 9, 16, nullptr);
  });
}

}  // namespace competition

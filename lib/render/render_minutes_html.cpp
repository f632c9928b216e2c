// docs/decisions.md "The minutes" (`competition minutes --format html`): one self-contained page for
// printing (A4), in the document's language.
#include <fmt/format.h>

#include "render/html.hpp"
#include "render/render_minutes.hpp"

namespace competition {

namespace {

// Text with `code` spans (command names in the document's sentences).
std::string inline_text(std::string_view s) {
  std::string out;
  bool code = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '`') continue;
    out += html_escape(s.substr(start, i - start));
    out += code ? "</code>" : "<code>";
    code = !code;
    start = i + 1;
  }
  out += html_escape(s.substr(start));
  if (code) out += "</code>";  // an unpaired backtick: close what it opened
  return out;
}

// `s` with U+00A0 for the spaces inside an amount (`1 000 000,00 грн`): in
// sentences and lists an amount never breaks across lines (cells use nowrap).
std::string amounts_together(std::string_view s) {
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::string_view next = s.substr(i + 1);
    if (s[i] == ' ' && i > 0 && digit(s[i - 1]) &&
        ((!next.empty() && digit(next[0])) || next.starts_with("грн") || next.starts_with("UAH")))
      out += "\u00A0";
    else
      out += s[i];
  }
  return out;
}

// The page's only style sheet: inline, so that the file stands alone; sized for
// A4 paper, black on white, table headers repeated on every printed page, no
// row split across pages; the wide table of applications on landscape pages.
// Headers wrap between words only (no hyphens), numbers and ids never wrap.
constexpr const char* style = R"(@page { size: A4; margin: 15mm 12mm 16mm; }
@page wide { size: A4 landscape; margin: 12mm 12mm 14mm; }
* { box-sizing: border-box; }
html { background: #fff; }
body { margin: 0; color: #111; font: 10pt/1.4 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { max-width: 186mm; margin: 0 auto; padding: 10mm 0; }
h1 { font-size: 15pt; text-align: center; margin: 0 0 1mm; text-transform: uppercase; letter-spacing: 0.03em; }
p.subtitle { font-size: 12pt; text-align: center; font-weight: bold; margin: 0 0 5mm; }
ul.facts { list-style: none; padding: 0; margin: 0 0 4mm; }
ul.facts li { margin: 0.5mm 0; }
h2 { font-size: 11.5pt; margin: 6mm 0 2mm; padding-bottom: 0.8mm; border-bottom: 0.6pt solid #333; break-after: avoid; page-break-after: avoid; }
p { margin: 1.5mm 0; }
table { width: 100%; border-collapse: collapse; font-size: 7.5pt; line-height: 1.25; margin: 2mm 0 3mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #777; padding: 0.6mm 1mm; vertical-align: top; text-align: left; }
th { background: #e6e9ee; font-weight: bold; overflow-wrap: normal; word-break: normal; hyphens: none; }
th.r, td.r { text-align: right; }
td.r, td.nw { white-space: nowrap; font-variant-numeric: tabular-nums; }
section.wide { page: wide; }
tbody tr:nth-child(even) td { background: #f6f7f9; }
tr.total td { font-weight: bold; border-top: 1pt solid #333; }
ul.items { margin: 1mm 0 2mm; padding-left: 6mm; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.95em; white-space: nowrap; }
p.fingerprint { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 9pt; word-break: break-all; border: 0.6pt solid #333; padding: 2mm; }
div.closing { break-inside: avoid; page-break-inside: avoid; }
section.signatures { break-inside: avoid; page-break-inside: avoid; margin-top: 8mm; }
div.signature { display: flex; align-items: flex-end; gap: 6mm; margin: 9mm 0 0; }
div.signature .who { flex: 1 1 auto; }
div.signature .line { flex: 0 0 60mm; border-bottom: 0.6pt solid #000; text-align: center; }
div.signature .line span { display: block; transform: translateY(5mm); font-size: 7.5pt; color: #444; }
div.signature.date .line { flex: 0 0 40mm; }
@media screen { body { background: #eef0f3; } main { background: #fff; padding: 12mm 12mm; margin: 6mm auto; box-shadow: 0 0 3mm rgba(0,0,0,0.15); } section.wide { overflow-x: auto; } }
@media print { main { max-width: none; padding: 0; } }
)";

std::string table_html(const MinutesTable& t) {
  // `r`: right-aligned numbers; `n`: an id, kept on one line; `l`: text.
  auto cls = [&](std::size_t i) {
    char a = i < t.align.size() ? t.align[i] : 'l';
    return a == 'r' ? " class=\"r\"" : a == 'n' ? " class=\"nw\"" : "";
  };
  std::string out = "<table>\n<thead><tr>";
  for (std::size_t i = 0; i < t.header.size(); ++i)
    out += fmt::format("<th{}>{}</th>", cls(i), html_escape(t.header[i]));
  out += "</tr></thead>\n<tbody>\n";
  for (std::size_t k = 0; k < t.rows.size(); ++k) {
    const auto& r = t.rows[k];
    out += t.total && k + 1 == t.rows.size() ? "<tr class=\"total\">" : "<tr>";
    for (std::size_t i = 0; i < r.size(); ++i) out += fmt::format("<td{}>{}</td>", cls(i), html_escape(r[i]));
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

}  // namespace

// The last section (the fingerprint) and the signatures print on one page when
// they fit: the signatures never stand alone on the last page.
std::string render_minutes_html(const MinutesDocument& doc) {
  std::string out =
      html_page_start(to_string(doc.lang), doc.title + " — " + doc.subtitle,
                      std::string(style) + page_footer_style(doc.subtitle, doc.lang), Apostrophe::escaped);
  out += "<h1>" + html_escape(doc.title) + "</h1>\n";
  out += "<p class=\"subtitle\">" + html_escape(doc.subtitle) + "</p>\n<ul class=\"facts\">\n";
  for (const auto& f : doc.facts) out += "<li>" + html_escape(amounts_together(f)) + "</li>\n";
  out += "</ul>\n";
  for (const auto& s : doc.sections) {
    if (&s == &doc.sections.back()) out += "<div class=\"closing\">\n";
    out += std::string(s.wide ? "<section class=\"wide\">" : "<section>") + "\n<h2>" + html_escape(s.title) + "</h2>\n";
    for (const auto& p : s.paragraphs) out += "<p>" + inline_text(amounts_together(p)) + "</p>\n";
    if (s.table) out += table_html(*s.table);
    if (!s.items.empty()) {
      out += "<ul class=\"items\">\n";
      for (const auto& i : s.items) out += "<li>" + html_escape(amounts_together(i)) + "</li>\n";
      out += "</ul>\n";
    }
    if (!s.code.empty()) out += "<p class=\"fingerprint\">" + html_escape(s.code) + "</p>\n";
    for (const auto& n : s.notes) out += "<p>" + inline_text(n) + "</p>\n";
    out += "</section>\n";
  }
  out += "<section class=\"signatures\">\n<h2>" + html_escape(doc.signatures_title) + "</h2>\n";
  for (const auto& s : doc.signers)
    out += "<div class=\"signature\"><div class=\"who\">" + html_escape(s) + "</div><div class=\"line\"><span>" +
           html_escape(doc.signature_label) + "</span></div></div>\n";
  out += "<div class=\"signature date\"><div class=\"who\">" + html_escape(doc.date_label) +
         ":</div><div class=\"line\"></div></div>\n";
  out += "</section>\n";
  if (!doc.sections.empty()) out += "</div>\n";
  out += html_page_end;
  return out;
}

}  // namespace competition

#include "render/markdown_table.hpp"

#include "base/visible_text.hpp"

namespace competition {

void append_md_cell(std::string& out, std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::size_t n = control_length(s, i); n > 0) {  // base/visible_text.hpp: `\x1b`, never the byte
      std::string shown = visible(s.substr(i, n));
      out += '\\';  // the backslash of `\x1b` itself escaped, so Markdown shows it
      out += shown;
      i += n - 1;
      continue;
    }
    if (c == '\\' || c == '|' || c == '*' || c == '_' || c == '`' || c == '<' || c == '[' || c == ']') out += '\\';
    out += c;
  }
}

std::string md_cell(std::string_view s) {
  std::string out;
  append_md_cell(out, s);
  return out;
}

namespace {

void md_row(OutputSink& out, const TextRow& cells) {
  std::string& s = out.text();
  s += '|';
  for (std::size_t i = 0; i < cells.size(); ++i) {
    s += ' ';
    append_md_cell(s, cells[i]);
    s += " |";
  }
  s += '\n';
  out.row_done();
}

}  // namespace

void render_md_table(OutputSink& out, const std::vector<std::string>& header, std::string_view align, std::size_t count,
                     const RowMaker& make) {
  TextRow row;
  for (const auto& h : header) row.cell(h);
  md_row(out, row);
  std::string& s = out.text();
  s += '|';
  for (char a : align) s += a == 'r' ? " ---: |" : " --- |";
  s += '\n';
  for (std::size_t i = 0; i < count; ++i) {
    row.clear();
    make(i, row);
    md_row(out, row);
  }
}

}  // namespace competition

#include "render/markdown_table.hpp"

#include "base/visible_text.hpp"

namespace competition {

void append_md_cell(std::string& out, std::string_view s) {
  std::string line;  // base/visible_text.hpp: one line, `\x1b` for ESC; only made when needed
  if (!plain_line(s)) {
    append_visible_line(line, s);
    s = line;
  }
  for (char c : s) {
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

// docs/decisions.md "The minutes" (`competition minutes --format md`).
#include "render/render_minutes.hpp"

#include "render/markdown_table.hpp"

namespace competition {

namespace {

// Sentences of the document: escaped, but `code` spans (command names) kept.
std::string text(std::string_view s) {
  std::string out;
  bool code = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && s[i] != '`') continue;
    std::string_view part = s.substr(start, i - start);
    out += code ? "`" + std::string(part) + "`" : md_cell(part);
    code = !code;
    start = i + 1;
  }
  return out;
}

std::string row(const std::vector<std::string>& cells) {
  std::string s = "|";
  for (const auto& c : cells) s += " " + md_cell(c) + " |";
  return s;
}

}  // namespace

// Blocks (headings, paragraphs, tables, lists) separated by one blank line.
std::string render_minutes_md(const MinutesDocument& doc) {
  std::vector<std::string> blocks{"# " + md_cell(doc.title), "## " + md_cell(doc.subtitle)};
  std::string facts;
  for (const auto& f : doc.facts) facts += (facts.empty() ? "" : "  \n") + md_cell(f);
  blocks.push_back(facts);
  for (const auto& s : doc.sections) {
    blocks.push_back("## " + md_cell(s.title));
    for (const auto& p : s.paragraphs) blocks.push_back(text(p));
    if (s.table) {
      std::string t = row(s.table->header) + "\n|";
      for (char a : s.table->align) t += a == 'r' ? " ---: |" : " --- |";
      for (const auto& r : s.table->rows) t += "\n" + row(r);
      blocks.push_back(t);
    }
    if (!s.items.empty()) {
      std::string list;
      for (const auto& i : s.items) list += (list.empty() ? "- " : "\n- ") + md_cell(i);
      blocks.push_back(list);
    }
    if (!s.code.empty()) blocks.push_back("`" + s.code + "`");
    for (const auto& n : s.notes) blocks.push_back(text(n));
  }
  blocks.push_back("## " + md_cell(doc.signatures_title));
  // A run of underscores between spaces is neither emphasis nor a rule: the line to sign on.
  for (const auto& s : doc.signers)
    blocks.push_back(md_cell(s) + " " + std::string(24, '_') + " " + md_cell(doc.signature_label));
  blocks.push_back(md_cell(doc.date_label) + ": " + std::string(24, '_'));
  std::string out;
  for (const auto& b : blocks) out += (out.empty() ? "" : "\n\n") + b;
  return out + "\n";
}

}  // namespace competition

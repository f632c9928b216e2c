#include "formats/reviewers_csv.hpp"

#include "base/text.hpp"
#include "formats/csv_rows.hpp"

namespace competition {

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

Reviewer ReviewerRowParser::parse(RowReader& r) {
  Reviewer rv;
  rv.id = r.id(0);
  rv.name = r.text(1);
  std::string conflicts = canonical_conflicts(r.cell(2));
  for (std::size_t start = 0; !conflicts.empty();) {
    std::size_t p = conflicts.find('|', start);
    rv.conflicts.push_back(conflicts.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  check_unique(seen_, rv.id, r, 0, [&] { return fmt::format("id \"{}\"", rv.id); });
  return rv;
}

std::vector<Reviewer> parse_reviewers_csv(std::string_view bytes, const std::string& file,
                                          std::vector<Diagnostic>& errors) {
  ReviewerRowParser parser;
  std::vector<Reviewer> out;
  read_back_rows(bytes, file, reviewer_columns, errors, [&](RowReader& r) {
    Reviewer rv = parser.parse(r);
    if (r.ok) out.push_back(std::move(rv));
  });
  return out;
}

}  // namespace competition

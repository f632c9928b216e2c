#include "formats/csv_rows.hpp"

#include <algorithm>

#include "formats/xlsx_zip.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_width{.uk = "у записі полів: {0}, а в заголовку: {2} (перевірте лапки й роздільники)",
                                       .en = "{} field{}, but the header has {} (check quoting and delimiters)"};

CsvRows::CsvRows(std::string_view bytes, const CsvSource& source, std::vector<ColumnSpec> specs)
    : source_(source),
      specs_(std::move(specs)),
      syntax_(source.file),
      header_(source.file),
      rows_(source.file),
      conflicts_(source.file) {
  const CsvRecord* header = nullptr;
  if (looks_like_zip(bytes) || looks_like_ole(bytes)) {
    table_.emplace(read_xlsx_table(bytes, source.file));
    for (DiagnosticSink* s : {&syntax_, &header_, &rows_, &conflicts_}) s->set_sheet(table_->sheet);
    for (auto& d : table_->problems) syntax_.add(std::move(d));
    header = &table_->header;
  } else {
    decoded_.emplace(decode_input_view(bytes, source.encoding, source.file));
    reader_.emplace(decoded_->text(), source.delimiter, source.file);
    header = &reader_->header();
  }
  header_line_ = header->line;
  index_ = map_columns(header->fields, specs_, header->line, header_);
  header_ok_ = header_.empty();
}

RowReader* CsvRows::next() {
  if (table_) {
    // Workbook rows have the header's width already; cell problems are in syntax_.
    while (!stopped_ && table_next_ < table_->rows.size()) {
      rec_ = std::move(table_->rows[table_next_++]);
      ++read_;
      if (!header_ok_) continue;
      row_.emplace(RowReader{rec_, index_, specs_, rows_});
      return &*row_;
    }
    stopped_ = true;
    return nullptr;
  }
  const std::size_t width = reader_->header().fields.size();
  while (!stopped_) {
    try {
      if (!reader_->next(rec_)) break;
    } catch (const Error& e) {
      // A syntax error ends that record; go on to report the others too.
      for (const auto& d : e.diagnostics()) syntax_.add(d.line, d.column, d.field, d.message);
      stopped_ = syntax_.diagnostics().size() >= max_reported_errors;
      continue;
    }
    if (source_.progress && (read_ & 0xFFFF) == 0) source_.progress(reader_->position(), decoded_->text().size());
    if (rec_.fields.size() != width) {
      syntax_.add(rec_.line, static_cast<int>(std::min(rec_.fields.size(), width)) + 1, "",
                  say(w_width, rec_.fields.size(), rec_.fields.size() == 1 ? "" : "s", width));
      continue;
    }
    ++read_;
    if (!header_ok_) continue;
    row_.emplace(RowReader{rec_, index_, specs_, rows_});
    return &*row_;
  }
  stopped_ = true;
  return nullptr;
}

std::optional<std::string> CsvRows::defined_text(std::string_view name) const {
  if (!table_) return std::nullopt;
  for (const auto& [n, text] : table_->text_names)
    if (normalize_header(n) == normalize_header(name)) return text;
  return std::nullopt;
}

void CsvRows::require_column(std::size_t k) {
  if (index_[k] >= 0) return;
  header_.add(header_line_, 0, specs_[k].name, missing_column_message(specs_[k].name));
  header_ok_ = false;
}

bool CsvRows::finish(DiagnosticSink& out) {
  const bool invalid = any_invalid();
  if (invalid) {
    out.merge(syntax_);
    out.merge(header_);
    out.merge(rows_);
  } else {
    out.merge(rows_);
    out.merge(conflicts_);
  }
  return invalid;
}

}  // namespace competition

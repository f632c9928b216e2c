#include "formats/diagnostic_sink.hpp"

namespace competition {

void DiagnosticSink::add(int line, int column, std::string field, Message message, ErrorKind kind) {
  add(Diagnostic{file_, line, column, std::move(field), std::move(message), kind, sheet_});
}

void DiagnosticSink::add(Diagnostic d) {
  if (d.kind == ErrorKind::invalid) any_invalid_ = true;
  d.file = file_;
  if (d.sheet.empty()) d.sheet = sheet_;
  if (diags_.size() < max_reported_errors)
    diags_.push_back(std::move(d));
  else
    ++dropped_;
}

void DiagnosticSink::merge(DiagnosticSink& other) {
  for (auto& d : other.diags_) add(std::move(d));
  other.diags_.clear();
  dropped_ += other.dropped_;
  other.dropped_ = 0;
  any_invalid_ = any_invalid_ || other.any_invalid_;
}

}  // namespace competition

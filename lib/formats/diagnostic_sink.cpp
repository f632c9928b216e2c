#include "formats/diagnostic_sink.hpp"

namespace competition {

void DiagnosticSink::add(int line, int column, std::string field, std::string message, ErrorKind kind) {
  if (kind == ErrorKind::invalid) any_invalid_ = true;
  if (diags_.size() < max_reported_errors)
    diags_.push_back(Diagnostic{file_, line, column, std::move(field), std::move(message), kind});
  else
    ++dropped_;
}

void DiagnosticSink::merge(DiagnosticSink& other) {
  for (auto& d : other.diags_) add(d.line, d.column, std::move(d.field), std::move(d.message), d.kind);
  other.diags_.clear();
  dropped_ += other.dropped_;
  other.dropped_ = 0;
  any_invalid_ = any_invalid_ || other.any_invalid_;
}

}  // namespace competition

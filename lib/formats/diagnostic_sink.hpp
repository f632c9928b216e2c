// The diagnostics of one input file as they are found: the first
// max_reported_errors are kept, the rest only counted (docs/cli.md "import": a run
// reports up to 100 problems and says that there were more).
#pragma once
#include <string>
#include <vector>

#include "values/diagnostic.hpp"

namespace competition {

class DiagnosticSink {
 public:
  explicit DiagnosticSink(std::string file) : file_(std::move(file)) {}

  void add(int line, int column, std::string field, Message message, ErrorKind kind = ErrorKind::invalid);
  // `d` as this file's (keeping its sheet, else this sink's).
  void add(Diagnostic d);
  // Locates what is added from now on in a workbook's worksheet (file:SHEET!CELL).
  void set_sheet(std::string sheet) { sheet_ = std::move(sheet); }
  // Moves every diagnostic of `other` here, and its count of those beyond the
  // limit (`other` is left empty).
  void merge(DiagnosticSink& other);

  const std::string& file() const { return file_; }
  const std::string& sheet() const { return sheet_; }  // empty: not a workbook
  const std::vector<Diagnostic>& diagnostics() const { return diags_; }
  std::vector<Diagnostic>& diagnostics() { return diags_; }
  bool empty() const { return diags_.empty(); }
  bool any_invalid() const { return any_invalid_; }
  long dropped() const { return dropped_; }  // problems found beyond the reporting limit

 private:
  std::string file_;
  std::string sheet_;
  std::vector<Diagnostic> diags_;
  bool any_invalid_ = false;
  long dropped_ = 0;
};

}  // namespace competition

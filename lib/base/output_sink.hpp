// Where a command's output goes: collected in memory (tests, small texts) or
// written to a file in chunks as it is produced, so that a national ranking of
// hundreds of megabytes is never held whole (nor copied) before it is written.
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

namespace competition {

// What a file sink does with control characters in the text (base/visible_text.hpp):
// kept as data (JSON, CSV, pabulib) or shown visibly (text, Markdown, HTML).
enum class Controls { kept, shown };

class OutputSink {
 public:
  OutputSink() = default;  // collects: take() returns all the text
  // Writes to `file` (not closed here).
  explicit OutputSink(std::FILE* file, Controls controls = Controls::kept);
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  // The pending text: renderers append to it directly and call `row_done()`
  // where what is written so far may go out (between lines, never mid-line).
  std::string& text() { return pending_; }
  OutputSink& operator+=(std::string_view s);
  void row_done() {
    if (file_ && pending_.size() >= chunk) flush();
  }
  // Writes out what is pending; false once any write to the file has failed
  // (errno then tells why).
  bool flush();
  // The collected text (an in-memory sink).
  std::string take() { return std::move(pending_); }

 private:
  static constexpr std::size_t chunk = std::size_t{1} << 20;
  void write_out(std::string_view s);
  std::FILE* file_ = nullptr;
  Controls controls_ = Controls::kept;
  std::string pending_;
  bool ok_ = true;
};

}  // namespace competition

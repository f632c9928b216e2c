#include "base/output_sink.hpp"

#include "base/visible_text.hpp"

namespace competition {

OutputSink::OutputSink(std::FILE* file, Controls controls) : file_(file), controls_(controls) {
  pending_.reserve(chunk + chunk / 4);
}

// Text goes out between lines or as a whole string, so a two-byte C1 control
// is never split between two writes.
void OutputSink::write_out(std::string_view s) {
  if (!ok_) return;  // the first failure's errno is the reason reported
  if (controls_ == Controls::shown && has_control(s)) {
    std::string shown = visible(s);
    ok_ = std::fwrite(shown.data(), 1, shown.size(), file_) == shown.size();
    return;
  }
  ok_ = std::fwrite(s.data(), 1, s.size(), file_) == s.size();
}

OutputSink& OutputSink::operator+=(std::string_view s) {
  if (file_ && s.size() >= chunk) {  // a big finished text goes out as it is, not copied
    flush();
    write_out(s);
    return *this;
  }
  pending_ += s;
  row_done();
  return *this;
}

bool OutputSink::flush() {
  if (file_) {
    if (!pending_.empty()) write_out(pending_);
    pending_.clear();
    if (ok_) ok_ = std::fflush(file_) == 0;
  }
  return ok_;
}

}  // namespace competition

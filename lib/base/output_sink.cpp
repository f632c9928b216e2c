#include "base/output_sink.hpp"

namespace competition {

OutputSink::OutputSink(std::FILE* file) : file_(file) { pending_.reserve(chunk + chunk / 4); }

OutputSink& OutputSink::operator+=(std::string_view s) {
  if (file_ && s.size() >= chunk) {  // a big finished text goes out as it is, not copied
    flush();
    ok_ = std::fwrite(s.data(), 1, s.size(), file_) == s.size() && ok_;
    return *this;
  }
  pending_ += s;
  row_done();
  return *this;
}

bool OutputSink::flush() {
  if (file_) {
    if (!pending_.empty()) ok_ = std::fwrite(pending_.data(), 1, pending_.size(), file_) == pending_.size() && ok_;
    pending_.clear();
    ok_ = std::fflush(file_) == 0 && ok_;
  }
  return ok_;
}

}  // namespace competition

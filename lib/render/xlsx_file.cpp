#include "render/xlsx_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "formats/output_file.hpp"
#include "render/xlsx_text.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_cannot_write{.uk = "{}: не вдається записати робочу книгу: {}",
                                              .en = "{}: cannot write the workbook: {}"};

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (char ch : s)
    if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
  return n;
}

namespace {

// A cell's text cut to the limit, ending with `…` (docs/report.md "xlsx").
std::string fit_cell(std::string s) {
  if (utf8_length(s) <= xlsx_cell_chars) return s;
  std::size_t chars = 0, i = 0;
  for (; i < s.size(); ++i)
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && chars++ == xlsx_cell_chars - 1) break;
  s.resize(i);
  return s + "…";
}

// libxlsxwriter prints its own `[ERROR] …` lines on standard error; the error
// it returns is reported instead (with the system's reason), so they are held
// back while the workbook is written.
class QuietStderr {
 public:
  QuietStderr() {
    std::fflush(stderr);
    saved_ = ::dup(STDERR_FILENO);
    int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved_ >= 0 && null >= 0) ::dup2(null, STDERR_FILENO);
    if (null >= 0) ::close(null);
  }
  ~QuietStderr() {
    std::fflush(stderr);
    if (saved_ >= 0) {
      ::dup2(saved_, STDERR_FILENO);
      ::close(saved_);
    }
  }
  QuietStderr(const QuietStderr&) = delete;
  QuietStderr& operator=(const QuietStderr&) = delete;

 private:
  int saved_ = -1;
};

}  // namespace

void xlsx_write_text(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, std::string_view text, lxw_format* f) {
  worksheet_write_string(ws, r, c, fit_cell(xlsx_text(text)).c_str(), f);
}

void write_workbook(const std::string& path, const std::string& database,
                    const std::function<void(lxw_workbook*)>& build) {
  OutputFile out(path, database);
  lxw_error err = LXW_NO_ERROR;
  int error = 0;
  {
    QuietStderr quiet;
    // libxlsxwriter opens the file by name (the temporary file made above, or a FIFO).
    lxw_workbook* wb = workbook_new(out.name().c_str());
    if (!wb) out.fail(ENOMEM);
    build(wb);
    errno = 0;
    err = workbook_close(wb);
    error = errno;
  }
  if (err != LXW_NO_ERROR) {
    if (error != 0) out.fail(error);
    throw Error(ErrorKind::io, say(w_cannot_write, path, lxw_strerror(err)));
  }
  out.commit();
}

}  // namespace competition

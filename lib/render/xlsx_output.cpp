#include "render/xlsx_output.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

#include "formats/output_file.hpp"
#include "values/diagnostic.hpp"

namespace competition {

namespace {

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

void write_workbook(const std::string& path, const std::string& database,
                    const std::function<void(lxw_workbook*)>& fill) {
  OutputFile out(path, database);
  lxw_error err = LXW_NO_ERROR;
  int error = 0;
  {
    QuietStderr quiet;
    // libxlsxwriter opens the file by name (the temporary file made above, or a FIFO).
    lxw_workbook* wb = workbook_new(out.name().c_str());
    if (!wb) out.fail(ENOMEM);
    fill(wb);
    errno = 0;
    err = workbook_close(wb);
    error = errno;
  }
  if (err != LXW_NO_ERROR) {
    if (error != 0) out.fail(error);
    throw Error(ErrorKind::io, fmt::format("{}: cannot write the workbook: {}", path, lxw_strerror(err)));
  }
  out.commit();
}

}  // namespace competition

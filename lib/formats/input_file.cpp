#include "formats/input_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "values/diagnostic.hpp"

namespace competition {

std::string limit_words(std::size_t bytes) {
  if (bytes % (std::size_t{1} << 30) == 0) return fmt::format("{} GiB", bytes >> 30);
  if (bytes % (std::size_t{1} << 20) == 0) return fmt::format("{} MiB", bytes >> 20);
  return fmt::format("{} bytes", bytes);
}

namespace {

[[noreturn]] void too_large(const std::string& label, std::size_t limit) {
  throw Error(ErrorKind::invalid, fmt::format("{}: the file is larger than {} ({} bytes), the most competition reads "
                                              "(docs/formats.md \"Limits\")",
                                              label, limit_words(limit), limit));
}

// Closes a descriptor this file opened (never standard input).
struct OwnedFd {
  int fd;
  bool owned;
  ~OwnedFd() {
    if (owned) ::close(fd);
  }
};

}  // namespace

std::string read_input_file(const std::string& path, const std::string& label, std::size_t limit) {
  OwnedFd in{path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC), path != "-"};
  if (in.fd < 0) throw Error(ErrorKind::io, fmt::format("{}: cannot open the file: {}", label, std::strerror(errno)));
  struct stat st {};
  const bool known = ::fstat(in.fd, &st) == 0;
  const bool regular = known && S_ISREG(st.st_mode);
  if (known && S_ISDIR(st.st_mode)) throw Error(ErrorKind::io, fmt::format("{}: is a directory, not a file", label));
  if (regular && static_cast<std::size_t>(st.st_size) > limit) too_large(label, limit);
  // Straight into the string, in large blocks (a national file is hundreds of
  // megabytes), sized up front for a regular file; a pipe grows by 1 MiB.
  std::string data;
  if (regular) data.reserve(static_cast<std::size_t>(st.st_size) + 1);  // +1: room to see the end
  for (;;) {
    std::size_t have = data.size();
    if (have > limit) too_large(label, limit);
    std::size_t room = data.capacity() - have;
    std::size_t chunk = room > 0 ? room : std::size_t{1} << 20;
    data.resize(have + chunk);
    ssize_t got = ::read(in.fd, data.data() + have, chunk);
    if (got < 0 && errno == EINTR) {
      data.resize(have);
      continue;
    }
    if (got < 0) throw Error(ErrorKind::io, fmt::format("{}: cannot read the file: {}", label, std::strerror(errno)));
    data.resize(have + static_cast<std::size_t>(got));
    if (got == 0) break;
  }
  return data;
}

}  // namespace competition

#include "formats/input_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "values/common_words.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_gib{.uk = "{} ГіБ", .en = "{} GiB"};
constexpr PerLang<const char*> w_mib{.uk = "{} МіБ", .en = "{} MiB"};
constexpr PerLang<const char*> w_bytes{.uk = "{} байтів", .en = "{} bytes"};
constexpr PerLang<const char*> w_too_large{
    .uk = "{}: файл більший за {} ({} байтів) — найбільший, який читає competition (docs/formats.md \"Limits\")",
    .en = "{}: the file is larger than {} ({} bytes), the most competition reads (docs/formats.md \"Limits\")"};
constexpr PerLang<const char*> w_cannot_open{.uk = "{}: не вдається відкрити файл: {}",
                                             .en = "{}: cannot open the file: {}"};
constexpr PerLang<const char*> w_is_dir{.uk = "{}: це каталог, а не файл", .en = "{}: is a directory, not a file"};
constexpr PerLang<const char*> w_cannot_read{.uk = "{}: не вдається прочитати файл: {}",
                                             .en = "{}: cannot read the file: {}"};

Message limit_words(std::size_t bytes) {
  if (bytes % (std::size_t{1} << 30) == 0) return say(w_gib, bytes >> 30);
  if (bytes % (std::size_t{1} << 20) == 0) return say(w_mib, bytes >> 20);
  return say(w_bytes, bytes);
}

namespace {

bool ends_with_ascii_lower(std::string name, std::string_view ending) {
  for (char& c : name)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return name.size() > ending.size() && name.compare(name.size() - ending.size(), ending.size(), ending) == 0;
}

}  // namespace

std::vector<std::string> sheet_files_in(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0) continue;
    if (!ends_with_ascii_lower(name, ".xlsx") && !ends_with_ascii_lower(name, ".csv")) continue;
    std::error_code type_error;
    if (!it->is_regular_file(type_error)) continue;
    names.push_back(std::move(name));
  }
  if (ec) throw Error(ErrorKind::io, say(cannot_read_directory_words, dir, ec.message()));
  std::sort(names.begin(), names.end());
  const std::string prefix = !dir.empty() && dir.back() == '/' ? dir : dir + "/";
  for (auto& n : names) n = prefix + n;
  return names;
}

namespace {

[[noreturn]] void too_large(const std::string& label, std::size_t limit) {
  throw Error(ErrorKind::invalid, say(w_too_large, label, limit_words(limit), limit));
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

namespace {

// The reading itself: `sized` is told a regular file's size up front, `sink`
// gets each read.
void read_limited(const std::string& path, const std::string& label, std::size_t limit,
                  const std::function<void(std::size_t)>& sized, const std::function<void(std::string_view)>& sink) {
  OwnedFd in{path == "-" ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC), path != "-"};
  if (in.fd < 0) throw Error(ErrorKind::io, say(w_cannot_open, label, std::strerror(errno)));
  struct stat st {};
  const bool known = ::fstat(in.fd, &st) == 0;
  const bool regular = known && S_ISREG(st.st_mode);
  if (known && S_ISDIR(st.st_mode)) throw Error(ErrorKind::io, say(w_is_dir, label));
  if (regular && static_cast<std::size_t>(st.st_size) > limit) too_large(label, limit);
  if (regular) sized(static_cast<std::size_t>(st.st_size));
  // In 1 MiB reads, the limit checked per read: appended to a string (which
  // grows geometrically) each byte is copied a bounded number of times, so a
  // pipe costs what a file does. (Zero-filling the whole spare capacity before
  // each pipe read of 64 KiB made a pipe quadratic.)
  constexpr std::size_t chunk = std::size_t{1} << 20;
  std::string buffer(chunk, '\0');
  std::size_t total = 0;
  for (;;) {
    ssize_t got = ::read(in.fd, buffer.data(), chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw Error(ErrorKind::io, say(w_cannot_read, label, std::strerror(errno)));
    if (got == 0) break;
    const auto n = static_cast<std::size_t>(got);
    if (n > limit - total) too_large(label, limit);
    total += n;
    sink(std::string_view(buffer.data(), n));
  }
}

}  // namespace

std::string read_input_file(const std::string& path, const std::string& label, std::size_t limit) {
  std::string data;
  read_limited(
      path, label, limit, [&](std::size_t size) { data.reserve(size + 1); },  // +1: room to see the end
      [&](std::string_view piece) { data.append(piece); });
  return data;
}

void read_input_pieces(const std::string& path, const std::string& label,
                       const std::function<void(std::string_view)>& sink, std::size_t limit) {
  read_limited(
      path, label, limit, [](std::size_t) {}, sink);
}

}  // namespace competition

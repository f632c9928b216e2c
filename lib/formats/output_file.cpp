#include "formats/output_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "base/filesystem_check.hpp"
#include "formats/database_output_check.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_cannot_write{.uk = "{}: не вдається записати файл виводу: {}",
                                              .en = "{}: cannot write the output file: {}"};
constexpr PerLang<const char*> w_dir_not_writable{
    .uk =
        "{}: не вдається записати файл виводу: до його каталогу {} не можна писати ({}); файл замінюється цілим через "
        "тимчасовий файл у цьому каталозі",
    .en =
        "{}: cannot write the output file: its directory {} is not writable ({}); the file is replaced whole through a "
        "temporary file in that directory"};

std::string follow_links(const std::string& path) {
  std::string at = path;
  for (int hops = 0; hops < 40; ++hops) {  // 40: Linux's own limit (ELOOP beyond)
    struct stat st {};
    if (::lstat(at.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return at;
    std::vector<char> buf(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 255) + 1);
    ssize_t n = ::readlink(at.c_str(), buf.data(), buf.size());
    if (n < 0 || static_cast<std::size_t>(n) >= buf.size()) return at;
    std::string next(buf.data(), static_cast<std::size_t>(n));
    if (next.empty()) return at;
    at = next[0] == '/' ? next : parent_directory(at) + "/" + next;
  }
  return at;
}

void OutputFile::fail(int error) const { throw Error(ErrorKind::io, say(w_cannot_write, path_, std::strerror(error))); }

namespace {

std::string base_name(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

mode_t current_umask() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return mask;
}

// A FIFO, a device, a terminal or a socket is written through, never replaced;
// so is a file named through /proc's links (`-o /dev/stdout`), whose target is
// no path to rename onto. `st` is the path's stat, null when it does not exist.
bool written_through(const std::string& target, const struct stat* st) {
  if (st == nullptr) return false;
  struct stat resolved {};
  const bool magic =
      ::stat(target.c_str(), &resolved) != 0 || resolved.st_ino != st->st_ino || resolved.st_dev != st->st_dev;
  return !S_ISREG(st->st_mode) || magic;
}

}  // namespace

bool OutputFile::replaces(const std::string& path) {
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  return !(exists && S_ISDIR(st.st_mode)) && !written_through(follow_links(path), exists ? &st : nullptr);
}

OutputFile::OutputFile(const std::string& path, const std::string& database)
    : path_(path), target_(follow_links(path)), database_(database) {
  if (!database_.empty()) refuse_database_output(path_, database_);
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;  // the kernel's own view, /proc's links included
  if (exists && S_ISDIR(st.st_mode)) fail(EISDIR);
  if (written_through(target_, exists ? &st : nullptr)) {
    through_ = true;
    write_name_ = path;
    int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | (S_ISREG(st.st_mode) ? O_TRUNC : 0));
    if (fd < 0) fail(errno);
    file_ = ::fdopen(fd, "wb");
    if (!file_) {
      int e = errno;
      ::close(fd);
      fail(e);
    }
    return;
  }
  std::string name = parent_directory(target_) + "/." + base_name(target_) + ".tmp-XXXXXX";
  int fd = ::mkostemp(name.data(), O_CLOEXEC);  // O_CREAT|O_EXCL: never through a planted link
  if (fd < 0) {
    const int e = errno;
    // The file itself may be writable: say why its directory must be too.
    if ((e == EACCES || e == EPERM) && exists)
      throw Error(ErrorKind::io, say(w_dir_not_writable, path_, parent_directory(target_), std::strerror(e)));
    fail(e);
  }
  write_name_ = name;
  const mode_t mode = exists ? (st.st_mode & 07777) : (0666 & ~current_umask());
  // The owner and group too, as far as the user may (the owner only as root,
  // the group when a member); best effort: the permission bits are what matter.
  [[maybe_unused]] const bool owned =
      exists && (::fchown(fd, st.st_uid, st.st_gid) == 0 || ::fchown(fd, static_cast<uid_t>(-1), st.st_gid) == 0);
  if (::fchmod(fd, mode) != 0) {
    int e = errno;
    ::close(fd);
    ::unlink(write_name_.c_str());
    fail(e);
  }
  file_ = ::fdopen(fd, "wb");
  if (!file_) {
    int e = errno;
    ::close(fd);
    ::unlink(write_name_.c_str());
    fail(e);
  }
}

OutputFile::~OutputFile() {
  if (file_) std::fclose(file_);
  if (!through_ && !write_name_.empty()) ::unlink(write_name_.c_str());
}

void OutputFile::close() {
  std::FILE* f = file_;
  if (f == nullptr) return;
  file_ = nullptr;
  int error = 0;
  if (std::fflush(f) != 0 || std::ferror(f)) error = errno != 0 ? errno : EIO;
  // A regular file is synced before the rename, so that a crash leaves the old file or the whole new one.
  if (error == 0 && !through_ && ::fsync(::fileno(f)) != 0) error = errno;
  if (std::fclose(f) != 0 && error == 0) error = errno;
  if (error != 0) fail(error);  // the destructor removes the temporary file
}

void OutputFile::commit() {
  close();
  if (through_) return;
  // A link planted since the file was opened must not aim the rename at the database.
  if (!database_.empty()) {
    refuse_database_output(path_, database_);
    refuse_database_output(target_, database_);
  }
  if (::rename(write_name_.c_str(), target_.c_str()) != 0) fail(errno);
  write_name_.clear();
  // The rename is durable once the directory is synced; the file is whole either way.
  int dir = ::open(parent_directory(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

}  // namespace competition

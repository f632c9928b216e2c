#include "formats/database_output_check.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>

#include "formats/output_file.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_is_database{.uk = "{}: це {} ({}); нічого не записано: вкажіть інший шлях виводу",
                                             .en = "{}: is {} ({}); nothing was written: give another output path"};
constexpr PerLang<const char*> w_the_database{.uk = "база даних", .en = "the database"};
constexpr PerLang<const char*> w_companion{.uk = "файл {} бази даних", .en = "the database's {} file"};

namespace {

// The absolute path with every symbolic link followed (the missing tail kept as written).
std::string resolved(const std::string& path) {
  std::error_code ec;
  auto p = std::filesystem::weakly_canonical(std::filesystem::absolute(follow_links(path), ec), ec);
  return ec ? path : p.lexically_normal().string();
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  if (::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  return resolved(a) == resolved(b);
}

[[noreturn]] void refuse(const std::string& output, const std::string& companion, const char* suffix) {
  throw Error(ErrorKind::invalid,
              say(w_is_database, output, *suffix ? say(w_companion, suffix + 1) : say(w_the_database), companion));
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

void refuse_database_output(const std::string& output, const std::string& db) {
  if (output.empty() || output == "-") return;
  // SQLite names the companions after the database's path with its symbolic links followed.
  for (const std::string& name : {db, follow_links(db)})
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      if (same_file(output, name + suffix)) refuse(output, name + suffix, suffix);
  // A companion named for another name of the same file (a hard link): what
  // the suffix is stripped from is the database itself.
  struct stat sd {};
  if (::stat(db.c_str(), &sd) != 0) return;
  for (const std::string& name : {output, follow_links(output)})
    for (const char* suffix : {"-wal", "-shm", "-journal"}) {
      if (!ends_with(name, suffix)) continue;
      const std::string base = name.substr(0, name.size() - std::char_traits<char>::length(suffix));
      struct stat sb {};
      if (::stat(base.c_str(), &sb) == 0 && sb.st_dev == sd.st_dev && sb.st_ino == sd.st_ino)
        refuse(output, name, suffix);
    }
}

}  // namespace competition

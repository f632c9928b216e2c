#include "formats/database_output_check.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>

#include "formats/output_file.hpp"
#include "values/diagnostic.hpp"

namespace competition {

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

}  // namespace

void refuse_database_output(const std::string& output, const std::string& db) {
  if (output.empty() || output == "-") return;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    const std::string companion = db + suffix;
    if (!same_file(output, companion)) continue;
    throw Error(ErrorKind::invalid,
                fmt::format("{}: is the database{} ({}); nothing was written: give another output path", output,
                            *suffix ? fmt::format("'s {} file", suffix + 1) : std::string(), companion));
  }
}

}  // namespace competition

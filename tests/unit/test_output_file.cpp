// formats/output_file.hpp: an output file never lands on the database, even
// when a link is planted between opening it and committing it.
#include "formats/output_file.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "values/diagnostic.hpp"

using namespace competition;

namespace {

std::string contents(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("OutputFile: a link to the database planted before the commit is refused there") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("outfile-race-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = (dir / "race.db").string();
  std::ofstream(db) << "records";
  {
    OutputFile out((dir / "out.md").string(), db);
    std::fputs("minutes", out.stream());
    fs::create_symlink("race.db", dir / "out.md");  // `ln -sf race.db out.md` while the command runs
    try {
      out.commit();
      FAIL("the commit was not refused");
    } catch (const Error& e) {
      CHECK(e.kind() == ErrorKind::invalid);
      CHECK(std::string(e.what()) == (dir / "out.md").string() + ": is the database (" + db +
                                         "); nothing was written: give another output path");
    }
  }
  CHECK(contents(db) == "records");
  CHECK(fs::is_symlink(dir / "out.md"));
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 2);  // no temporary file left
  // The link already there when the file is opened: refused before anything is written.
  CHECK_THROWS_AS(OutputFile((dir / "out.md").string(), db), Error);
  CHECK(contents(db) == "records");
  // Another output commits as ever.
  {
    OutputFile out((dir / "ok.md").string(), db);
    std::fputs("minutes", out.stream());
    out.commit();
  }
  CHECK(contents(dir / "ok.md") == "minutes");
  fs::remove_all(dir);
}

TEST_CASE("OutputFile: a writable file in a directory that is not says why the directory matters") {
  namespace fs = std::filesystem;
  if (::geteuid() == 0) return;  // root writes any directory: nothing to refuse
  const fs::path dir = fs::temp_directory_path() / ("outfile-ro-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = (dir / "r.txt").string();
  std::ofstream(path) << "old";
  fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
  try {
    OutputFile out(path);
    FAIL("opened");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::io);
    CHECK(std::string(e.what()) == path + ": cannot write the output file: its directory " + dir.string() +
                                       " is not writable (Permission denied); the file is replaced whole through a "
                                       "temporary file in that directory");
  }
  fs::permissions(dir, fs::perms::owner_all);
  CHECK(contents(path) == "old");
  fs::remove_all(dir);
}

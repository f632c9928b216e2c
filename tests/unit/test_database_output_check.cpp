// formats/database_output_check.hpp: the database is never an output.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "formats/database_output_check.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

TEST_CASE("refuse_database_output: the database and its companions by any name") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("dbcheck-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  const std::string db = (dir / "c.db").string();
  std::ofstream(db) << "x";
  fs::create_symlink("c.db", dir / "link.db");
  fs::create_hard_link(db, dir / "hard.db");
  for (const fs::path& p : {dir / "c.db", dir / "c.db-wal", dir / "c.db-shm", dir / "c.db-journal", dir / "link.db",
                            dir / "hard.db", dir / "sub" / ".." / "c.db", dir / "." / "c.db-wal"})
    CHECK_THROWS_AS(refuse_database_output(p.string(), db), Error);
  try {
    refuse_database_output((dir / "c.db-wal").string(), db);
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
    CHECK(std::string(e.what()) == (dir / "c.db-wal").string() + ": is the database's wal file (" + db +
                                       "-wal); nothing was written: give another output path");
  }
  for (const std::string& p :
       {(dir / "report.txt").string(), (dir / "c.db2").string(), std::string("-"), std::string()})
    CHECK_NOTHROW(refuse_database_output(p, db));
  fs::remove_all(dir);
}

// SQLite names the companions after the path it opened: the symbolic link's
// target, or a hard link's own name; the companions of every name are refused.
TEST_CASE("refuse_database_output: companions named for another name of the database") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("dbcheck-names-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream((dir / "c.db").string()) << "x";
  fs::create_symlink("c.db", dir / "sym.db");
  fs::create_hard_link(dir / "c.db", dir / "hard.db");
  const std::string sym = (dir / "sym.db").string(), hard = (dir / "hard.db").string();
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    CHECK_THROWS_AS(refuse_database_output((dir / "c.db").string() + suffix, sym), Error);
    CHECK_THROWS_AS(refuse_database_output((dir / "c.db").string() + suffix, hard), Error);
    CHECK_THROWS_AS(refuse_database_output(hard + suffix, (dir / "c.db").string()), Error);
  }
  CHECK_NOTHROW(refuse_database_output((dir / "other.db-wal").string(), sym));
  fs::remove_all(dir);
}

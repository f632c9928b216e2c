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

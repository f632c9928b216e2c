// The SQL migrations of schemas/, compiled in by cmake/embed_migrations.cmake.
#pragma once
#include <string>
#include <vector>

namespace competition {

struct Migration {
  int version;  // NNN of schemas/NNN_name.sql; PRAGMA user_version after it
  const char* name;
  const char* sql;
};

[[nodiscard]] const std::vector<Migration>& migrations();

}  // namespace competition

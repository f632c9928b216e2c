// values/diagnostic.hpp: an error's message is whole, a NUL byte in it shown as `\x00`.
#include "values/diagnostic.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace competition;

TEST_CASE("Error: a NUL byte in a message is shown, not where the message ends") {
  using namespace std::string_literals;
  Error e(ErrorKind::invalid, "n.toml: competition.id: \"a\0b\" is not an id"s);
  CHECK(std::string(e.what()) == "n.toml: competition.id: \"a\\x00b\" is not an id");
  Error d(ErrorKind::invalid, std::vector<Diagnostic>{Diagnostic{
                                  .file = "n.toml", .field = "competition.id", .message = "\"a\0b\": bad"s}});
  CHECK(std::string(d.what()) == "n.toml: competition.id: \"a\\x00b\": bad");
  CHECK(std::string(Error(ErrorKind::io, "plain\x1b").what()) == "plain\x1b");  // escaped where shown
}

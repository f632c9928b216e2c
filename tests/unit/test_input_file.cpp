// Reading an input whole: a stream (a pipe, /dev/zero) is read in 1 MiB
// pieces and refused once it passes the limit; exactly the limit is read whole.
#include <doctest/doctest.h>
#include <stdlib.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "formats/input_file.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

// The bytes a pipe carries when `bytes` are written into it by another thread.
std::string read_through_pipe(std::size_t bytes, std::size_t limit) {
  std::signal(SIGPIPE, SIG_IGN);  // the writer sees EPIPE once the reader refuses
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  std::thread writer([&] {
    std::string block(std::size_t{1} << 16, 'x');
    std::size_t left = bytes;
    while (left > 0) {
      const std::size_t n = left < block.size() ? left : block.size();
      const ssize_t put = ::write(fds[1], block.data(), n);
      if (put <= 0) break;  // the reader gave up (refused the input)
      left -= static_cast<std::size_t>(put);
    }
    ::close(fds[1]);
  });
  std::string result;
  try {
    result = read_input_file("/dev/fd/" + std::to_string(fds[0]), "pipe", limit);
  } catch (...) {
    ::close(fds[0]);
    writer.join();
    throw;
  }
  ::close(fds[0]);
  writer.join();
  return result;
}

}  // namespace

TEST_CASE("an endless stream is refused at the limit, with the limit in the message") {
  const std::size_t limit = (std::size_t{3} << 20) + 5;  // not a multiple of the 1 MiB reads
  try {
    read_input_file("/dev/zero", "-", limit);
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
    CHECK(std::string(e.what()) ==
          "-: the file is larger than 3145733 bytes (3145733 bytes), the most competition reads "
          "(docs/formats.md \"Limits\")");
  }
}

TEST_CASE("a pipe of exactly the limit is read whole; one byte more is refused") {
  const std::size_t limit = (std::size_t{2} << 20) + 70000;
  CHECK(read_through_pipe(limit, limit) == std::string(limit, 'x'));
  CHECK_THROWS_AS(read_through_pipe(limit + 1, limit), Error);
}

TEST_CASE("read_input_pieces: a file's bytes in pieces of at most 1 MiB, in order; refused past the limit") {
  const std::filesystem::path path = std::filesystem::temp_directory_path() / "competition-test-pieces.bin";
  std::string bytes;
  for (std::size_t i = 0; i < (std::size_t{5} << 19) + 3; ++i) bytes += static_cast<char>('a' + i % 26);
  std::ofstream(path, std::ios::binary) << bytes;
  std::vector<std::size_t> sizes;
  std::string joined;
  read_input_pieces(path.string(), "f", [&](std::string_view piece) {
    sizes.push_back(piece.size());
    joined += piece;
  });
  CHECK(joined == bytes);
  CHECK(sizes == std::vector<std::size_t>{1048576, 1048576, 524291});  // 2.5 MiB + 3 bytes
  CHECK_THROWS_AS(read_input_pieces(
                      path.string(), "f", [](std::string_view) {}, bytes.size() - 1),
                  Error);
  std::filesystem::remove(path);
}

TEST_CASE("sheet_files_in: the .xlsx and .csv files by name; hidden files, `~$` lock files and others left out") {
  std::string templ = (std::filesystem::temp_directory_path() / "sheet-files-XXXXXX").string();
  REQUIRE(::mkdtemp(templ.data()) != nullptr);
  const std::filesystem::path dir = templ;
  for (const char* name : {"b.xlsx", "A.CSV", "a.xlsx", ".hidden.csv", "~$a.xlsx", "notes.txt", "c.xlsx.bak"})
    std::ofstream(dir / name) << "x";
  std::filesystem::create_directory(dir / "d.csv");  // a directory, not a file
  const std::vector<std::string> files = sheet_files_in(templ + "/");
  const std::vector<std::string> expected = {templ + "/A.CSV", templ + "/a.xlsx", templ + "/b.xlsx"};
  CHECK(files == expected);
  CHECK(sheet_files_in(templ) == expected);
  std::filesystem::remove_all(dir);
  CHECK_THROWS_AS(sheet_files_in(templ), Error);
}

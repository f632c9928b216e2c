// base/visible_text.hpp and the Markdown cell built on it (render/markdown_table.hpp).
#include <doctest/doctest.h>

#include "base/output_sink.hpp"
#include "base/visible_text.hpp"
#include "render/markdown_table.hpp"
#include "render/text_table.hpp"

using namespace competition;

TEST_CASE("visible: the terminal attack of a hostile organisation name is shown, not sent") {
  CHECK(visible("\x1b[2J\x1b]0;pwned\aEvil") == "\\x1b[2J\\x1b]0;pwned\\x07Evil");
  CHECK(visible("a\x7f"
                "b\r") == "a\\x7fb\\x0d");
  CHECK(visible("CSI \xc2\x9b"
                "31m") == "CSI \\u009b31m");  // C1 in UTF-8
  CHECK(visible(std::string("nul\0.", 5)) == "nul\\x00.");
}

TEST_CASE("visible: text without controls is unchanged (lines, tabs, Cyrillic, stray bytes)") {
  for (std::string s : {"ГО «Світло надії»\n", "a\tb", "\xc2\xa0nbsp", "\xff\xfe", "é \xc2"}) {
    CHECK(visible(s) == s);
    CHECK_FALSE(has_control(s));
  }
  CHECK(has_control("\x1b"));
  CHECK(control_length("x\xc2\x85", 1) == 2);
  CHECK(control_length("\n", 0) == 0);
}

TEST_CASE("md_cell: one line, controls shown with their backslash escaped") {
  CHECK(md_cell("рядок 1\nрядок 2\r\n|x|") == "рядок 1 рядок 2  \\|x\\|");
  CHECK(md_cell("\x1b[2JEvil\ttab") == "\\\\x1b\\[2JEvil tab");
}

TEST_CASE("TextTable: a cell with a line break or an escape stays on its row, columns measured as shown") {
  TextTable t;
  t.header({"id", "note"}, "ll");
  t.row({"S-01", "line one\nline two \x1b]0;t\a"});
  t.row({"S-02", "ok"});
  CHECK(t.render() ==
        "id    note\n"
        "----  ------------------------------\n"
        "S-01  line one line two \\x1b]0;t\\x07\n"
        "S-02  ok\n");
}

TEST_CASE("OutputSink: Controls::shown escapes what goes to the file; kept writes the bytes") {
  for (Controls c : {Controls::shown, Controls::kept}) {
    std::FILE* f = std::tmpfile();
    REQUIRE(f);
    {
      OutputSink out(f, c);
      out += "name: \x1b]0;t\a\n";
      CHECK(out.flush());
    }
    std::rewind(f);
    char buf[64] = {};
    std::size_t n = std::fread(buf, 1, sizeof buf, f);
    std::fclose(f);
    CHECK(std::string(buf, n) == (c == Controls::shown ? "name: \\x1b]0;t\\x07\n" : "name: \x1b]0;t\a\n"));
  }
}

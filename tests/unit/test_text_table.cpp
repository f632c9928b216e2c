// Text tables, Markdown tables and the output sink: rows made on demand lay out
// exactly as stored rows, names are clipped by characters, and a sink writing
// to a file in chunks writes the same bytes as one collected in memory.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "base/output_sink.hpp"
#include "formats/csv_writer.hpp"
#include "render/markdown_table.hpp"
#include "render/text_table.hpp"

using namespace competition;

TEST_CASE("text table: padded columns, right alignment, no trailing spaces") {
  TextTable t;
  t.header({"№", "name", "note"}, "rll");
  t.row({"1", "Альфа", ""});
  t.row({"12", "B", "x "});
  CHECK(t.render() ==
        " №  name   note\n"
        "--  -----  ----\n"
        " 1  Альфа\n"
        "12  B      x\n");
}

TEST_CASE("text table: rows made on demand lay out as stored rows") {
  std::vector<std::vector<std::string>> rows = {{"1", "ГО «Дуже довга назва організації, яку треба обрізати»"},
                                                {"2", "short", "extra"}};
  TextTable stored;
  stored.header({"rank", "organisation"}, "rl");
  for (const auto& r : rows) stored.row(r);
  OutputSink out;
  stored.render(out, rows.size(), [&](std::size_t i, TextRow& row) {
    for (const auto& c : rows[i]) row.cell(c);
  });
  CHECK(out.take() == stored.render());
}

TEST_CASE("text row: clipped cells end with … after width - 1 characters") {
  TextRow row;
  row.clipped("абвгд", 5).clipped("абвгдє", 5).cell("");
  CHECK(row.size() == 3);
  CHECK(row[0] == "абвгд");
  CHECK(row[1] == "абвг…");
  CHECK(row[2].empty());
  CHECK(row.cell_empty());
  row.text() += "x";
  CHECK_FALSE(row.cell_empty());
}

TEST_CASE("markdown table: escaped cells and the alignment rule") {
  OutputSink out;
  render_md_table(out, {"a", "b"}, "lr", 1, [](std::size_t, TextRow& row) { row.cell("x|y").cell("1\n2"); });
  CHECK(out.take() == "| a | b |\n| --- | ---: |\n| x\\|y | 1 2 |\n");
}

TEST_CASE("output sink: a file gets the same bytes in chunks") {
  std::FILE* file = std::tmpfile();
  REQUIRE(file);
  std::string expected;
  {
    OutputSink out(file);
    CsvWriter w(CsvStyle::people(true), out);
    OutputSink memory;
    CsvWriter m(CsvStyle::people(true), memory);
    for (int i = 0; i < 200000; ++i) {  // several megabytes: several chunks
      for (CsvWriter* c : {&w, &m}) c->integer(-i).number("1.50").text("=x").list({"a", "b;c"}).end_row();
    }
    out += std::string(3 << 20, 'z');  // a big finished text, written through
    memory += std::string(3 << 20, 'z');
    CHECK(out.flush());
    expected = memory.take();
  }
  std::string written(expected.size() + 1, '\0');
  std::rewind(file);
  written.resize(std::fread(written.data(), 1, written.size(), file));
  std::fclose(file);
  CHECK(written.size() == expected.size());
  CHECK(written == expected);
  CHECK(
      expected.starts_with("\xEF\xBB\xBF"
                           "0;1,50;'=x;\"a|b;c\"\n-1;"));
}

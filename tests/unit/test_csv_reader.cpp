#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "formats/csv_reader.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

using Fields = std::vector<std::string>;

CsvTable read(std::string_view text, Delimiter d = Delimiter::auto_detect) { return read_csv(text, d, "a.csv"); }

// The diagnostics read_csv throws for `text` (empty when it succeeds).
std::vector<Diagnostic> errors_of(std::string_view text, Delimiter d = Delimiter::auto_detect) {
  try {
    read_csv(text, d, "a.csv");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
    return e.diagnostics();
  }
  return {};
}

// One-line form of the first diagnostic, or "" when there is none.
std::string first_error(std::string_view text, Delimiter d = Delimiter::auto_detect) {
  auto errors = errors_of(text, d);
  return errors.empty() ? "" : errors.front().to_string(Lang::en);
}

}  // namespace

TEST_CASE("parse_delimiter accepts the option spellings") {
  CHECK(parse_delimiter("auto") == Delimiter::auto_detect);
  CHECK(parse_delimiter(",") == Delimiter::comma);
  CHECK(parse_delimiter(";") == Delimiter::semicolon);
  CHECK(parse_delimiter("tab") == Delimiter::tab);
  CHECK(parse_delimiter("\t") == Delimiter::tab);
  CHECK(parse_delimiter("\\t") == Delimiter::tab);
  CHECK_FALSE(parse_delimiter("|").has_value());
  CHECK_FALSE(parse_delimiter("comma").has_value());
  CHECK_FALSE(parse_delimiter("").has_value());
}

TEST_CASE("a plain file: header on line 1, rows from line 2") {
  auto t = read("id,name\nA-1,Перша\nA-2,Друга\n");
  CHECK(t.delimiter == ',');
  CHECK(t.header == Fields{"id", "name"});
  CHECK(t.header_line == 1);
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[0].fields == Fields{"A-1", "Перша"});
  CHECK(t.rows[0].field_lines == std::vector<int>{2, 2});
  CHECK(t.rows[1].line == 3);
  CHECK(t.rows[1].fields == Fields{"A-2", "Друга"});
}

TEST_CASE("the last line needs no line end") {
  auto t = read("id,name\nA-1,x");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields == Fields{"A-1", "x"});
}

TEST_CASE("quoted fields may hold line breaks; lines stay physical") {
  auto t = read("id,text\n1,\"line one\nline two\"\n2,x\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[0].fields == Fields{"1", "line one\nline two"});
  CHECK(t.rows[1].line == 4);
  CHECK(t.rows[1].fields == Fields{"2", "x"});

  // CRLF inside quotes is kept verbatim and counts as one line.
  auto crlf = read("id,text\r\n1,\"a\r\n\r\nb\"\r\n2,y\r\n");
  REQUIRE(crlf.rows.size() == 2);
  CHECK(crlf.rows[0].fields[1] == "a\r\n\r\nb");
  CHECK(crlf.rows[1].line == 5);

  // A lone CR inside quotes is a line break too.
  auto cr = read("a,b\n\"x\ry\",z\n3,4\n");
  REQUIRE(cr.rows.size() == 2);
  CHECK(cr.rows[0].fields == Fields{"x\ry", "z"});
  CHECK(cr.rows[0].field_lines == std::vector<int>{2, 3});
  CHECK(cr.rows[1].line == 4);
}

TEST_CASE("field_lines tell where each field of a multi-line record starts") {
  auto t = read("a,b,c,d\n1,\"x\ny\n\",z,\"\nw\"\n");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[0].fields == Fields{"1", "x\ny\n", "z", "\nw"});
  CHECK(t.rows[0].field_lines == std::vector<int>{2, 2, 4, 4});
}

TEST_CASE("doubled quotes, quoted delimiters and empty quoted fields") {
  auto t = read("a,b,c\n\"ТОВ \"\"Ромашка\"\"\",\"1,5\",\"\"\n\"\"\"\",\"\"\"\"\"\",x\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].fields == Fields{"ТОВ \"Ромашка\"", "1,5", ""});
  CHECK(t.rows[1].fields == Fields{"\"", "\"\"", "x"});
}

TEST_CASE("delimiter detection from the header") {
  auto semi = read("id;name;note\n1;a,b;c\n");
  CHECK(semi.delimiter == ';');
  CHECK(semi.header == Fields{"id", "name", "note"});
  REQUIRE(semi.rows.size() == 1);
  CHECK(semi.rows[0].fields == Fields{"1", "a,b", "c"});

  auto tab = read("id\tname\tnote\n1\ta;b,c\t\n");
  CHECK(tab.delimiter == '\t');
  REQUIRE(tab.rows.size() == 1);
  CHECK(tab.rows[0].fields == Fields{"1", "a;b,c", ""});

  // Ties go to `,`, then `;`; quoted delimiters do not count.
  CHECK(read("a,b;c\n").delimiter == ',');
  CHECK(read("a;b\tc\n").delimiter == ';');
  CHECK(read("a,b;c\td\n").delimiter == ',');
  CHECK(read("a;b;\"x,y,z\"\n").delimiter == ';');
  CHECK(read("a\tb\t\"x;y;z\"\n").delimiter == '\t');
  // Only the header counts, not the data.
  CHECK(read("a,b\n1;2;3;4;5\n").delimiter == ',');
}

TEST_CASE("a header without any delimiter is a single column") {
  auto t = read("id\nA-1\nA-2\n");
  CHECK(t.delimiter == ',');
  CHECK(t.header == Fields{"id"});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[1].fields == Fields{"A-2"});
}

TEST_CASE("an explicit delimiter overrides detection") {
  auto t = read("a;b,c\n1;2,3\n", Delimiter::semicolon);
  CHECK(t.delimiter == ';');
  CHECK(t.header == Fields{"a", "b,c"});
  CHECK(read("a;b\n", Delimiter::comma).header == Fields{"a;b"});
  CHECK(read("a,b\n", Delimiter::tab).header == Fields{"a,b"});
}

TEST_CASE("CRLF and lone CR line ends") {
  auto crlf = read("id,name\r\n1,a\r\n2,b\r\n");
  REQUIRE(crlf.rows.size() == 2);
  CHECK(crlf.header == Fields{"id", "name"});
  CHECK(crlf.rows[0].fields == Fields{"1", "a"});
  CHECK(crlf.rows[1].line == 3);
  CHECK(crlf.rows[1].fields == Fields{"2", "b"});

  auto cr = read("id,name\r1,a\r2,b");
  REQUIRE(cr.rows.size() == 2);
  CHECK(cr.rows[0].line == 2);
  CHECK(cr.rows[1].line == 3);
  CHECK(cr.rows[1].fields == Fields{"2", "b"});
}

TEST_CASE("empty lines are skipped but keep their line numbers") {
  auto t = read("id,name\n\n1,a\n\r\n\r2,b\n\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].line == 3);
  CHECK(t.rows[1].line == 6);
  CHECK(t.rows[1].fields == Fields{"2", "b"});
}

TEST_CASE("blank lines before the header are skipped") {
  auto t = read("\n  \n\t\r\nid,name\n1,a\n");
  CHECK(t.header_line == 4);
  CHECK(t.header == Fields{"id", "name"});
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].line == 5);
}

TEST_CASE("a line of only delimiters or spaces is a record") {
  auto t = read("a,b,c\n,,\n  \n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].fields == Fields{"", "", ""});
  CHECK(t.rows[1].fields == Fields{"  "});
  CHECK(t.rows[1].line == 3);
}

TEST_CASE("a trailing delimiter makes an empty last field") {
  auto t = read("a,b,c\n1,2,\n3,4,");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].fields == Fields{"1", "2", ""});
  CHECK(t.rows[1].fields == Fields{"3", "4", ""});
  CHECK(read("a,\"b\",\n").header == Fields{"a", "b", ""});
}

TEST_CASE("unquoted fields are verbatim; the reader does not count fields") {
  auto t = read(" id , name \n 1 ,\ta b\t\n1\n1,2,3\n");
  CHECK(t.header == Fields{" id ", " name "});
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].fields == Fields{" 1 ", "\ta b\t"});
  CHECK(t.rows[1].fields == Fields{"1"});
  CHECK(t.rows[2].fields == Fields{"1", "2", "3"});
}

TEST_CASE("unquoted fields of every length around the 8-byte scan") {
  for (std::size_t len = 0; len < 20; ++len) {
    const std::string a(len, 'a'), b(len, 'b');
    auto t = read("x;y\r\n" + a + ";" + b + "\r" + b + ";" + a);
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].fields == Fields{a, b});
    CHECK(t.rows[1].fields == Fields{b, a});
    if (len == 0) continue;  // a leading quote opens a quoted field
    CHECK(first_error("x\n" + a + "\"" + b + "\n") ==
          "a.csv:2:1: stray quote in unquoted field (quote the whole field and double the inner quotes)");
  }
}

TEST_CASE("a quote inside an unquoted field is an error") {
  CHECK(first_error("id,name\n1,ТОВ \"Ромашка\"\n") ==
        "a.csv:2:2: stray quote in unquoted field (quote the whole field and double the inner quotes)");
  CHECK(first_error("id,name\n1, \"x\"\n") ==
        "a.csv:2:2: stray quote in unquoted field (quote the whole field and double the inner quotes)");
  CHECK(first_error("id,name\nab\",x\n") ==
        "a.csv:2:1: stray quote in unquoted field (quote the whole field and double the inner quotes)");
}

TEST_CASE("text after a closing quote is an error") {
  CHECK(first_error("id,name\n1,\"ab\"c\n") == "a.csv:2:2: unexpected text after closing quote");
  CHECK(first_error("id,name\n\"1\" ,x\n") == "a.csv:2:1: unexpected text after closing quote");
  // The line is the record's first line, even when the error is further down.
  CHECK(first_error("a,b,c\n1,\"x\ny\",\"z\"!\n") == "a.csv:2:3: unexpected text after closing quote");
}

TEST_CASE("a syntax error in Ukrainian keeps its location prefix") {
  auto errors = errors_of("id,name\n1,ТОВ \"Ромашка\"\n2,\"open\n", Delimiter::auto_detect);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].to_string(Lang::uk) ==
        "a.csv:2:2: зайві лапки в полі без лапок (візьміть усе поле в лапки, а лапки всередині подвойте)");
  CHECK(errors[1].to_string(Lang::uk) == "a.csv:3:2: поле в лапках не закрито (почалося в рядку 3)");
}

TEST_CASE("an unterminated quote is an error naming where it started") {
  CHECK(first_error("id,name\n1,ok\n2,\"abc\nmore\n") == "a.csv:3:2: unterminated quoted field (started on line 3)");
  CHECK(first_error("id,a,b\n1,\"x\ny\",\"open\n\n") == "a.csv:2:3: unterminated quoted field (started on line 3)");
  CHECK(first_error("id\n\"") == "a.csv:2:1: unterminated quoted field (started on line 2)");
}

TEST_CASE("read_csv reports every syntax error, one per bad record") {
  auto errors = errors_of("id,name\n1,a\"b\n2,ok\n3,\"c\"d\n4,\"open\n");
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].line == 2);
  CHECK(errors[0].column == 2);
  CHECK(errors[1].line == 4);
  CHECK(errors[1].message.en == "unexpected text after closing quote");
  CHECK(errors[2].line == 5);
  CHECK(errors[2].message.en == "unterminated quoted field (started on line 5)");

  std::string many = "id\n";
  for (int i = 0; i < 150; ++i) many += "a\"b\n";
  CHECK(errors_of(many).size() == max_reported_errors);
}

TEST_CASE("the streaming reader resumes after an error") {
  std::string text = "id,name\n1,a\"b\"\n2,ok\n";
  CsvReader reader(text, Delimiter::auto_detect, "a.csv");
  CsvRecord r;
  CHECK_THROWS_AS(reader.next(r), Error);
  REQUIRE(reader.next(r));
  CHECK(r.line == 3);
  CHECK(r.fields == Fields{"2", "ok"});
  CHECK_FALSE(reader.next(r));
  CHECK_FALSE(reader.next(r));
}

TEST_CASE("a syntax error in the header is thrown by the constructor") {
  try {
    CsvReader reader("id,na\"me\n1,x\n", Delimiter::auto_detect, "a.csv");
    FAIL("no error");
  } catch (const Error& e) {
    REQUIRE(e.diagnostics().size() == 1);
    CHECK(e.diagnostics()[0].to_string(Lang::en) ==
          "a.csv:1:2: stray quote in unquoted field (quote the whole field and double the inner quotes)");
  }
}

TEST_CASE("an empty or whitespace-only file has no header") {
  for (const char* text : {"", "\n", "\r\n\r\n", " \n\t\r\n\n  "}) {
    auto errors = errors_of(text);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].file == "a.csv");
    CHECK(errors[0].line == 1);
    CHECK(errors[0].column == 0);
    CHECK(errors[0].message.en == "empty file (expected a header row)");
    CHECK(errors[0].to_string(Lang::en) == "a.csv:1: empty file (expected a header row)");
  }
}

TEST_CASE("a header-only file has zero rows") {
  for (const char* text : {"id,name\n", "id,name", "id,name\r\n\r\n\n"}) {
    auto t = read(text);
    CHECK(t.header == Fields{"id", "name"});
    CHECK(t.rows.empty());
  }
  CsvReader reader("id;name\n", Delimiter::auto_detect, "a.csv");
  CHECK(reader.delimiter() == ';');
  CHECK(reader.header().fields == Fields{"id", "name"});
  CHECK(reader.header().line == 1);
  CsvRecord r;
  CHECK_FALSE(reader.next(r));
}

TEST_CASE("very long fields (1 MB)") {
  const std::string big(1 << 20, 'x');
  std::string quoted_content = big;
  quoted_content[1000] = '\n';
  quoted_content[2000] = ',';
  std::string quoted_csv = quoted_content;
  quoted_csv.insert(3000, "\"");  // one `""` inside: the content gets one quote here
  quoted_content.insert(3000, "\"");

  auto t = read("a,b\n" + big + ",\"" + quoted_csv.insert(3000, "\"") + "\"\nend,2\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].fields[0] == big);
  CHECK(t.rows[0].fields[1] == quoted_content);
  CHECK(t.rows[1].line == 4);
  CHECK(t.rows[1].fields == Fields{"end", "2"});
}

TEST_CASE("the streaming reader reuses the record and reports progress") {
  std::string text = "a,b\n" + std::string(100, 'p') + ",1\n" + std::string(100, 'q') + ",2\n";
  CsvReader reader(text, Delimiter::auto_detect, "a.csv");
  CHECK(reader.position() == 4);
  CsvRecord r;
  REQUIRE(reader.next(r));
  const std::string* fields = r.fields.data();
  const char* first = r.fields[0].data();
  REQUIRE(reader.next(r));
  CHECK(r.fields.data() == fields);    // same vector storage
  CHECK(r.fields[0].data() == first);  // same string buffer
  CHECK(r.fields[0] == std::string(100, 'q'));
  CHECK_FALSE(reader.next(r));
  CHECK(reader.position() == text.size());
}

TEST_CASE("normalize_header trims blanks and lowercases ASCII") {
  CHECK(normalize_header("  ID \t") == "id");
  CHECK(normalize_header("X_Note") == "x_note");
  CHECK(normalize_header("Planned_Clients") == "planned_clients");
  CHECK(normalize_header("Назва") == "Назва");  // non-ASCII is left as it is
  CHECK(normalize_header("   ") == "");
  CHECK(normalize_header("a b") == "a b");
}

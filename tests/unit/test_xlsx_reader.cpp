#include <doctest/doctest.h>

#include <zip.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>

#include "formats/xlsx_reader.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

const std::string ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";

// A workbook whose first sheet ("Аркуш1") holds `rows` (the <sheetData> content).
std::string workbook(const std::string& rows, const std::string& shared = "", const std::string& styles = "",
                     bool date1904 = false, const std::string& defined_names = "") {
  std::map<std::string, std::string> parts;
  parts["xl/workbook.xml"] =
      "<workbook " + ns + R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
      (date1904 ? R"(<workbookPr date1904="1"/>)" : "") +
      R"(<sheets><sheet name="Аркуш1" sheetId="1" r:id="rId7"/><sheet name="Other" sheetId="2" r:id="rId8"/></sheets>)" +
      defined_names + "</workbook>";
  parts["xl/_rels/workbook.xml.rels"] =
      R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
      R"(<Relationship Id="rId8" Target="worksheets/sheet1.xml"/><Relationship Id="rId7" Target="/xl/worksheets/sheet2.xml"/></Relationships>)";
  parts["xl/worksheets/sheet2.xml"] = "<worksheet " + ns + "><sheetData>" + rows + "</sheetData></worksheet>";
  parts["xl/worksheets/sheet1.xml"] = "<worksheet " + ns + "><sheetData/></worksheet>";
  if (!shared.empty()) parts["xl/sharedStrings.xml"] = "<sst " + ns + ">" + shared + "</sst>";
  if (!styles.empty()) parts["xl/styles.xml"] = "<styleSheet " + ns + ">" + styles + "</styleSheet>";

  static int counter = 0;
  const auto path = std::filesystem::temp_directory_path() /
                    ("test_xlsx_reader_" + std::to_string(getpid()) + "_" + std::to_string(counter++) + ".xlsx");
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(z != nullptr);
  for (const auto& [name, text] : parts) {
    zip_source_t* s = zip_source_buffer(z, text.data(), text.size(), 0);
    REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE) >= 0);
  }
  REQUIRE(zip_close(z) == 0);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(path);
  return bytes;
}

std::string cell(const std::string& ref, const std::string& value, const std::string& attrs = "") {
  return "<c r=\"" + ref + "\"" + attrs + "><v>" + value + "</v></c>";
}
std::string text(const std::string& ref, const std::string& value) {
  return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + value + "</t></is></c>";
}
const std::string header = "<row r=\"1\">" + text("A1", "id") + text("B1", "requested") + text("C1", "submitted_at") +
                           text("D1", "edrpou") + "</row>";
// Style 1 is a date (built-in 14), style 2 a custom date-time, style 3 a number.
const std::string styles =
    R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy\ hh:mm"/></numFmts>)"
    R"(<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs>)";

std::vector<std::string> messages(const XlsxTable& t) {
  std::vector<std::string> out;
  for (const auto& d : t.problems) out.push_back(d.to_string(Lang::en));
  return out;
}

std::string refusal(const std::string& bytes) {
  try {
    read_xlsx_table(bytes, "a.xlsx");
  } catch (const Error& e) {
    CHECK(e.kind() == ErrorKind::invalid);
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("read_xlsx_table: the first sheet in the workbook's order, numbers, shared and inline strings") {
  const auto t = read_xlsx_table(
      workbook(header + "<row r=\"2\">" + cell("A2", "0", " t=\"s\"") + cell("B2", "26400.049999999999") +
                   cell("D2", "32129") + "</row>" + "<row r=\"3\"><c r=\"A3\" s=\"3\"/></row>" + "<row r=\"4\">" +
                   cell("A4", "1", " t=\"s\"") + cell("B4", "0.30000000000000004") + "</row>",
               "<si><t>A-001</t></si><si><r><t>A-</t></r><r><t>002</t></r><rPh><t>x</t></rPh></si>", styles),
      "a.xlsx");
  CHECK(t.sheet == "Аркуш1");
  CHECK(t.header.fields == std::vector<std::string>{"id", "requested", "submitted_at", "edrpou"});
  REQUIRE(t.rows.size() == 2);  // row 3 has only a formatted empty cell
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[0].fields == std::vector<std::string>{"A-001", "26400.05", "", "32129"});
  CHECK(t.rows[1].line == 4);
  CHECK(t.rows[1].fields == std::vector<std::string>{"A-002", "0.3", "", ""});
  CHECK(t.problems.empty());
}

TEST_CASE("read_xlsx_table: date cells in the 1900 and 1904 systems, formula cells by their cached value") {
  const std::string rows = header + "<row r=\"2\">" + text("A2", "A-1") + cell("C2", "43119", " s=\"1\"") + "</row>" +
                           "<row r=\"3\">" + text("A3", "A-2") + cell("C3", "43119.5", " s=\"2\"") + "</row>" +
                           "<row r=\"4\"><c r=\"A4\" t=\"str\"><f>\"A-\"&amp;3</f><v>A-3</v></c>" +
                           "<c r=\"B4\"><f>B2*2</f><v>200</v></c></row>";
  const auto t1900 = read_xlsx_table(workbook(rows, "", styles), "a.xlsx");
  REQUIRE(t1900.rows.size() == 3);
  CHECK(t1900.rows[0].fields[2] == "2018-01-19");
  CHECK(t1900.rows[1].fields[2] == "2018-01-19T12:00:00");
  CHECK(t1900.rows[2].fields[0] == "A-3");
  CHECK(t1900.rows[2].fields[1] == "200");
  const auto t1904 = read_xlsx_table(workbook(rows, "", styles, true), "a.xlsx");
  CHECK(t1904.rows[0].fields[2] == "2022-01-20");
}

TEST_CASE("read_xlsx_table: cells that are not values are located as FILE:SHEET!CELL") {
  const auto t =
      read_xlsx_table(workbook(header + "<row r=\"2\">" + text("A2", "A-1") + cell("B2", "1", " t=\"b\"") +
                                   cell("C2", "60", " s=\"1\"") + cell("D2", "3212.5") + "</row>" + "<row r=\"3\">" +
                                   cell("A3", "#N/A", " t=\"e\"") + cell("B3", "43119", " s=\"1\"") +
                                   "<c r=\"C3\"><f>NOW()</f></c>" + text("F3", "extra") + "</row>",
                               "", styles),
                      "a.xlsx");
  CHECK(messages(t) == std::vector<std::string>{
                           "a.xlsx:Аркуш1!B2: requested: a boolean cell (TRUE/FALSE) is not a value here (type the "
                           "text or a number)",
                           "a.xlsx:Аркуш1!C2: submitted_at: date serial 60 is not a date",
                           "a.xlsx:Аркуш1!D2: edrpou: 3212.5 is not a code (a fraction; format the column as text)",
                           "a.xlsx:Аркуш1!A3: id: an error cell (#N/A)",
                           "a.xlsx:Аркуш1!B3: requested: a date cell in a column that is not a date (format the cell "
                           "as a number or text)",
                           "a.xlsx:Аркуш1!C3: submitted_at: a formula without a calculated value (recalculate and "
                           "save in Excel)",
                           "a.xlsx:Аркуш1!F3: a value right of the header's last named column",
                       });
}

TEST_CASE("read_xlsx_table: what is not a workbook is refused naming the file") {
  CHECK(refusal(workbook(header + "<row r=\"2\">" + cell("A2", "3", " t=\"s\"") + "</row>", "<si><t>x</t></si>")) ==
        "a.xlsx: not a valid workbook: Аркуш1!A2: shared string index \"3\" out of range (1 shared strings)");
  CHECK(refusal(workbook("<row r=\"2\">" + text("A2", "x") + "</row>")) ==
        "a.xlsx:Аркуш1!1:1: empty sheet (expected a header row in row 1)");
  CHECK(refusal(workbook(header + "<row>")) ==
        "a.xlsx: not a valid workbook: xl/worksheets/sheet2.xml is not well-formed XML (line 1: mismatched tag)");
  CHECK(refusal(std::string("PK\x03\x04 not really", 15)).rfind("a.xlsx: not a valid workbook: damaged zip", 0) == 0);
  CHECK(refusal(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(100, '\0')) ==
        "a.xlsx: an .xls or an encrypted workbook: save it as .xlsx (Excel workbook) or CSV");
}

TEST_CASE("read_xlsx_table: history's coefficient keeps the decimals its number format shows") {
  const std::string fmt = R"(<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0000"/></numFmts>)"
                          R"(<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="2"/></cellXfs>)";
  const auto t = read_xlsx_table(
      workbook("<row r=\"1\">" + text("A1", " Coefficient") + text("B1", "cost_per_client") + text("C1", "budget") +
                   "</row><row r=\"2\">" + cell("A2", "1.1186000000000001", " s=\"1\"") +
                   cell("B2", "1250", " s=\"2\"") + cell("C2", "1000000", " s=\"2\"") + "</row>",
               "", fmt),
      "a.xlsx");
  REQUIRE(t.rows.size() == 1);
  CHECK(t.rows[0].fields == std::vector<std::string>{"1.1186", "1250.00", "1000000"});
  CHECK(t.header.fields[0] == " Coefficient");  // as typed: the kind's header check normalises it
}

TEST_CASE("read_xlsx_table: defined names of workbook scope holding a text constant") {
  const std::string names = R"(<definedNames><definedName name="competition_round">"esm-2018"</definedName>)"
                            R"(<definedName name="competition_reviewer">"R ""7"""</definedName>)"
                            R"(<definedName name="Range">Аркуш1!$A$1:$B$2</definedName>)"
                            R"(<definedName name="local" localSheetId="0">"not this"</definedName></definedNames>)";
  const XlsxTable t =
      read_xlsx_table(workbook("<row r=\"1\">" + text("A1", "id") + "</row>", "", "", false, names), "s.xlsx");
  using Names = std::vector<std::pair<std::string, std::string>>;
  CHECK(t.text_names == Names{{"competition_round", "esm-2018"}, {"competition_reviewer", "R \"7\""}});
}

TEST_CASE("xlsx_text_constant: a quoted text, quotes doubled inside, an optional `=`") {
  CHECK(xlsx_text_constant("\"esm-2018\"") == "esm-2018");
  CHECK(xlsx_text_constant("=\"a\"\"b\"") == "a\"b");
  CHECK(xlsx_text_constant("\"\"") == "");
  CHECK_FALSE(xlsx_text_constant("Sheet1!$A$1").has_value());
  CHECK_FALSE(xlsx_text_constant("\"a\"b\"").has_value());  // a lone quote inside
  CHECK_FALSE(xlsx_text_constant("\"").has_value());
  CHECK_FALSE(xlsx_text_constant("0.96").has_value());
}

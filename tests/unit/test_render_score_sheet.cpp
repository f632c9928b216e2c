// A reviewer's score sheet as CSV and as a workbook read back by the workbook
// reader the import uses (docs/formats.md "Score sheets").
#include <doctest/doctest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "formats/xlsx_reader.hpp"
#include "render/render_score_sheet.hpp"

using namespace competition;

namespace {

ScoreSheet sample_sheet() {
  ScoreSheet s;
  s.round = "esm-2018";
  s.reviewer = "R-02";
  Criterion a{"relevance", "Актуальність", Rational(3), Rational(0), Rational(10), Rational(1, 2), std::nullopt};
  Criterion b{"impact", "Ефект", Rational(1), Rational(1), Rational(5), Rational(1), std::nullopt};
  s.criteria = {a, b};
  s.rows.push_back({"A-001",
                    "ГО \"Світло\"",
                    "=1+1",
                    "elderly",
                    Money::from_kopiykas(4500050),
                    Money::from_kopiykas(1200000),
                    {Rational(13, 2), Rational(4)},
                    "Добре; чітко"});
  s.rows.push_back({"A-007", "ГО Друга", "Табір", "", Money::from_hryvnias(30000), Money::from_hryvnias(0), {}, ""});
  return s;
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

}  // namespace

TEST_CASE("render_score_sheet_csv: BOM, `;`, decimal comma, text verbatim, round and reviewer last") {
  CHECK(render_score_sheet_csv(sample_sheet()) ==
        "\xEF\xBB\xBF"
        "application;organisation;title;category;requested;cofinancing;relevance;impact;comment;round;reviewer\n"
        "A-001;\"ГО \"\"Світло\"\"\";=1+1;elderly;45000,50;12000,00;6,5;4;\"Добре; чітко\";esm-2018;R-02\n"
        "A-007;ГО Друга;Табір;;30000,00;0,00;;;;esm-2018;R-02\n");
}

TEST_CASE("write_score_sheet_xlsx: the first sheet reads back as the table, with the defined names") {
  std::string templ = (std::filesystem::temp_directory_path() / "score-sheet-XXXXXX").string();
  REQUIRE(::mkdtemp(templ.data()) != nullptr);
  const std::filesystem::path dir = templ;
  const std::string path = (dir / "sheet.xlsx").string();
  write_score_sheet_xlsx(sample_sheet(), Lang::en, path, "");
  const XlsxTable t = read_xlsx_table(read_file(path), "sheet.xlsx");
  std::filesystem::remove_all(dir);
  CHECK(t.sheet == "Scores");
  CHECK(t.problems.empty());
  CHECK(t.header.fields == std::vector<std::string>{"application", "organisation", "title", "category", "requested",
                                                    "cofinancing", "relevance", "impact", "comment"});
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].line == 2);
  CHECK(t.rows[0].fields == std::vector<std::string>{"A-001", "ГО \"Світло\"", "=1+1", "elderly", "45000.5", "12000",
                                                     "6.5", "4", "Добре; чітко"});
  // The row not reviewed yet: empty score and comment cells.
  CHECK(t.rows[1].fields == std::vector<std::string>{"A-007", "ГО Друга", "Табір", "", "30000", "0", "", "", ""});
  using Names = std::vector<std::pair<std::string, std::string>>;
  CHECK(t.text_names == Names{{"competition_reviewer", "R-02"}, {"competition_round", "esm-2018"}});
}

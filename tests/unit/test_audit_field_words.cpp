// render/audit_field_words.hpp: the field tokens of the audit in words, by a
// table of patterns read top to bottom.
#include <doctest/doctest.h>

#include "render/audit_field_words.hpp"
#include "render/render_audit.hpp"

using namespace competition;

namespace {

std::vector<std::string> captured(std::string_view pattern, std::string_view text) {
  std::vector<std::string_view> captures;
  if (!field_matches(pattern, text, captures)) return {"no match"};
  return {captures.begin(), captures.end()};
}

}  // namespace

TEST_CASE("audit field words: `*` stands for text without a dot, `**` for any text") {
  using V = std::vector<std::string>;
  CHECK(captured("award", "award") == V{});
  CHECK(captured("award", "awards") == V{"no match"});
  CHECK(captured("award", "awar") == V{"no match"});
  CHECK(captured("inputs.**", "inputs.reviews.csv") == V{"reviews.csv"});
  CHECK(captured("inputs.**", "inputs.") == V{""});
  CHECK(captured("log.*.hash", "log.3.hash") == V{"3"});
  CHECK(captured("log.*.hash", "log..hash") == V{""});
  CHECK(captured("log.*.hash", "log.3.x.hash") == V{"no match"});
  CHECK(captured("log.*.**", "log.3.x.hash") == V{"3", "x.hash"});
  CHECK(captured("log.*", "log.3") == V{"3"});
  CHECK(captured("log.*", "log.3.hash") == V{"no match"});
  // The lot is all up to the last dot, as the record's lot ids may hold dots.
  CHECK(captured("record.lots.**.budget", "record.lots.a.b.budget") == V{"a.b"});
  CHECK(captured("record.lots.**.budget", "record.lots.budget") == V{"no match"});
}

TEST_CASE("audit field words: every kind of token in both languages") {
  CHECK(field_in_words("award", Lang::uk) == "сума");
  CHECK(field_in_words("award", Lang::en) == "award");
  CHECK(field_in_words("record.award", Lang::uk) == "сума (запис рішення)");
  CHECK(field_in_words("record.present", Lang::en) == "listed in the decision record");
  CHECK(field_in_words("score.criteria.relevance", Lang::en) == "score for criterion relevance");
  CHECK(field_in_words("inputs.reviews.csv", Lang::uk) == "хеш reviews.csv у записі рішення");
  CHECK(field_in_words("record.lots.main.awarded", Lang::uk) == "лот main: розподілено (запис рішення)");
  CHECK(field_in_words("record.lots.main.budget", Lang::en) == "lot main: amount (decision record)");
  CHECK(field_in_words("record.lots.order", Lang::en) == "order of the lots (decision record)");
  CHECK(field_in_words("record.lots.main", Lang::en) == "lot main (decision record)");
  CHECK(field_in_words("record.extra", Lang::uk) == "поле extra запису рішення");
  CHECK(field_in_words("log.3.prev_hash", Lang::en) == "log entry 3: hash of the entry before it");
  CHECK(field_in_words("log.3.hash", Lang::uk) == "запис журналу 3: хеш");
  CHECK(field_in_words("log.3.other", Lang::en) == "log entry 3: other");
  CHECK(field_in_words("log.3", Lang::en) == "log entry 3: ");
  CHECK(field_in_words("log", Lang::en) == "decision log");
  CHECK(field_in_words("files.rules.toml", Lang::en) == "file rules.toml");
  CHECK(field_in_words("canonical.reviews.csv", Lang::en) ==
        "reviews.csv in canonical form (SHA-256: as it is, canonical)");
  CHECK(field_in_words("manifest.tool_version", Lang::uk) == "версія програми в manifest.json (пакет, ця програма)");
  CHECK(field_in_words("submitted_key", Lang::en) ==
        "sort key of the submission time (submitted_key; from submitted_at)");
  CHECK(field_in_words("organisation.name_key", Lang::uk) == "ключ організації (organisations.name_key)");
  CHECK(field_in_words("score.criteria_text", Lang::en) ==
        "criterion scores: text in the scores table (as stored, canonical)");
  CHECK(field_in_words("score.total_text", Lang::en) == "total score: text in the scores table (as stored, canonical)");
  CHECK(field_in_words("something.else", Lang::uk) == "something.else");
}

TEST_CASE("audit field words: values as the product shows them (money, bounds, dates, flags)") {
  CHECK(value_in_words("agreement.amount", "32100.00", Lang::uk, "UAH") == "32 100,00 грн");
  CHECK(value_in_words("agreement.amount", "<= 0.00", Lang::uk, "UAH") == "не більше ніж 0,00 грн");
  CHECK(value_in_words("agreement.amount", "<= 1000.50", Lang::en, "UAH") == "at most 1,000.50 UAH");
  CHECK(value_in_words("paid", "-100.00", Lang::en, "UAH") == "-100.00 UAH");
  CHECK(value_in_words("paid", ">= 0.00", Lang::uk, "UAH") == "не менше ніж 0,00 грн");
  CHECK(value_in_words("award", "60100.00", Lang::en, "EUR") == "60,100.00 EUR");
  CHECK(value_in_words("payments.PP-1.paid_on", ">= 2018-03-26", Lang::uk, "UAH") == "не раніше ніж 2018-03-26");
  CHECK(value_in_words("payments.PP-1.paid_on", "2018-03-01", Lang::en, "UAH") == "2018-03-01");
  CHECK(value_in_words("payments.PP-1.agreement", "an agreement", Lang::uk, "UAH") == "договір");
  CHECK(value_in_words("score.flags", "cost_outlier|earlier_report_missing:esm-2017/A-001", Lang::uk, "UAH") ==
        "вартість на одного клієнта далека від медіани; не подано звіт за грантом esm-2017/A-001");
  CHECK(value_in_words("score.flags", "possible_double_funding:esm-2017/A-002", Lang::en, "UAH") ==
        "possible double funding: esm-2017/A-002");
  // Not money, or not a value of its form: as it is.
  CHECK(value_in_words("score.total", "87.5", Lang::uk, "UAH") == "87.5");
  CHECK(value_in_words("award", "none", Lang::uk, "UAH") == "none");
}

// render/render_audit.hpp: the money findings an accountant reads in plain words.
TEST_CASE("audit words: a payment without an agreement, and a money table's hash now and logged") {
  const Difference orphan{"A-001", "payments.PP-900.agreement", std::nullopt, "an agreement"};
  CHECK(difference_in_words(orphan, Lang::en) == "A-001 has no agreement (payment PP-900)");
  CHECK(difference_in_words(orphan, Lang::uk) == "A-001 не має договору (виплата PP-900)");
  const Difference table{std::nullopt, "payments", "3221", "cbd7"};
  CHECK(difference_in_words(table, Lang::en) ==
        "payments (SHA-256): now in the table 3221, in the log's last money entry cbd7");
  CHECK(difference_in_words(table, Lang::uk) ==
        "виплати (SHA-256): у таблиці тепер 3221, в останньому грошовому записі журналу cbd7");
}

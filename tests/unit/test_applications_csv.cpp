// formats/applications_csv.hpp: applications.csv rows parsed without a store,
// and their problems located as `import applications` reports them.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "csv_input_fixture.hpp"
#include "formats/applications_csv.hpp"

using namespace competition;

using testing::csv_input_rules;
using testing::texts;

TEST_CASE("applications_csv: a good row becomes an application") {
  Rules rules = csv_input_rules();
  std::vector<Diagnostic> errors;
  auto apps = parse_applications_csv(
      "id,organisation,edrpou,sector,title,category,requested,planned_clients,submitted_at\n"
      "P-1, ГО «Світло» ,00032129,State,\"Сад, нарешті\",elderly,12500.50,1 200,2024-02-03\n",
      rules, "apps.csv", errors);
  CHECK(errors.empty());
  REQUIRE(apps.size() == 1);
  const Application& a = apps[0];
  CHECK(a.id == "P-1");
  CHECK(a.organisation == "ГО «Світло»");
  CHECK(a.edrpou == "00032129");
  CHECK(a.sector == Sector::state);
  CHECK(a.title == "Сад, нарешті");
  CHECK(a.category == "elderly");
  CHECK(a.requested.kopiykas() == 1250050);
  CHECK(a.cofinancing.kopiykas() == 0);
  CHECK(a.planned_clients == 1200);
  CHECK(a.submitted_at == "2024-02-03");
  CHECK(a.votes == std::nullopt);
  CHECK(a.input_order == 1);
}

TEST_CASE("applications_csv: services are trimmed, deduplicated and sorted by bytes") {
  Rules rules = csv_input_rules();
  std::vector<Diagnostic> errors;
  auto apps = parse_applications_csv(
      "id,organisation,title,requested,services\n"
      "P-1,Org,T,1, legal | information|legal||Legal \n"
      "P-2,Org,T,1,\n",
      rules, "apps.csv", errors);
  CHECK(errors.empty());
  REQUIRE(apps.size() == 2);
  CHECK(apps[0].services == std::vector<std::string>{"Legal", "information", "legal"});
  CHECK(apps[1].services.empty());
}

TEST_CASE("applications_csv: counts may group thousands by spaces and have at most 15 digits") {
  Rules rules = csv_input_rules();
  std::vector<Diagnostic> errors;
  auto apps = parse_applications_csv(
      "id,organisation,title,requested,planned_clients,planned_jobs,planned_volunteers\n"
      "P-1,ГО,t,1,999 999 999 999 999,007,0\n"
      "P-2,ГО,t,1,1 000 000 000 000 000,-5,1.5\n"
      "P-3,ГО,t,1,+5,1 2,\n",
      rules, "apps.csv", errors);
  CHECK(
      texts(errors) ==
      std::vector<std::string>{
          "apps.csv:3:5: planned_clients: \"1 000 000 000 000 000\" is not a non-negative whole number (expected e.g. "
          "120)",
          "apps.csv:3:6: planned_jobs: \"-5\" is not a non-negative whole number (expected e.g. 120)",
          "apps.csv:3:7: planned_volunteers: \"1.5\" is not a non-negative whole number (expected e.g. 120)",
          "apps.csv:4:5: planned_clients: \"+5\" is not a non-negative whole number (expected e.g. 120)",
      });
  REQUIRE(apps.size() == 1);
  CHECK(apps[0].planned_clients == 999999999999999);
  CHECK(apps[0].planned_jobs == 7);
  CHECK(apps[0].planned_volunteers == 0);
}

TEST_CASE("applications_csv: problems are located at their line, column and field") {
  Rules rules = csv_input_rules();
  std::vector<Diagnostic> errors;
  auto apps = parse_applications_csv(
      "id,organisation,title,requested\n"
      "P-1,ГО,t,12x\n"
      "P-2,ГО,t,10\n"
      "P-2,,t,0\n",
      rules, "apps.csv", errors);
  CHECK(texts(errors) == std::vector<std::string>{
                             "apps.csv:2:4: requested: \"12x\" is not an amount of money (expected e.g. 12500.00 or "
                             "\"12 500,00\")",
                             "apps.csv:4:1: id: duplicate id \"P-2\" (first on line 3)",
                             "apps.csv:4:2: organisation: must not be empty",
                             "apps.csv:4:4: requested: must be greater than 0",
                         });
  REQUIRE(apps.size() == 1);  // the rows without errors
  CHECK(apps[0].id == "P-2");
  CHECK(apps[0].input_order == 1);
}

TEST_CASE("applications_csv: an unknown column and a missing one are the header's problems") {
  Rules rules = csv_input_rules();
  std::vector<Diagnostic> errors;
  auto apps =
      parse_applications_csv("id,organisation,titel,requested,x_note\nP-1,ГО,t,10,n\n", rules, "apps.csv", errors);
  CHECK(apps.empty());
  CHECK(texts(errors) ==
        std::vector<std::string>{
            "apps.csv:1:3: titel: unknown column \"titel\" (expected one of: id, organisation, edrpou, sector, title, "
            "category, requested, cofinancing, planned_clients, planned_jobs, planned_volunteers, submitted_at, "
            "services, votes; prefix extra columns with x_)",
            "apps.csv:1: title: required column \"title\" is missing from the header"});
}

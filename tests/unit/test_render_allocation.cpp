// The outputs of `allocate` on a hand-built decision: JSON shape and key order,
// CSV columns and formula neutralisation, the commission section in text and
// the coefficient shown as — when nothing was awarded.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/render_allocation.hpp"

using namespace competition;

namespace {

struct Fixture {
  Rules rules;
  std::vector<Application> apps;
  Decision d;
  Fixture() {
    rules.id = "r-1";
    rules.title = "Тест";
    rules.budget = Money::from_hryvnias(100);
    for (const char* id : {"A", "B", "C", "D"}) {
      Application a;
      a.id = id;
      a.organisation = std::string("ГО ") + id;
      a.requested = Money::from_hryvnias(50);
      apps.push_back(a);
    }
    apps[1].organisation = "=HYPERLINK(\"x\")";
    d.round = "r-1";
    d.budget = Money::from_hryvnias(100);
    d.awarded = Money::from_hryvnias(50);
    d.leftover = Money::from_hryvnias(50);
    d.cofinancing = Money::from_kopiykas(1);
    d.lots = {{"main", Money::from_hryvnias(100), Money::from_hryvnias(50)}};
    d.applications = {
        {"A", 1, AwardStatus::withdrawn, Money{}, std::nullopt, {"withdrawn"}},
        {"B", 2, AwardStatus::funded, Money::from_hryvnias(50), std::string("main"), {}},
        {"C", 3, AwardStatus::declined, Money{}, std::nullopt, {"declined"}},
        {"D", std::nullopt, AwardStatus::incomplete, Money{}, std::nullopt, {"too_few_reviews"}},
    };
  }
  AllocationView view() const { return {rules, apps, d, "sha256:abc"}; }
};

// A renderer's whole output, collected in memory.
template <class Render, class... Args>
std::string rendered(Render render, const Args&... args) {
  OutputSink out;
  render(out, args...);
  return out.take();
}

}  // namespace

TEST_CASE("render allocation: JSON shape and key order of docs/cli.md") {
  Fixture f;
  CHECK(
      rendered(render_allocation_json, f.view()) ==
      R"({"round":"r-1","budget":"100.00","awarded":"50.00","leftover":"50.00","cofinancing":"0.01",)"
      R"("coefficient":"0.0002","fingerprint":"sha256:abc","lots":[{"id":"main","budget":"100.00","awarded":"50.00"}],)"
      R"("applications":[{"id":"A","rank":1,"status":"withdrawn","award":"0.00","lot":null,"reasons":["withdrawn"]},)"
      R"({"id":"B","rank":2,"status":"funded","award":"50.00","lot":"main"},)"
      R"({"id":"C","rank":3,"status":"declined","award":"0.00","lot":null,"reasons":["declined"]},)"
      R"({"id":"D","rank":null,"status":"incomplete","award":"0.00","lot":null,"reasons":["too_few_reviews"]}]})"
      "\n");
  f.d.awarded = Money{};
  CHECK(rendered(render_allocation_json, f.view()).find(R"("coefficient":null)") != std::string::npos);
}

TEST_CASE("render allocation: CSV columns, tokens and formula neutralisation") {
  Fixture f;
  CHECK(rendered(render_allocation_csv, f.view(), false) ==
        "rank,id,organisation,status,award,lot,reasons\n"
        "1,A,ГО A,withdrawn,0.00,,withdrawn\n"
        "2,B,\"'=HYPERLINK(\"\"x\"\")\",funded,50.00,main,\n"
        "3,C,ГО C,declined,0.00,,declined\n"
        ",D,ГО D,incomplete,0.00,,too_few_reviews\n");
}

TEST_CASE("render allocation: text lists the commission's decisions and shows — without awards") {
  Fixture f;
  f.d.awarded = Money{};
  f.d.applications[1] = {"B", 2, AwardStatus::reserve, Money{}, std::nullopt, {"budget_exhausted"}};
  std::string en = rendered(render_allocation_text, f.view(), Lang::en);
  CHECK(en.find("Commission decisions:\n") != std::string::npos);
  CHECK(en.find("declined by the commission") != std::string::npos);
  CHECK(en.find("Winners:\nNo awards.\n") != std::string::npos);
  CHECK(en.find("Coefficient of attracted funds (declared in applications): —\n") != std::string::npos);
  CHECK(en.find("Fingerprint: sha256:abc\n") != std::string::npos);
  std::string uk = rendered(render_allocation_text, f.view(), Lang::uk);
  CHECK(uk.find("Рішення комісії:\n") != std::string::npos);
  CHECK(uk.find("Відбиток рішення: sha256:abc\n") != std::string::npos);
  CHECK(uk.find("бюджет вичерпано") != std::string::npos);
  CHECK(uk.find("Коефіцієнт залучених коштів (за заявками): —\n") != std::string::npos);
  CHECK(uk.find("Грантів немає.") != std::string::npos);
}

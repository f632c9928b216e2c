// libFuzzer target: load_rules on arbitrary text (docs/rules.md "The file format").
// Invalid rules are competition::Error with 1..100 diagnostics naming the
// file; valid rules satisfy what the rest of the program relies on (criteria
// as the scoring source needs, positive weights and steps, min < max, lots
// within the budget). Any other exception escapes and is reported as a crash.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "values/diagnostic.hpp"
#include "values/rules.hpp"

using namespace competition;

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Rules rules;
  try {
    rules = load_rules(text, "fuzz.toml");
  } catch (const Error& e) {
    require(e.kind() == ErrorKind::invalid);
    require(!e.diagnostics().empty() && e.diagnostics().size() <= max_reported_errors);
    for (const auto& d : e.diagnostics()) {
      require(d.file == "fuzz.toml");
      require(!d.message.empty());
      require(d.message.uk.size() + d.field.size() < 4096 &&
              d.message.en.size() + d.field.size() < 4096);  // a huge value is cut in the message
    }
    return 0;
  }
  require(!rules.id.empty() && rules.id.size() <= 64);
  require(rules.year >= 1900 && rules.year <= 2200);
  require(rules.budget.kopiykas() >= 0);
  require(rules.min_reviews >= 1);
  require(rules.source == ScoreSource::votes ? rules.criteria.empty() : !rules.criteria.empty());
  for (const auto& c : rules.criteria) {
    require(c.weight > Rational(0));
    require(c.step > Rational(0));
    require(c.min < c.max);
    if (c.threshold) require(*c.threshold >= c.min && *c.threshold <= c.max);
  }
  require(rules.round_to.kopiykas() > 0);
  Money sum;
  for (Money m : lot_amounts(rules)) {
    require(m.kopiykas() >= 0);
    sum += m;
  }
  require(sum <= rules.budget);
  for (const auto& k : rules.tie_break)
    if (k.kind == TieBreakKey::Kind::criterion) require(rules.find_criterion(k.criterion) != nullptr);
  // Reading is deterministic: the same text gives the same rules.
  Rules again = load_rules(text, "fuzz.toml");
  require(again.id == rules.id && again.budget == rules.budget && again.criteria.size() == rules.criteria.size() &&
          again.lots.size() == rules.lots.size());
  return 0;
}

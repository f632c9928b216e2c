#include "values/clock.hpp"

#include <chrono>
#include <cstdlib>
#include <ctime>

#include "values/dates.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> not_utc{
    .uk = "COMPETITION_NOW: \"{}\" — не час UTC (очікується, наприклад, 2026-03-02T10:15:00Z)",
    .en = "COMPETITION_NOW: \"{}\" is not a UTC time (expected e.g. 2026-03-02T10:15:00Z)"};

namespace {

// `pattern` with `9` for a digit; every other character literal.
bool shaped(std::string_view text, std::string_view pattern) {
  if (text.size() != pattern.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    bool digit = text[i] >= '0' && text[i] <= '9';
    if (pattern[i] == '9' ? !digit : text[i] != pattern[i]) return false;
  }
  return true;
}

}  // namespace

// docs/cli.md "ledger" and "report": the end of which day the money is counted at.
std::string as_of_date(const std::optional<std::string>& given) {
  if (!given) return today_utc();
  std::optional<std::string> day = canonical_date(*given);
  if (!day) throw Error(ErrorKind::invalid, "--as-of: " + date_error(*given));
  return *day;
}

// docs/cli.md "Commission decisions": `recorded_at` is UTC; $COMPETITION_NOW fixes it.
std::string now_utc() {
  if (const char* fixed = std::getenv("COMPETITION_NOW"); fixed && *fixed) {
    std::string_view text = fixed;
    // normalize_submitted_at checks the calendar (no 31 February, no hour 24).
    if (!shaped(text, "9999-99-99T99:99:99Z") || !normalize_submitted_at(text))
      throw Error(ErrorKind::invalid, say(not_utc, text));
    return std::string(text);
  }
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string today_utc() { return now_utc().substr(0, 10); }

bool is_iso_date(std::string_view text) {
  return shaped(text, "9999-99-99") && normalize_submitted_at(text).has_value();
}

}  // namespace competition

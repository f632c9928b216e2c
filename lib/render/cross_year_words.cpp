#include "render/cross_year_words.hpp"

#include <fmt/format.h>

#include "render/reason_words.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

struct CrossYearWords {
  const char* line;     // what the flags are
  const char* cut_off;  // the date
  const char* column;
};

constexpr PerLang<CrossYearWords> cross_year_words{
    .uk = {.line = "Позначки перевірок ([checks]): інформація для комісії",
           .cut_off = "; попередні конкурси — станом на дату відсікання {}",
           .column = "позначки"},
    .en = {.line = "Flags of the checks ([checks]): information for the commission",
           .cut_off = "; earlier rounds as of the cut-off date {}",
           .column = "flags"},
};

}  // namespace

std::string cross_year_flags_in_words(const Rules& rules, const std::vector<std::string>& flags, Lang lang) {
  std::string out;
  for (const std::string& f : flags) out += (out.empty() ? "" : "; ") + flag_in_words(rules, f, lang);
  return out;
}

// year.md §5: flags are information (rules.md §1); the cut-off date decides which earlier reports were due.
std::string cross_year_line(const CrossYearView& view, Lang lang) {
  const CrossYearWords& w = cross_year_words[lang];
  std::string out = w.line;
  if (view.cut_off) out += fmt::format(fmt::runtime(w.cut_off), *view.cut_off);
  return out;
}

const char* cross_year_column(Lang lang) { return cross_year_words[lang].column; }

}  // namespace competition

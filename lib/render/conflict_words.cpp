#include "render/conflict_words.hpp"

#include <fmt/format.h>

#include "render/words.hpp"

namespace competition {

namespace {

constexpr PerLang<const char*> unknown_conflict_words{
    .uk =
        "попередження: експерт {}: конфлікт інтересів \"{}\" не називає жодної організації, відомої базі "
        "даних (перевірте написання назви або код ЄДРПОУ: інакше конфлікт не буде враховано)",
    .en =
        "warning: reviewer {}: conflict of interest \"{}\" names no organisation known to the database (check the "
        "spelling of the name or the ЄДРПОУ code: otherwise the conflict cannot be applied)",
};

}  // namespace

std::string unknown_conflict_warning(const UnknownConflict& c, Lang lang) {
  return fmt::format(fmt::runtime(unknown_conflict_words[lang]), c.reviewer, c.entry);
}

}  // namespace competition

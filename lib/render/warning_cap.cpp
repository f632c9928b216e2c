#include "render/warning_cap.hpp"

#include <fmt/format.h>

#include "render/words.hpp"

namespace competition {

namespace {

constexpr PerLang<const char*> more_warnings_words{
    .uk = "… і ще попереджень: {} (показано перші {})\n",
    .en = "… and {} more warnings (the first {} are shown)\n",
};

}  // namespace

std::string more_warnings_line(std::size_t more, Lang lang) {
  return fmt::format(fmt::runtime(more_warnings_words[lang]), more, max_reported_warnings);
}

}  // namespace competition

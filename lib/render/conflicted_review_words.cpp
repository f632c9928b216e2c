#include "render/conflicted_review_words.hpp"

#include <fmt/format.h>

#include "render/warning_cap.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

struct ConflictedReviewWords {
  const char* heading;  // round
  const char* pair;     // application, reviewer
};

constexpr PerLang<ConflictedReviewWords> conflicted_review_words{
    .uk =
        {
            .heading = "попередження: у конкурсі {} враховано оцінки експертів, які вже після імпорту оцінки "
                       "заявили про конфлікт інтересів з організацією заявки; імпортуйте ці оцінки знову як "
                       "виключені (`competition import reviews ФАЙЛ --exclude-conflicts --replace`), інакше вони "
                       "й далі впливають на бали:\n",
            .pair = "  оцінка заявки {} експертом {}\n",
        },
    .en =
        {
            .heading = "warning: round {} counts reviews by reviewers who declared a conflict of interest with the "
                       "application's organisation after the review was imported; import them again as excluded "
                       "(`competition import reviews FILE --exclude-conflicts --replace`), or they keep counting in "
                       "the scores:\n",
            .pair = "  the review of {} by {}\n",
        },
};

}  // namespace

std::string conflicted_review_warning(const std::string& round,
                                      const std::vector<std::pair<std::string, std::string>>& pairs, Lang lang) {
  if (pairs.empty()) return {};
  const ConflictedReviewWords& w = conflicted_review_words[lang];
  std::string out =
      fmt::format(fmt::runtime(w.heading), round) +
      capped_warnings(
          pairs.size(),
          [&](std::size_t i) { return fmt::format(fmt::runtime(w.pair), pairs[i].first, pairs[i].second); }, lang);
  out.pop_back();  // the caller ends the line
  return out;
}

}  // namespace competition

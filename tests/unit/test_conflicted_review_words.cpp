// The warning of `status` and `score` for reviews counted although their
// reviewer has since declared a conflict (docs/cli.md "assign"), in both languages.
#include <doctest/doctest.h>

#include "render/conflicted_review_words.hpp"

using namespace competition;

TEST_CASE("conflicted_review_warning: names each review and the command that excludes it") {
  const std::vector<std::pair<std::string, std::string>> pairs{{"A-2", "R-3"}, {"A-7", "R-1"}};
  CHECK(conflicted_review_warning("esm-2018", pairs, Lang::en) ==
        "warning: round esm-2018 counts reviews by reviewers who declared a conflict of interest with the "
        "application's organisation after the review was imported; import them again as excluded (`competition "
        "import reviews FILE --exclude-conflicts --replace`), or they keep counting in the scores:\n"
        "  the review of A-2 by R-3\n"
        "  the review of A-7 by R-1");
  CHECK(conflicted_review_warning("esm-2018", {{"A-2", "R-3"}}, Lang::uk) ==
        "попередження: у конкурсі esm-2018 враховано оцінки експертів, які вже після імпорту оцінки заявили про "
        "конфлікт інтересів з організацією заявки; імпортуйте ці оцінки знову як виключені (`competition import "
        "reviews ФАЙЛ --exclude-conflicts --replace`), інакше вони й далі впливають на бали:\n"
        "  оцінка заявки A-2 експертом R-3");
  CHECK(conflicted_review_warning("esm-2018", {}, Lang::en).empty());
}

#include "render/reason_words.hpp"

#include <fmt/format.h>

#include "render/words.hpp"

namespace competition {

namespace {

struct TokenInWords {
  std::string_view token;
  PerLang<const char*> words;
};

// docs/rules.md §2 (score) and §4.5 (allocation) reasons.
constexpr TokenInWords plain_reasons[] = {
    {"sector_not_allowed", {.uk = "організації цього сектору до конкурсу не допускаються", .en = "sector not allowed"}},
    {"request_above_max", {.uk = "запит перевищує максимальну суму", .en = "request above the maximum"}},
    {"cofinancing_below_min", {.uk = "співфінансування нижче мінімуму", .en = "co-financing below the minimum"}},
    // year.md §5, [checks] earlier_reports = "reject"
    {"earlier_report_missing",
     {.uk = "не подано звіт за попереднім грантом", .en = "the report on an earlier grant is missing"}},
    {"total_below_pass", {.uk = "сума балів нижча за прохідний бал", .en = "total below the pass mark"}},
    {"too_few_reviews", {.uk = "замало оцінок", .en = "too few reviews"}},
    {"budget_exhausted", {.uk = "бюджет вичерпано", .en = "budget exhausted"}},
    {"organisation_cap",
     {.uk = "організація вже має найбільшу дозволену кількість грантів",
      .en = "organisation already holds the most awards allowed"}},
    {"no_lot", {.uk = "категорія не входить до жодного лоту", .en = "category in no lot"}},
    // docs/cli.md "Commission decisions"
    {"withdrawn", {.uk = "заявку відкликано", .en = "withdrawn"}},
    {"declined", {.uk = "рішення комісії: без фінансування", .en = "declined by the commission"}},
};

struct ReasonWords {
  const char* quoted;           // a criterion's name
  const char* below_threshold;  // the quoted criterion
  const char* spread;           // the quoted criterion
  const char* report_missing;   // ROUND/APPLICATION of an earlier grant (year.md §5)
  const char* double_funding;   // ROUND/APPLICATION of an earlier grant
  const char* cost_outlier;
  const char* sector_named;  // sector_not_allowed with the applicant's sector (its token)
  const char* funded;        // the statuses of an allocation line
  const char* partial;
  const char* reserve;
  const char* rejected;
  const char* incomplete;
  const char* withdrawn;
  const char* declined;
};

constexpr PerLang<ReasonWords> reason_words{
    .uk =
        {
            .quoted = "«{}»",
            .below_threshold = "оцінка за критерієм {} нижча за поріг",
            .spread = "розкид оцінок: {}",
            .report_missing = "не подано звіт за грантом {}",
            .double_funding = "можливе подвійне фінансування: {}",
            .cost_outlier = "вартість на одного клієнта далека від медіани",
            .sector_named = "організації сектору {} до конкурсу не допускаються",
            .funded = "профінансовано",
            .partial = "частково",
            .reserve = "резерв",
            .rejected = "відхилено",
            .incomplete = "не оцінено",
            .withdrawn = "відкликано",
            .declined = "відхилено комісією",
        },
    .en =
        {
            .quoted = "“{}”",
            .below_threshold = "criterion {} below its threshold",
            .spread = "score spread: {}",
            .report_missing = "the report on grant {} is missing",
            .double_funding = "possible double funding: {}",
            .cost_outlier = "cost per client far from the median",
            .sector_named = "organisations of the {} sector are not allowed",
            .funded = "funded",
            .partial = "partially funded",
            .reserve = "reserve",
            .rejected = "rejected",
            .incomplete = "incomplete",
            .withdrawn = "withdrawn",
            .declined = "declined by the commission",
        },
};

// The criterion's name in the language's quotes, or its id.
std::string quoted_criterion(const Rules& rules, std::string_view id, Lang lang) {
  const Criterion* c = rules.find_criterion(id);
  std::string name = c && !c->name.empty() ? c->name : std::string(id);
  return fmt::format(fmt::runtime(reason_words[lang].quoted), name);
}

}  // namespace

std::string reason_in_words(const Rules& rules, std::string_view token, Lang lang) {
  for (const auto& r : plain_reasons)
    if (r.token == token) return r.words[lang];
  constexpr std::string_view threshold = "criterion_below_threshold:";
  if (token.starts_with(threshold))
    return fmt::format(fmt::runtime(reason_words[lang].below_threshold),
                       quoted_criterion(rules, token.substr(threshold.size()), lang));
  return std::string(token);
}

std::string reason_in_words(const Rules& rules, std::string_view token, Sector sector, Lang lang) {
  if (token == "sector_not_allowed")
    return fmt::format(fmt::runtime(reason_words[lang].sector_named), to_string(sector));
  return reason_in_words(rules, token, lang);
}

std::string award_status_in_words(AwardStatus s, Lang lang) {
  const ReasonWords& w = reason_words[lang];
  switch (s) {
    case AwardStatus::funded:
      return w.funded;
    case AwardStatus::partial:
      return w.partial;
    case AwardStatus::reserve:
      return w.reserve;
    case AwardStatus::rejected:
      return w.rejected;
    case AwardStatus::incomplete:
      return w.incomplete;
    case AwardStatus::withdrawn:
      return w.withdrawn;
    case AwardStatus::declined:
      return w.declined;
  }
  return std::string(to_string(s));
}

std::string flag_in_words(const Rules& rules, std::string_view token, Lang lang) {
  const ReasonWords& w = reason_words[lang];
  constexpr std::string_view spread = "spread:";
  if (token.starts_with(spread))
    return fmt::format(fmt::runtime(w.spread), quoted_criterion(rules, token.substr(spread.size()), lang));
  // year.md §5: the earlier grant as ROUND/APPLICATION.
  for (auto [prefix, words] : {std::pair<std::string_view, const char*>{"earlier_report_missing:", w.report_missing},
                               {"possible_double_funding:", w.double_funding}})
    if (token.starts_with(prefix)) return fmt::format(fmt::runtime(words), token.substr(prefix.size()));
  if (token == "cost_outlier") return w.cost_outlier;
  return std::string(token);
}

}  // namespace competition

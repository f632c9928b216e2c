#include "render/report_style.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "render/number_style.hpp"
#include "render/words.hpp"

namespace competition {

namespace {

struct ReportWords {
  const char* participants;  // the row labels
  const char* winners;
  const char* budget;
  const char* paid;
  const char* attracted;
  const char* coefficient;
  const char* clients;
  const char* cost_per_client;
  const char* jobs;
  const char* volunteers;
  const char* new_partners;
  const char* indicators;
  const char* thousand_uah;  // the units
  const char* uah_per_uah;
  const char* people;
  const char* uah;
  const char* competitions;  // the sources
  const char* published_table;
  const char* year_suffix;  // after one year, after a span
  const char* years_suffix;
  const char* title;
  const char* summary;
  const char* source_history;
  const char* source_rounds;
  const char* data_source;
  const char* history_replaced;  // years, their suffix
  const char* not_in_uah;
  const char* not_allocated;
  const char* ratios;
  const char* partners_unknown;  // the undefined mark
  const char* partners;          // year known from, partners_unknown, `.` after it
  const char* partners_not_shown;
  const char* planned;
  const char* used;        // the summary: budget
  const char* awarded;     // the summary: budget, when a paid row is shown beside it
  const char* paid_total;  // paid, the years with payments, the day
  const char* attracted_total;
  const char* coefficient_total;
  const char* coefficient_undefined;
  const char* winners_total;   // winners, participants
  const char* people_total;    // clients, jobs, volunteers
  const char* partners_total;  // new partners, year known from
};

constexpr PerLang<ReportWords> report_words{
    .uk =
        {
            .participants = "Кількість учасників конкурсу (соціальних проектів)",
            .winners = "Кількість переможців конкурсу (соціальних проектів)",
            .budget = "Сума фінансування з міського бюджету (тис. грн.)",
            .paid = "Сплачено з міського бюджету (тис. грн.)",
            .attracted = "Додатково залучені кошти (у тому числі власні) (тис. грн.)",
            .coefficient = "Коефіцієнт залучених коштів за звітами (на 1 грн. бюдж. коштів)",
            .clients = "Кількість клієнтів (чол.)",
            .cost_per_client = "Затрати на 1 клієнта (грн.)",
            .jobs = "Кількість створених робочих місць (чол.)",
            .volunteers = "Кількість волонтерів (чол.)",
            .new_partners = "Нові організації-партнери",
            .indicators = "Показники",
            .thousand_uah = "тис. грн",
            .uah_per_uah = "грн на 1 грн бюджету",
            .people = "осіб",
            .uah = "грн",
            .competitions = "конкурси",
            .published_table = "опублікована таблиця",
            .year_suffix = " р.",
            .years_suffix = " рр.",
            .title = "Динаміка показників конкурсів соціальних проектів, ",
            .summary = "Підсумки за ",
            .source_history = " — опублікована таблиця",
            .source_rounds = " — рішення конкурсів і звіти переможців",
            .data_source = "Джерело даних: ",
            .history_replaced = "Для {}{} є й опублікована таблиця; показано дані конкурсів.",
            .not_in_uah = "Не враховано конкурси не в гривнях: ",
            .not_allocated = "Не враховано ще не розподілені конкурси: ",
            .ratios = "Коефіцієнт залучених коштів і затрати на 1 клієнта обчислено з наведених сум і кількості "
                      "клієнтів (за період — як відношення сум), тому вони можуть відрізнятися від опублікованих.",
            .partners_unknown = " (для років з опублікованої таблиці — «{}»)",
            .partners = "Нові організації-партнери: організації-переможці, що не перемагали в жодному з попередніх "
                        "років; організації відомі з {} р.{}{}",  // "р." ends the sentence itself
            .partners_not_shown =
                "Нових організацій-партнерів не показано: опублікована таблиця не називає організацій.",
            .planned = " з урахуванням запланованих значень: не всі переможці звітували.",
            .used = "з міського бюджету використано {} тис. грн",
            .awarded = "з міського бюджету за рішеннями конкурсів призначено {} тис. грн",
            .paid_total = "з міського бюджету сплачено {} тис. грн (роки з платежами: {}; станом на кінець {})",
            .attracted_total = "додатково залучено {} тис. грн",
            .coefficient_total = "коефіцієнт залучених коштів за період {} : 1",
            .coefficient_undefined =
                "коефіцієнт залучених коштів за період не визначений (бюджетних коштів не використано)",
            .winners_total = "переможців (договорів) {} з {} учасників",
            .people_total = "послуги отримали {} клієнтів; створено {} робочих місць; залучено {} волонтерів",
            .partners_total = "нових організацій-партнерів {} (організації відомі з {} р.)",
        },
    .en =
        {
            .participants = "Competition participants (social projects)",
            .winners = "Competition winners (social projects)",
            .budget = "City budget funding (thousand UAH)",
            .paid = "Paid from the city budget (thousand UAH)",
            .attracted = "Additionally attracted funds, own funds included (thousand UAH)",
            .coefficient = "Attracted funds per 1 UAH of budget, as reported",
            .clients = "Clients (people)",
            .cost_per_client = "Cost per client (UAH)",
            .jobs = "Jobs created",
            .volunteers = "Volunteers",
            .new_partners = "New partner organisations",
            .indicators = "Indicators",
            .thousand_uah = "thousand UAH",
            .uah_per_uah = "UAH per 1 UAH of budget",
            .people = "people",
            .uah = "UAH",
            .competitions = "competitions",
            .published_table = "published table",
            .year_suffix = "",
            .years_suffix = "",
            .title = "Yearly indicators of the social project competitions, ",
            .summary = "Summary for ",
            .source_history = " — the published table",
            .source_rounds = " — the competitions' decisions and the winners' reports",
            .data_source = "Data source: ",
            .history_replaced = "For {} the published table is replaced by the competitions' data.",
            .not_in_uah = "Left out, not in UAH: ",
            .not_allocated = "Left out, not allocated yet: ",
            .ratios = "The coefficient and the cost per client are computed from the amounts and clients shown (for "
                      "the period, as ratios of sums), so they may differ from published figures.",
            .partners_unknown = " ({} for years from the published table)",
            .partners = "New partner organisations: winning organisations that won in no earlier year; "
                        "organisations are known from {}{}.",
            .partners_not_shown = "New partner organisations are not shown: the published table does not name "
                                  "organisations.",
            .planned = " includes planned values: not every winner has reported yet.",
            .used = "city budget funds used: {} thousand UAH",
            .awarded = "city budget funds awarded by the competitions' decisions: {} thousand UAH",
            .paid_total = "paid from the city budget: {} thousand UAH (years with payments: {}; as of the end of {})",
            .attracted_total = "additionally attracted: {} thousand UAH",
            .coefficient_total = "attracted funds coefficient for the period: {} : 1",
            .coefficient_undefined = "attracted funds coefficient for the period: undefined (no budget funds used)",
            .winners_total = "winners (contracts): {} of {} participants",
            .people_total = "{} clients received services; {} jobs created; {} volunteers engaged",
            .partners_total = "new partner organisations: {} (organisations known from {})",
        },
};

}  // namespace

// docs/report.md "Number style" (render/number_style.hpp).
std::string format_integer(std::int64_t v, Lang lang) { return integer_text(v, lang); }

std::string format_decimal(const Rational& v, int places, Lang lang) { return fixed_text(v, places, lang); }

// docs/report.md "Rows and labels": budget and attracted "thousands, 1 decimal".
std::string format_thousands(Money m, Lang lang) {
  return format_decimal(Rational::of_money(m) / Rational(1000), 1, lang);
}

// docs/report.md "Rows and labels".
std::string_view indicator_label(Indicator i, Lang lang) {
  const ReportWords& w = report_words[lang];
  switch (i) {
    case Indicator::participants:
      return w.participants;
    case Indicator::winners:
      return w.winners;
    case Indicator::budget:
      return w.budget;
    case Indicator::paid:
      return w.paid;
    case Indicator::attracted:
      return w.attracted;
    case Indicator::coefficient:
      return w.coefficient;
    case Indicator::clients:
      return w.clients;
    case Indicator::cost_per_client:
      return w.cost_per_client;
    case Indicator::jobs:
      return w.jobs;
    case Indicator::volunteers:
      return w.volunteers;
    case Indicator::new_partners:
      return w.new_partners;
  }
  return "";
}

std::string_view indicators_heading(Lang lang) { return report_words[lang].indicators; }

std::string_view indicator_unit(Indicator i, Lang lang) {
  const ReportWords& w = report_words[lang];
  switch (i) {
    case Indicator::budget:
    case Indicator::paid:
    case Indicator::attracted:
      return w.thousand_uah;
    case Indicator::coefficient:
      return w.uah_per_uah;
    case Indicator::clients:
      return w.people;
    case Indicator::cost_per_client:
      return w.uah;
    default:
      return "";
  }
}

std::string_view source_label(YearSource s, Lang lang) {
  if (s == YearSource::rounds) return report_words[lang].competitions;
  return report_words[lang].published_table;
}

std::string indicator_cell(const IndicatorValues& v, Indicator i, Lang lang) {
  std::string out;
  switch (i) {
    case Indicator::participants:
      out = format_integer(v.participants, lang);
      break;
    case Indicator::winners:
      out = format_integer(v.winners, lang);
      break;
    case Indicator::budget:
      out = format_thousands(v.budget, lang);
      break;
    case Indicator::paid:  // empty for a year without payments
      if (v.paid) out = format_thousands(*v.paid, lang);
      break;
    case Indicator::attracted:
      out = format_thousands(v.attracted, lang);
      break;
    case Indicator::coefficient:
      out = v.coefficient ? format_decimal(*v.coefficient, 1, lang) : std::string(undefined_mark);
      break;
    case Indicator::clients:
      out = format_integer(v.clients, lang);
      break;
    case Indicator::cost_per_client:
      out = v.cost_per_client ? format_decimal(*v.cost_per_client, 1, lang) : std::string(undefined_mark);
      break;
    case Indicator::jobs:
      out = format_integer(v.jobs, lang);
      break;
    case Indicator::volunteers:
      out = format_integer(v.volunteers, lang);
      break;
    case Indicator::new_partners:
      out = v.new_partners ? format_integer(*v.new_partners, lang) : std::string(undefined_mark);
      break;
  }
  if (v.is_planned(i)) out += planned_mark;
  return out;
}

// docs/report.md: winners "with the year's note when there is one (e.g. `41 безфін.`)".
std::string year_cell(const YearRow& row, Indicator i, Lang lang) {
  std::string out = indicator_cell(row, i, lang);
  if (i == Indicator::winners && row.note) out += " " + note_in_words(*row.note, lang);
  return out;
}

namespace {

// The notes of the published Kharkiv table the report words in each language
// (docs/report.md "Choices"); any other note is data and shown as written.
struct KnownNote {
  std::string_view written;
  PerLang<const char*> words;
};
constexpr KnownNote known_notes[] = {
    {"безфін.", {.uk = "безфін.", .en = "unfunded"}},
};

}  // namespace

std::string note_in_words(const std::string& note, Lang lang) {
  for (const KnownNote& k : known_notes)
    if (note == k.written) return k.words[lang];
  return note;
}

std::string years_span(int from, int to) { return from == to ? std::to_string(from) : fmt::format("{}–{}", from, to); }

// The years as the language writes them after a word: uk `2012 р.`, `2000–2017 рр.`, en `2000–2017`.
std::string years_phrase(int from, int to, Lang lang) {
  const ReportWords& w = report_words[lang];
  return years_span(from, to) + (from == to ? w.year_suffix : w.years_suffix);
}

// Years as runs of consecutive numbers: `2000–2003, 2005`.
std::string year_runs(const std::vector<int>& years) {
  std::string out;
  for (std::size_t i = 0; i < years.size();) {
    std::size_t j = i;
    while (j + 1 < years.size() && years[j + 1] == years[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += years_span(years[i], years[j]);
    i = j + 1;
  }
  return out;
}

namespace {

// The years of the table that show `paid`.
std::vector<int> paid_years(const ReportTable& t) {
  std::vector<int> out;
  for (const auto& r : t.years)
    if (r.paid) out.push_back(r.year);
  return out;
}

}  // namespace

std::string paid_coverage(const ReportTable& t) {
  return fmt::format("paid: {} as of {}", year_runs(paid_years(t)), t.paid_as_of.value_or(""));
}

std::string report_title(const ReportTable& t, Lang lang) {
  return report_words[lang].title + years_phrase(t.from, t.to, lang);
}

bool shows_new_partners(const ReportTable& t) {
  return std::any_of(t.years.begin(), t.years.end(), [](const YearRow& r) { return r.new_partners.has_value(); });
}

std::vector<Indicator> shown_indicators(const ReportTable& t) {
  std::vector<Indicator> out;
  const bool paid = std::any_of(t.years.begin(), t.years.end(), [](const YearRow& r) { return r.paid.has_value(); });
  for (Indicator i : all_indicators)
    if ((i != Indicator::new_partners || shows_new_partners(t)) && (i != Indicator::paid || paid)) out.push_back(i);
  return out;
}

// docs/report.md: "rounds win over history for the same year and the report says
// so"; "a report that leaves rounds in another currency out says so"; "the
// human formats say from which year organisations are known".
std::vector<std::string> report_notes(const ReportTable& t, Lang lang) {
  const ReportWords& w = report_words[lang];
  std::vector<std::string> notes;
  std::vector<int> from_history, from_rounds;
  for (const auto& r : t.years) (r.source == YearSource::history ? from_history : from_rounds).push_back(r.year);
  std::vector<std::string> parts;
  if (!from_history.empty()) parts.push_back(year_runs(from_history) + w.source_history);
  if (!from_rounds.empty()) parts.push_back(year_runs(from_rounds) + w.source_rounds);
  std::string sources;
  for (const auto& p : parts) sources += (sources.empty() ? "" : "; ") + p;
  notes.push_back(w.data_source + sources + ".");

  if (!t.history_replaced.empty()) {
    bool one = t.history_replaced.size() == 1;
    notes.push_back(fmt::format(fmt::runtime(w.history_replaced), year_runs(t.history_replaced),
                                one ? w.year_suffix : w.years_suffix));
  }
  std::string other_currency, not_allocated;
  for (const auto& r : t.left_out) {
    if (r.allocated) {
      other_currency += (other_currency.empty() ? "" : ", ") + fmt::format("{} ({})", r.id, r.currency);
    } else {
      not_allocated += (not_allocated.empty() ? "" : ", ") + r.id;
    }
  }
  if (!other_currency.empty()) notes.push_back(w.not_in_uah + other_currency + ".");
  if (!not_allocated.empty()) notes.push_back(w.not_allocated + not_allocated + ".");

  if (!from_history.empty()) notes.push_back(w.ratios);
  if (shows_new_partners(t)) {
    int known = t.organisations_known_from.value_or(t.from);
    std::string dash = from_history.empty() ? "" : fmt::format(fmt::runtime(w.partners_unknown), undefined_mark);
    notes.push_back(fmt::format(fmt::runtime(w.partners), known, dash, dash.empty() ? "" : "."));
  } else {
    notes.push_back(w.partners_not_shown);
  }
  bool planned = std::any_of(t.years.begin(), t.years.end(), [](const YearRow& r) { return !r.planned.empty(); });
  if (planned) notes.push_back(planned_note(lang));
  return notes;
}

std::string planned_note(Lang lang) { return std::string(planned_mark) + report_words[lang].planned; }

std::string summary_heading(const ReportTable& t, Lang lang) {
  return report_words[lang].summary + years_phrase(t.from, t.to, lang) + ":";
}

// docs/report.md "Summary of the period".
std::vector<std::string> summary_sentences(const ReportTable& t, Lang lang) {
  const ReportWords& w = report_words[lang];
  const IndicatorValues& s = t.totals;
  auto cell = [&](Indicator i) { return indicator_cell(s, i, lang); };
  std::vector<std::string> out;
  // With a paid row the budget is called awarded: "used" would read as "paid".
  if (t.paid_as_of) {
    out.push_back(fmt::format(fmt::runtime(w.awarded), cell(Indicator::budget)));
    out.push_back(
        fmt::format(fmt::runtime(w.paid_total), cell(Indicator::paid), year_runs(paid_years(t)), *t.paid_as_of));
  } else {
    out.push_back(fmt::format(fmt::runtime(w.used), cell(Indicator::budget)));
  }
  out.push_back(fmt::format(fmt::runtime(w.attracted_total), cell(Indicator::attracted)));
  out.push_back(s.coefficient ? fmt::format(fmt::runtime(w.coefficient_total), cell(Indicator::coefficient))
                              : std::string(w.coefficient_undefined));
  out.push_back(fmt::format(fmt::runtime(w.winners_total), cell(Indicator::winners), cell(Indicator::participants)));
  out.push_back(fmt::format(fmt::runtime(w.people_total), cell(Indicator::clients), cell(Indicator::jobs),
                            cell(Indicator::volunteers)));
  if (s.new_partners && t.organisations_known_from)
    out.push_back(
        fmt::format(fmt::runtime(w.partners_total), cell(Indicator::new_partners), *t.organisations_known_from));
  for (std::size_t i = 0; i < out.size(); ++i) out[i] += i + 1 == out.size() ? "." : ";";
  return out;
}

}  // namespace competition

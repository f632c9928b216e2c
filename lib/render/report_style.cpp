#include "render/report_style.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace competition {

// report.md "Number style".
std::string format_integer(std::int64_t v, bool en) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  return (v < 0 ? "-" : "") + group_thousands(digits, en ? "," : " ");
}

std::string format_decimal(const Rational& v, int places, bool en) {
  if (!en) return v.to_fixed_ukrainian(places);
  std::string plain = v.to_fixed(places);  // `-1470.9`
  std::string sign = plain.starts_with('-') ? "-" : "";
  std::string body = plain.substr(sign.size());
  auto point = body.find('.');
  std::string whole = body.substr(0, point);
  std::string frac = point == std::string::npos ? "" : body.substr(point);
  return sign + group_thousands(whole, ",") + frac;
}

// report.md "Rows and labels": budget and attracted "thousands, 1 decimal".
std::string format_thousands(Money m, bool en) { return format_decimal(Rational::of_money(m) / Rational(1000), 1, en); }

// report.md "Rows and labels".
std::string_view indicator_label(Indicator i, bool en) {
  switch (i) {
    case Indicator::participants:
      return en ? "Competition participants (social projects)" : "Кількість учасників конкурсу (соціальних проектів)";
    case Indicator::winners:
      return en ? "Competition winners (social projects)" : "Кількість переможців конкурсу (соціальних проектів)";
    case Indicator::budget:
      return en ? "City budget funding (thousand UAH)" : "Сума фінансування з міського бюджету (тис. грн.)";
    case Indicator::attracted:
      return en ? "Additionally attracted funds, own funds included (thousand UAH)"
                : "Додатково залучені кошти (у тому числі власні) (тис. грн.)";
    case Indicator::coefficient:
      return en ? "Attracted funds per 1 UAH of budget" : "Коефіцієнт залучених коштів (на 1 грн. бюдж. коштів)";
    case Indicator::clients:
      return en ? "Clients (people)" : "Кількість клієнтів (чол.)";
    case Indicator::cost_per_client:
      return en ? "Cost per client (UAH)" : "Затрати на 1 клієнта (грн.)";
    case Indicator::jobs:
      return en ? "Jobs created" : "Кількість створених робочих місць (чол.)";
    case Indicator::volunteers:
      return en ? "Volunteers" : "Кількість волонтерів (чол.)";
    case Indicator::new_partners:
      return en ? "New partner organisations" : "Нові організації-партнери";
  }
  return "";
}

std::string_view indicators_heading(bool en) { return en ? "Indicators" : "Показники"; }

std::string_view indicator_unit(Indicator i, bool en) {
  switch (i) {
    case Indicator::budget:
    case Indicator::attracted:
      return en ? "thousand UAH" : "тис. грн";
    case Indicator::coefficient:
      return en ? "UAH per 1 UAH of budget" : "грн на 1 грн бюджету";
    case Indicator::clients:
      return en ? "people" : "осіб";
    case Indicator::cost_per_client:
      return en ? "UAH" : "грн";
    default:
      return "";
  }
}

std::string_view source_label(YearSource s, bool en) {
  if (s == YearSource::rounds) return en ? "competitions" : "конкурси";
  return en ? "published table" : "опублікована таблиця";
}

std::string indicator_cell(const IndicatorValues& v, Indicator i, bool en) {
  std::string out;
  switch (i) {
    case Indicator::participants:
      out = format_integer(v.participants, en);
      break;
    case Indicator::winners:
      out = format_integer(v.winners, en);
      break;
    case Indicator::budget:
      out = format_thousands(v.budget, en);
      break;
    case Indicator::attracted:
      out = format_thousands(v.attracted, en);
      break;
    case Indicator::coefficient:
      out = v.coefficient ? format_decimal(*v.coefficient, 1, en) : std::string(undefined_mark);
      break;
    case Indicator::clients:
      out = format_integer(v.clients, en);
      break;
    case Indicator::cost_per_client:
      out = v.cost_per_client ? format_decimal(*v.cost_per_client, 1, en) : std::string(undefined_mark);
      break;
    case Indicator::jobs:
      out = format_integer(v.jobs, en);
      break;
    case Indicator::volunteers:
      out = format_integer(v.volunteers, en);
      break;
    case Indicator::new_partners:
      out = v.new_partners ? format_integer(*v.new_partners, en) : std::string(undefined_mark);
      break;
  }
  if (v.is_planned(i)) out += planned_mark;
  return out;
}

// report.md: winners "with the year's note when there is one (e.g. `41 безфін.`)".
std::string year_cell(const YearRow& row, Indicator i, bool en) {
  std::string out = indicator_cell(row, i, en);
  if (i == Indicator::winners && row.note) out += " " + *row.note;
  return out;
}

std::string years_span(int from, int to) { return from == to ? std::to_string(from) : fmt::format("{}–{}", from, to); }

static std::string years_phrase(int from, int to, bool en) {
  if (en) return years_span(from, to);
  return years_span(from, to) + (from == to ? " р." : " рр.");
}

// Years as runs of consecutive numbers: `2000–2003, 2005`.
static std::string year_runs(const std::vector<int>& years) {
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

std::string report_title(const ReportTable& t, bool en) {
  return en ? "Yearly indicators of the social project competitions, " + years_span(t.from, t.to)
            : "Динаміка показників конкурсів соціальних проектів, " + years_phrase(t.from, t.to, false);
}

bool shows_new_partners(const ReportTable& t) {
  return std::any_of(t.years.begin(), t.years.end(), [](const YearRow& r) { return r.new_partners.has_value(); });
}

std::vector<Indicator> shown_indicators(const ReportTable& t) {
  std::vector<Indicator> out;
  for (Indicator i : all_indicators)
    if (i != Indicator::new_partners || shows_new_partners(t)) out.push_back(i);
  return out;
}

// report.md: "rounds win over history for the same year and the report says
// so"; "a report that leaves rounds in another currency out says so"; "the
// human formats say from which year organisations are known".
std::vector<std::string> report_notes(const ReportTable& t, bool en) {
  std::vector<std::string> notes;
  std::vector<int> from_history, from_rounds;
  for (const auto& r : t.years) (r.source == YearSource::history ? from_history : from_rounds).push_back(r.year);
  std::vector<std::string> parts;
  if (!from_history.empty())
    parts.push_back(year_runs(from_history) + (en ? " — the published table" : " — опублікована таблиця"));
  if (!from_rounds.empty())
    parts.push_back(year_runs(from_rounds) + (en ? " — the competitions' decisions and the winners' reports"
                                                 : " — рішення конкурсів і звіти переможців"));
  std::string sources;
  for (const auto& p : parts) sources += (sources.empty() ? "" : "; ") + p;
  notes.push_back((en ? "Data source: " : "Джерело даних: ") + sources + ".");

  if (!t.history_replaced.empty()) {
    std::string years = year_runs(t.history_replaced);
    bool one = t.history_replaced.size() == 1;
    notes.push_back(
        en ? fmt::format("For {} the published table is replaced by the competitions' data.", years)
           : fmt::format("Для {} {} є й опублікована таблиця; показано дані конкурсів.", years, one ? "р." : "рр."));
  }
  std::string other_currency, not_allocated;
  for (const auto& r : t.left_out) {
    if (r.allocated) {
      other_currency += (other_currency.empty() ? "" : ", ") + fmt::format("{} ({})", r.id, r.currency);
    } else {
      not_allocated += (not_allocated.empty() ? "" : ", ") + r.id;
    }
  }
  if (!other_currency.empty())
    notes.push_back((en ? "Left out, not in UAH: " : "Не враховано конкурси не в гривнях: ") + other_currency + ".");
  if (!not_allocated.empty())
    notes.push_back((en ? "Left out, not allocated yet: " : "Не враховано ще не розподілені конкурси: ") +
                    not_allocated + ".");

  if (!from_history.empty())
    notes.push_back(en ? "The coefficient and the cost per client are computed from the amounts and clients shown "
                         "(for the period, as ratios of sums), so they may differ from published figures."
                       : "Коефіцієнт залучених коштів і затрати на 1 клієнта обчислено з наведених сум і кількості "
                         "клієнтів (за період — як відношення сум), тому вони можуть відрізнятися від опублікованих.");
  if (shows_new_partners(t)) {
    int known = t.organisations_known_from.value_or(t.from);
    std::string dash = from_history.empty() ? ""
                       : en                 ? fmt::format(" ({} for years from the published table)", undefined_mark)
                            : fmt::format(" (для років з опублікованої таблиці — «{}»)", undefined_mark);
    notes.push_back(en ? fmt::format("New partner organisations: winning organisations that won in no earlier year; "
                                     "organisations are known from {}{}.",
                                     known, dash)
                       : fmt::format("Нові організації-партнери: організації-переможці, що не перемагали в жодному "
                                     "з попередніх років; організації відомі з {} р.{}{}",
                                     known, dash, dash.empty() ? "" : "."));  // "р." ends the sentence itself
  } else {
    notes.push_back(en ? "New partner organisations are not shown: the published table does not name organisations."
                       : "Нових організацій-партнерів не показано: опублікована таблиця не називає організацій.");
  }
  bool planned = std::any_of(t.years.begin(), t.years.end(), [](const YearRow& r) { return !r.planned.empty(); });
  if (planned)
    notes.push_back(std::string(planned_mark) +
                    (en ? " includes planned values: not every winner has reported yet."
                        : " з урахуванням запланованих значень: не всі переможці звітували."));
  return notes;
}

std::string summary_heading(const ReportTable& t, bool en) {
  return (en ? "Summary for " : "Підсумки за ") + years_phrase(t.from, t.to, en) + ":";
}

// report.md "Summary of the period".
std::vector<std::string> summary_sentences(const ReportTable& t, bool en) {
  const IndicatorValues& s = t.totals;
  auto cell = [&](Indicator i) { return indicator_cell(s, i, en); };
  std::vector<std::string> out;
  if (en) {
    out.push_back(fmt::format("city budget funds used: {} thousand UAH", cell(Indicator::budget)));
    out.push_back(fmt::format("additionally attracted: {} thousand UAH", cell(Indicator::attracted)));
    out.push_back(s.coefficient
                      ? fmt::format("attracted funds coefficient for the period: {} : 1", cell(Indicator::coefficient))
                      : std::string("attracted funds coefficient for the period: undefined (no budget funds used)"));
    out.push_back(fmt::format("winners (contracts): {} of {} participants", cell(Indicator::winners),
                              cell(Indicator::participants)));
    out.push_back(fmt::format("{} clients received services; {} jobs created; {} volunteers engaged",
                              cell(Indicator::clients), cell(Indicator::jobs), cell(Indicator::volunteers)));
    if (s.new_partners && t.organisations_known_from)
      out.push_back(fmt::format("new partner organisations: {} (organisations known from {})",
                                cell(Indicator::new_partners), *t.organisations_known_from));
  } else {
    out.push_back(fmt::format("з міського бюджету використано {} тис. грн", cell(Indicator::budget)));
    out.push_back(fmt::format("додатково залучено {} тис. грн", cell(Indicator::attracted)));
    out.push_back(
        s.coefficient
            ? fmt::format("коефіцієнт залучених коштів за період {} : 1", cell(Indicator::coefficient))
            : std::string("коефіцієнт залучених коштів за період не визначений (бюджетних коштів не використано)"));
    out.push_back(fmt::format("переможців (договорів) {} з {} учасників", cell(Indicator::winners),
                              cell(Indicator::participants)));
    out.push_back(fmt::format("послуги отримали {} клієнтів; створено {} робочих місць; залучено {} волонтерів",
                              cell(Indicator::clients), cell(Indicator::jobs), cell(Indicator::volunteers)));
    if (s.new_partners && t.organisations_known_from)
      out.push_back(fmt::format("нових організацій-партнерів {} (організації відомі з {} р.)",
                                cell(Indicator::new_partners), *t.organisations_known_from));
  }
  for (std::size_t i = 0; i < out.size(); ++i) out[i] += i + 1 == out.size() ? "." : ";";
  return out;
}

}  // namespace competition

// docs/report.md "html": simple charts drawn as inline SVG by the program itself
// (no scripts, nothing loaded from elsewhere): grouped bars and a line over
// categories (years), with a title, a legend, a y axis with "nice" ticks and
// its label, and the category labels.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "values/lang.hpp"
#include "values/rational.hpp"

namespace competition {

struct ChartSeries {
  std::string name;                             // legend text
  std::string colour;                           // CSS colour, e.g. `#2f6db5`
  std::vector<std::optional<Rational>> values;  // one per category; none is drawn as a gap
  // Per category, whether a planned value went into it (docs/report.md, the `*`
  // of the table): a lighter bar with a dashed outline, a hollow point; empty: none.
  std::vector<bool> planned = {};

  [[nodiscard]] bool is_planned(std::size_t i) const { return i < planned.size() && planned[i]; }
};

struct Chart {
  std::string id;  // unique in the page (for aria ids)
  std::string title;
  std::string y_label;                  // the unit of the y axis
  std::vector<std::string> categories;  // x labels, e.g. years
  std::vector<ChartSeries> series;      // values are >= 0
  Lang lang = Lang::uk;                 // number style of tick and value labels
  int value_places = 1;                 // decimals of the value labels (line charts)
  std::string undefined_label = "—";    // shown where a line chart's value is undefined
  std::string planned_label = "";       // the legend of planned values, shown when one is
};

// Grouped bars: one group per category, one bar per series.
std::string svg_bar_chart(const Chart& chart);
// One line per series, broken where a value is undefined, with value labels
// placed where the line is not: above a peak, below a trough, beside a slope.
std::string svg_line_chart(const Chart& chart);

// The y axis scale: ticks 0, step, 2·step, … up to the first multiple of step
// at or above `max`, where step is 1, 2, 2.5 or 5 times a power of ten chosen
// for about five intervals. Exact; `max` <= 0 gives the ticks 0 and 1.
std::vector<Rational> nice_ticks(const Rational& max);

}  // namespace competition

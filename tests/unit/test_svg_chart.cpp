// render/svg_chart.hpp: value labels clear of the line, planned values marked.
#include <doctest/doctest.h>

#include "render/svg_chart.hpp"

using namespace competition;

namespace {

// Five categories, one series 1, 3, 5, 2, 4 (ticks 0…5): centres at x = 180,
// 348, 516, 684, 852; y = 344 − 53.6·v.
Chart five(std::vector<bool> planned = {}) {
  Chart c;
  c.id = "t";
  c.title = "T";
  c.y_label = "y";
  c.categories = {"a", "b", "c", "d", "e"};
  ChartSeries s{"s", "#b0413e", {Rational(1), Rational(3), Rational(5), Rational(2), Rational(4)}};
  s.planned = std::move(planned);
  c.series = {s};
  c.planned_label = "* план";
  return c;
}

bool has(const std::string& svg, const std::string& part) { return svg.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("svg chart: a line's value labels go where the line is not") {
  std::string svg = svg_line_chart(five());
  // First point, the line rises after it: below (room above the axis).
  CHECK(has(svg, R"(<text x="180.0" y="309.4" text-anchor="middle" font-size="11")"));
  // On a rising slope: up and to the left, ending before the point.
  CHECK(has(svg, R"(<text x="341.0" y="175.2" text-anchor="end" font-size="11")"));
  // A peak: above.
  CHECK(has(svg, R"(<text x="516.0" y="66.0" text-anchor="middle" font-size="11")"));
  // A trough: below.
  CHECK(has(svg, R"(<text x="684.0" y="255.8" text-anchor="middle" font-size="11")"));
  // The last point, the line rose to it: above.
  CHECK(has(svg, R"(<text x="852.0" y="119.6" text-anchor="middle" font-size="11")"));
  // No planned value: no legend for it, every point filled.
  CHECK(!has(svg, "* план"));
  CHECK(!has(svg, "fill=\"#ffffff\" stroke="));
}

TEST_CASE("svg chart: a falling slope's label goes up and to the right") {
  Chart c = five();
  c.series[0].values = {Rational(5), Rational(3), Rational(1)};
  c.categories = {"a", "b", "c"};
  std::string svg = svg_line_chart(c);
  // Three categories of 280: the middle point at x = 96 + 1.5·280 = 516, y = 344 − 53.6·3 = 183.2.
  CHECK(has(svg, R"(<text x="523.0" y="175.2" text-anchor="start" font-size="11")"));
}

TEST_CASE("svg chart: planned values are hollow points and lighter dashed bars, with a legend") {
  std::string line = svg_line_chart(five({false, false, false, false, true}));
  CHECK(has(
      line,
      R"(<circle cx="852.0" cy="129.6" r="4" fill="#ffffff" stroke="#b0413e" stroke-width="2"><title>e: 4,0*</title></circle>)"));
  CHECK(has(line, R"(<circle cx="180.0" cy="290.4" r="4" fill="#b0413e"><title>a: 1,0</title></circle>)"));
  CHECK(has(line, ">4,0*</text>"));
  CHECK(has(line, ">* план</text>"));

  std::string bars = svg_bar_chart(five({false, true}));
  CHECK(has(
      bars,
      R"(fill="#b0413e" fill-opacity="0.4" stroke="#b0413e" stroke-width="1.5" stroke-dasharray="4 2"><title>b: s 3,0*</title>)"));
  CHECK(has(bars, R"(fill="#b0413e"><title>a: s 1,0</title>)"));
  CHECK(has(bars, ">* план</text>"));
  CHECK(!has(svg_bar_chart(five()), "stroke-dasharray"));
}

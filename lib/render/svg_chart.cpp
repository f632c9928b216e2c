#include "render/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "render/html.hpp"
#include "render/report_style.hpp"
#include "render/text_table.hpp"

namespace competition {

namespace {

// Page geometry of every chart, in SVG user units.
constexpr double width = 960, height = 400;
constexpr double left = 96, right = 24, top = 76, bottom = 56;
constexpr double plot_w = width - left - right, plot_h = height - top - bottom;
constexpr const char* axis_colour = "#444";
constexpr const char* grid_colour = "#e3e3e3";
constexpr const char* text_colour = "#222";

// Coordinates are display only: exact values become pixels here.
double to_double(const Rational& r) { return static_cast<double>(r.num()) / static_cast<double>(r.den()); }
std::string px(double v) { return fmt::format("{:.1f}", v); }

// Decimals needed to write every multiple of `step` exactly (0 for 500, 1 for 2.5).
int places_of(const Rational& step) {
  Rational scaled = step;
  int places = 0;
  while (!scaled.is_integer() && places < 6) {
    scaled = scaled * Rational(10);
    ++places;
  }
  return places;
}

struct Frame {
  std::vector<Rational> ticks;
  double y_of(const Rational& v) const { return top + plot_h - plot_h * to_double(v) / to_double(ticks.back()); }
};

Rational max_value(const Chart& c) {
  Rational m(0);
  for (const auto& s : c.series)
    for (const auto& v : s.values)
      if (v && *v > m) m = *v;
  return m;
}

double category_width(const Chart& c) {
  return plot_w / static_cast<double>(c.categories.empty() ? 1 : c.categories.size());
}

// Category labels too long for their column are slanted (-30°): the room they
// take below the plot, added to the chart's height; 0 when they fit straight.
constexpr double char_width = 7.5;  // an average character at font-size 13
double slanted_room(const Chart& c) {
  std::size_t longest = 0;
  for (const auto& label : c.categories) longest = std::max(longest, display_width(label));
  double length = static_cast<double>(longest) * char_width;
  return length > category_width(c) * 0.9 ? length * 0.5 + 8 : 0;
}

bool any_planned(const Chart& c) {
  for (const auto& s : c.series)
    for (std::size_t i = 0; i < s.values.size(); ++i)
      if (s.is_planned(i)) return true;
  return false;
}

// How a planned value is drawn: a lighter bar with a dashed outline.
constexpr const char* planned_bar = R"( fill-opacity="0.4" stroke="{}" stroke-width="1.5" stroke-dasharray="4 2")";

double category_centre(const Chart& c, std::size_t i) {
  return left + category_width(c) * (static_cast<double>(i) + 0.5);
}

enum class Kind { bars, line };

// The parts every chart has: title, legend (with planned values when the chart
// has one), grid with tick labels, axes, the y label and the category labels.
std::string open_chart(const Chart& c, const Frame& f, Kind kind) {
  std::string out = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-labelledby=\"{}-title\" font-family=\"'DejaVu Sans', 'Segoe UI', Arial, sans-serif\" font-size=\"13\" "
      "class=\"chart\">\n",
      width, height + slanted_room(c), width, height + slanted_room(c), c.id);
  out += fmt::format("<title id=\"{}-title\">{}</title>\n", c.id, html_escape(c.title, Apostrophe::kept));
  out += fmt::format("<rect x=\"0\" y=\"0\" width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", width,
                     height + slanted_room(c));
  out += fmt::format(
      "<text x=\"{}\" y=\"28\" text-anchor=\"middle\" font-size=\"17\" font-weight=\"bold\" fill=\"{}\">{}</text>\n",
      px(width / 2), text_colour, html_escape(c.title, Apostrophe::kept));
  // Legend, left to right under the title.
  double x = left;
  for (const auto& s : c.series) {
    out += fmt::format("<rect x=\"{}\" y=\"44\" width=\"14\" height=\"14\" fill=\"{}\"/>\n", px(x), s.colour);
    out += fmt::format("<text x=\"{}\" y=\"56\" fill=\"{}\">{}</text>\n", px(x + 20), text_colour,
                       html_escape(s.name, Apostrophe::kept));
    x += 20 + 7.5 * static_cast<double>(display_width(s.name)) + 28;
  }
  if (any_planned(c) && !c.planned_label.empty()) {
    constexpr const char* colour = "#777777";  // any series: the swatch shows the style, not a colour
    if (kind == Kind::bars)
      out += fmt::format("<rect x=\"{}\" y=\"44\" width=\"14\" height=\"14\" fill=\"{}\"{}/>\n", px(x), colour,
                         fmt::format(fmt::runtime(planned_bar), colour));
    else
      out += fmt::format("<circle cx=\"{}\" cy=\"51\" r=\"4\" fill=\"#ffffff\" stroke=\"{}\" stroke-width=\"2\"/>\n",
                         px(x + 7), colour);
    out += fmt::format("<text x=\"{}\" y=\"56\" fill=\"{}\">{}</text>\n", px(x + 20), text_colour,
                       html_escape(c.planned_label, Apostrophe::kept));
  }
  // Grid and tick labels.
  int places = places_of(f.ticks.size() > 1 ? f.ticks[1] : Rational(1));
  for (const auto& t : f.ticks) {
    double y = f.y_of(t);
    out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>\n", px(left),
                       px(y), px(left + plot_w), px(y), t.is_zero() ? axis_colour : grid_colour);
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{}\">{}</text>\n", px(left - 8), px(y + 4),
                       text_colour, html_escape(format_decimal(t, places, c.lang), Apostrophe::kept));
  }
  out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>\n", px(left),
                     px(top), px(left), px(top + plot_h), axis_colour);
  out += fmt::format("<text transform=\"rotate(-90)\" x=\"{}\" y=\"22\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n",
                     px(-(top + plot_h / 2)), text_colour, html_escape(c.y_label, Apostrophe::kept));
  // Category labels; rotated when there are many.
  bool rotate = c.categories.size() > 24;
  bool slant = !rotate && slanted_room(c) > 0;
  for (std::size_t i = 0; i < c.categories.size(); ++i) {
    double cx = category_centre(c, i), cy = top + plot_h + 20;
    if (slant) {
      out += fmt::format(
          "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" transform=\"rotate(-30 {} {})\" fill=\"{}\">{}</text>\n",
          px(cx + 6), px(cy - 6), px(cx + 6), px(cy - 6), text_colour, html_escape(c.categories[i], Apostrophe::kept));
    } else if (rotate) {
      out += fmt::format(
          "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" transform=\"rotate(-45 {} {})\" fill=\"{}\">{}</text>\n", px(cx),
          px(cy), px(cx), px(cy), text_colour, html_escape(c.categories[i], Apostrophe::kept));
    } else {
      out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{}</text>\n", px(cx), px(cy),
                         text_colour, html_escape(c.categories[i], Apostrophe::kept));
    }
  }
  return out;
}

}  // namespace

std::vector<Rational> nice_ticks(const Rational& max) {
  if (max <= Rational(0)) return {Rational(0), Rational(1)};
  Rational raw = max / Rational(5);
  Rational p(1);
  while (p > raw) p = p / Rational(10);
  while (p * Rational(10) <= raw) p = p * Rational(10);
  Rational step = p * Rational(10);
  for (const Rational& m : {Rational(1), Rational(2), Rational(5, 2), Rational(5), Rational(10)}) {
    if (p * m >= raw) {
      step = p * m;
      break;
    }
  }
  std::vector<Rational> ticks{Rational(0)};
  while (ticks.back() < max) ticks.push_back(ticks.back() + step);
  return ticks;
}

std::string svg_bar_chart(const Chart& c) {
  Frame f{nice_ticks(max_value(c))};
  std::string out = open_chart(c, f, Kind::bars);
  double cw = category_width(c);
  double group = cw * 0.74;
  double bar = group / static_cast<double>(c.series.empty() ? 1 : c.series.size());
  for (std::size_t i = 0; i < c.categories.size(); ++i) {
    for (std::size_t s = 0; s < c.series.size(); ++s) {
      const auto& v = c.series[s].values[i];
      if (!v) continue;
      double x = left + cw * static_cast<double>(i) + (cw - group) / 2 + bar * static_cast<double>(s);
      double y = f.y_of(*v);
      const ChartSeries& series = c.series[s];
      bool planned = series.is_planned(i);
      out += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"{}><title>{}: {} {}{}</title></rect>\n", px(x),
          px(y), px(bar - 1), px(top + plot_h - y), series.colour,
          planned ? fmt::format(fmt::runtime(planned_bar), series.colour) : std::string(),
          html_escape(c.categories[i], Apostrophe::kept), html_escape(series.name, Apostrophe::kept),
          html_escape(format_decimal(*v, c.value_places, c.lang), Apostrophe::kept),
          planned ? planned_mark : std::string_view());
    }
  }
  out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>\n", px(left),
                     px(top + plot_h), px(left + plot_w), px(top + plot_h), axis_colour);
  return out + "</svg>\n";
}

namespace {

// Where a point's value label goes so that the line does not cross it: the
// offset from the point and the anchor. Above a peak, below a trough (unless
// that is under the axis), and on a slope on the side its segments leave free:
// rising, up and left; falling, up and right.
struct LabelPlace {
  double dx, dy;
  const char* anchor;
};

LabelPlace label_place(const std::vector<std::optional<Rational>>& values, std::size_t i, double y, double floor) {
  const Rational& v = *values[i];
  std::optional<Rational> before = i > 0 ? values[i - 1] : std::nullopt;
  std::optional<Rational> after = i + 1 < values.size() ? values[i + 1] : std::nullopt;
  bool higher_before = before && *before > v, higher_after = after && *after > v;
  bool lower_before = before && *before < v, lower_after = after && *after < v;
  constexpr LabelPlace above{0, -10, "middle"}, below{0, 19, "middle"};
  if (lower_before && higher_after) return {-7, -8, "end"};
  if (higher_before && lower_after) return {7, -8, "start"};
  if ((higher_before || higher_after) && !lower_before && !lower_after && y + below.dy < floor) return below;
  return above;
}

}  // namespace

std::string svg_line_chart(const Chart& c) {
  Frame f{nice_ticks(max_value(c))};
  std::string out = open_chart(c, f, Kind::line);
  for (const auto& s : c.series) {
    // A polyline per run of defined values, so an undefined year is a gap.
    std::string points;
    auto flush = [&] {
      if (points.find(' ') != std::string::npos)
        out += fmt::format("<polyline points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2.5\"/>\n", points,
                           s.colour);
      points.clear();
    };
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
      if (!s.values[i]) {
        flush();
        continue;
      }
      points += (points.empty() ? "" : " ") + px(category_centre(c, i)) + "," + px(f.y_of(*s.values[i]));
    }
    flush();
    for (std::size_t i = 0; i < c.categories.size(); ++i) {
      double cx = category_centre(c, i);
      if (!s.values[i]) {
        out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#888\">{}</text>\n", px(cx),
                           px(top + plot_h - 8), html_escape(c.undefined_label, Apostrophe::kept));
        continue;
      }
      double cy = f.y_of(*s.values[i]);
      bool planned = s.is_planned(i);
      std::string label = format_decimal(*s.values[i], c.value_places, c.lang);
      if (planned) label += planned_mark;
      // A planned point is hollow.
      out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"4\" fill=\"{}\"{}><title>{}: {}</title></circle>\n", px(cx),
                         px(cy), planned ? "#ffffff" : s.colour,
                         planned ? fmt::format(" stroke=\"{}\" stroke-width=\"2\"", s.colour) : std::string(),
                         html_escape(c.categories[i], Apostrophe::kept), html_escape(label, Apostrophe::kept));
      LabelPlace at = label_place(s.values, i, cy, top + plot_h);
      out += fmt::format(
          "<text x=\"{}\" y=\"{}\" text-anchor=\"{}\" font-size=\"11\" fill=\"{}\" stroke=\"#ffffff\" "
          "stroke-width=\"3\" paint-order=\"stroke\">{}</text>\n",
          px(cx + at.dx), px(cy + at.dy), at.anchor, text_colour, html_escape(label, Apostrophe::kept));
    }
  }
  out += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1.5\"/>\n", px(left),
                     px(top + plot_h), px(left + plot_w), px(top + plot_h), axis_colour);
  return out + "</svg>\n";
}

}  // namespace competition

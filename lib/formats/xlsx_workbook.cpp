#include "formats/xlsx_workbook.hpp"

#include <charconv>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "formats/xlsx_cell.hpp"
#include "formats/xlsx_xml.hpp"
#include "formats/xlsx_zip.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_no_part{.uk = "немає {}", .en = "no {}"};
constexpr PerLang<const char*> w_no_worksheet{.uk = "немає аркуша", .en = "no worksheet"};
constexpr PerLang<const char*> w_no_sheet_part{.uk = "перший аркуш не має частини",
                                               .en = "the first worksheet has no part"};
constexpr PerLang<const char*> w_row_range{.uk = "{}: номер рядка {} поза межами",
                                           .en = "{}: row number {} out of range"};
constexpr PerLang<const char*> w_bad_ref{.uk = "{}: неправильне посилання на клітинку \"{}\"",
                                         .en = "{}: bad cell reference \"{}\""};
constexpr PerLang<const char*> w_shared_range{
    .uk = "{}: індекс спільного рядка \"{}\" поза межами (спільних рядків: {})",
    .en = "{}: shared string index \"{}\" out of range ({} shared strings)"};
constexpr PerLang<const char*> w_cell_type{.uk = "{}: непідтримуваний тип клітинки \"{}\"",
                                           .en = "{}: unsupported cell type \"{}\""};

namespace {

std::optional<long> to_long(std::string_view s) {
  long v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::string need(XlsxZip& zip, const std::string& part, const std::string& file) {
  auto text = zip.read(part);
  if (!text) refuse_workbook(file, say(w_no_part, part));
  return std::move(*text);
}

// A relationship target relative to `xl/` (or absolute from the package root).
std::string part_path(std::string_view target) {
  if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
  if (target.substr(0, 3) == "../") return std::string(target.substr(3));
  return "xl/" + std::string(target);
}

// The first sheet's name and relationship id, the date system and the defined names.
struct WorkbookPart {
  std::string name, rel;
  bool date1904 = false;
  std::vector<std::pair<std::string, std::string>> defined_names;
};

WorkbookPart parse_workbook(const std::string& xml, const std::string& file) {
  WorkbookPart w;
  bool found = false;
  bool in_name = false;  // inside a workbook-scope <definedName>
  XmlHandlers h;
  h.start = [&](std::string_view name, const XmlAttributes& a) {
    if (name == "definedName" && xml_attribute(a, "localSheetId").empty()) {
      in_name = true;
      w.defined_names.emplace_back(xml_attribute(a, "name"), std::string());
    } else if (name == "sheet" && !found) {
      found = true;
      w.name = xml_attribute(a, "name");
      w.rel = xml_attribute(a, "id");
    } else if (name == "workbookPr") {
      const auto v = xml_attribute(a, "date1904");
      w.date1904 = v == "1" || v == "true";
    }
  };
  h.end = [&](std::string_view name) {
    if (name == "definedName") in_name = false;
  };
  h.text = [&](std::string_view s) {
    if (in_name) w.defined_names.back().second += s;
  };
  parse_xml(xml, file, "xl/workbook.xml", h);
  if (!found) refuse_workbook(file, say(w_no_worksheet));
  return w;
}

std::string sheet_target(const std::string& xml, const std::string& rel, const std::string& file) {
  std::string target;
  XmlHandlers h;
  h.start = [&](std::string_view name, const XmlAttributes& a) {
    if (name == "Relationship" && xml_attribute(a, "Id") == rel) target = xml_attribute(a, "Target");
  };
  parse_xml(xml, file, "xl/_rels/workbook.xml.rels", h);
  if (target.empty()) refuse_workbook(file, say(w_no_sheet_part));
  return part_path(target);
}

// Text of `<t>` elements inside `<si>` (or a cell's `<is>`), phonetic runs left out.
struct RichText {
  int depth_t = 0, depth_rph = 0;
  std::string text;
  void start(std::string_view name) {
    if (name == "t") ++depth_t;
    if (name == "rPh") ++depth_rph;
  }
  void end(std::string_view name) {
    if (name == "t") --depth_t;
    if (name == "rPh") --depth_rph;
  }
  void add(std::string_view s) {
    if (depth_t > 0 && depth_rph == 0) text += s;
  }
};

std::vector<std::string> parse_shared_strings(const std::string& xml, const std::string& file) {
  std::vector<std::string> out;
  RichText rt;
  bool in_si = false;
  XmlHandlers h;
  h.start = [&](std::string_view name, const XmlAttributes&) {
    if (name == "si") {
      in_si = true;
      rt = RichText{};
    } else if (in_si) {
      rt.start(name);
    }
  };
  h.end = [&](std::string_view name) {
    if (name == "si") {
      in_si = false;
      out.push_back(std::move(rt.text));
    } else if (in_si) {
      rt.end(name);
    }
  };
  h.text = [&](std::string_view s) {
    if (in_si) rt.add(s);
  };
  parse_xml(xml, file, "xl/sharedStrings.xml", h);
  return out;
}

// What a cell style's number format shows.
struct NumberStyle {
  bool date = false;
  int decimals = -1;
};

// For each cell style (`cellXfs`), what its number format shows.
std::vector<NumberStyle> parse_number_styles(const std::string& xml, const std::string& file) {
  std::map<long, std::string> custom;
  std::vector<long> xf_formats;
  bool in_cell_xfs = false;
  XmlHandlers h;
  h.start = [&](std::string_view name, const XmlAttributes& a) {
    if (name == "numFmt") {
      if (auto id = to_long(xml_attribute(a, "numFmtId"))) custom[*id] = xml_attribute(a, "formatCode");
    } else if (name == "cellXfs") {
      in_cell_xfs = true;
    } else if (name == "xf" && in_cell_xfs) {
      xf_formats.push_back(to_long(xml_attribute(a, "numFmtId")).value_or(0));
    }
  };
  h.end = [&](std::string_view name) {
    if (name == "cellXfs") in_cell_xfs = false;
  };
  parse_xml(xml, file, "xl/styles.xml", h);
  std::vector<NumberStyle> out;
  out.reserve(xf_formats.size());
  for (long id : xf_formats) {
    const auto it = custom.find(id);
    const std::string_view code = it == custom.end() ? std::string_view{} : it->second;
    out.push_back(
        NumberStyle{xlsx_is_date_format(static_cast<int>(id), code), xlsx_format_decimals(static_cast<int>(id), code)});
  }
  return out;
}

// `B7` → row 7, column 2; false when `ref` is not a cell reference.
bool parse_reference(std::string_view ref, int& row, int& column) {
  std::size_t i = 0;
  long c = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && c <= 16384) c = c * 26 + (ref[i++] - 'A' + 1);
  const auto r = to_long(ref.substr(i));
  if (i == 0 || c > 16384 || !r || *r < 1 || *r > 1048576) return false;
  row = static_cast<int>(*r);
  column = static_cast<int>(c);
  return true;
}

}  // namespace

XlsxSheet read_first_sheet(std::string_view bytes, const std::string& file) {
  XlsxZip zip(bytes, file);
  const WorkbookPart wb = parse_workbook(need(zip, "xl/workbook.xml", file), file);
  const std::string sheet_part = sheet_target(need(zip, "xl/_rels/workbook.xml.rels", file), wb.rel, file);
  std::vector<std::string> shared;
  if (auto xml = zip.read("xl/sharedStrings.xml")) shared = parse_shared_strings(*xml, file);
  std::vector<NumberStyle> styles;
  if (auto xml = zip.read("xl/styles.xml")) styles = parse_number_styles(*xml, file);

  XlsxSheet sheet;
  sheet.name = wb.name;
  sheet.date1904 = wb.date1904;
  sheet.defined_names = wb.defined_names;
  // The cell being read.
  XlsxCell cell;
  std::string type;
  bool in_cell = false, in_value = false, has_value = false, has_formula = false;
  RichText inline_text;
  int row = 0, next_column = 1;
  XmlHandlers h;
  h.start = [&](std::string_view name, const XmlAttributes& a) {
    if (name == "row") {
      const auto r = to_long(xml_attribute(a, "r"));
      row = r ? static_cast<int>(*r) : row + 1;
      if (row < 1 || row > 1048576) refuse_workbook(file, say(w_row_range, sheet_part, row));
      next_column = 1;
    } else if (name == "c") {
      in_cell = true;
      has_value = has_formula = false;
      cell = XlsxCell{};
      inline_text = RichText{};
      const auto ref = xml_attribute(a, "r");
      if (ref.empty()) {
        cell.row = row;
        cell.column = next_column;
      } else if (!parse_reference(ref, cell.row, cell.column)) {
        refuse_workbook(file, say(w_bad_ref, sheet_part, ref));
      }
      next_column = cell.column + 1;
      type = xml_attribute(a, "t");
      if (const auto s = to_long(xml_attribute(a, "s")); s && *s >= 0 && static_cast<std::size_t>(*s) < styles.size()) {
        cell.date_format = styles[static_cast<std::size_t>(*s)].date;
        cell.decimals = styles[static_cast<std::size_t>(*s)].decimals;
      }
    } else if (in_cell && name == "v") {
      in_value = true;
      has_value = true;
    } else if (in_cell && name == "f") {
      has_formula = true;
    } else if (in_cell && name == "is") {
      has_value = true;
    } else if (in_cell) {
      inline_text.start(name);
    }
  };
  h.end = [&](std::string_view name) {
    if (name == "v") {
      in_value = false;
    } else if (name == "c" && in_cell) {
      in_cell = false;
      const std::string where = fmt::format("{}!{}", sheet.name, cell_reference(cell.row, cell.column));
      if (type == "inlineStr") {
        cell.value = std::move(inline_text.text);
      } else if (!has_value || (cell.value.empty() && type != "str")) {
        if (!has_formula) return;  // an empty (formatted) cell
        cell.type = XlsxCell::Type::uncached;
      } else if (type == "s") {
        const auto k = to_long(cell.value);
        if (!k || *k < 0 || static_cast<std::size_t>(*k) >= shared.size())
          refuse_workbook(file, say(w_shared_range, where, cell.value, shared.size()));
        cell.value = shared[static_cast<std::size_t>(*k)];
      } else if (type == "str" || type == "d") {
        // a formula's cached string, or an ISO 8601 date stored as text (read as the text it is)
      } else if (type == "b") {
        cell.type = XlsxCell::Type::boolean;
      } else if (type == "e") {
        cell.type = XlsxCell::Type::error;
      } else if (type.empty() || type == "n") {
        cell.type = XlsxCell::Type::number;
      } else {
        refuse_workbook(file, say(w_cell_type, where, type));
      }
      sheet.cells.push_back(std::move(cell));
    } else if (in_cell) {
      inline_text.end(name);
    }
  };
  h.text = [&](std::string_view s) {
    if (in_value) {
      cell.value += s;
    } else if (in_cell) {
      inline_text.add(s);
    }
  };
  parse_xml(need(zip, sheet_part, file), file, sheet_part, h);
  return sheet;
}

}  // namespace competition

// Event-by-event parsing of one XML part of a workbook with expat. A DOCTYPE
// or an entity declaration is refused (no entity expansion, no external
// entities: docs/formats.md "Workbooks (.xlsx)"). Element and attribute names
// are given without their namespace prefix (`x:c` → `c`).
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace competition {

using XmlAttributes = std::vector<std::pair<std::string_view, std::string_view>>;

struct XmlHandlers {
  std::function<void(std::string_view name, const XmlAttributes& attributes)> start;
  std::function<void(std::string_view name)> end;
  std::function<void(std::string_view text)> text;
};

// The attribute `name` (without prefix); empty when absent.
std::string_view xml_attribute(const XmlAttributes& attributes, std::string_view name);

// Parses `xml`; malformed XML, a DOCTYPE or an entity declaration throws
// Error(invalid) "FILE: not a valid workbook: PART: …". A handler may throw
// Error too: it ends the parse.
void parse_xml(std::string_view xml, const std::string& file, const std::string& part, const XmlHandlers& handlers);

}  // namespace competition

#include "formats/xlsx_xml.hpp"

#include <expat.h>

#include <exception>
#include <limits>

#include <fmt/format.h>

#include "formats/xlsx_zip.hpp"
#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_doctype{.uk = "оголошення DOCTYPE (відхилено: сутності не розгортаються)",
                                         .en = "a DOCTYPE declaration (refused: entities are not expanded)"};
constexpr PerLang<const char*> w_entity{.uk = "оголошення сутності (відхилено: сутності не розгортаються)",
                                        .en = "an entity declaration (refused: entities are not expanded)"};
constexpr PerLang<const char*> w_out_of_memory{.uk = "бракує пам’яті, щоб створити розбирач XML",
                                               .en = "out of memory creating an XML parser"};
constexpr PerLang<const char*> w_contains{.uk = "{} містить {}", .en = "{} contains {}"};
constexpr PerLang<const char*> w_not_xml{.uk = "{} — не коректний XML (рядок {}: {})",
                                         .en = "{} is not well-formed XML (line {}: {})"};

namespace {

std::string_view local_name(const XML_Char* name) {
  std::string_view n(name);
  const auto colon = n.rfind(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

struct Context {
  XML_Parser parser;
  const XmlHandlers& handlers;
  Message refused;            // why the parse was stopped by a declaration
  std::exception_ptr thrown;  // a handler's exception, rethrown after the parse
  XmlAttributes attributes;
};

void stop(Context& c, Message why) {
  if (c.refused.empty() && !c.thrown) c.refused = std::move(why);
  XML_StopParser(c.parser, XML_FALSE);
}

template <class F>
void guarded(Context& c, F&& f) {
  if (c.thrown || !c.refused.empty()) return;
  try {
    f();
  } catch (...) {
    c.thrown = std::current_exception();
    XML_StopParser(c.parser, XML_FALSE);
  }
}

void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
  auto& c = *static_cast<Context*>(data);
  guarded(c, [&] {
    c.attributes.clear();
    for (int i = 0; attrs[i] != nullptr && attrs[i + 1] != nullptr; i += 2)
      c.attributes.emplace_back(local_name(attrs[i]), std::string_view(attrs[i + 1]));
    if (c.handlers.start) c.handlers.start(local_name(name), c.attributes);
  });
}

void XMLCALL on_end(void* data, const XML_Char* name) {
  auto& c = *static_cast<Context*>(data);
  guarded(c, [&] {
    if (c.handlers.end) c.handlers.end(local_name(name));
  });
}

void XMLCALL on_text(void* data, const XML_Char* s, int len) {
  auto& c = *static_cast<Context*>(data);
  guarded(c, [&] {
    if (c.handlers.text) c.handlers.text(std::string_view(s, static_cast<std::size_t>(len)));
  });
}

void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
  auto& c = *static_cast<Context*>(data);
  stop(c, say(w_doctype));
}

void XMLCALL on_entity(void* data, const XML_Char*, int, const XML_Char*, int, const XML_Char*, const XML_Char*,
                       const XML_Char*, const XML_Char*) {
  auto& c = *static_cast<Context*>(data);
  stop(c, say(w_entity));
}

}  // namespace

std::string_view xml_attribute(const XmlAttributes& attributes, std::string_view name) {
  for (const auto& [k, v] : attributes)
    if (k == name) return v;
  return {};
}

void parse_xml(std::string_view xml, const std::string& file, const std::string& part, const XmlHandlers& handlers) {
  XML_Parser parser = XML_ParserCreate(nullptr);
  if (parser == nullptr) throw Error(ErrorKind::io, say(w_out_of_memory));
  Context c{parser, handlers, {}, {}, {}};
  XML_SetUserData(parser, &c);
  XML_SetElementHandler(parser, on_start, on_end);
  XML_SetCharacterDataHandler(parser, on_text);
  XML_SetStartDoctypeDeclHandler(parser, on_doctype);
  XML_SetEntityDeclHandler(parser, on_entity);
  XML_SetParamEntityParsing(parser, XML_PARAM_ENTITY_PARSING_NEVER);

  bool ok = true;
  std::size_t done = 0;
  constexpr std::size_t piece = std::numeric_limits<int>::max() / 2;
  do {
    const std::size_t n = std::min(piece, xml.size() - done);
    const bool last = done + n == xml.size();
    if (XML_Parse(parser, xml.data() + done, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
      ok = false;
      break;
    }
    done += n;
  } while (done < xml.size());
  const std::string why = ok ? std::string() : XML_ErrorString(XML_GetErrorCode(parser));
  const auto line = XML_GetCurrentLineNumber(parser);
  XML_ParserFree(parser);
  if (c.thrown) std::rethrow_exception(c.thrown);
  if (!c.refused.empty()) refuse_workbook(file, say(w_contains, part, c.refused));
  if (!ok) refuse_workbook(file, say(w_not_xml, part, line, why));
}

}  // namespace competition

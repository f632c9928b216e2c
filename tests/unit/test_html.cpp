// render/html.hpp: the one HTML escape (with `'` escaped or kept, as each page
// has always written it) and the frame of a self-contained page.
#include "render/html.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace competition;

TEST_CASE("html_escape: & < > \" and ' as entities, other bytes kept") {
  CHECK(html_escape("a & b <c> \"d\" 'e' — є") == "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39; — є");
  CHECK(html_escape("") == "");
  CHECK(html_escape("&amp;") == "&amp;amp;");
}

TEST_CASE("html_escape: the apostrophe kept on request, the rest escaped the same") {
  CHECK(html_escape("the competitions' <b> & \"x\"", Apostrophe::kept) ==
        "the competitions' &lt;b&gt; &amp; &quot;x&quot;");
}

TEST_CASE("html_page_start: doctype, language, escaped title, inline style, open main") {
  CHECK(html_page_start("en", "A & B's", "p { margin: 0; }\n", Apostrophe::escaped) ==
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>A &amp; B&#39;s</title>\n<style>\np { margin: 0; }\n</style>\n</head>\n<body>\n<main>\n");
  CHECK(html_page_start("uk", "'", "", Apostrophe::kept).find("<title>'</title>") != std::string::npos);
  CHECK(std::string(html_page_end) == "</main>\n</body>\n</html>\n");
}

TEST_CASE("page_footer_style: the text and the page counters at the foot of every page, the text CSS-escaped") {
  CHECK(page_footer_style("Конкурс r-1 «Турбота»", Lang::uk) ==
        "@page { @bottom-center { content: \"Конкурс r-1 «Турбота» · Сторінка \" counter(page) \" з \" "
        "counter(pages); font: 7.5pt \"DejaVu Sans\", \"Liberation Sans\", Arial, sans-serif; color: #444; } }\n");
  CHECK(page_footer_style("Round \"x\" \\ </style>\n", Lang::en)
            .starts_with("@page { @bottom-center { content: \"Round \\\"x\\\" \\\\ \\3C /style>\\A  · Page \" "
                         "counter(page) \" of \" counter(pages);"));
}

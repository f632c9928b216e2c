// libFuzzer target: Money::parse on arbitrary text (docs/formats.md "Money"). A
// refused text gets its error message; an accepted amount is never negative,
// survives the round trips to_string -> parse and to_ukrainian -> parse, and
// does not depend on surrounding spaces. Anything else (a crash, an overflow,
// a broken round trip) is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "values/money.hpp"
#include "values/rational.hpp"

using namespace competition;

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto m = Money::parse(text);
  if (!m) {
    require(!Money::parse_error(text).empty());
  } else {
    require(m->kopiykas() >= 0);
    auto plain = Money::parse(m->to_string());
    require(plain && *plain == *m);
    auto ukrainian = Money::parse(m->to_ukrainian());  // `12 500,00`
    require(ukrainian && *ukrainian == *m);
    auto padded = Money::parse(" " + std::string(text) + "  ");
    require(padded && *padded == *m);
    // The same amount read as an exact decimal (scores, shares) agrees.
    require(Rational::of_money(*m).num() >= 0);
  }
  // Decimal numbers of the rules and the reviews: a parsed value prints back to itself.
  if (auto r = Rational::parse_decimal(text, 4)) {
    auto back = Rational::parse_decimal(r->to_decimal(4), 4);
    require(back && *back == *r);
  }
  return 0;
}

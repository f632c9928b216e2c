// One value per language the product speaks (docs/cli.md `--lang`): the words of
// an output (render/words.hpp) and of a message raised in lib/ (values/message.hpp).
#pragma once
#include "values/lang.hpp"

namespace competition {

template <class T>
struct PerLang {
  T uk;
  T en;
  constexpr const T& operator[](Lang lang) const {
    switch (lang) {
      case Lang::uk:
        return uk;
      case Lang::en:
        return en;
    }
    return uk;
  }
};

}  // namespace competition

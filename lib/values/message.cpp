#include "values/message.hpp"

namespace competition {

const std::string& Message::operator[](Lang lang) const {
  switch (lang) {
    case Lang::uk:
      return uk;
    case Lang::en:
      return en;
  }
  return uk;
}

Message& Message::operator+=(const Message& more) {
  uk += more.uk;
  en += more.en;
  return *this;
}

}  // namespace competition

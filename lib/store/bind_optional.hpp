// Binding a value that may be absent: NULL when it is.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include <optional>

namespace competition {

template <class T>
void bind_optional(SQLite::Statement& st, int index, const std::optional<T>& value) {
  if (value)
    st.bind(index, *value);
  else
    st.bind(index);
}

}  // namespace competition

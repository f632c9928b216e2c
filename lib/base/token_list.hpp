// A short list of machine tokens (a score's flags and reasons, an allocation
// line's reasons) held as one string joined with `|`, the form the store keeps
// them in (database.md). A national round has millions of these lists: one
// string each, most within the short-string buffer, instead of a vector and a
// string per token. Tokens are never empty and never contain `|`.
#pragma once
#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace competition {

class TokenList {
 public:
  TokenList() = default;
  TokenList(std::initializer_list<std::string_view> tokens) {
    for (std::string_view t : tokens) push_back(t);
  }
  // The stored form, as it is: `a|b`; empty text is the empty list.
  static TokenList from_joined(std::string_view text) {
    TokenList l;
    l.assign_joined(text);
    return l;
  }
  // The same into this list, reusing its space.
  void assign_joined(std::string_view text) { text_.assign(text); }

  void push_back(std::string_view token) {
    if (!text_.empty()) text_ += '|';
    text_ += token;
  }
  // Appends `more` to the last token (a token made of two parts).
  void append_to_last(std::string_view more) { text_ += more; }
  void clear() { text_.clear(); }
  bool empty() const { return text_.empty(); }
  std::size_t size() const {
    std::size_t n = 0;
    for (auto it = begin(); it != end(); ++it) ++n;
    return n;
  }
  std::string_view front() const { return *begin(); }
  std::string_view operator[](std::size_t i) const {
    auto it = begin();
    std::advance(it, static_cast<std::ptrdiff_t>(i));
    return *it;
  }
  // The tokens joined with `|` (the stored form).
  const std::string& joined() const { return text_; }
  std::vector<std::string> to_vector() const { return {begin(), end()}; }

  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = std::string_view;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = std::string_view;
    const_iterator() = default;
    std::string_view operator*() const { return text_.substr(start_, end_ - start_); }
    const_iterator& operator++() {
      start_ = end_ + 1;
      if (start_ > text_.size()) {
        start_ = end_ = std::string_view::npos;
      } else {
        end_ = std::min(text_.find('|', start_), text_.size());
      }
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const const_iterator& o) const { return start_ == o.start_; }

   private:
    friend class TokenList;
    const_iterator(std::string_view text, std::size_t start) : text_(text), start_(start) {
      if (start_ != std::string_view::npos) end_ = std::min(text_.find('|', start_), text_.size());
    }
    std::string_view text_;
    std::size_t start_ = std::string_view::npos, end_ = std::string_view::npos;
  };
  const_iterator begin() const { return text_.empty() ? end() : const_iterator(text_, 0); }
  const_iterator end() const { return const_iterator(text_, std::string_view::npos); }

  bool operator==(const TokenList& o) const = default;
  friend bool operator==(const TokenList& l, const std::vector<std::string>& v) {
    auto it = l.begin();
    for (const auto& s : v) {
      if (it == l.end() || *it != s) return false;
      ++it;
    }
    return it == l.end();
  }

 private:
  std::string text_;
};

}  // namespace competition

#include "formats/record_scan.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/canonical_json.hpp"
#include "base/sha256.hpp"

namespace competition {

namespace {

using ojson = nlohmann::ordered_json;

// A tree from parse events, as nlohmann's own parser builds it (a repeated
// name's later value replaces the earlier one in its place).
class TreeBuilder {
 public:
  void key(std::string k) { key_ = std::move(k); }
  void value(ojson v) { place(std::move(v)); }
  void open(ojson container) { stack_.push_back(&place(std::move(container))); }
  void close() { stack_.pop_back(); }
  ojson& root() { return root_; }

 private:
  ojson& place(ojson v) {
    if (stack_.empty()) return root_ = std::move(v);
    ojson& top = *stack_.back();
    if (top.is_array()) {
      top.push_back(std::move(v));
      return top.back();
    }
    return top[key_] = std::move(v);
  }
  ojson root_;
  std::vector<ojson*> stack_;  // the open containers; a child is appended only to the innermost
  std::string key_;
};

// canonical_json of the value the events describe, hashed as it is written,
// for as long as the events come in canonical order (RFC 8785 §3.2.3: each
// object's names sorted, none repeated) and every value is one canonical JSON
// writes; after that, none.
class CanonicalHash {
 public:
  void scalar(const ojson& v) {
    if (!ok_) return;
    before_value();
    try {
      append_canonical_json(out_, v);
    } catch (const std::exception&) {
      ok_ = false;  // a floating-point number, or a string that is not UTF-8
    }
    flush_sometimes();
  }
  void open(bool object) {
    if (!ok_) return;
    before_value();
    out_ += object ? '{' : '[';
    open_.push_back({object, true, {}});
  }
  void close() {
    if (!ok_) return;
    out_ += open_.back().object ? '}' : ']';
    open_.pop_back();
  }
  void key(const std::string& name) {
    if (!ok_) return;
    Open& o = open_.back();
    try {
      if (!o.first && !in_order(o.last, name)) ok_ = false;
    } catch (const std::exception&) {
      ok_ = false;  // a name that is not UTF-8
    }
    if (!ok_) return;
    if (!o.first) out_ += ',';
    o.first = false;
    o.last = name;
    scalar_key(name);
  }
  // The hash of the text written and `end`, or none.
  std::optional<std::string> hex(std::string_view end) {
    if (!ok_) return std::nullopt;
    out_ += end;
    sha_.update(out_);
    return sha_.hex();
  }

 private:
  struct Open {
    bool object;
    bool first;
    std::string last;  // the last name, in an object
  };
  // canonical_json's order: bytes, or UTF-16 code units where a name has a
  // character above U+FFFF (a 4-byte UTF-8 sequence); strictly, so that a
  // repeated name is out of order too.
  static bool in_order(const std::string& a, const std::string& b) {
    auto astral = [](const std::string& s) {
      for (char c : s)
        if (static_cast<unsigned char>(c) >= 0xF0) return true;
      return false;
    };
    if (astral(a) || astral(b)) return utf16_less(a, b);
    return a < b;
  }
  void scalar_key(const std::string& name) {
    try {
      append_canonical_string(out_, name);
    } catch (const std::exception&) {
      ok_ = false;
      return;
    }
    out_ += ':';
  }
  void before_value() {
    if (open_.empty() || open_.back().object) return;  // a member's value follows its name and ':'
    if (!open_.back().first) out_ += ',';
    open_.back().first = false;
  }
  void flush_sometimes() {
    if (out_.size() >= (1u << 16)) {
      sha_.update(out_);
      out_.clear();
    }
  }
  bool ok_ = true;
  std::string out_;
  Sha256 sha_;
  std::vector<Open> open_;
};

// The parse events of decision.json: the elements of the top-level
// `applications` array go, one tree at a time, to `visit` (when given); all
// else to `rest` (when kept); every event to the hash (when computed).
class RecordHandler {
 public:
  RecordHandler(bool keep_rest, bool hash, const std::function<void(const ojson&)>* visit)
      : keep_rest_(keep_rest), hash_(hash), visit_(visit) {}

  bool null() { return scalar(ojson(nullptr)); }
  bool boolean(bool v) { return scalar(ojson(v)); }
  bool number_integer(std::int64_t v) { return scalar(ojson(v)); }
  bool number_unsigned(std::uint64_t v) { return scalar(ojson(v)); }
  bool number_float(double v, const std::string&) { return scalar(ojson(v)); }
  bool string(std::string& v) { return scalar(ojson(std::move(v))); }
  bool binary(ojson::binary_t& v) { return scalar(ojson::binary(std::move(v))); }
  bool start_object(std::size_t) { return open(ojson::object()); }
  bool start_array(std::size_t) { return open(ojson::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool key(std::string& name) {
    if (hash_) canonical_.key(name);
    if (in_element_) {
      if (visit_) element_.key(std::move(name));
    } else {
      // A member of the record itself (depth 1): is it the applications array?
      next_is_applications_ = depth_ == 1 && root_is_object_ && name == "applications";
      if (keep_rest_) rest_.key(std::move(name));
    }
    return true;
  }
  // As nlohmann's parser: the error thrown with its own type (parse_error).
  template <class Exception>
  bool parse_error(std::size_t, const std::string&, const Exception& e) {
    throw e;
  }

  ojson& rest() { return rest_.root(); }
  std::optional<std::string> canonical_file_sha256() { return canonical_.hex("\n"); }

 private:
  // True when the value that starts now is an element of the applications array.
  bool starts_element() const { return in_applications_ && depth_ == 2 && in_element_ == 0; }

  bool scalar(ojson v) {
    if (hash_) canonical_.scalar(v);
    if (in_element_) {
      if (visit_) element_.value(std::move(v));
    } else if (starts_element()) {
      if (visit_) (*visit_)(v);
    } else if (keep_rest_) {
      rest_.value(std::move(v));
    }
    next_is_applications_ = false;
    return true;
  }
  bool open(ojson container) {
    const bool object = container.is_object();
    if (hash_) canonical_.open(object);
    if (in_element_ || starts_element()) {
      ++in_element_;
      if (visit_) element_.open(std::move(container));
    } else {
      if (depth_ == 0) root_is_object_ = object;
      if (depth_ == 1 && next_is_applications_ && !object) in_applications_ = true;
      if (keep_rest_) rest_.open(std::move(container));
    }
    next_is_applications_ = false;
    ++depth_;
    return true;
  }
  bool close() {
    if (hash_) canonical_.close();
    --depth_;
    if (in_element_) {
      --in_element_;
      if (visit_) {
        element_.close();
        if (!in_element_) {
          (*visit_)(element_.root());
          element_.root() = ojson();
        }
      }
      return true;
    }
    if (depth_ == 1) in_applications_ = false;
    if (keep_rest_) rest_.close();
    return true;
  }

  bool keep_rest_, hash_;
  const std::function<void(const ojson&)>* visit_;
  CanonicalHash canonical_;
  TreeBuilder rest_, element_;
  std::size_t depth_ = 0;       // containers open
  std::size_t in_element_ = 0;  // of them, those of the applications element being read
  bool root_is_object_ = false;
  bool next_is_applications_ = false;  // the record's member `applications` is the next value
  bool in_applications_ = false;       // inside the record's applications array
};

}  // namespace

// docs/bundle.md "The decision record", read as it streams.
ScannedRecord scan_record(std::string_view text) {
  RecordHandler h(true, true, nullptr);
  ojson::sax_parse(text, &h);
  return {std::move(h.rest()), h.canonical_file_sha256()};
}

void each_record_application(std::string_view text, const std::function<void(const ojson&)>& visit) {
  RecordHandler h(false, false, &visit);
  ojson::sax_parse(text, &h);
}

}  // namespace competition

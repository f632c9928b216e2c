#include "formats/xlsx_zip.hpp"

#include <zip.h>

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "values/diagnostic.hpp"
#include "values/message.hpp"

namespace competition {

constexpr PerLang<const char*> w_not_workbook{.uk = "неправильна робоча книга: {}", .en = "not a valid workbook: {}"};
constexpr PerLang<const char*> w_damaged_zip{.uk = "пошкоджений zip ({})", .en = "damaged zip ({})"};
constexpr PerLang<const char*> w_cannot_read{.uk = "не вдається прочитати {} ({})", .en = "cannot read {} ({})"};
constexpr PerLang<const char*> w_damaged_entry{.uk = "пошкоджений елемент zip {} ({})",
                                               .en = "damaged zip entry {} ({})"};
constexpr PerLang<const char*> w_zip_bomb{
    .uk = "розпаковується в понад 1 ГіБ або в 100 разів більше за свій розмір (zip-бомба?)",
    .en = "it inflates to more than 1 GiB or 100 times its size (a zip bomb?)"};

namespace {

constexpr std::size_t max_inflated_total = std::size_t{1} << 30;  // 1 GiB
constexpr std::size_t max_inflation_ratio = 100;

}  // namespace

void refuse_file(const std::string& file, Message message) {
  throw Error(ErrorKind::invalid, {Diagnostic{file, 0, 0, "", std::move(message)}});
}

void refuse_workbook(const std::string& file, const Message& why) { refuse_file(file, say(w_not_workbook, why)); }

bool looks_like_zip(std::string_view bytes) { return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4); }

bool looks_like_ole(std::string_view bytes) {
  return bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
}

struct XlsxZip::Handle {
  zip_t* archive = nullptr;
};

XlsxZip::XlsxZip(std::string_view bytes, std::string file)
    : handle_(std::make_unique<Handle>()),
      file_(std::move(file)),
      budget_(std::min(max_inflated_total, bytes.size() * max_inflation_ratio)) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) {
    handle_->archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (handle_->archive == nullptr) zip_source_free(source);
  }
  if (handle_->archive == nullptr) {
    const std::string why = zip_error_strerror(&error);
    zip_error_fini(&error);
    refuse_workbook(file_, say(w_damaged_zip, why));
  }
  zip_error_fini(&error);
}

XlsxZip::~XlsxZip() {
  if (handle_->archive != nullptr) zip_discard(handle_->archive);
}

std::optional<std::string> XlsxZip::read(const std::string& name) {
  zip_file_t* entry = zip_fopen(handle_->archive, name.c_str(), 0);
  if (entry == nullptr) {
    if (zip_error_code_zip(zip_get_error(handle_->archive)) == ZIP_ER_NOENT) return std::nullopt;
    refuse_workbook(file_, say(w_cannot_read, name, zip_strerror(handle_->archive)));
  }
  std::string out;
  std::array<char, 65536> chunk{};
  for (;;) {
    const zip_int64_t n = zip_fread(entry, chunk.data(), chunk.size());
    if (n < 0) {
      const std::string why = zip_file_strerror(entry);
      zip_fclose(entry);
      refuse_workbook(file_, say(w_damaged_entry, name, why));
    }
    if (n == 0) break;
    const auto got = static_cast<std::size_t>(n);
    if (got > budget_) {
      zip_fclose(entry);
      refuse_workbook(file_, say(w_zip_bomb));
    }
    budget_ -= got;
    out.append(chunk.data(), got);
  }
  zip_fclose(entry);
  return out;
}

}  // namespace competition

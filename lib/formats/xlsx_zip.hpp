// The zip container of a workbook (docs/formats.md "Workbooks (.xlsx)"), read
// with libzip from bytes in memory. Every inflated byte is counted against one
// budget (at most 1 GiB, at most 100 × the file's size) so that a zip bomb is
// refused however its entries claim their sizes.
#pragma once
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "values/message.hpp"

namespace competition {

// The refusal of a file that is not a valid workbook: Error(invalid) with one
// diagnostic without line or sheet, shown as `FILE: not a valid workbook: WHY`
// (a dry run reports it in its summary, as it does a CSV's encoding error).
[[noreturn]] void refuse_workbook(const std::string& file, const Message& why);
// The same for a whole message (`FILE: MESSAGE`).
[[noreturn]] void refuse_file(const std::string& file, Message message);

// True when `bytes` begin as a zip file does (`PK\3\4`).
bool looks_like_zip(std::string_view bytes);
// True when `bytes` begin as an OLE compound file does (a `.xls` or an encrypted workbook).
bool looks_like_ole(std::string_view bytes);

class XlsxZip {
 public:
  // Opens the archive in `bytes` (which must outlive this); a damaged zip
  // throws Error(invalid) naming `file`.
  XlsxZip(std::string_view bytes, std::string file);
  ~XlsxZip();
  XlsxZip(const XlsxZip&) = delete;
  XlsxZip& operator=(const XlsxZip&) = delete;

  // The inflated entry `name`; nullopt when there is none. A damaged entry or
  // one that exceeds the budget throws Error(invalid).
  std::optional<std::string> read(const std::string& name);

 private:
  struct Handle;
  std::unique_ptr<Handle> handle_;
  std::string file_;
  std::size_t budget_;  // inflated bytes still allowed
};

}  // namespace competition

#include "base/filesystem_check.hpp"

#include <fmt/format.h>
#include <sys/vfs.h>

namespace competition {

std::optional<std::string_view> network_filesystem_name(std::uint32_t f_type) {
  switch (f_type) {
    case 0x6969u:
      return "nfs";
    case 0x517Bu:
      return "smb";
    case 0xFF534D42u:
      return "cifs";
    case 0xFE534D42u:
      return "smb2";
    default:
      return std::nullopt;
  }
}

std::optional<std::string_view> network_filesystem_of(const std::string& dir) {
  struct statfs st {};
  if (::statfs(dir.c_str(), &st) != 0) return std::nullopt;
  // f_type is a signed word on some ABIs; the magic numbers are 32-bit patterns.
  return network_filesystem_name(static_cast<std::uint32_t>(st.f_type));
}

std::string parent_directory(const std::string& path) {
  auto slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace competition

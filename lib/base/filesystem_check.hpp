// Network file systems under the database (docs/reliability.md "NFS and SMB"):
// SQLite's file locking is unreliable on them, so two writers can corrupt the
// database, and WAL mode needs shared memory that they do not provide. The
// store only warns (a single user on a share may be fine); it never refuses.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace competition {

// The name of a network file system from its statfs(2) f_type magic number:
// "nfs" (NFS_SUPER_MAGIC 0x6969), "smb" (SMB_SUPER_MAGIC 0x517B), "cifs"
// (CIFS_MAGIC_NUMBER 0xFF534D42), "smb2" (SMB2_MAGIC_NUMBER 0xFE534D42);
// nullopt for every other type. Pure, for tests.
std::optional<std::string_view> network_filesystem_name(std::uint32_t f_type);

// The network file system holding the directory `dir` (statfs), or nullopt when
// it is local or cannot be told (statfs failed: the open that follows reports it).
std::optional<std::string_view> network_filesystem_of(const std::string& dir);

// The directory that holds the file `path`: its parent, "." for a bare name.
std::string parent_directory(const std::string& path);

}  // namespace competition

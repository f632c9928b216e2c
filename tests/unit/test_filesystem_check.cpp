#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "base/filesystem_check.hpp"
#include "store/store.hpp"

using namespace competition;

TEST_CASE("the network file systems are told by their statfs magic numbers") {
  CHECK(network_filesystem_name(0x6969) == "nfs");
  CHECK(network_filesystem_name(0x517B) == "smb");
  CHECK(network_filesystem_name(0xFF534D42u) == "cifs");
  CHECK(network_filesystem_name(0xFE534D42u) == "smb2");
  // Local file systems are not.
  CHECK_FALSE(network_filesystem_name(0xEF53).has_value());      // ext2/3/4
  CHECK_FALSE(network_filesystem_name(0x58465342).has_value());  // xfs
  CHECK_FALSE(network_filesystem_name(0x9123683E).has_value());  // btrfs
  CHECK_FALSE(network_filesystem_name(0x01021994).has_value());  // tmpfs
  CHECK_FALSE(network_filesystem_name(0x794C7630).has_value());  // overlayfs
  CHECK_FALSE(network_filesystem_name(0).has_value());
  // f_type is a signed word on some ABIs: CIFS's magic arrives sign-extended.
  CHECK(network_filesystem_name(static_cast<std::uint32_t>(static_cast<long>(static_cast<int>(0xFF534D42u)))) ==
        "cifs");
}

TEST_CASE("the warning names the database and the file system") {
  const Message warning = network_filesystem_warning("/mnt/share/competition.db", "nfs");
  CHECK(warning.en ==
        "warning: /mnt/share/competition.db is on a network file system (nfs); SQLite's locking is unreliable "
        "there — keep the database on a local disk");
  CHECK(warning.uk ==
        "попередження: /mnt/share/competition.db лежить у мережевій файловій системі (nfs); блокування SQLite там "
        "ненадійне — тримайте базу даних на локальному диску");
}

TEST_CASE("the directory checked is the one holding the database") {
  CHECK(parent_directory("competition.db") == ".");
  CHECK(parent_directory("data/competition.db") == "data");
  CHECK(parent_directory("/mnt/share/c.db") == "/mnt/share");
  CHECK(parent_directory("/c.db") == "/");
}

TEST_CASE("a local database has no warnings; an unreadable directory is not a network one") {
  CHECK_FALSE(network_filesystem_of("/nonexistent-directory-for-the-test").has_value());
  auto dir = std::filesystem::temp_directory_path() / "competition-fs-check-test";
  std::filesystem::create_directories(dir);
  auto path = (dir / "local.db").string();
  std::remove(path.c_str());
  {
    auto store = Store::open(path, Store::Mode::may_create);
    // The test machine's temporary directory is local; were it NFS this would be the warning.
    if (auto fs = network_filesystem_of(dir.string()))
      CHECK(store->warnings() == std::vector<Message>{network_filesystem_warning(path, *fs)});
    else
      CHECK(store->warnings().empty());
  }
  std::filesystem::remove_all(dir);
}

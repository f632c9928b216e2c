// An output file given by path (`-o PATH`, `export pabulib PATH`, the
// workbook): docs/reliability.md "Output paths".
//  - A regular file, or a path that does not exist yet, is written to a new
//    temporary file in the same directory (a random name created with
//    O_CREAT|O_EXCL, which never follows a symbolic link planted there) and
//    renamed over PATH by commit(): PATH holds the old file or the whole new
//    one, never a part. An existing file's permission bits are kept (a 0600
//    file stays 0600); a new file gets 0666 less the umask.
//  - A symbolic link is followed: its target is replaced the same way, the
//    link stays a link.
//  - A FIFO, a device or a terminal is written through (opened, not replaced),
//    and so is a file named through /proc's links (`-o /dev/stdout`).
//  - A directory is refused.
//  - Given the database's path, an output that is the database or one of its
//    companion files (formats/database_output_check.hpp) is refused, Error
//    (invalid), both when opened and again immediately before the rename or
//    the write-through, so a link planted meanwhile cannot aim it there.
// Every failure is Error(io) naming the path and the system's reason.
#pragma once
#include <cstdio>
#include <string>

namespace competition {

class OutputFile {
 public:
  explicit OutputFile(const std::string& path, const std::string& database = {});
  ~OutputFile();  // an uncommitted temporary file is removed
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  // Where to write: a stream, or by name for a library that opens the file
  // itself (libxlsxwriter); the name is the temporary file or the FIFO/device.
  [[nodiscard]] std::FILE* stream() { return file_; }
  [[nodiscard]] const std::string& name() const { return write_name_; }

  // Whether an OutputFile of `path` would be a temporary file renamed into
  // place by commit() (a regular or new file), as the path stands now; false
  // for what is written through, and for a directory (refused).
  [[nodiscard]] static bool replaces(const std::string& path);
  // Flushes, syncs and closes the file, the slow part of commit(), which may
  // run earlier on another thread; commit() does it when it was not done.
  void close();
  // Closes the file if still open and renames it into place.
  void commit();
  // Error(io): "PATH: cannot write the output file: <errno text>".
  [[noreturn]] void fail(int error) const;

 private:
  std::string path_;        // as given, for messages
  std::string target_;      // PATH with its symbolic links followed
  std::string write_name_;  // the temporary file, or target_ when written through
  std::string database_;    // the database never to be written, or empty
  bool through_ = false;
  std::FILE* file_ = nullptr;
};

// The file a chain of symbolic links at `path` ends at (that file may not
// exist); `path` itself when it is no link. Relative targets are taken from
// the link's directory.
[[nodiscard]] std::string follow_links(const std::string& path);

}  // namespace competition

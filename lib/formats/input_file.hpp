// Reading an input file whole, within the sizes of docs/formats.md "Limits":
// endless input (/dev/zero, a pipe that never ends) or a huge sparse file is
// refused with a clear message instead of exhausting memory.
#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "values/message.hpp"

namespace competition {

// docs/formats.md "Limits". A national round's largest file (its reviews) is a
// few hundred megabytes; these leave room and keep every line and column number
// within an int.
inline constexpr std::size_t max_input_file_bytes = std::size_t{1} << 30;  // 1 GiB: an input file, a bundle member
inline constexpr std::size_t max_record_bytes = std::size_t{64} << 20;     // 64 MiB: a CSV record (a line)
inline constexpr std::size_t max_field_bytes = std::size_t{16} << 20;      // 16 MiB: a CSV field

// The bytes of the file at `path` (standard input for "-"; `label` names it in
// messages). Error(io) when it cannot be opened or read, Error(invalid) when it
// is larger than `limit` bytes (found from its size up front when it is a
// regular file, else after reading `limit` + 1 bytes).
std::string read_input_file(const std::string& path, const std::string& label,
                            std::size_t limit = max_input_file_bytes);
// The same bytes given to `sink` in the pieces they are read in (1 MiB at
// most), within the same limit: for a file that is only hashed, never held.
void read_input_pieces(const std::string& path, const std::string& label,
                       const std::function<void(std::string_view)>& sink, std::size_t limit = max_input_file_bytes);

// docs/cli.md "import": the paths (`DIR/NAME`) of the `.xlsx` and `.csv` files
// (the ending in any case) of directory `dir`, hidden files and Excel's `~$`
// lock files left out, by name. Error(io) when the directory cannot be read.
std::vector<std::string> sheet_files_in(const std::string& dir);

// "1 GiB", "64 MiB", "16 MiB": a limit as the messages and docs write it.
Message limit_words(std::size_t bytes);

}  // namespace competition

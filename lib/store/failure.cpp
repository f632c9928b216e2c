#include "store/failure.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace competition {

Error as_error(const std::exception& e) {
  if (auto* err = dynamic_cast<const Error*>(&e)) return *err;
  if (auto* sq = dynamic_cast<const SQLite::Exception*>(&e)) {
    int code = sq->getErrorCode() & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
      return Error(ErrorKind::io,
                   "database is busy: another competition command is writing it; nothing was written (try again)");
    if (code == SQLITE_FULL) return Error(ErrorKind::io, "disk full: nothing was written");
    // A failed write (a full disk can show as EFBIG or EIO too) rolls the transaction back.
    if (code == SQLITE_IOERR)
      return Error(ErrorKind::io, std::string("cannot write or read the database file (") + sq->what() +
                                      "): is the disk full or failing? nothing was written");
    if (code == SQLITE_READONLY)
      return Error(ErrorKind::io, std::string("the database is read-only (") + sq->what() +
                                      "): check the permissions of the file and its directory; nothing was written");
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
      return Error(ErrorKind::io, std::string("the database file is damaged or not a database: ") + sq->what());
    // SQLite's exact sum() throws rather than wrap; the limits of docs/formats.md
    // keep every total of an unedited database far below 64 bits.
    if (std::string_view(sq->what()).find("integer overflow") != std::string_view::npos)
      return Error(ErrorKind::io,
                   "a total of the stored data is too large to compute (integer overflow in the database): the "
                   "database may have been edited outside competition; run `competition audit`");
    return Error(ErrorKind::io, std::string("database error: ") + sq->what());
  }
  if (dynamic_cast<const std::overflow_error*>(&e))
    return Error(ErrorKind::io, std::string("a total is too large to compute (") + e.what() +
                                    " does not fit in 64 bits): the stored data exceed the limits of docs/formats.md "
                                    "\"Limits\"; nothing was written");
  return Error(ErrorKind::io, std::string("internal error: ") + e.what());
}

}  // namespace competition

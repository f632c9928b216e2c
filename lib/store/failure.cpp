#include "store/failure.hpp"
#include "values/message.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <stdexcept>
#include <string>
#include <string_view>

namespace competition {

constexpr PerLang<const char*> w_busy{
    .uk = "база даних зайнята: її записує інша команда competition; нічого не записано (спробуйте ще раз)",
    .en = "database is busy: another competition command is writing it; nothing was written (try again)"};
constexpr PerLang<const char*> w_full{.uk = "диск заповнений: нічого не записано",
                                      .en = "disk full: nothing was written"};
constexpr PerLang<const char*> w_io{
    .uk =
        "не вдається записати чи прочитати файл бази даних ({}): чи не заповнений або несправний диск? нічого не "
        "записано",
    .en = "cannot write or read the database file ({}): is the disk full or failing? nothing was written"};
constexpr PerLang<const char*> w_read_only{
    .uk = "база даних лише для читання ({}): перевірте права доступу до файлу та його каталогу; нічого не записано",
    .en = "the database is read-only ({}): check the permissions of the file and its directory; nothing was written"};
constexpr PerLang<const char*> w_corrupt{.uk = "файл бази даних пошкоджений або не є базою даних: {}",
                                         .en = "the database file is damaged or not a database: {}"};
constexpr PerLang<const char*> w_sum_overflow{
    .uk =
        "підсумок збережених даних завеликий, щоб його обчислити (переповнення цілого числа в базі даних): можливо, "
        "базу даних редагували поза competition; виконайте `competition audit`",
    .en =
        "a total of the stored data is too large to compute (integer overflow in the database): the database may have "
        "been edited outside competition; run `competition audit`"};
constexpr PerLang<const char*> w_database{.uk = "помилка бази даних: {}", .en = "database error: {}"};
constexpr PerLang<const char*> w_overflow{
    .uk =
        "підсумок завеликий, щоб його обчислити ({} не вміщується в 64 біти): збережені дані перевищують межі "
        "docs/formats.md \"Limits\"; нічого не записано",
    .en =
        "a total is too large to compute ({} does not fit in 64 bits): the stored data exceed the limits of "
        "docs/formats.md \"Limits\"; nothing was written"};
constexpr PerLang<const char*> w_internal{.uk = "внутрішня помилка: {}", .en = "internal error: {}"};

Error as_error(const std::exception& e) {
  if (auto* err = dynamic_cast<const Error*>(&e)) return *err;
  if (auto* sq = dynamic_cast<const SQLite::Exception*>(&e)) {
    int code = sq->getErrorCode() & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) return Error(ErrorKind::io, say(w_busy));
    if (code == SQLITE_FULL) return Error(ErrorKind::io, say(w_full));
    // A failed write (a full disk can show as EFBIG or EIO too) rolls the transaction back.
    if (code == SQLITE_IOERR) return Error(ErrorKind::io, say(w_io, sq->what()));
    if (code == SQLITE_READONLY) return Error(ErrorKind::io, say(w_read_only, sq->what()));
    if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return Error(ErrorKind::io, say(w_corrupt, sq->what()));
    // SQLite's exact sum() throws rather than wrap; the limits of docs/formats.md
    // keep every total of an unedited database far below 64 bits.
    if (std::string_view(sq->what()).find("integer overflow") != std::string_view::npos)
      return Error(ErrorKind::io, say(w_sum_overflow));
    return Error(ErrorKind::io, say(w_database, sq->what()));
  }
  if (dynamic_cast<const std::overflow_error*>(&e)) return Error(ErrorKind::io, say(w_overflow, e.what()));
  return Error(ErrorKind::io, say(w_internal, e.what()));
}

}  // namespace competition

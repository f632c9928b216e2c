#include "store/review_writer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "values/message.hpp"
#include "values/upsert.hpp"

namespace competition {

constexpr PerLang<const char*> w_changed{
    .uk = "оцінка {} експертом {} уже є в конкурсі {} з іншими значеннями ({}); щоб оновити, додайте --replace",
    .en = "the review of {} by {} is already in round {} with other values ({}); use --replace to update it"};

namespace {

bool round_has_reviews(Store& store, const std::string& round) {
  SQLite::Statement q(store.db(), "SELECT EXISTS (SELECT 1 FROM reviews WHERE round_id = ?)");
  q.bind(1, round);
  q.executeStep();
  return q.getColumn(0).getInt() != 0;
}

}  // namespace

ReviewWriter::ReviewWriter(Store& store, const std::string& round, bool replace)
    : round_(round),
      replace_(replace),
      fresh_(!round_has_reviews(store, round)),
      find_(store.db(),
            "SELECT scores, comment, excluded FROM reviews WHERE round_id = ?1 AND application = ?2 AND "
            "reviewer = ?3"),
      put_(store.db(), "INSERT OR FAIL INTO reviews (round_id, application, reviewer, scores, comment, excluded)", 6),
      replace_row_(store.db(),
                   "INSERT OR REPLACE INTO reviews (round_id, application, reviewer, scores, comment, excluded) "
                   "VALUES (?,?,?,?,?,?)") {
  find_.text(1, round_);
  if (fresh_) put_.write_in_background(background_);
}

std::optional<std::string> ReviewWriter::changes(const Review& rv, const std::string& scores) {
  find_.text(2, rv.application);
  find_.text(3, rv.reviewer);
  if (!find_.step()) {
    find_.reset();
    return std::nullopt;
  }
  std::string diff = changed_fields({{"scores", find_.column_text(0) == scores},
                                     {"comment", find_.column_text(1) == rv.comment},
                                     {"excluded", (find_.column_int64(2) != 0) == rv.excluded}});
  find_.reset();
  return diff;
}

bool ReviewWriter::stored_excluded(const Review& rv) {
  if (fresh_) return false;
  find_.text(2, rv.application);
  find_.text(3, rv.reviewer);
  const bool excluded = find_.step() && find_.column_int64(2) != 0;
  find_.reset();
  return excluded;
}

void ReviewWriter::apply(const Review& rv, const std::string& scores, int line, ImportSummary& s,
                         DiagnosticSink& conflicts) {
  settle_upsert(
      s, fresh_ ? std::nullopt : changes(rv, scores), replace_,
      [&](const std::string& diff) {
        conflicts.add(line, 1, "application", say(w_changed, rv.application, rv.reviewer, round_, diff),
                      ErrorKind::conflict);
      },
      [&](Upsert u) {
        if (u == Upsert::updated) {
          BindInOrder row(replace_row_);
          values(row, rv, scores);
          replace_row_.run();
        } else {
          values(put_, rv, scores);
          put_.end_row();
        }
      });
}

}  // namespace competition

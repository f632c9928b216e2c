#include "store/application_writer.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "base/text.hpp"
#include "values/common_words.hpp"
#include "values/dates.hpp"
#include "values/message.hpp"
#include "values/upsert.hpp"

namespace competition {

ApplicationWriter::ApplicationWriter(Store& store, const RoundRecord& round, bool replace)
    : round_(round),
      replace_(replace),
      organisations_(store.db()),
      find_(store.db(),
            "SELECT organisation, COALESCE(edrpou, ''), sector, title, category, requested, cofinancing, "
            "planned_clients, planned_jobs, planned_volunteers, submitted_at, votes, services "
            "FROM applications WHERE round_id = ?1 AND id = ?2"),
      ins_(store.db(),
           "INSERT OR FAIL INTO applications (round_id, id, organisation_id, organisation, edrpou, sector, title, "
           "category, requested, cofinancing, planned_clients, planned_jobs, planned_volunteers, "
           "submitted_at, submitted_key, votes, input_order, services)",
           18),
      upd_(store.db(),
           "UPDATE applications SET organisation_id=?3, organisation=?4, edrpou=?5, sector=?6, title=?7, "
           "category=?8, requested=?9, cofinancing=?10, planned_clients=?11, planned_jobs=?12, "
           "planned_volunteers=?13, submitted_at=?14, submitted_key=?15, votes=?16, services=?17 "
           "WHERE round_id=?1 AND id=?2") {
  SQLite::Statement q(store.db(),
                      "SELECT COUNT(*) > 0, COALESCE(MAX(input_order), 0) FROM applications WHERE round_id = ?");
  q.bind(1, round.id);
  q.executeStep();
  fresh_ = q.getColumn(0).getInt() == 0;
  next_order_ = q.getColumn(1).getInt64();
  find_.text(1, round_.id);
  // A fresh round asks SQLite nothing per row but for organisations, which
  // wait for the writer first (OrganisationResolver): rows and new
  // organisations are written while the next rows are read and checked.
  if (fresh_) {
    ins_.write_in_background(background_);
    organisations_.write_in_background(background_);
  }
}

template <class Row>
void ApplicationWriter::values(Row& row, const Application& a, std::int64_t org) {
  row.text(round_.id).text(a.id).integer(org).text(a.organisation);
  if (a.edrpou.empty())
    row.null();
  else
    row.text(a.edrpou);
  row.text(to_string(a.sector)).text(a.title).text(a.category);
  row.integer(a.requested.kopiykas()).integer(a.cofinancing.kopiykas());
  row.integer(a.planned_clients).integer(a.planned_jobs).integer(a.planned_volunteers);
  submitted_key_ = submitted_key_text(a.submitted_key);  // the UPDATE binds text without a copy
  row.text(a.submitted_at).text(submitted_key_);
  if (a.votes)
    row.integer(*a.votes);
  else
    row.null();
}

std::optional<std::string> ApplicationWriter::changes(const Application& a) {
  find_.text(2, a.id);
  if (!find_.step()) {
    find_.reset();
    return std::nullopt;
  }
  std::optional<std::int64_t> votes;
  if (!find_.column_null(11)) votes = find_.column_int64(11);
  std::string diff = changed_fields({{"organisation", a.organisation == find_.column_text(0)},
                                     {"edrpou", a.edrpou == find_.column_text(1)},
                                     {"sector", a.sector == parse_sector(find_.column_text(2)).value_or(Sector::ngo)},
                                     {"title", a.title == find_.column_text(3)},
                                     {"category", a.category == find_.column_text(4)},
                                     {"requested", a.requested.kopiykas() == find_.column_int64(5)},
                                     {"cofinancing", a.cofinancing.kopiykas() == find_.column_int64(6)},
                                     {"planned_clients", a.planned_clients == find_.column_int64(7)},
                                     {"planned_jobs", a.planned_jobs == find_.column_int64(8)},
                                     {"planned_volunteers", a.planned_volunteers == find_.column_int64(9)},
                                     {"submitted_at", a.submitted_at == find_.column_text(10)},  // canonical forms
                                     {"services", join(a.services, "|") == find_.column_text(12)},
                                     {"votes", a.votes == votes}});
  find_.reset();
  return diff;
}

void ApplicationWriter::apply(const Application& a, int line, ImportSummary& s, DiagnosticSink& conflicts) {
  settle_upsert(
      s, fresh_ ? std::nullopt : changes(a), replace_,
      [&](const std::string& diff) {
        conflicts.add(line, 1, "id", say(already_in_round_words, a.id, round_.id, diff), ErrorKind::conflict);
      },
      [&](Upsert u) { write(a, u == Upsert::updated); });
}

void ApplicationWriter::write(const Application& a, bool update) {
  std::int64_t org = organisations_.resolve(a.organisation, a.edrpou);
  if (update) {
    BindInOrder row(upd_);
    values(row, a, org);
    services_ = join(a.services, "|");
    row.text(services_);
    upd_.run();
    return;
  }
  values(ins_, a, org);
  ins_.integer(++next_order_);
  services_ = join(a.services, "|");
  ins_.text(services_);
  ins_.end_row();
}

void ApplicationWriter::finish() {
  organisations_.flush();
  ins_.flush();
}

}  // namespace competition

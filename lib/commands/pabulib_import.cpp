#include "commands/pabulib_import.hpp"

#include <string>
#include <vector>

#include "base/sha256.hpp"
#include "commands/import_result.hpp"
#include "store/pabulib_round_writer.hpp"
#include "store/round_limits.hpp"
#include "values/message.hpp"
#include "values/rules.hpp"

namespace competition {

constexpr PerLang<const char*> w_utf8{.uk = "файли pabulib — у UTF-8 (не вказуйте --encoding)",
                                      .en = "pabulib files are UTF-8 (leave --encoding out)"};
constexpr PerLang<const char*> w_semicolon{.uk = "файли pabulib розділено ; (не вказуйте --delimiter)",
                                           .en = "pabulib files are ;-separated (leave --delimiter out)"};

// docs/cli.md "import" for KIND pabulib; docs/pabulib.md.
ImportSummary import_pabulib(Store& store, const ImportOptions& o, std::string_view bytes) {
  ImportSummary s;
  s.file = o.file;
  s.kind = ImportKind::pabulib;
  std::vector<Diagnostic> diags;
  auto usage = [&](std::string field, Message message) {
    diags.push_back(Diagnostic{o.file, 0, 0, std::move(field), std::move(message), ErrorKind::invalid});
  };
  if (o.encoding == Encoding::cp1251) usage("--encoding", say(w_utf8));
  if (o.delimiter == Delimiter::comma || o.delimiter == Delimiter::tab) usage("--delimiter", say(w_semicolon));
  s.round = o.round ? *o.round : pabulib_round_id(o.file);

  Transaction tx(store);
  PabulibFile f = read_pabulib(bytes, o.file);
  s.read = static_cast<long>(f.projects.rows.size());
  s.repeated_votes = f.repeated_votes;
  diags.insert(diags.end(), f.errors.begin(), f.errors.end());
  PabulibRound r;
  if (diags.empty()) r = plan_pabulib_round(f, PabulibRoundOptions{o.file, o.round, o.year}, diags);
  if (diags.empty()) {
    // Checked here too, so that a file that fails it is refused before anything is written.
    load_rules(r.rules_text, "rules generated from " + o.file);
    write_pabulib_round(store, r, PabulibSource{o.file, sha256_hex(bytes), o.replace}, s, diags);
    // docs/formats.md "Limits": the projects' costs must add up to what later commands compute with.
    if (diags.empty())
      for (Message& problem : round_limit_problems(store, r.id, RoundPart::applications)) usage("", problem);
  }
  if (diags.size() > max_reported_errors) diags.resize(max_reported_errors);
  sort_by_position(diags);
  return conclude_import(tx, o.dry_run, std::move(s), std::move(diags));
}

}  // namespace competition

// libFuzzer target: import_file of arbitrary bytes into a small round (the
// whole path of `competition import`: decoding, CSV, validation, comparison
// with the stored rows, the writes, the transaction).
//
// Input: the first byte chooses the run, the rest is the file.
//   bits 0-2  kind: 0 applications, 1 reviewers, 2 reviews (into the open
//             round `fuzz`), 3 outcomes, 6 agreements, 7 payments (into the
//             allocated round `fuzz-money`, which has one agreement and one
//             payment), 4 history, 5 pabulib
//   bit 3     --dry-run        bit 4  --replace      bit 5  --exclude-conflicts
//   bits 6-7  --encoding: 0 auto, 1 utf-8, 2 cp1251, 3 auto
//
// Properties: a refused file is competition::Error (exit 2 or 3) with at most
// 100 diagnostics (and a note counting the rest) and leaves the database as it was; a dry run leaves it as it
// was too. Any other exception (a database constraint the validation let
// through, say) escapes and is reported as a crash. One database (in /dev/shm
// when there is one) stays open across runs; after a successful real import
// it is restored from a copy of its initial file.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "commands/allocate_round.hpp"
#include "commands/importer.hpp"
#include "commands/score_round.hpp"
#include "store/ledger_store.hpp"
#include "store/rounds.hpp"
#include "store/store.hpp"
#include "values/diagnostic.hpp"

using namespace competition;

namespace {

void require(bool ok) {
  if (!ok) std::abort();
}

// At most 100 problems, then (when more were found) one line-0 note saying how
// many more there are.
bool listed_in_full(const std::vector<Diagnostic>& d) {
  if (d.size() <= max_reported_errors) return true;
  return d.size() == max_reported_errors + 1 && d.back().line == 0 && d.back().message.en.starts_with("... and ");
}

constexpr std::string_view rules_text = R"([competition]
id = "fuzz"
title = "Fuzz"
year = 2024
budget = "100000.00"

[scoring]
min_reviews = 1

[[criteria]]
id = "relevance"
weight = 2
min = 0
max = 10
step = 0.5

[[criteria]]
id = "feasibility"
weight = 1
min = 1
max = 5

[[lots]]
id = "children"
categories = ["children"]
share = 0.5
)";

constexpr std::string_view applications_csv =
    "id,organisation,edrpou,title,category,requested,cofinancing,submitted_at\n"
    "A-1,ГО «Перша»,26519933,Проєкт один,children,1000,100,2024-01-02\n"
    "A-2,ГО Друга,,Проєкт два,,2000.50,0,03.01.2024\n"
    "A-3,ГО «Третя»,,Проєкт три,children,500,0,\n";
constexpr std::string_view reviewers_csv = "id,name,conflicts\nR-1,Експерт,\nR-2,Інша,26519933|ГО Друга\n";
constexpr std::string_view reviews_csv = "application,reviewer,relevance,feasibility,comment\nA-1,R-1,7,3,добре\n";

// The allocated round: A-1 and A-2 funded (budget 100 000.00), A-1 with an agreement and a first tranche.
constexpr std::string_view money_reviews_csv =
    "application,reviewer,relevance,feasibility,comment\nA-1,R-1,7,3,\nA-2,R-1,5,2,\n";
constexpr std::string_view agreements_csv =
    "application,number,signed_on,amount,report_due\nA-1,1/2024,2024-03-01,,2024-12-15\n";
constexpr std::string_view payments_csv = "application,reference,paid_on,amount,kind\nA-1,P-1,2024-04-01,600.00,\n";

std::string money_rules() {
  std::string text(rules_text);
  text.replace(text.find("id = \"fuzz\""), 11, "id = \"fuzz-money\"");
  return text;
}

struct Counts {
  std::size_t rounds, applications, reviewers, reviews, outcomes, history, money_outcomes, agreements, payments;
  bool operator==(const Counts&) const = default;
};

struct Fixture {
  std::string path;
  std::string pristine;  // the database file right after setup
  std::unique_ptr<Store> store;
  Rules rules;
  Counts initial{};

  Counts counts() {
    return Counts{store->rounds().size(),
                  store->applications("fuzz").size(),
                  store->reviewers("fuzz").size(),
                  store->reviews("fuzz", rules).size(),
                  store->outcomes("fuzz").size(),
                  store->history().size(),
                  store->outcomes("fuzz-money").size(),
                  stored_agreements(*store, "fuzz-money").size(),
                  stored_payments(*store, "fuzz-money").size()};
  }

  void remove_files() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  }

  // Back to the initial database: close, copy the initial file back, reopen.
  void restore() {
    store.reset();
    remove_files();
    std::ofstream(path, std::ios::binary).write(pristine.data(), static_cast<std::streamsize>(pristine.size()));
    store = Store::open(path, Store::Mode::may_create);
  }

  Fixture() {
    std::filesystem::path dir =
        std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
    path = (dir / ("competition-fuzz-import-" + std::to_string(::getpid()) + ".db")).string();
    remove_files();
    store = Store::open(path, Store::Mode::may_create);
    init_round(*store, rules_text, "rules.toml");
    rules = load_rules(rules_text, "rules.toml");
    auto setup = [&](const char* round, ImportKind kind, std::string_view text) {
      ImportOptions o;
      o.kind = kind;
      o.file = "setup.csv";
      o.round = round;
      import_file(*store, o, text);
    };
    setup("fuzz", ImportKind::applications, applications_csv);
    setup("fuzz", ImportKind::reviewers, reviewers_csv);
    setup("fuzz", ImportKind::reviews, reviews_csv);
    init_round(*store, money_rules(), "money.toml");
    setup("fuzz-money", ImportKind::applications, applications_csv);
    setup("fuzz-money", ImportKind::reviewers, reviewers_csv);
    setup("fuzz-money", ImportKind::reviews, money_reviews_csv);
    run_score(*store, "fuzz-money");
    run_allocate(*store, "fuzz-money", {});
    setup("fuzz-money", ImportKind::agreements, agreements_csv);
    setup("fuzz-money", ImportKind::payments, payments_csv);
    store.reset();  // the last connection checkpoints the WAL into the file
    std::ifstream in(path, std::ios::binary);
    pristine.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    restore();
    initial = counts();
  }

  ~Fixture() {
    store.reset();
    remove_files();
  }

  static Fixture& instance() {
    static Fixture fixture;
    return fixture;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  Fixture& fx = Fixture::instance();
  const std::uint8_t mode = data[0];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);

  static constexpr ImportKind kinds[] = {ImportKind::applications, ImportKind::reviewers, ImportKind::reviews,
                                         ImportKind::outcomes,     ImportKind::history,   ImportKind::pabulib,
                                         ImportKind::agreements,   ImportKind::payments};
  static constexpr Encoding encodings[] = {Encoding::auto_detect, Encoding::utf8, Encoding::cp1251,
                                           Encoding::auto_detect};
  ImportOptions o;
  o.kind = kinds[mode & 7];
  o.file = o.kind == ImportKind::pabulib ? "fuzz.pb" : "fuzz.csv";
  o.dry_run = (mode >> 3) & 1;
  o.replace = (mode >> 4) & 1;
  o.exclude_conflicts = (mode >> 5) & 1;
  o.encoding = encodings[(mode >> 6) & 3];
  if (o.kind == ImportKind::pabulib) o.year = 2024;
  const bool money =
      o.kind == ImportKind::outcomes || o.kind == ImportKind::agreements || o.kind == ImportKind::payments;
  if (o.kind != ImportKind::pabulib && o.kind != ImportKind::history) o.round = money ? "fuzz-money" : "fuzz";

  try {
    ImportSummary s = import_file(*fx.store, o, bytes);
    require(s.added >= 0 && s.updated >= 0 && s.unchanged >= 0);
    require(listed_in_full(s.errors));
    if (o.dry_run) {
      require(fx.counts() == fx.initial);
    } else if (s.added + s.updated > 0) {
      fx.restore();
    }
  } catch (const Error& e) {
    require(e.kind() == ErrorKind::invalid || e.kind() == ErrorKind::conflict);
    require(listed_in_full(e.diagnostics()));
    for (const auto& d : e.diagnostics()) require(d.file == o.file && !d.message.empty());
    require(fx.counts() == fx.initial);  // all or nothing
  }
  return 0;
}

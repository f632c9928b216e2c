// docs/formats.md "agreements.csv" and "payments.csv": the cells of each row
// checked by themselves and against the file's earlier rows (a repeated key),
// without a store. What the round says of the application (an award, an
// agreement, the running sums) is the importer's.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/string_index.hpp"
#include "formats/csv_row_reader.hpp"
#include "values/agreement.hpp"

namespace competition {

// application, number, signed_on, amount, report_due.
extern const std::vector<ColumnSpec> agreement_columns;
// application, reference, paid_on, amount, kind.
extern const std::vector<ColumnSpec> payment_columns;

// An agreement as read: `amount` none when its cell is empty (the award).
struct AgreementRow {
  Agreement agreement;
  std::optional<Money> amount;
};

// Parses the rows of one agreements file in order: the application and the
// number each once per file.
class AgreementRowParser {
 public:
  AgreementRow parse(RowReader& r);

 private:
  StringIndex<int> applications_, numbers_;  // key -> line of its first row
};

// Parses the rows of one payments file in order: the reference once per file;
// the amount above zero; the kind `payment` (also when empty) or `refund`.
class PaymentRowParser {
 public:
  Payment parse(RowReader& r);

 private:
  StringIndex<int> references_;
};

}  // namespace competition

#pragma once

#include "export/LedgerSource.h"

#include <QDateTime>

namespace coffer::exporting {

// The ledger as a ledger-cli journal, oldest first:
//   2026-11-01 * (123) Blue Bottle Coffee
//       ; SQ *BLUE BOTTLE COFFEE 4411
//       Assets:Demo Bank:Everyday Checking  -4.50 USD
//       Expenses:Dining  4.50 USD
// "!" instead of "*" marks a pending transaction; the code in parentheses is Coffer's id. Both
// postings carry their amount, in the currency's own digits (JPY 0, BHD 3). Written
// atomically (see ExportFile). Thread affinity: the source's.
class LedgerWriter {
public:
    static model::Result<ExportSummary> write(const QString& path, const LedgerSource& source,
                                              const ExportFilter& filter,
                                              const QDateTime& now = QDateTime::currentDateTimeUtc());
};

} // namespace coffer::exporting

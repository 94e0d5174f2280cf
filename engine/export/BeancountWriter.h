#pragma once

#include "export/LedgerSource.h"

#include <QDateTime>

namespace coffer::exporting {

// The ledger as a Beancount file that bean-check accepts: an "open" for every account (with the
// currencies its transactions use) and category account, on the first exported day, then the
// transactions oldest first:
//   2026-11-01 * "Blue Bottle Coffee" "SQ *BLUE BOTTLE COFFEE 4411"
//     coffer-id: "123"
//     Assets:Demo-Bank:Everyday-Checking  -4.50 USD
//     Expenses:Dining  4.50 USD
// The "!" flag marks a pending transaction. Strings are escaped (\" and \\). Written
// atomically (see ExportFile). Thread affinity: the source's.
class BeancountWriter {
public:
    static model::Result<ExportSummary> write(const QString& path, const LedgerSource& source,
                                              const ExportFilter& filter,
                                              const QDateTime& now = QDateTime::currentDateTimeUtc());

    // A Beancount string literal: quoted, with backslashes and quotes escaped, on one line.
    static QString quoted(const QString& text);
};

} // namespace coffer::exporting

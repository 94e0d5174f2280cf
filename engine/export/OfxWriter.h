#pragma once

#include "export/LedgerSource.h"

#include <QDateTime>

namespace coffer::exporting {

// The ledger as an OFX 2.2 XML file: a statement per account, bank accounts under
// BANKMSGSRSV1 (STMTRS), credit cards under CREDITCARDMSGSRSV1 (CCSTMTRS). Each STMTTRN has
// TRNTYPE DEBIT (money out) or CREDIT, DTPOSTED, TRNAMT in CURDEF (the account's currency),
// FITID (Coffer's id, stable across exports), NAME (the payee, at most 32 characters) and
// MEMO (the description). LEDGERBAL carries the latest balance a sync reported, when there is
// one. Posted transactions only: an OFX statement has no pending state, and a pending row
// imported elsewhere would stay there after its posted twin arrives (ExportSummary counts
// them in pendingLeftOut). Written atomically (see ExportFile). Thread affinity: the source's.
class OfxWriter {
public:
    static model::Result<ExportSummary> write(const QString& path, const LedgerSource& source,
                                              const ExportFilter& filter,
                                              const QDateTime& now = QDateTime::currentDateTimeUtc());
};

} // namespace coffer::exporting

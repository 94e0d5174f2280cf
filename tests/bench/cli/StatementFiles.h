#pragma once

#include "importers/StatementParser.h"
#include "model/Result.h"

#include <QString>

namespace coffer::bench {

// `coffer-bench make-file`: writes a bank statement file of N transactions in the given format,
// the same bytes on every machine (a fixed seed), so the parse and import figures can be
// reproduced. Records are spread over one checking account, a few dozen a day, with the payees
// and amounts of the other benchmarks' synthetic feeds; ids are unique where the format has them.
// The file is written as it is generated, record by record: a million-record file needs no memory.
//   OFX: 1.02 SGML (unclosed leaf tags, CRLF), FITID per record, LEDGERBAL at the end.
//   QIF: !Type:Bank, month/day/year dates with days past the 12th, amounts with thousands marks.
//   CSV: a header line, ISO dates, one signed amount column, quoted text where it has commas.
//   CAMT.053: camt.053.001.02, one statement, CdtDbtInd, AcctSvcrRef and EndToEndId per entry.
//   MT940: a statement per 500 records, :61: with the bank reference and :86: with ?20 subfields.
model::Status writeStatementFile(importers::Format format, qint64 transactions, const QString& path);

// The format named as the CLI names it ("ofx", "qif", "csv", "camt053", "mt940"); false if unknown.
bool formatFromId(const QString& id, importers::Format* format);

} // namespace coffer::bench

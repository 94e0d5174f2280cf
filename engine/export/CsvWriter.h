#pragma once

#include "export/ExportTypes.h"

#include <QByteArray>
#include <QString>

namespace coffer::exporting {

// Transactions as CSV (RFC 4180: comma-separated, CRLF records, fields with a comma, quote or
// line break quoted, quotes doubled), UTF-8 without a byte-order mark, with a header row:
// date,account,description,payee,category,amount,currency,status,id
// Amounts are plain decimals with '.' and the currency's own digits (JPY 0, BHD 3), negative
// for money out. A text cell that a spreadsheet would run as a formula (starting with = + - @,
// tab or carriage return) is prefixed with ' so it shows as text.
// Thread affinity: none of its own; the source's.
class CsvWriter {
public:
    // Streams every page of source into path, atomically (see ExportFile). The summary counts
    // the rows written and the distinct accounts they belong to.
    static model::Result<ExportSummary> write(const QString& path, const RowPageSource& source,
                                              int pageSize = kExportPageSize);

    static QByteArray headerLine();
    static QByteArray line(const store::TransactionRow& row);
    // One text cell, neutralised and quoted as needed.
    static QString textCell(const QString& text);
};

} // namespace coffer::exporting

#pragma once

#include "model/Result.h"
#include "store/TransactionReader.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace coffer::exporting {

enum class ExportFormat {
    Csv,       // a spreadsheet table of transactions (the current view, or the ledger filtered)
    Ofx,       // OFX 2.2 XML statements, one per account, posted transactions only
    Ledger,    // ledger-cli journal
    Beancount, // Beancount ledger
};

// "csv", "ofx", "ledger", "beancount" (any case); nullopt for anything else.
std::optional<ExportFormat> exportFormatFromName(const QString& name);
QString exportFormatName(ExportFormat format);
// The usual file suffix without the dot: csv, ofx, ledger, beancount.
QString exportFormatSuffix(ExportFormat format);

// Which transactions a whole-ledger export takes. Only visible ones are ever exported (not
// removed, not folded into another transaction).
struct ExportFilter {
    qint64 accountId = 0; // 0: every account
    QDate from;           // invalid: from the first transaction
    QDate to;             // invalid: up to the last one (inclusive)
};

// What an export wrote, for the user ("1,234 transactions from 3 accounts").
struct ExportSummary {
    QString path;
    qint64 transactions = 0;
    int accounts = 0;          // OFX, Ledger, Beancount: every account the filter covers; CSV: those in its rows
    qint64 pendingLeftOut = 0; // OFX only: statements carry posted transactions
};

// Pages of rows in a fixed order; the next page starts strictly after the last row of the
// previous one (keyset paging). store::TransactionReader::page and LedgerSource::rowSource fit.
using RowPageSource =
    std::function<model::Result<QList<store::TransactionRow>>(const store::ListPosition& after, int limit)>;

// Rows per read: enough to keep the queries few, small enough that memory stays flat.
inline constexpr int kExportPageSize = 2000;

// "; Exported from Coffer on 2026-11-20 12:00 UTC." and a line break: the first line of the text
// formats (";" starts a comment in Ledger and Beancount alike).
QString exportedOnLine(const QDateTime& now);

// The description a user sees: the cleaned one, or the bank's own when there is no other.
QString shownDescription(const model::Transaction& t);

// The text on one line: line breaks, tabs and other control characters become single spaces.
QString oneLine(const QString& text);

} // namespace coffer::exporting

#pragma once

#include "store/ReadOnlyConnection.h"

#include "export/ExportTypes.h"
#include "model/Account.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace coffer::exporting {

// An account as an export needs it: what it is, which currencies its exported transactions
// use, and its latest stored balance.
struct ExportAccount {
    model::Account account;
    QString connectionName;
    QStringList currencies;      // of its transactions in the filter; the account's own when none
    qint64 transactionCount = 0; // visible, in the filter
    qint64 postedCount = 0;
    QDate firstDate; // invalid when it has none in the filter
    QDate lastDate;
    std::optional<model::Money> latestBalance; // from the balances table, when a sync reported one
    QDateTime balanceAsOf;
};

// Read-only access to the whole ledger for exports, over its own SQLite connection (WAL keeps
// it from blocking the engine's writer). Reads in keyset pages, never the whole ledger at once.
// Thread affinity: use from the thread that opened it (an export worker thread is fine).
class LedgerSource {
public:
    static model::Result<std::shared_ptr<LedgerSource>> open(const QString& databasePath);
    ~LedgerSource();
    LedgerSource(const LedgerSource&) = delete;
    LedgerSource& operator=(const LedgerSource&) = delete;

    // The accounts the filter covers (every account, or the one named), by id; an error naming
    // the account when filter.accountId does not exist.
    model::Result<QList<ExportAccount>> accounts(const ExportFilter& filter) const;
    // Oldest first (booked date, then id), visible transactions in the filter only.
    model::Result<QList<store::TransactionRow>> page(const ExportFilter& filter, const store::ListPosition& after,
                                                     int limit) const;
    // page() bound to a filter, for CsvWriter and the other writers. Valid while this lives.
    RowPageSource rowSource(const ExportFilter& filter) const;
    // The categories in use, with whether they carry money out (true) or in (false).
    model::Result<QList<std::pair<QString, bool>>> categorySides(const ExportFilter& filter) const;

private:
    explicit LedgerSource(std::unique_ptr<store::ReadOnlyConnection> connection);
    model::Error noSuchAccount(qint64 accountId) const;
    std::unique_ptr<store::ReadOnlyConnection> m_connection;
};

} // namespace coffer::exporting

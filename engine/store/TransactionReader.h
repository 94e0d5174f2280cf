#pragma once

#include "model/Result.h"
#include "model/Transaction.h"

#include <QDate>
#include <QList>
#include <QString>

#include <memory>

namespace coffer::store {

// A transaction as listed to the user: the transaction plus the names around it.
struct TransactionRow {
    model::Transaction transaction;
    QString accountName;
    QString connectionName;
};

// Where a page of the newest-first listing stops; the next page starts strictly after it.
struct ListPosition {
    QDate bookedOn;
    qint64 id = 0;
    bool isStart() const { return id == 0; }
};

// Read-only access to transactions over its own SQLite connection (WAL keeps it from blocking
// the engine's writer). Thread affinity: use from the thread that created it.
class TransactionReader {
public:
    // Opens databasePath read-only under a unique Qt connection name.
    static model::Result<std::shared_ptr<TransactionReader>> open(const QString& databasePath);
    ~TransactionReader();
    TransactionReader(const TransactionReader&) = delete;
    TransactionReader& operator=(const TransactionReader&) = delete;

    // Newest first (booked date, then id), removed transactions left out. Keyset paging: cost
    // does not grow with how far the user has scrolled.
    model::Result<QList<TransactionRow>> page(const ListPosition& after, int limit) const;
    model::Result<qint64> count() const;

private:
    explicit TransactionReader(QString connectionName);
    QString m_connectionName;
};

} // namespace coffer::store

#pragma once

#include "store/ReadOnlyConnection.h"

#include "model/Result.h"
#include "model/Transaction.h"
#include "store/TransactionQuery.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace coffer::store {

// A transaction as listed to the user: the transaction plus the names around it.
struct TransactionRow {
    model::Transaction transaction;
    QString accountName;
    QString connectionName;
    bool hasFolded = false; // other rows were matched into this one (listings only)
};

// One audit event of a transaction.
struct TransactionEvent {
    QString kind; // added, modified, removed, matched, unmatched
    QDateTime at;
    qint64 syncRunId = 0; // 0: the user (undo match) or housekeeping
    QString changes;      // JSON: fields before/after, or the match's reason and score
};

// Everything about one transaction, for its detail view.
struct TransactionDetail {
    TransactionRow row;
    QString raw; // the record as the source delivered it
    QList<TransactionEvent> events;
    QList<model::Transaction> folded; // rows matched into this one (its pending, the same from another source)
};

// Where a page of a listing stops; the next page starts strictly after it. bookedOn places it in
// the newest-first listing; sortKey (a list of the order's keys) in a listing of another order.
struct ListPosition {
    QDate bookedOn;
    qint64 id = 0;
    QVariant sortKey = {};
    bool isStart() const { return id == 0; }
};

// Read-only access to transactions over its own SQLite connection (WAL keeps it from blocking
// the engine's writer). Thread affinity: use from the thread that created it.
class TransactionReader {
public:
    // Opens databasePath read-only under a unique Qt connection name.
    static model::Result<std::shared_ptr<TransactionReader>> open(const QString& databasePath);
    // True when the file exists with the schema this build writes, so it can be read before the
    // engine has finished opening it (its integrity check takes seconds on a large database).
    static bool hasCurrentSchema(const QString& databasePath);
    ~TransactionReader();
    TransactionReader(const TransactionReader&) = delete;
    TransactionReader& operator=(const TransactionReader&) = delete;

    // Newest first (booked date, then id), removed transactions left out. Keyset paging: cost
    // does not grow with how far the user has scrolled.
    model::Result<QList<TransactionRow>> page(const ListPosition& after, int limit) const;
    // The rows a query selects, in its order, after `after`. Seeks an index for the date order;
    // other orders sort what the filter selects.
    model::Result<QList<TransactionRow>> page(const TransactionQuery& query, const ListPosition& after,
                                              int limit) const;
    // Where a listing in this order continues after the row.
    static ListPosition positionAfter(const TransactionRow& row, SortColumn column);
    model::Result<qint64> count() const;
    // Count, money in and money out per currency of what the filter selects.
    model::Result<QList<CurrencyTotal>> totals(const TransactionFilter& filter) const;
    // What the filters offer: every account with its connection, and the categories in use.
    model::Result<QList<AccountChoice>> accounts() const;
    model::Result<QStringList> categories() const;
    // One transaction, visible or not; an error naming the id when there is none.
    model::Result<TransactionDetail> detail(qint64 id) const;

private:
    // Matches of a search from which walking the date index beats looking every match up.
    static constexpr qint64 kDenseSearchMatches = 3000;

    explicit TransactionReader(std::unique_ptr<ReadOnlyConnection> connection);
    // Whether the query's search matches many rows (counted up to the threshold once per search,
    // then remembered).
    model::Result<bool> searchIsDense(const TransactionQuery& query) const;

    std::unique_ptr<ReadOnlyConnection> m_connection;
    mutable QString m_countedSearch;
    mutable qint64 m_searchMatches = 0;
};

} // namespace coffer::store

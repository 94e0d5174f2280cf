#pragma once

#include "store/TransactionQuery.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QStringList>

namespace coffer::ui {

// Adds up what a filter selects, and lists the categories in use, off the GUI thread: over a
// million rows either takes longer than a frame. Each request opens its own read-only connection
// in a worker; an answer to a request that has been superseded is dropped.
// Thread affinity: GUI thread (the work runs on QThreadPool::globalInstance()).
class TotalsLoader : public QObject {
    Q_OBJECT
public:
    struct Answer {
        QList<store::CurrencyTotal> totals;
        QStringList categories; // only when asked for
        bool withCategories = false;
        QString error;
    };

    explicit TotalsLoader(QObject* parent = nullptr);
    ~TotalsLoader() override;

    void setDatabasePath(const QString& databasePath) { m_databasePath = databasePath; }
    void request(const store::TransactionFilter& filter, bool withCategories);
    bool isBusy() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    void totalsReady(const QList<coffer::store::CurrencyTotal>& totals);
    void categoriesReady(const QStringList& categories);
    void failed(const QString& message);

private:
    void deliver();

    QString m_databasePath;
    QFutureWatcher<Answer> m_watcher;
    bool m_pending = false;
    store::TransactionFilter m_pendingFilter;
    bool m_pendingCategories = false;
};

} // namespace coffer::ui

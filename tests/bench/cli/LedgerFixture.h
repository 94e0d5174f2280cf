#pragma once

#include "store/Database.h"
#include "sync/PageWriter.h"

#include <QDate>
#include <QHash>
#include <QTemporaryDir>

#include <memory>

namespace coffer::bench {

// A real data folder holding one demo connection with accounts "acc-0" .. "acc-<n-1>", and the
// PageWriter targets that deliver into them: the connection itself, or a bank file import
// (a second source into the same local accounts).
class LedgerFixture {
public:
    // In a temporary folder, or in dataDir (kept) when one is given.
    LedgerFixture(int accounts, const QDate& today, const QString& dataDir = {});

    store::Database& db() { return *m_db; }
    static QString accountProviderId(int index);

    // Each starts a new run, as a sync or an import does.
    sync::PageWriter::Target connectionTarget();
    sync::PageWriter::Target importTarget(const QString& fileName);

    // The one integer a query returns, for the checks that a run stored what it should.
    model::Result<qint64> count(const QString& sql);

private:
    sync::PageWriter::Target target(const QString& trigger);

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    qint64 m_connectionId = 0;
    QHash<QString, qint64> m_accountIds;
    QDate m_today;
};

} // namespace coffer::bench

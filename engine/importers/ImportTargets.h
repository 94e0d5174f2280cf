#pragma once

#include "importers/StatementSink.h"
#include "model/Import.h"
#include "model/Result.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace coffer::store {
class Database;
}

namespace coffer::importers {

// An existing Coffer account, as an import needs to know it.
struct TargetAccount {
    qint64 id = 0;
    qint64 connectionId = 0; // 0: detached (its connection was removed, its data kept)
    QString name;
    QString currency;
};

// Decides where each account of a bank file goes, and creates the new ones. In order: the
// request's accountId (a file of one account), its accountMap, the account this file account
// went to last time (remembered per id the file states), an account of "Bank files" with that
// id; otherwise a new account under "Bank files" (a connection of the never-synced "file"
// provider, created on first use) named after what the file says. A file account whose currency
// differs from its target's is refused. Thread affinity: the Database's thread.
class ImportTargets {
public:
    explicit ImportTargets(store::Database& db);

    model::Result<TargetAccount> account(qint64 id) const;

    // Where each account goes; accountId 0 for those to create. fileName names id-less accounts.
    model::Result<QList<model::ImportAccountPlan>> plan(const CollectingSink& file, const model::ImportRequest& request,
                                                        const QString& fileName, const QString& defaultCurrency) const;
    // Inside the import's transaction: creates the planned new accounts (filling in their ids)
    // and remembers where each file account went. Returns file account id -> local account id.
    model::Result<QHash<QString, qint64>> realize(QList<model::ImportAccountPlan>& plans, const CollectingSink& file,
                                                  const QString& fileName, const QDateTime& now);
    // The connection an import's run (and what it quarantines) is recorded under: always "Bank
    // files" (created if need be), never a synced connection, whose runs count against the
    // provider's quota and make its status.
    model::Result<qint64> runConnection(const QDateTime& now);

private:
    // "Bank files"' id; 0 when it does not exist yet.
    model::Result<qint64> findBankFiles() const;
    model::Result<qint64> bankFiles(const QDateTime& now);
    model::Result<qint64> remembered(const QString& fileAccountId) const;

    store::Database& m_db;
};

} // namespace coffer::importers

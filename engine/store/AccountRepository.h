#pragma once

#include "model/Account.h"
#include "model/Result.h"

#include <QHash>

namespace coffer::store {

class Database;

// Rows of the accounts and balances tables. Thread affinity: the Database's thread.
class AccountRepository {
public:
    explicit AccountRepository(Database& db)
        : m_db(db)
    {
    }

    // Inserts or updates the account the provider calls account.providerId; returns its local id.
    model::Result<qint64> upsert(qint64 connectionId, const model::Account& account);
    model::Status recordBalance(qint64 accountId, qint64 syncRunId, const model::Money& balance, const QDateTime& asOf);
    // provider id -> local id for one connection.
    model::Result<QHash<QString, qint64>> idsByProviderId(qint64 connectionId) const;
    model::Result<QList<model::Account>> forConnection(qint64 connectionId) const;

private:
    Database& m_db;
};

} // namespace coffer::store

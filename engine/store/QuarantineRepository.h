#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QDateTime>

namespace coffer::store {

class Database;

// Keeps what a provider sent that Coffer could not use (raw_payloads), so nothing is lost and
// the problem can be looked at later. Thread affinity: the Database's thread.
class QuarantineRepository {
public:
    explicit QuarantineRepository(Database& db) : m_db(db) {}

    model::Result<qint64> keep(qint64 connectionId, qint64 syncRunId, const QString& reason, const QByteArray& payload,
                               const QDateTime& receivedAt);
    model::Result<qint64> count(qint64 connectionId) const;

private:
    Database& m_db;
};

} // namespace coffer::store

#pragma once

#include "model/Connection.h"
#include "model/Result.h"
#include "model/Snapshots.h"

namespace coffer::store {

class Database;

// Rows of the connections table. Thread affinity: the Database's thread.
class ConnectionRepository {
public:
    explicit ConnectionRepository(Database& db)
        : m_db(db)
    {
    }

    model::Result<qint64> insert(const model::ConnectionSpec& spec, const QString& institution,
                                 const QDateTime& createdAt);
    model::Result<QList<model::Connection>> list() const;
    model::Result<model::Connection> get(qint64 id) const;
    // Deletes the connection; with keepData its accounts and transactions stay (detached).
    model::Status remove(qint64 id, bool keepData);
    model::Status saveCursor(qint64 id, const QString& cursor);
    model::Status setSchedule(qint64 id, const QString& schedule);
    model::Status setPaused(qint64 id, bool paused);
    model::Status setName(qint64 id, const QString& name);
    // Back to idle without an error: the user has just fixed what the last one asked for (signed in again).
    model::Status clearError(qint64 id);
    // One provider setting (never a secret); an invalid (null) value removes it.
    model::Status setOption(qint64 id, const QString& key, const QVariant& value);

    struct Outcome {
        model::ConnectionState state = model::ConnectionState::Idle;
        QString error;
        model::ErrorKind errorKind = model::ErrorKind::Permanent;
        QDateTime attemptedAt;
        QDateTime succeededAt; // invalid: unchanged
    };
    model::Status recordOutcome(qint64 id, const Outcome& outcome);

    // The provider's note on the connection's data (see ConnectionStatus::providerNote); empty
    // clears it. Kept in the settings table under providerNoteKey(id).
    model::Status setProviderNote(qint64 id, const QString& note);
    static QString providerNoteKey(qint64 id);

    // Everything the dashboard shows about each connection, from the database.
    model::Result<QList<model::ConnectionStatus>> statuses() const;

private:
    Database& m_db;
};

} // namespace coffer::store

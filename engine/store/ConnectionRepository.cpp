#include "store/ConnectionRepository.h"

#include "store/Database.h"
#include "store/SettingsRepository.h"
#include "store/UserSettings.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace coffer::store {

using model::Connection;
using model::ConnectionState;
using model::Error;
using model::Ok;
using model::Result;
using model::Status;

namespace {

QString stateName(ConnectionState s)
{
    return model::connectionStateName(s);
}

ConnectionState stateFromName(const QString& name)
{
    for (auto s : {ConnectionState::Idle, ConnectionState::Queued, ConnectionState::Syncing, ConnectionState::Error,
                   ConnectionState::Paused, ConnectionState::ReauthRequired, ConnectionState::ReauthSoon}) {
        if (model::connectionStateName(s) == name)
            return s;
    }
    return ConnectionState::Idle;
}

model::ErrorKind errorKindFromName(const QString& name)
{
    for (auto k : {model::ErrorKind::Retryable, model::ErrorKind::NeedsUser, model::ErrorKind::InvalidData,
                   model::ErrorKind::Permanent, model::ErrorKind::Storage, model::ErrorKind::Cancelled}) {
        if (model::errorKindName(k) == name)
            return k;
    }
    return model::ErrorKind::Permanent;
}

Error readError(const QSqlQuery& q)
{
    return Error::storage(QStringLiteral("The database could not read connections: %1").arg(q.lastError().text()));
}

Connection connectionFrom(const QSqlQuery& q)
{
    Connection c;
    c.id = q.value(0).toLongLong();
    c.provider = q.value(1).toString();
    c.name = q.value(2).toString();
    c.institution = q.value(3).toString();
    c.options = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object().toVariantMap();
    c.cursor = q.value(5).toString();
    c.paused = q.value(6).toBool();
    c.createdAt = fromIsoUtc(q.value(7).toString());
    c.schedule = q.value(8).toString();
    c.lastSuccessAt = fromIsoUtc(q.value(9).toString());
    return c;
}

const QString kSelect = QStringLiteral("SELECT id, provider, name, institution, options, cursor, paused, created_at, "
                                       "schedule, last_success_at FROM connections");

} // namespace

Result<qint64> ConnectionRepository::insert(const model::ConnectionSpec& spec, const QString& institution,
                                            const QDateTime& createdAt)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("INSERT INTO connections (provider, name, institution, options, created_at, schedule) "
                             "VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(spec.provider);
    q.addBindValue(spec.name);
    q.addBindValue(institution);
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(spec.options)).toJson(QJsonDocument::Compact)));
    q.addBindValue(toIsoUtc(createdAt));
    q.addBindValue(userSettingText(m_db, settingKey::kDefaultSchedule)); // the user's default for new connections
    if (auto done = m_db.exec(q, "save the new connection"); !done.ok())
        return done.error();
    return q.lastInsertId().toLongLong();
}

Result<QList<Connection>> ConnectionRepository::list() const
{
    QSqlQuery q(m_db.handle());
    if (!q.exec(kSelect + QStringLiteral(" ORDER BY id")))
        return readError(q);
    QList<Connection> out;
    while (q.next())
        out.append(connectionFrom(q));
    return out;
}

Result<Connection> ConnectionRepository::get(qint64 id) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(kSelect + QStringLiteral(" WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return readError(q);
    if (!q.next())
        return Error::permanent(QStringLiteral("There is no connection with id %1.").arg(id));
    return connectionFrom(q);
}

Status ConnectionRepository::remove(qint64 id, bool keepData)
{
    return m_db.inTransaction([&]() -> Status {
        if (!keepData) {
            QSqlQuery del(m_db.handle());
            del.prepare(QStringLiteral("DELETE FROM accounts WHERE connection_id = ?"));
            del.addBindValue(id);
            if (auto done = m_db.exec(del, "delete the connection's accounts"); !done.ok())
                return done;
        }
        QSqlQuery q(m_db.handle());
        q.prepare(QStringLiteral("DELETE FROM connections WHERE id = ?"));
        q.addBindValue(id);
        if (auto done = m_db.exec(q, "delete the connection"); !done.ok())
            return done;
        if (q.numRowsAffected() != 1)
            return Error::permanent(QStringLiteral("There is no connection with id %1.").arg(id));
        QSqlQuery note(m_db.handle()); // its provider note goes with it
        note.prepare(QStringLiteral("DELETE FROM settings WHERE key = ?"));
        note.addBindValue(providerNoteKey(id));
        return m_db.exec(note, "delete the connection's provider note");
    });
}

namespace {
Status updateOne(store::Database& db, const QString& sql, const QVariant& value, qint64 id, const char* what)
{
    QSqlQuery q(db.handle());
    q.prepare(sql);
    q.addBindValue(value);
    q.addBindValue(id);
    if (auto done = db.exec(q, what); !done.ok())
        return done;
    if (q.numRowsAffected() != 1)
        return Error::permanent(QStringLiteral("There is no connection with id %1.").arg(id));
    return Ok{};
}
} // namespace

Status ConnectionRepository::setSchedule(qint64 id, const QString& schedule)
{
    return updateOne(m_db, QStringLiteral("UPDATE connections SET schedule = ? WHERE id = ?"), schedule, id,
                     "save the schedule");
}

Status ConnectionRepository::setPaused(qint64 id, bool paused)
{
    return updateOne(m_db, QStringLiteral("UPDATE connections SET paused = ? WHERE id = ?"), paused ? 1 : 0, id,
                     "pause or resume the connection");
}

Status ConnectionRepository::setName(qint64 id, const QString& name)
{
    return updateOne(m_db, QStringLiteral("UPDATE connections SET name = ? WHERE id = ?"), name, id,
                     "rename the connection");
}

Status ConnectionRepository::clearError(qint64 id)
{
    return updateOne(
        m_db, QStringLiteral("UPDATE connections SET state = ?, last_error = '', last_error_kind = '' WHERE id = ?"),
        stateName(ConnectionState::Idle), id, "clear the connection's error");
}

Status ConnectionRepository::setOption(qint64 id, const QString& key, const QVariant& value)
{
    auto connection = get(id);
    if (!connection.ok())
        return connection.error();
    QVariantMap options = connection->options;
    if (value.isValid())
        options.insert(key, value);
    else
        options.remove(key);
    return updateOne(
        m_db, QStringLiteral("UPDATE connections SET options = ? WHERE id = ?"),
        QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(options)).toJson(QJsonDocument::Compact)), id,
        "save a connection setting");
}

Status ConnectionRepository::saveCursor(qint64 id, const QString& cursor)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("UPDATE connections SET cursor = ? WHERE id = ?"));
    q.addBindValue(cursor);
    q.addBindValue(id);
    return m_db.exec(q, "save the sync position");
}

Status ConnectionRepository::recordOutcome(qint64 id, const Outcome& o)
{
    QSqlQuery q(m_db.handle());
    q.prepare(
        QStringLiteral("UPDATE connections SET state = ?, last_error = ?, last_error_kind = ?, last_attempt_at = ?, "
                       "last_success_at = COALESCE(?, last_success_at) WHERE id = ?"));
    q.addBindValue(stateName(o.state));
    q.addBindValue(o.error);
    q.addBindValue(o.error.isEmpty() ? QString() : model::errorKindName(o.errorKind));
    q.addBindValue(toIsoUtc(o.attemptedAt));
    q.addBindValue(o.succeededAt.isValid() ? QVariant(toIsoUtc(o.succeededAt)) : QVariant());
    q.addBindValue(id);
    return m_db.exec(q, "record the sync outcome");
}

QString ConnectionRepository::providerNoteKey(qint64 id)
{
    return QStringLiteral("provider_note/%1").arg(id);
}

Status ConnectionRepository::setProviderNote(qint64 id, const QString& note)
{
    return SettingsRepository(m_db).setValue(providerNoteKey(id), note);
}

Result<QList<model::ConnectionStatus>> ConnectionRepository::statuses() const
{
    QSqlQuery q(m_db.handle());
    const QString sql = QStringLiteral(R"(
        SELECT c.id, c.name, c.provider, c.institution, c.state, c.paused, c.last_error, c.last_error_kind,
               c.last_success_at, c.last_attempt_at,
               (SELECT COUNT(*) FROM accounts a WHERE a.connection_id = c.id),
               (SELECT COUNT(*) FROM transactions t JOIN accounts a ON a.id = t.account_id
                 WHERE a.connection_id = c.id AND t.status != 'removed' AND t.matched_to IS NULL),
               r.added, r.modified, r.removed, note.value
        FROM connections c
        LEFT JOIN sync_runs r ON r.id = (SELECT MAX(id) FROM sync_runs WHERE connection_id = c.id AND status = 'succeeded')
        LEFT JOIN settings note ON note.key = 'provider_note/' || c.id
        ORDER BY c.id)");
    if (!q.exec(sql))
        return readError(q);
    QList<model::ConnectionStatus> out;
    while (q.next()) {
        model::ConnectionStatus s;
        s.connectionId = q.value(0).toLongLong();
        s.name = q.value(1).toString();
        s.provider = q.value(2).toString();
        s.institution = q.value(3).toString();
        s.state = q.value(5).toBool() ? ConnectionState::Paused : stateFromName(q.value(4).toString());
        s.lastError = q.value(6).toString();
        s.lastErrorKind = errorKindFromName(q.value(7).toString());
        s.lastSuccessAt = fromIsoUtc(q.value(8).toString());
        s.lastAttemptAt = fromIsoUtc(q.value(9).toString());
        s.accountCount = q.value(10).toInt();
        s.transactionCount = q.value(11).toLongLong();
        s.lastChanges = {q.value(12).toInt(), q.value(13).toInt(), q.value(14).toInt()};
        s.providerNote = q.value(15).toString();
        out.append(s);
    }
    return out;
}

} // namespace coffer::store

#include "store/TransactionArchive.h"

#include "store/Database.h"
#include "store/TransactionRepository.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace coffer::store {

using model::Error;
using model::Result;

namespace {

constexpr QByteArrayView kMagic = "COFFER-ARCHIVE 1\n";

// What a transaction row is made of, besides its id and the links that are remapped on restore.
const QStringList kColumns{
    QStringLiteral("account_id"),       QStringLiteral("source"),          QStringLiteral("provider_id"),
    QStringLiteral("pending_provider_id"), QStringLiteral("booked_on"),    QStringLiteral("authorized_on"),
    QStringLiteral("amount_minor"),     QStringLiteral("currency"),        QStringLiteral("original_amount_minor"),
    QStringLiteral("original_currency"), QStringLiteral("description_raw"), QStringLiteral("description"),
    QStringLiteral("counterparty"),     QStringLiteral("category"),        QStringLiteral("check_number"),
    QStringLiteral("reference"),        QStringLiteral("status"),          QStringLiteral("match_reason"),
    QStringLiteral("match_score"),      QStringLiteral("raw"),             QStringLiteral("last_seen_on")};

Error storage(const char* what, const QSqlQuery& q)
{
    return Error::storage(QStringLiteral("The database could not %1: %2").arg(QString::fromLatin1(what), q.lastError().text()));
}

// Transactions old enough, leaving any whose match partner is newer.
const QString kOldEnough = QStringLiteral(
    "SELECT id FROM transactions t WHERE booked_on < :cutoff "
    "AND (matched_to IS NULL OR matched_to IN (SELECT id FROM transactions WHERE booked_on < :cutoff)) "
    "AND NOT EXISTS (SELECT 1 FROM transactions d WHERE d.matched_to = t.id AND d.booked_on >= :cutoff)");

// Posted, visible amounts per account and currency: what an account's implied balance is made of.
using Sums = QHash<QPair<qint64, QString>, qint64>;

void addToSums(Sums& sums, const QJsonObject& row, qint64 accountId)
{
    if (row.value(QStringLiteral("status")).toString() == u"posted" && row.value(QStringLiteral("matched_to")).isNull())
        sums[{accountId, row.value(QStringLiteral("currency")).toString()}] +=
            row.value(QStringLiteral("amount_minor")).toInteger();
}

// Moving posted transactions out of (or back into) the database moves each account's implied
// balance by their sum: record the shifted drift as the new baseline, so the next balance check
// does not flag a change the user made on purpose.
model::Status shiftDrift(Database& db, const Sums& sums, int sign)
{
    QSqlQuery q(db.handle());
    for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
        q.prepare(QStringLiteral(
            "INSERT INTO reconciliations (account_id, sync_run_id, reported_minor, implied_minor, drift_minor, "
            "currency, flagged, at) SELECT account_id, NULL, reported_minor, implied_minor - ?, drift_minor + ?, "
            "currency, 0, ? FROM reconciliations WHERE account_id = ? AND currency = ? ORDER BY id DESC LIMIT 1"));
        const qint64 moved = sign * it.value();
        q.addBindValue(moved);
        q.addBindValue(moved);
        q.addBindValue(toIsoUtc(QDateTime::currentDateTimeUtc()));
        q.addBindValue(it.key().first);
        q.addBindValue(it.key().second);
        if (auto s = db.exec(q, "move a balance baseline"); !s.ok())
            return s;
    }
    return model::Ok{};
}

} // namespace

QString TransactionArchive::directory(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("archive"));
}

Result<ArchiveOutcome> TransactionArchive::archiveBefore(const QDate& cutoff, const QDateTime& now)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT id, matched_to, ") + kColumns.join(QStringLiteral(", ")) +
              QStringLiteral(" FROM transactions WHERE id IN (") + kOldEnough + QStringLiteral(") ORDER BY id"));
    q.bindValue(QStringLiteral(":cutoff"), cutoff.toString(Qt::ISODate));
    if (!q.exec())
        return storage("read old transactions", q);
    QByteArray lines;
    QList<qint64> ids;
    Sums archived;
    while (q.next()) {
        QJsonObject row;
        const QSqlRecord record = q.record();
        for (int i = 0; i < record.count(); ++i)
            row.insert(record.fieldName(i), q.isNull(i) ? QJsonValue() : QJsonValue::fromVariant(q.value(i)));
        ids.append(q.value(0).toLongLong());
        QSqlQuery events(m_db.handle());
        events.prepare(QStringLiteral("SELECT kind, changes, at FROM transaction_events WHERE transaction_id = ? ORDER BY id"));
        events.addBindValue(ids.last());
        if (!events.exec())
            return storage("read an audit trail", events);
        QJsonArray trail;
        while (events.next())
            trail.append(QJsonObject{{QStringLiteral("kind"), events.value(0).toString()},
                                     {QStringLiteral("changes"), events.value(1).toString()},
                                     {QStringLiteral("at"), events.value(2).toString()}});
        row.insert(QStringLiteral("events"), trail);
        addToSums(archived, row, row.value(QStringLiteral("account_id")).toInteger());
        lines += QJsonDocument(row).toJson(QJsonDocument::Compact) + '\n';
    }
    if (ids.isEmpty())
        return ArchiveOutcome{};

    // The file first, safely on disk; only then do the rows go.
    const QString dir = directory(m_db.dataDir());
    if (!QDir().mkpath(dir))
        return Error::storage(QStringLiteral("Coffer could not create the archive folder %1.").arg(dir));
    const QString path = QDir(dir).filePath(
        QStringLiteral("transactions-before-%1-%2.coffer-archive")
            .arg(cutoff.toString(Qt::ISODate), now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(kMagic.data(), kMagic.size()) != kMagic.size() ||
        file.write(qCompress(lines, 9)) < 0 || !file.commit())
        return Error::storage(QStringLiteral("Coffer could not write the archive %1: %2").arg(path, file.errorString()));

    const auto deleted = m_db.inTransaction([&]() -> model::Status {
        QSqlQuery del(m_db.handle());
        del.prepare(QStringLiteral("DELETE FROM transactions WHERE id = ?"));
        for (const qint64 id : std::as_const(ids)) {
            del.addBindValue(id);
            if (auto s = m_db.exec(del, "remove an archived transaction"); !s.ok())
                return s;
        }
        return shiftDrift(m_db, archived, +1);
    });
    if (!deleted.ok()) {
        QFile::remove(path); // nothing left the database: an archive of it would only confuse
        return deleted.error();
    }
    return ArchiveOutcome{path, int(ids.size())};
}

Result<RestoreOutcome> TransactionArchive::restore(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::permanent(QStringLiteral("Coffer cannot read the archive %1: %2").arg(path, file.errorString()));
    const QByteArray content = file.readAll();
    if (!content.startsWith(kMagic))
        return Error::invalidData(QStringLiteral("%1 is not a Coffer archive.").arg(path));
    const QByteArray lines = qUncompress(content.mid(kMagic.size()));
    if (lines.isEmpty())
        return Error::invalidData(QStringLiteral("The archive %1 is damaged: it does not decompress.").arg(path));

    RestoreOutcome outcome;
    Sums restored;
    const auto done = m_db.inTransaction([&]() -> model::Status {
        QHash<qint64, qint64> newId;     // archived id -> id now
        QHash<qint64, qint64> matchedTo; // archived id -> archived survivor id
        QSqlQuery exists(m_db.handle());
        exists.prepare(QStringLiteral("SELECT (SELECT id FROM transactions WHERE account_id = ? AND source = ? AND "
                                      "provider_id = ?), (SELECT 1 FROM accounts WHERE id = ?)"));
        QStringList placeholders;
        for (qsizetype i = 0; i < kColumns.size(); ++i)
            placeholders << QStringLiteral("?");
        QSqlQuery insert(m_db.handle());
        insert.prepare(QStringLiteral("INSERT INTO transactions (") + kColumns.join(QStringLiteral(", ")) +
                       QStringLiteral(") VALUES (") + placeholders.join(QStringLiteral(", ")) + u')');
        QSqlQuery event(m_db.handle());
        event.prepare(QStringLiteral("INSERT INTO transaction_events (transaction_id, kind, changes, at) VALUES (?, ?, ?, ?)"));
        int lineNumber = 0;
        for (const QByteArray& line : lines.split('\n')) {
            ++lineNumber;
            if (line.isEmpty())
                continue;
            const QJsonObject row = QJsonDocument::fromJson(line).object();
            if (row.isEmpty() || !row.contains(QStringLiteral("id")))
                return Error::invalidData(
                    QStringLiteral("The archive %1 is damaged at line %2.").arg(path).arg(lineNumber));
            const qint64 archivedId = row.value(QStringLiteral("id")).toInteger();
            exists.addBindValue(row.value(QStringLiteral("account_id")).toInteger());
            exists.addBindValue(row.value(QStringLiteral("source")).toString());
            exists.addBindValue(row.value(QStringLiteral("provider_id")).toString());
            exists.addBindValue(row.value(QStringLiteral("account_id")).toInteger());
            if (!exists.exec() || !exists.next())
                return storage("look up an archived transaction", exists);
            if (!exists.value(0).isNull()) {
                newId.insert(archivedId, exists.value(0).toLongLong());
                ++outcome.alreadyThere;
                continue;
            }
            if (exists.value(1).isNull()) {
                ++outcome.accountGone;
                continue;
            }
            for (const QString& column : kColumns)
                insert.addBindValue(row.value(column).toVariant());
            if (auto s = m_db.exec(insert, "restore an archived transaction"); !s.ok())
                return s;
            const qint64 id = insert.lastInsertId().toLongLong();
            newId.insert(archivedId, id);
            if (!row.value(QStringLiteral("matched_to")).isNull())
                matchedTo.insert(id, row.value(QStringLiteral("matched_to")).toInteger());
            for (const QJsonValue e : row.value(QStringLiteral("events")).toArray()) {
                const QJsonObject o = e.toObject();
                event.addBindValue(id);
                event.addBindValue(o.value(QStringLiteral("kind")).toString());
                event.addBindValue(o.value(QStringLiteral("changes")).toString());
                event.addBindValue(o.value(QStringLiteral("at")).toString());
                if (auto s = m_db.exec(event, "restore an audit event"); !s.ok())
                    return s;
            }
            addToSums(restored, row, row.value(QStringLiteral("account_id")).toInteger());
            ++outcome.restored;
        }
        QSqlQuery link(m_db.handle());
        link.prepare(QStringLiteral("UPDATE transactions SET matched_to = ? WHERE id = ?"));
        for (auto it = matchedTo.cbegin(); it != matchedTo.cend(); ++it) {
            link.addBindValue(newId.contains(it.value()) ? QVariant(newId.value(it.value())) : QVariant());
            link.addBindValue(it.key());
            if (auto s = m_db.exec(link, "restore a match"); !s.ok())
                return s;
        }
        if (auto s = TransactionRepository(m_db).indexForSearch(); !s.ok())
            return s;
        return shiftDrift(m_db, restored, -1);
    });
    if (!done.ok())
        return done.error();
    return outcome;
}

} // namespace coffer::store

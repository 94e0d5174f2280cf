#include "importers/ImportUndo.h"

#include "importers/ImportHistory.h"
#include "model/Money.h"
#include "store/Database.h"
#include "store/TransactionRepository.h"
#include "sync/Normalizer.h"
#include "sync/TransactionMatcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace coffer::importers {

using model::Error;
using model::Result;
using model::Status;

namespace {

Error readFailure(const QSqlQuery& q)
{
    return Error::storage(QStringLiteral("Could not read what the import did."), q.lastError().text());
}

// The column and value that give a field back its "before" value from a modified event.
struct Restore {
    QString column;
    QVariant value;
};

QList<Restore> restoresFor(const QString& field, const QJsonValue& before, const QString& currency)
{
    const QVariant text = before.isNull() ? QVariant() : QVariant(before.toString());
    if (field == u"booked_on" || field == u"authorized_on" || field == u"counterparty" || field == u"category" ||
        field == u"check_number" || field == u"reference" || field == u"status")
        return {{field, text}};
    if (field == u"description_raw")
        return {{field, text}, {QStringLiteral("description"), sync::cleanDescription(before.toString())}};
    if (field == u"amount") {
        const auto money = model::Money::parse(before.toString(), currency);
        return money.ok() ? QList<Restore>{{QStringLiteral("amount_minor"), money.value().minorUnits()}}
                          : QList<Restore>{};
    }
    if (field == u"original_amount") {
        if (before.isNull())
            return {{QStringLiteral("original_amount_minor"), QVariant()},
                    {QStringLiteral("original_currency"), QVariant()}};
        const QStringList parts = before.toString().split(u' ');
        if (parts.size() != 2)
            return {};
        const auto money = model::Money::parse(parts[0], parts[1]);
        if (!money.ok())
            return {};
        return {{QStringLiteral("original_amount_minor"), money.value().minorUnits()},
                {QStringLiteral("original_currency"), parts[1]}};
    }
    return {};
}

} // namespace

ImportUndo::ImportUndo(store::Database& db)
    : m_db(db)
{
}

Result<int> ImportUndo::deleteAdded(qint64 runId, int* splits)
{
    // Only rows in a match need the matcher; the rest go in one statement.
    QSqlQuery matched(m_db.handle());
    matched.prepare(QStringLiteral(
        "SELECT t.id FROM transactions t WHERE t.first_seen_run = ? AND "
        "(t.matched_to IS NOT NULL OR EXISTS (SELECT 1 FROM transactions f WHERE f.matched_to = t.id))"));
    matched.addBindValue(runId);
    if (!matched.exec())
        return readFailure(matched);
    QList<qint64> ids;
    while (matched.next())
        ids.append(matched.value(0).toLongLong());
    store::TransactionRepository transactions(m_db);
    sync::TransactionMatcher matcher(transactions);
    for (const qint64 id : ids) {
        const auto n = matcher.undo(id, 0);
        if (!n.ok())
            return n.error();
        *splits += n.value();
    }
    QSqlQuery remove(m_db.handle());
    remove.prepare(QStringLiteral("DELETE FROM transactions WHERE first_seen_run = ?"));
    remove.addBindValue(runId);
    if (auto s = m_db.exec(remove, "delete an import's transactions"); !s.ok())
        return s.error();
    return remove.numRowsAffected();
}

Result<int> ImportUndo::restoreChanged(qint64 runId)
{
    QSqlQuery events(m_db.handle());
    events.prepare(QStringLiteral("SELECT e.transaction_id, e.kind, e.changes, t.currency FROM transaction_events e "
                                  "JOIN transactions t ON t.id = e.transaction_id WHERE e.sync_run_id = ? AND "
                                  "e.kind IN ('modified', 'removed') AND t.last_changed_run = e.sync_run_id "
                                  "AND t.first_seen_run != e.sync_run_id ORDER BY e.id DESC"));
    events.addBindValue(runId);
    if (!events.exec())
        return readFailure(events);
    int restored = 0;
    while (events.next()) {
        const qint64 id = events.value(0).toLongLong();
        QList<Restore> restores;
        if (events.value(1).toString() == u"removed") {
            const QJsonObject changes = QJsonDocument::fromJson(events.value(2).toString().toUtf8()).object();
            const QString before = changes.value(QStringLiteral("status")).toArray().at(0).toString();
            restores.append({QStringLiteral("status"), before.isEmpty() ? QStringLiteral("posted") : before});
        } else {
            const QJsonObject changes = QJsonDocument::fromJson(events.value(2).toString().toUtf8()).object();
            for (auto it = changes.begin(); it != changes.end(); ++it)
                restores += restoresFor(it.key(), it.value().toArray().at(0), events.value(3).toString());
        }
        if (restores.isEmpty())
            continue;
        QStringList sets;
        for (const Restore& r : restores)
            sets << r.column + QStringLiteral(" = ?");
        // The stored record no longer matches the row: the next delivery is compared field by field.
        QSqlQuery update(m_db.handle());
        update.prepare(QStringLiteral("UPDATE transactions SET ") + sets.join(QStringLiteral(", ")) +
                       QStringLiteral(", raw = '' WHERE id = ?"));
        for (const Restore& r : restores)
            update.addBindValue(r.value);
        update.addBindValue(id);
        if (auto s = m_db.exec(update, "give back what an import changed"); !s.ok())
            return s.error();
        ++restored;
    }
    return restored;
}

Result<QString> ImportUndo::undo(qint64 runId, const QDateTime& now)
{
    ImportHistory history(m_db);
    const auto found = history.find(runId);
    if (!found.ok())
        return found.error();
    if (!found.value())
        return Error::permanent(QStringLiteral("There is no import %1 (cofferctl imports lists them).").arg(runId));
    const model::ImportRecord record = *found.value();
    if (record.undone)
        return Error::permanent(QStringLiteral("The import of %1 was already undone.").arg(record.file));
    int deleted = 0;
    int splits = 0;
    int restored = 0;
    const Status done = m_db.inTransaction([&]() -> Status {
        const auto changed = restoreChanged(runId);
        if (!changed.ok())
            return changed.error();
        restored = changed.value();
        const auto removed = deleteAdded(runId, &splits);
        if (!removed.ok())
            return removed.error();
        deleted = removed.value();
        QSqlQuery balances(m_db.handle());
        balances.prepare(QStringLiteral("DELETE FROM balances WHERE sync_run_id = ?"));
        balances.addBindValue(runId);
        if (auto s = m_db.exec(balances, "take back an import's balances"); !s.ok())
            return s;
        return history.markUndone(runId, now);
    });
    if (!done.ok())
        return done.error();
    QString message =
        QStringLiteral("Undid the import of %1: %2 transaction(s) taken back").arg(record.file).arg(deleted);
    if (restored > 0)
        message += QStringLiteral(", %1 earlier one(s) given back what they were").arg(restored);
    if (splits > 0)
        message += QStringLiteral(", %1 match(es) split").arg(splits);
    return QString(message + u'.');
}

} // namespace coffer::importers

#include "importers/ImportHistory.h"

#include "store/Database.h"

#include <QSqlError>
#include <QSqlQuery>

namespace coffer::importers {

using model::Error;
using model::ImportRecord;
using model::Result;

ImportHistory::ImportHistory(store::Database& db)
    : m_db(db)
{
}

model::Status ImportHistory::record(qint64 runId, const QString& file, const QString& format,
                                    const model::ImportCounts& c)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("INSERT INTO imports (run_id, file, format, added, matched, duplicates, updated, removed, "
                             "invalid) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& v :
         QVariantList{runId, file, format, c.added, c.matched, c.duplicates, c.updated, c.removed, c.invalid})
        q.addBindValue(v);
    return m_db.exec(q, "record an import");
}

Result<QList<ImportRecord>> ImportHistory::select(const QString& where, const QVariantList& values) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT i.run_id, i.file, i.format, r.started_at, i.added, i.matched, i.duplicates, "
                             "i.updated, i.removed, i.invalid, i.undone_at FROM imports i "
                             "JOIN sync_runs r ON r.id = i.run_id ") +
              where);
    for (const QVariant& v : values)
        q.addBindValue(v);
    if (!q.exec())
        return Error::storage(QStringLiteral("Could not read the list of imports."), q.lastError().text());
    QList<ImportRecord> out;
    while (q.next()) {
        ImportRecord r;
        r.runId = q.value(0).toLongLong();
        r.file = q.value(1).toString();
        r.format = q.value(2).toString();
        r.at = store::fromIsoUtc(q.value(3).toString());
        r.counts.added = q.value(4).toInt();
        r.counts.matched = q.value(5).toInt();
        r.counts.duplicates = q.value(6).toInt();
        r.counts.updated = q.value(7).toInt();
        r.counts.removed = q.value(8).toInt();
        r.counts.invalid = q.value(9).toInt();
        r.undone = !q.value(10).isNull();
        out.append(r);
    }
    return out;
}

Result<QList<ImportRecord>> ImportHistory::newest(int limit) const
{
    return select(QStringLiteral("ORDER BY i.run_id DESC LIMIT ?"), {qMax(1, limit)});
}

Result<std::optional<ImportRecord>> ImportHistory::find(qint64 runId) const
{
    const auto found = select(QStringLiteral("WHERE i.run_id = ?"), {runId});
    if (!found.ok())
        return found.error();
    if (found.value().isEmpty())
        return std::optional<ImportRecord>{};
    return std::optional<ImportRecord>(found.value().first());
}

model::Status ImportHistory::markUndone(qint64 runId, const QDateTime& at)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("UPDATE imports SET undone_at = ? WHERE run_id = ?"));
    q.addBindValue(store::toIsoUtc(at));
    q.addBindValue(runId);
    return m_db.exec(q, "mark an import undone");
}

} // namespace coffer::importers

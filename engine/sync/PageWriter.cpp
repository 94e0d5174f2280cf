#include "sync/PageWriter.h"

#include "store/Database.h"
#include "sync/Normalizer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace coffer::sync {

using model::ChangeCounts;
using model::Error;
using model::Ok;
using model::Result;
using model::Status;
using model::Transaction;
using model::TransactionStatus;

namespace {

QJsonValue fieldValue(const Transaction& t, const QString& field)
{
    if (field == u"booked_on")
        return t.bookedOn.toString(Qt::ISODate);
    if (field == u"authorized_on")
        return t.authorizedOn ? QJsonValue(t.authorizedOn->toString(Qt::ISODate)) : QJsonValue();
    if (field == u"amount")
        return t.amount.toDecimalString();
    if (field == u"description_raw")
        return t.descriptionRaw;
    if (field == u"counterparty")
        return t.counterparty;
    if (field == u"category")
        return t.category;
    if (field == u"check_number")
        return t.checkNumber;
    if (field == u"reference")
        return t.reference;
    if (field == u"status")
        return model::transactionStatusName(t.status);
    return {};
}

// {"field": [before, after], ...} for the audit trail.
QString describeChanges(const Transaction& before, const Transaction& after, const QStringList& fields)
{
    QJsonObject changes;
    for (const QString& f : fields)
        changes.insert(f, QJsonArray{fieldValue(before, f), fieldValue(after, f)});
    return QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact));
}

} // namespace

PageWriter::PageWriter(store::Database& db)
    : m_db(db)
    , m_transactions(db)
    , m_connections(db)
    , m_runs(db)
{
}

Result<ChangeCounts> PageWriter::commit(const Target& target, const providers::Page& page)
{
    ChangeCounts counts;
    const Status done = m_db.inTransaction([&]() -> Status {
        for (const auto& t : page.added) {
            if (auto s = upsert(target, t, counts); !s.ok())
                return s;
        }
        for (const auto& t : page.modified) {
            if (auto s = upsert(target, t, counts); !s.ok())
                return s;
        }
        for (const auto& gone : page.removed) {
            if (auto s = remove(target, gone, counts); !s.ok())
                return s;
        }
        if (auto s = m_runs.addPage(target.runId, counts); !s.ok())
            return s;
        return m_connections.saveCursor(target.connectionId, page.nextCursor);
    });
    if (!done.ok())
        return done.error();
    return counts;
}

Result<qint64> PageWriter::accountFor(const Target& target, const QString& accountProviderId) const
{
    const auto it = target.accountIds.constFind(accountProviderId);
    if (it == target.accountIds.cend())
        return Error::invalidData(QStringLiteral("The provider sent a transaction for an account it did not list."),
                                  QStringLiteral("unknown account in page"));
    return it.value();
}

Status PageWriter::upsert(const Target& target, const providers::ProviderTransaction& incoming, ChangeCounts& counts)
{
    const auto accountId = accountFor(target, incoming.accountProviderId);
    if (!accountId.ok())
        return accountId.error();
    Transaction t = normalize(incoming, accountId.value());
    const auto existing = m_transactions.find(t.accountId, target.source, t.providerId);
    if (!existing.ok())
        return existing.error();

    if (!existing.value()) {
        const auto id = m_transactions.insert(t, target.source, incoming.raw, target.runId);
        if (!id.ok())
            return id.error();
        ++counts.added;
        return m_transactions.addEvent(id.value(), target.runId, store::EventKind::Added);
    }

    const Transaction& before = *existing.value();
    t.id = before.id;
    const QStringList fields = model::changedFields(before, t);
    if (fields.isEmpty())
        return Ok{}; // re-delivery: nothing to do
    if (auto s = m_transactions.update(t, incoming.raw, target.runId); !s.ok())
        return s;
    ++counts.modified;
    return m_transactions.addEvent(t.id, target.runId, store::EventKind::Modified, describeChanges(before, t, fields));
}

Status PageWriter::remove(const Target& target, const providers::RemovedTransaction& gone, ChangeCounts& counts)
{
    const auto accountId = accountFor(target, gone.accountProviderId);
    if (!accountId.ok())
        return accountId.error();
    const auto existing = m_transactions.find(accountId.value(), target.source, gone.providerId);
    if (!existing.ok())
        return existing.error();
    if (!existing.value() || existing.value()->status == TransactionStatus::Removed)
        return Ok{}; // never seen, or already removed: idempotent
    if (auto s = m_transactions.setStatus(existing.value()->id, TransactionStatus::Removed, target.runId); !s.ok())
        return s;
    ++counts.removed;
    return m_transactions.addEvent(existing.value()->id, target.runId, store::EventKind::Removed);
}

} // namespace coffer::sync

#include "sync/PageWriter.h"

#include "store/Database.h"
#include "store/QuarantineRepository.h"
#include "sync/Normalizer.h"

#include <QDateTime>
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
    if (field == u"original_amount")
        return t.originalAmount ? QJsonValue(t.originalAmount->toDecimalString() + u' ' + t.originalAmount->currency())
                                : QJsonValue();
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
    , m_matcher(m_transactions)
{
}

Result<ChangeCounts> PageWriter::commit(const Target& target, const providers::Page& page)
{
    ChangeCounts counts;
    const Status done = m_db.inTransaction([&]() -> Status {
        m_matcher.beginPage();
        int index = 0;
        for (const auto* list : {&page.added, &page.modified}) {
            for (const auto& t : *list) {
                if (auto s = write(target, t, ++index, counts); !s.ok())
                    return s;
            }
        }
        for (const auto& gone : page.removed) {
            if (auto s = remove(target, gone, counts); !s.ok())
                return s;
        }
        if (auto s = reconcileWindow(target, page, counts); !s.ok())
            return s;
        if (auto s = m_runs.addPage(target.runId, counts); !s.ok())
            return s;
        if (auto s = m_transactions.indexForSearch(); !s.ok())
            return s;
        if (target.alsoCommit) {
            if (auto s = target.alsoCommit(); !s.ok())
                return s;
        }
        return target.saveCursor ? m_connections.saveCursor(target.connectionId, page.nextCursor) : Status(Ok{});
    });
    if (!done.ok())
        return done.error();
    return counts;
}

Status PageWriter::write(const Target& target, const providers::ProviderTransaction& incoming, int index,
                         ChangeCounts& counts)
{
    const auto account = target.accountIds.constFind(incoming.accountProviderId);
    if (account == target.accountIds.cend())
        return quarantine(target, incoming, index, QStringLiteral("it is for an account the provider did not list"),
                          counts);
    if (const QString problem = problemWith(incoming); !problem.isEmpty())
        return quarantine(target, incoming, index, problem, counts);
    // Re-delivery of exactly the stored record changes nothing: no need to normalize or compare.
    const auto stored = m_transactions.stored(account.value(), target.source, incoming.providerId.trimmed());
    if (!stored.ok())
        return stored.error();
    const auto& known = stored.value();
    if (known && !target.verify && !incoming.raw.isEmpty() && known->raw == incoming.raw &&
        known->status != TransactionStatus::Removed)
        return known->status == TransactionStatus::Pending ? m_transactions.markSeen(known->id, target.today)
                                                           : Status(Ok{});
    Transaction t = normalize(incoming, account.value(), target.source);
    return known ? update(target, std::move(t), incoming.raw, counts)
                 : insert(target, std::move(t), incoming.raw, counts);
}

Status PageWriter::quarantine(const Target& target, const providers::ProviderTransaction& incoming, int index,
                              const QString& problem, ChangeCounts& counts)
{
    QString where = QStringLiteral("record %1").arg(index);
    if (target.pageNumber > 0)
        where += QStringLiteral(" of page %1").arg(target.pageNumber);
    if (!incoming.providerId.trimmed().isEmpty())
        where += QStringLiteral(" (transaction id \"%1\")").arg(incoming.providerId.trimmed().left(64));
    const QString reason = where + QStringLiteral(": ") + problem;
    const QByteArray raw = incoming.raw.isEmpty() ? QByteArray("null") : incoming.raw;
    auto kept = store::QuarantineRepository(m_db).keep(target.connectionId, target.runId, reason, raw,
                                                       QDateTime::currentDateTimeUtc());
    if (!kept.ok())
        return kept.error();
    ++counts.invalid;
    return Ok{};
}

Status PageWriter::insert(const Target& target, Transaction t, const QByteArray& raw, ChangeCounts& counts)
{
    const auto id = m_transactions.insert(t, raw, target.runId, target.today);
    if (!id.ok())
        return id.error();
    t.id = id.value();
    ++counts.added;
    if (auto s = m_transactions.addEvent(t.id, target.runId, store::EventKind::Added); !s.ok())
        return s;
    if (t.isPending())
        m_matcher.notePending(t.accountId);
    const auto caught = m_matcher.matchStored(t, target.runId);
    if (!caught.ok())
        return caught.error();
    counts.matched += caught.value();
    return Ok{};
}

Status PageWriter::update(const Target& target, Transaction t, const QByteArray& raw, ChangeCounts& counts)
{
    const auto existing = m_transactions.find(t.accountId, t.source, t.providerId);
    if (!existing.ok())
        return existing.error();
    if (!existing.value())
        return insert(target, std::move(t), raw, counts);
    const Transaction& before = *existing.value();
    t.id = before.id;
    t.matchedTo = before.matchedTo;
    const QStringList fields = model::changedFields(before, t);
    if (fields.isEmpty()) // the same transaction in a new wrapping; a pending one is still there
        return t.isPending() ? m_transactions.markSeen(t.id, target.today) : Status(Ok{});
    if (auto s = m_transactions.update(t, raw, target.runId, target.today); !s.ok())
        return s;
    ++counts.modified;
    if (auto s =
            m_transactions.addEvent(t.id, target.runId, store::EventKind::Modified, describeChanges(before, t, fields));
        !s.ok())
        return s;
    if (!before.isPending() || t.isPending())
        return Ok{};
    // It posted under the same id: it may now duplicate a row from another source.
    const auto caught = m_matcher.matchStored(t, target.runId);
    if (!caught.ok())
        return caught.error();
    counts.matched += caught.value();
    return Ok{};
}

Status PageWriter::remove(const Target& target, const providers::RemovedTransaction& gone, ChangeCounts& counts)
{
    const auto account = target.accountIds.constFind(gone.accountProviderId);
    if (account == target.accountIds.cend())
        return Ok{}; // nothing of an unknown account is stored
    const auto existing = m_transactions.find(account.value(), target.source, gone.providerId);
    if (!existing.ok())
        return existing.error();
    if (!existing.value() || existing.value()->status == TransactionStatus::Removed)
        return Ok{}; // never seen, or already removed: idempotent
    if (auto s = m_transactions.setStatus(existing.value()->id, TransactionStatus::Removed, target.runId); !s.ok())
        return s;
    ++counts.removed;
    Transaction after = *existing.value();
    after.status = TransactionStatus::Removed;
    return m_transactions.addEvent(existing.value()->id, target.runId, store::EventKind::Removed,
                                   describeChanges(*existing.value(), after, {QStringLiteral("status")}));
}

Status PageWriter::reconcileWindow(const Target& target, const providers::Page& page, ChangeCounts& counts)
{
    if (!page.window)
        return Ok{};
    const providers::CoveredWindow& w = *page.window;
    QHash<QString, QSet<QString>> delivered; // account -> provider ids
    for (const auto* list : {&page.added, &page.modified}) {
        for (const auto& t : *list)
            delivered[t.accountProviderId].insert(t.providerId.trimmed());
    }
    static const QString kGone =
        QStringLiteral("{\"reason\":\"no longer reported by the bank for a period it reported in full\"}");
    for (const QString& accountProviderId : w.accountProviderIds) {
        const auto account = target.accountIds.constFind(accountProviderId);
        if (account == target.accountIds.cend())
            continue;
        const auto stored = m_transactions.inWindow(account.value(), target.source, w.from, w.to);
        if (!stored.ok())
            return stored.error();
        const QSet<QString>& seen = delivered[accountProviderId];
        for (const Transaction& t : stored.value()) {
            // A pending one that vanished has usually posted under a new id: it expires later instead.
            if (t.isPending() || seen.contains(t.providerId))
                continue;
            if (auto s = m_transactions.setStatus(t.id, TransactionStatus::Removed, target.runId); !s.ok())
                return s;
            if (auto s = m_transactions.addEvent(t.id, target.runId, store::EventKind::Removed, kGone); !s.ok())
                return s;
            ++counts.removed;
        }
    }
    return Ok{};
}

} // namespace coffer::sync

#include "importers/ImportOutcomes.h"

#include "model/Currency.h"

#include <QSet>

namespace coffer::importers {

using model::ImportItem;
using model::ImportOutcome;
using model::Result;

ImportOutcomes::ImportOutcomes(store::Database& db)
    : m_db(db)
    , m_row(db, "SELECT id, status, COALESCE(matched_to, 0), match_reason, COALESCE(first_seen_run, 0), "
                "COALESCE(last_changed_run, 0) FROM transactions WHERE account_id = ?1 AND source = ?2 AND "
                "provider_id = ?3")
    , m_byId(db, "SELECT description, booked_on, amount_minor, currency, source FROM transactions WHERE id = ?1")
    , m_foldedInto(db, "SELECT id, match_reason, COALESCE(last_changed_run, 0) FROM transactions WHERE matched_to = ?1")
{
}

Result<std::optional<ImportOutcomes::Row>> ImportOutcomes::row(qint64 accountId, const QString& source,
                                                               const QString& providerId)
{
    m_row.bind(1, accountId).bind(2, source).bind(3, providerId);
    const auto found = m_row.next("read an imported transaction");
    if (!found.ok())
        return found.error();
    if (!found.value())
        return std::optional<Row>{};
    Row r{m_row.int64(0), m_row.text(1), m_row.int64(2), m_row.text(3), m_row.int64(4), m_row.int64(5)};
    m_row.reset();
    return std::optional<Row>(r);
}

// "Coffee Shop, 2026-03-02, -3.50 EUR, from a sync": the other side of a match, for the preview.
Result<QString> ImportOutcomes::describe(qint64 transactionId)
{
    m_byId.bind(1, transactionId);
    const auto found = m_byId.next("read a matched transaction");
    if (!found.ok())
        return found.error();
    if (!found.value())
        return QString();
    const model::Money amount(m_byId.int64(2), m_byId.text(3));
    const QString source = m_byId.text(4);
    const QString text = QStringLiteral("%1, %2, %3 %4, %5")
                             .arg(m_byId.text(0), m_byId.text(1), amount.toDecimalString(), amount.currency(),
                                  source.startsWith(u"import:") ? QStringLiteral("from an earlier import")
                                                                : QStringLiteral("from the bank's sync"));
    m_byId.reset();
    return text;
}

// Why a stored row is a match, and with what (0 when it is not one).
Result<QString> ImportOutcomes::matchReason(const Row& stored, qint64 runId, qint64* other)
{
    *other = 0;
    if (stored.matchedTo != 0 && stored.lastChangedRun == runId) {
        *other = stored.matchedTo;
        const auto with = describe(stored.matchedTo);
        if (!with.ok())
            return with.error();
        return QString(stored.matchReason + QStringLiteral(": ") + with.value());
    }
    // It took the place of a row already stored (a pending one it posts, a lower-quality source).
    m_foldedInto.bind(1, stored.id);
    while (true) {
        const auto next = m_foldedInto.next("read what an import matched");
        if (!next.ok())
            return next.error();
        if (!next.value())
            return QString();
        if (m_foldedInto.int64(2) == runId) {
            *other = m_foldedInto.int64(0);
            const QString reason = m_foldedInto.text(1);
            m_foldedInto.reset();
            const auto with = describe(*other);
            if (!with.ok())
                return with.error();
            return QString(reason + QStringLiteral(": ") + with.value());
        }
    }
}

Result<QHash<QString, QString>> ImportOutcomes::refusals(qint64 runId)
{
    // Reasons read "record 3 of page 1 (transaction id "X"): its currency ...".
    store::SqliteStatement q(m_db, "SELECT reason FROM raw_payloads WHERE sync_run_id = ?1");
    q.bind(1, runId);
    QHash<QString, QString> out;
    static const QString kIdStart = QStringLiteral("(transaction id \"");
    static const QString kIdEnd = QStringLiteral("\"): ");
    while (true) {
        const auto next = q.next("read why records were refused");
        if (!next.ok())
            return next.error();
        if (!next.value())
            return out;
        const QString reason = q.text(0);
        const qsizetype start = reason.indexOf(kIdStart);
        const qsizetype end = start < 0 ? -1 : reason.indexOf(kIdEnd, start + kIdStart.size());
        if (end > 0)
            out.insert(reason.mid(start + kIdStart.size(), end - start - kIdStart.size()),
                       reason.mid(end + kIdEnd.size()));
    }
}

model::Status ImportOutcomes::classify(const CollectingSink& file, const QHash<QString, qint64>& accountIds,
                                       const QString& source, qint64 runId, model::ImportReport& report)
{
    QSet<QPair<qint64, QString>> seen;              // a file listing one id twice stores it once
    std::optional<QHash<QString, QString>> refused; // read once, when a record turns out not stored
    report.items.reserve(file.transactions.size() + file.removals.size());
    for (const providers::ProviderTransaction& t : file.transactions) {
        ImportItem item;
        item.fileAccountId = t.accountProviderId;
        item.accountId = accountIds.value(t.accountProviderId);
        item.bookedOn = t.bookedOn;
        if (model::currency::isValidCode(t.amount.currency()))
            item.amount = t.amount;
        item.description = t.description.isEmpty() ? t.counterparty : t.description;
        const QString id = t.providerId.trimmed();
        if (!t.problem.isEmpty() || id.isEmpty()) {
            item.outcome = ImportOutcome::Invalid;
            item.reason = t.problem.isEmpty() ? QStringLiteral("the record has no id") : t.problem;
            ++report.counts.invalid;
            report.items.append(item);
            continue;
        }
        const auto stored = row(item.accountId, source, id);
        if (!stored.ok())
            return stored.error();
        const bool repeated = seen.contains({item.accountId, id});
        seen.insert({item.accountId, id});
        if (!stored.value()) {
            // The pipeline quarantined it (a problem only it can see, such as a currency unlike the account's).
            if (!refused) {
                auto reasons = refusals(runId);
                if (!reasons.ok())
                    return reasons.error();
                refused = std::move(reasons).value();
            }
            item.outcome = ImportOutcome::Invalid;
            item.reason = refused->value(id.left(64), QStringLiteral("it could not be stored"));
            ++report.counts.invalid;
        } else if (repeated) {
            item.outcome = ImportOutcome::Duplicate;
            item.reason = QStringLiteral("the file lists this transaction (id \"%1\") twice").arg(id.left(64));
            ++report.counts.duplicates;
        } else {
            const Row& r = *stored.value();
            qint64 other = 0;
            const auto reason = matchReason(r, runId, &other);
            if (!reason.ok())
                return reason.error();
            if (r.firstSeenRun == runId && other != 0) {
                item.outcome = ImportOutcome::Matched;
                item.reason = reason.value();
                item.matchedTransactionId = other;
                ++report.counts.matched;
            } else if (r.firstSeenRun == runId) {
                item.outcome = ImportOutcome::Added;
                ++report.counts.added;
            } else if (r.lastChangedRun == runId && r.status == u"removed") {
                item.outcome = ImportOutcome::Removed;
                ++report.counts.removed;
            } else if (r.lastChangedRun == runId) {
                item.outcome = ImportOutcome::Updated;
                item.reason = QStringLiteral("it changes what an earlier import stored");
                ++report.counts.updated;
            } else {
                item.outcome = ImportOutcome::Duplicate;
                item.reason = QStringLiteral("already imported");
                ++report.counts.duplicates;
            }
        }
        report.items.append(item);
    }
    for (const providers::RemovedTransaction& gone : file.removals) {
        const auto stored = row(accountIds.value(gone.accountProviderId), source, gone.providerId.trimmed());
        if (!stored.ok())
            return stored.error();
        if (!stored.value() || stored.value()->lastChangedRun != runId)
            continue; // never imported, or already removed: nothing happens
        ImportItem item;
        item.outcome = ImportOutcome::Removed;
        item.fileAccountId = gone.accountProviderId;
        item.accountId = accountIds.value(gone.accountProviderId);
        item.reason = QStringLiteral("the bank's correction deletes transaction \"%1\"").arg(gone.providerId.left(64));
        ++report.counts.removed;
        report.items.append(item);
    }
    return model::Ok{};
}

} // namespace coffer::importers

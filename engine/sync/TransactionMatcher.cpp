#include "sync/TransactionMatcher.h"

#include "store/TransactionRepository.h"
#include "sync/MatchScore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace coffer::sync {

using model::Ok;
using model::Result;
using model::Status;
using model::Transaction;
using model::TransactionStatus;
using store::EventKind;

namespace {

QString matchEvent(const char* role, qint64 otherId, const QString& reason, double score)
{
    const QJsonObject o{{QString::fromLatin1(role), otherId}, {QStringLiteral("reason"), reason},
                        {QStringLiteral("score"), qRound(score * 1000) / 1000.0}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// The best-scoring candidate that is not the row itself and not a pair the user split.
template <typename Score>
Result<std::optional<std::pair<Transaction, MatchScore>>> best(store::TransactionRepository& repo,
                                                               const QList<Transaction>& candidates,
                                                               const Transaction& stored, Score score)
{
    std::optional<std::pair<Transaction, MatchScore>> winner;
    for (const Transaction& c : candidates) {
        if (c.id == stored.id)
            continue;
        const auto s = score(c);
        if (!s || (winner && s->score <= winner->second.score))
            continue;
        const auto blocked = repo.isBlocked(c.id, stored.id);
        if (!blocked.ok())
            return blocked.error();
        if (!blocked.value())
            winner = std::make_pair(c, *s);
    }
    return winner;
}

} // namespace

TransactionMatcher::TransactionMatcher(store::TransactionRepository& transactions)
    : m_transactions(transactions)
{
}

void TransactionMatcher::beginPage()
{
    m_hasPending.clear();
    m_hasOtherSource.clear();
}

void TransactionMatcher::notePending(qint64 accountId)
{
    m_hasPending.insert(accountId, true);
}

Result<bool> TransactionMatcher::accountFlag(QHash<qint64, bool>& cache, qint64 accountId, bool pending,
                                             const QString& source)
{
    if (const auto it = cache.constFind(accountId); it != cache.cend())
        return it.value();
    auto answer = pending ? m_transactions.hasOpenPending(accountId) : m_transactions.hasOtherSource(accountId, source);
    if (answer.ok())
        cache.insert(accountId, answer.value());
    return answer;
}

Result<int> TransactionMatcher::matchStored(const Transaction& stored, qint64 runId)
{
    if (stored.status != TransactionStatus::Posted || stored.matchedTo != 0)
        return 0;
    int caught = 0;
    auto linked = foldLinkedPending(stored, runId);
    if (!linked.ok())
        return linked.error();
    caught += linked.value();
    if (linked.value() == 0) {
        auto scored = foldScoredPending(stored, runId);
        if (!scored.ok())
            return scored.error();
        caught += scored.value();
    }
    auto other = foldOtherSource(stored, runId);
    if (!other.ok())
        return other.error();
    return caught + other.value();
}

Result<int> TransactionMatcher::foldLinkedPending(const Transaction& posted, qint64 runId)
{
    if (posted.pendingProviderId.isEmpty())
        return 0;
    const auto pending = m_transactions.find(posted.accountId, posted.source, posted.pendingProviderId);
    if (!pending.ok())
        return pending.error();
    const auto& p = pending.value();
    // The bank's own link is final: it takes the pending back from a scored guess.
    if (!p || p->status != TransactionStatus::Pending || p->matchedTo == posted.id ||
        (p->matchedTo != 0 && p->matchScore >= 1.0))
        return 0;
    const auto blocked = m_transactions.isBlocked(p->id, posted.id);
    if (!blocked.ok())
        return blocked.error();
    if (blocked.value())
        return 0;
    const QString reason = QStringLiteral("Pending transaction replaced by its posted one: linked by the bank");
    if (p->matchedTo != 0) {
        const QString taken = QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("from"), p->id},
                                      {QStringLiteral("reason"), QStringLiteral("the bank linked it to another transaction")}})
                .toJson(QJsonDocument::Compact));
        if (auto s = m_transactions.addEvent(p->matchedTo, runId, EventKind::Unmatched, taken); !s.ok())
            return s.error();
    }
    if (auto s = fold(p->id, posted.id, reason, 1.0, runId); !s.ok())
        return s.error();
    return 1;
}

Result<int> TransactionMatcher::foldScoredPending(const Transaction& posted, qint64 runId)
{
    const auto any = accountFlag(m_hasPending, posted.accountId, true, posted.source);
    if (!any.ok())
        return any.error();
    if (!any.value())
        return 0;
    const auto [low, high] = pendingAmountRange(posted.amount.minorUnits());
    const auto candidates =
        m_transactions.openPending(posted.accountId, low, high, posted.bookedOn.addDays(-kPendingWindowDays),
                                   posted.bookedOn);
    if (!candidates.ok())
        return candidates.error();
    const auto winner = best(m_transactions, candidates.value(), posted,
                             [&](const Transaction& c) { return scorePendingToPosted(c, posted); });
    if (!winner.ok())
        return winner.error();
    if (!winner.value())
        return 0;
    const auto& [pending, score] = *winner.value();
    if (auto s = fold(pending.id, posted.id, score.reason, score.score, runId); !s.ok())
        return s.error();
    return 1;
}

Result<int> TransactionMatcher::foldOtherSource(const Transaction& stored, qint64 runId)
{
    const auto any = accountFlag(m_hasOtherSource, stored.accountId, false, stored.source);
    if (!any.ok())
        return any.error();
    if (!any.value())
        return 0;
    const auto candidates = m_transactions.openPostedFromOtherSources(
        stored.accountId, stored.source, stored.amount.minorUnits(),
        stored.bookedOn.addDays(-kCrossSourceWindowDays), stored.bookedOn.addDays(kCrossSourceWindowDays));
    if (!candidates.ok())
        return candidates.error();
    const auto winner = best(m_transactions, candidates.value(), stored,
                             [&](const Transaction& c) { return scoreCrossSource(c, stored); });
    if (!winner.ok())
        return winner.error();
    if (!winner.value())
        return 0;
    const auto& [other, score] = *winner.value();
    // The better source stays visible; on a tie, what the user already sees.
    if (sourceQuality(stored.source) <= sourceQuality(other.source)) {
        if (auto s = fold(stored.id, other.id, score.reason, score.score, runId); !s.ok())
            return s.error();
        return 1;
    }
    // The newcomer wins: the stored row, and whatever it had absorbed, fold into it.
    const auto absorbed = m_transactions.foldedInto(other.id);
    if (!absorbed.ok())
        return absorbed.error();
    for (const Transaction& a : absorbed.value()) {
        if (auto s = m_transactions.setMatch(a.id, stored.id, a.matchReason, a.matchScore, runId); !s.ok())
            return s.error();
    }
    if (auto s = fold(other.id, stored.id, score.reason, score.score, runId); !s.ok())
        return s.error();
    return 1;
}

Status TransactionMatcher::fold(qint64 foldedId, qint64 survivorId, const QString& reason, double score, qint64 runId)
{
    if (auto s = m_transactions.setMatch(foldedId, survivorId, reason, score, runId); !s.ok())
        return s;
    if (auto s = m_transactions.addEvent(foldedId, runId, EventKind::Matched, matchEvent("into", survivorId, reason, score));
        !s.ok())
        return s;
    return m_transactions.addEvent(survivorId, runId, EventKind::Matched,
                                   matchEvent("absorbed", foldedId, reason, score));
}

Result<int> TransactionMatcher::undo(qint64 transactionId, qint64 runId)
{
    const auto row = m_transactions.byId(transactionId);
    if (!row.ok())
        return row.error();
    if (!row.value())
        return model::Error::permanent(QStringLiteral("There is no transaction %1.").arg(transactionId));
    QList<std::pair<qint64, qint64>> pairs; // folded, survivor
    if (row.value()->matchedTo != 0) {
        pairs.append({transactionId, row.value()->matchedTo});
    } else {
        const auto folded = m_transactions.foldedInto(transactionId);
        if (!folded.ok())
            return folded.error();
        for (const Transaction& f : folded.value())
            pairs.append({f.id, transactionId});
    }
    const auto split = [](qint64 other) {
        return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("from"), other},
                                                           {QStringLiteral("reason"), QStringLiteral("split by the user")}})
                                     .toJson(QJsonDocument::Compact));
    };
    for (const auto& [folded, survivor] : pairs) {
        Status s = m_transactions.setMatch(folded, 0, {}, 0, runId);
        if (s.ok())
            s = m_transactions.block(folded, survivor);
        if (s.ok())
            s = m_transactions.addEvent(folded, runId, EventKind::Unmatched, split(survivor));
        if (s.ok())
            s = m_transactions.addEvent(survivor, runId, EventKind::Unmatched, split(folded));
        if (!s.ok())
            return s.error();
    }
    return int(pairs.size());
}

} // namespace coffer::sync

#include "MatchTally.h"

#include "model/Money.h"
#include "store/Database.h"

#include <QSqlQuery>

#include <algorithm>

namespace coffer::bench {

namespace {

constexpr int kExamples = 4; // per case: enough to see a pattern, short enough to read

double share(qint64 part, qint64 whole)
{
    return whole == 0 ? 0.0 : double(part) / double(whole);
}

} // namespace

model::Result<MatchTally> MatchTally::read(store::Database& db, const MatchDataSet& data)
{
    MatchTally tally;
    if (auto loaded = tally.load(db, data); !loaded.ok())
        return loaded.error();
    tally.score();
    return tally;
}

model::Status MatchTally::load(store::Database& db, const MatchDataSet& data)
{
    QSqlQuery q(db.handle());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, provider_id, source, status, booked_on, amount_minor, description_raw, "
                               "matched_to, match_reason FROM transactions")))
        return model::Error::storage(QStringLiteral("cannot read back the matches"));
    while (q.next()) {
        Row r;
        r.id = q.value(0).toLongLong();
        r.providerId = q.value(1).toString();
        r.source = q.value(2).toString();
        r.status = q.value(3).toString();
        r.bookedOn = QDate::fromString(q.value(4).toString(), Qt::ISODate);
        r.cents = q.value(5).toLongLong();
        r.description = q.value(6).toString();
        r.matchedTo = q.value(7).isNull() ? 0 : q.value(7).toLongLong();
        r.reason = q.value(8).toString();
        r.truth = data.truth(r.providerId);
        if (r.truth.transaction < 0)
            ++m_unlabelled;
        m_byTruth[r.truth.transaction].append(r.id);
        m_rows.insert(r.id, r);
    }
    return model::Ok{};
}

void MatchTally::score()
{
    QHash<qint64, int> correctByTruth;
    for (const Row& r : std::as_const(m_rows)) {
        ++m_records[size_t(r.truth.kase)];
        if (r.matchedTo == 0)
            continue;
        const Row survivor = m_rows.value(r.matchedTo);
        const bool correct = survivor.id != 0 && survivor.truth.transaction == r.truth.transaction;
        // An id-linked case: a pending the provider linked to its posted transaction, wherever it went.
        // (A bank file's copy folded into that posted row is a cross-source decision, scored there.)
        const bool linked = r.truth.kase == MatchCase::Linked;
        ++m_predicted;
        m_linkedPredicted += linked;
        if (correct) {
            ++m_correct;
            m_linkedCorrect += linked;
            ++m_found[size_t(r.truth.kase)];
            ++correctByTruth[r.truth.transaction];
        } else {
            ++m_wrongFolded[size_t(r.truth.kase)];
            ++m_wrongByCases[matchCaseName(r.truth.kase) + QStringLiteral(" -> ") + matchCaseName(survivor.truth.kase)];
            ++m_wrongByReason[r.reason.section(u':', 0, 0)];
            m_wrong.append(r.id);
        }
    }
    for (auto it = m_byTruth.cbegin(); it != m_byTruth.cend(); ++it) {
        const QList<qint64>& ids = it.value();
        m_duplicatePairs += ids.size() - 1;
        // The row that should stay visible: the connection's posted one when there is one.
        qint64 keep = ids.first();
        for (const qint64 id : ids) {
            const Row& r = m_rows[id];
            if (r.status == u"posted" && r.source.startsWith(u"connection:")) {
                keep = id;
                break;
            }
        }
        for (const qint64 id : ids) {
            if (id != keep)
                ++m_expected[size_t(m_rows[id].truth.kase)];
        }
        if (correctByTruth.value(it.key()) < ids.size() - 1)
            m_missed.append(it.key());
        // What the user sees: a wrong pair often leaves the ledger right (each row still hides
        // behind a look-alike); it is wrong when a transaction shows twice or not at all.
        const auto visible = std::count_if(ids.cbegin(), ids.cend(), [&](qint64 id) {
            return m_rows[id].matchedTo == 0 && m_rows[id].status != u"removed";
        });
        m_shownTwice += visible > 1;
        m_hidden += visible == 0;
    }
    std::sort(m_wrong.begin(), m_wrong.end());
}

double MatchTally::precision() const
{
    return share(m_correct, m_predicted);
}

double MatchTally::recall() const
{
    return share(m_correct, m_duplicatePairs);
}

double MatchTally::linkedPrecision() const
{
    return share(m_linkedCorrect, m_linkedPredicted);
}

QString MatchTally::describe(const Row& r) const
{
    return QStringLiteral("#%1 %2 %3 %4 %5 %6 \"%7\" [%8, real tx %9]")
        .arg(r.id)
        .arg(r.source.startsWith(u"import:") ? QStringLiteral("file") : QStringLiteral("conn"), r.providerId,
             r.bookedOn.toString(Qt::ISODate), model::Money(r.cents, QStringLiteral("USD")).toDecimalString(), r.status,
             r.description, matchCaseName(r.truth.kase))
        .arg(r.truth.transaction);
}

void MatchTally::explainTruth(std::FILE* out, qint64 truth) const
{
    for (const qint64 id : m_byTruth.value(truth)) {
        const Row& r = m_rows[id];
        std::fprintf(out, "      %s -> %s\n", qPrintable(describe(r)),
                     r.matchedTo ? qPrintable(QString::number(r.matchedTo)) : "visible");
    }
}

void MatchTally::explain(std::FILE* out) const
{
    std::fprintf(out, "match: %lld rows, %lld predicted pairs (%lld correct), %lld duplicate pairs stored\n",
                 qint64(m_rows.size()), m_predicted, m_correct, m_duplicatePairs);
    std::fprintf(out, "  %-13s %8s %10s %8s %8s %12s\n", "case", "rows", "dup-pairs", "found", "missed", "wrong-folds");
    for (int c = 0; c < kMatchCaseCount; ++c) {
        std::fprintf(out, "  %-13s %8lld %10lld %8lld %8lld %12lld\n", qPrintable(matchCaseName(MatchCase(c))),
                     m_records[c], m_expected[c], m_found[c], m_expected[c] - m_found[c], m_wrongFolded[c]);
    }
    for (auto it = m_wrongByCases.cbegin(); it != m_wrongByCases.cend(); ++it)
        std::fprintf(out, "  wrong folds %s: %lld\n", qPrintable(it.key()), it.value());
    for (auto it = m_wrongByReason.cbegin(); it != m_wrongByReason.cend(); ++it)
        std::fprintf(out, "  wrong folds by \"%s\": %lld\n", qPrintable(it.key()), it.value());
    std::fprintf(out, "  real transactions shown twice: %lld, shown not at all: %lld (of %lld)\n", m_shownTwice,
                 m_hidden, qint64(m_byTruth.size()));

    std::array<int, kMatchCaseCount> shown{};
    for (const qint64 id : m_wrong) {
        const Row& r = m_rows[id];
        if (shown[size_t(r.truth.kase)]++ >= kExamples)
            continue;
        std::fprintf(out, "  WRONG %s\n     into %s\n     because \"%s\"\n     its real transaction:\n",
                     qPrintable(describe(r)), qPrintable(describe(m_rows[r.matchedTo])), qPrintable(r.reason));
        explainTruth(out, r.truth.transaction);
    }
    shown = {};
    for (const qint64 truth : m_missed) {
        // Counted under the case of the real transaction's first record.
        const MatchCase kase = m_rows[m_byTruth.value(truth).first()].truth.kase;
        if (shown[size_t(kase)]++ >= kExamples)
            continue;
        std::fprintf(out, "  MISSED real tx %lld:\n", truth);
        explainTruth(out, truth);
    }
}

} // namespace coffer::bench

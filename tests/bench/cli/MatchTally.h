#pragma once

#include "MatchDataSet.h"
#include "model/Result.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMap>

#include <array>
#include <cstdio>

namespace coffer::store {
class Database;
}

namespace coffer::bench {

// Scores the matcher against a MatchDataSet: reads back from SQLite which stored row was folded
// into which (matched_to) and compares every such pair (folded row, survivor) with the records'
// real transactions. A pair is correct when both rows stand for the same real transaction.
class MatchTally {
public:
    // Reads the store back and scores it; an error when it cannot be read.
    static model::Result<MatchTally> read(store::Database& db, const MatchDataSet& data);

    qint64 storedRows() const { return m_rows.size(); }
    qint64 unlabelledRows() const { return m_unlabelled; }
    // Correct pairs / predicted pairs.
    double precision() const;
    // Correct pairs / duplicate pairs the store holds (k - 1 for a transaction stored k times).
    double recall() const;
    // Precision over the folds of provider-linked pending transactions.
    double linkedPrecision() const;

    // Per-case counts and a few concrete mistakes, for whoever has to find out why.
    void explain(std::FILE* out) const;

private:
    struct Row {
        qint64 id = 0;
        QString providerId;
        QString source;
        QString status;
        QDate bookedOn;
        qint64 cents = 0;
        QString description;
        qint64 matchedTo = 0;
        QString reason;
        MatchDataSet::Truth truth;
    };
    MatchTally() = default;
    model::Status load(store::Database& db, const MatchDataSet& data);
    void score();
    QString describe(const Row& r) const;
    void explainTruth(std::FILE* out, qint64 truth) const;

    QHash<qint64, Row> m_rows;
    QMap<qint64, QList<qint64>> m_byTruth; // real transaction -> stored row ids
    qint64 m_unlabelled = 0;
    qint64 m_predicted = 0;
    qint64 m_correct = 0;
    qint64 m_duplicatePairs = 0;
    qint64 m_linkedPredicted = 0;
    qint64 m_linkedCorrect = 0;
    std::array<qint64, kMatchCaseCount> m_records{};
    std::array<qint64, kMatchCaseCount> m_expected{}; // duplicate pairs, by the case of the row to fold
    std::array<qint64, kMatchCaseCount> m_found{};
    std::array<qint64, kMatchCaseCount> m_wrongFolded{};
    QMap<QString, qint64> m_wrongByCases;  // "unlinked -> single"
    QMap<QString, qint64> m_wrongByReason; // the matcher's reason, up to its first ':'
    qint64 m_shownTwice = 0;               // real transactions with more than one visible row
    qint64 m_hidden = 0;                   // real transactions with none
    QList<qint64> m_wrong;                 // folded rows of incorrect pairs
    QList<qint64> m_missed;                // real transactions with a duplicate pair not found
};

} // namespace coffer::bench

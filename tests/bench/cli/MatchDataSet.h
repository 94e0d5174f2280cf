#pragma once

#include "BenchRandom.h"
#include "MerchantCatalog.h"
#include "providers/Connector.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QStringList>

namespace coffer::bench {

// Which situation a record was generated for; the matcher is scored per case.
enum class MatchCase {
    Linked,      // pending -> posted, the posted one carrying the provider's link
    Unlinked,    // pending -> posted without a link, restaurant tips included
    CrossSource, // the same posted transaction from the connection and from a bank file
    LookAlike,   // different transactions that look alike: must stay apart
    Single,      // delivered once, by one source
};
constexpr int kMatchCaseCount = 5;
QString matchCaseName(MatchCase c);

// A labelled data set for `coffer-bench match`: records from a connection and from an
// "import:bank-file" source into the same accounts, each knowing the real transaction it stands
// for. Delivered in 30-day blocks, alternately connection first and file first, pages of 500.
// Three years of history: 200,000 records over 20 accounts is ~5 real transactions per account and
// day, with the same coffee shop most days - as many look-alikes as a busy household account has.
class MatchDataSet {
public:
    struct Truth {
        qint64 transaction = -1; // records with the same number are the same real transaction
        MatchCase kase = MatchCase::Single;
    };
    struct Delivery {
        bool fromImport = false;
        providers::Page page;
    };

    MatchDataSet(qint64 records, int accounts, const QDate& lastDay);

    const QList<Delivery>& deliveries() const { return m_deliveries; }
    qint64 recordCount() const { return m_truth.size(); }
    // By provider id, unique across both sources ("c..." connection, "i..." file).
    Truth truth(const QString& providerId) const { return m_truth.value(providerId); }

    static constexpr int kDays = 3 * 365;
    static constexpr int kBlockDays = 30;
    static constexpr int kPageSize = 500;

private:
    struct Draft {
        providers::ProviderTransaction record;
        bool fromImport = false;
        int block = 0; // 30-day block of the real transaction's first record
    };
    struct Posted {
        QString account;
        QDate day;
        const Merchant* merchant = nullptr;
        qint64 cents = 0;
        QString checkNumber;            // checks: printed in both descriptions
        bool fileHasCheckNumber = true; // some bank files carry it only in the text
    };

    void linked(bool withLink);
    void crossSource();
    void lookAlike();
    void subscription();
    void single();

    // Records of one real transaction; each returns the new record's provider id.
    QString fromConnection(const Posted& p, qint64 truth, MatchCase kase, const QDate& base);
    QString pendingFromConnection(const Posted& p, qint64 truth, MatchCase kase);
    QString fromFile(const Posted& p, qint64 truth, MatchCase kase, const QDate& base);
    QString put(providers::ProviderTransaction record, bool fromImport, qint64 truth, MatchCase kase,
                const QDate& base);
    void both(const Posted& p, int maxShift, qint64 truth, MatchCase kase);

    // A posted transaction at m on a random day in a random account.
    Posted draw(const Merchant& m);
    QString account();
    QDate day();
    void deliverInBlocks();

    BenchRandom m_rng;
    MerchantCatalog m_catalog;
    QStringList m_accounts;
    QDate m_firstDay;
    qint64 m_nextTruth = 0;
    qint64 m_nextId = 0;
    QList<Draft> m_drafts;
    QHash<QString, Truth> m_truth;
    struct Series {
        int dayOfMonth = 1;
        QList<bool> charged; // by month of the data set
    };
    QHash<QString, Series> m_series; // account + subscription -> its monthly charges
    QList<Delivery> m_deliveries;
};

} // namespace coffer::bench

// Searching, filtering, sorting and adding up transactions as the transaction view asks for them,
// over a real database written through the sync pipeline.

#include "store/TransactionQuery.h"
#include "model/Connection.h"
#include "store/AccountRepository.h"
#include "store/ConnectionRepository.h"
#include "store/Database.h"
#include "store/SyncRunRepository.h"
#include "store/TransactionReader.h"
#include "sync/PageWriter.h"

#include "TestSupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace coffer::test {
namespace {

using store::SortColumn;
using store::TransactionFilter;
using store::TransactionQuery;

struct Record {
    const char* account; // "checking" (USD, connection Main) or "wallet" (JPY, connection Travel)
    const char* id;
    qint64 minor;
    const char* description;
    const char* payee;
    const char* category;
    QDate bookedOn;
    bool pending = false;
};

class TransactionQueryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto db = store::Database::open(m_dir.path());
        ASSERT_TRUE(db.ok());
        m_db = std::move(db).value();
        m_main = addConnection("Main", "checking", "Everyday Checking", "USD", m_mainTarget);
        m_travel = addConnection("Travel", "wallet", "Tokyo Wallet", "JPY", m_travelTarget);
        commit(m_mainTarget,
               {
                   {"checking", "c1", -495, "Blue Bottle Coffee", "Blue Bottle", "Dining", QDate(2026, 11, 1)},
                   {"checking", "c2", -1268, "CHIPOTLE ONLINE #42", "Chipotle", "Dining", QDate(2026, 11, 2)},
                   {"checking", "c3", 250000, "Payroll ACME Corp", "ACME", "Income", QDate(2026, 11, 3)},
                   {"checking", "c4", -7782, "Comcast Xfinity", "Xfinity", "Utilities", QDate(2026, 11, 3)},
                   {"checking", "c5", -1250, "Café Crème \"Le Petit\"", "Le Petit", "Dining", QDate(2026, 11, 4), true},
               });
        commit(m_travelTarget,
               {
                   {"wallet", "w1", -1110, "Ichiran Shibuya", "Ichiran Ramen", "Dining", QDate(2026, 11, 2)},
                   {"wallet", "w2", -25, "Lawson Akihabara", "Lawson", "Groceries", QDate(2026, 11, 4)},
               });
        auto reader = store::TransactionReader::open(m_db->path());
        ASSERT_TRUE(reader.ok()) << reader.error().userMessage.toStdString();
        m_reader = reader.value();
    }

    qint64 addConnection(const char* name, const char* accountProviderId, const char* accountName, const char* currency,
                         sync::PageWriter::Target& target)
    {
        const auto conn = store::ConnectionRepository(*m_db).insert(
            model::ConnectionSpec{QStringLiteral("demo"), QString::fromLatin1(name), {}, {}},
            QStringLiteral("Demo Bank"), fixedNow());
        EXPECT_TRUE(conn.ok());
        model::Account account;
        account.providerId = QString::fromLatin1(accountProviderId);
        account.name = QString::fromLatin1(accountName);
        account.currency = QString::fromLatin1(currency);
        const auto accountId = store::AccountRepository(*m_db).upsert(conn.value(), account);
        EXPECT_TRUE(accountId.ok());
        const auto run = store::SyncRunRepository(*m_db).begin(conn.value(), QStringLiteral("manual"), fixedNow());
        EXPECT_TRUE(run.ok());
        target.connectionId = conn.value();
        target.runId = run.value();
        target.source = QStringLiteral("connection:%1").arg(conn.value());
        target.accountIds.insert(account.providerId, accountId.value());
        target.today = QDate(2026, 11, 5);
        m_accountIds.insert(QString::fromLatin1(accountProviderId), accountId.value());
        return conn.value();
    }

    void commit(const sync::PageWriter::Target& target, const QList<Record>& records)
    {
        providers::Page page;
        for (const Record& r : records) {
            providers::ProviderTransaction t;
            t.accountProviderId = QString::fromLatin1(r.account);
            t.providerId = QString::fromLatin1(r.id);
            t.bookedOn = r.bookedOn;
            t.amount = model::Money(r.minor, r.account == std::string_view("wallet") ? QStringLiteral("JPY")
                                                                                     : QStringLiteral("USD"));
            t.description = QString::fromUtf8(r.description);
            t.counterparty = QString::fromUtf8(r.payee);
            t.category = QString::fromLatin1(r.category);
            t.pending = r.pending;
            page.added.append(t);
        }
        const auto counts = sync::PageWriter(*m_db).commit(target, page);
        ASSERT_TRUE(counts.ok()) << counts.error().userMessage.toStdString();
    }

    // Provider ids of every row the query lists, fetched two at a time so the keyset paging is
    // exercised across page boundaries.
    QStringList list(const TransactionQuery& query)
    {
        QStringList ids;
        store::ListPosition after;
        for (;;) {
            const auto page = m_reader->page(query, after, 2);
            EXPECT_TRUE(page.ok()) << page.error().userMessage.toStdString();
            if (!page.ok() || page.value().isEmpty())
                return ids;
            for (const store::TransactionRow& row : page.value())
                ids.append(row.transaction.providerId);
            after = store::TransactionReader::positionAfter(page.value().last(), query.sortColumn);
            if (page.value().size() < 2)
                return ids;
        }
    }

    QStringList search(const QString& typed)
    {
        TransactionQuery query;
        query.filter.search = typed;
        return list(query);
    }

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    std::shared_ptr<store::TransactionReader> m_reader;
    sync::PageWriter::Target m_mainTarget;
    sync::PageWriter::Target m_travelTarget;
    QHash<QString, qint64> m_accountIds;
    qint64 m_main = 0;
    qint64 m_travel = 0;
};

TEST_F(TransactionQueryTest, NewestFirstByDefault)
{
    EXPECT_EQ(list({}),
              (QStringList{QStringLiteral("w2"), QStringLiteral("c5"), QStringLiteral("c4"), QStringLiteral("c3"),
                           QStringLiteral("w1"), QStringLiteral("c2"), QStringLiteral("c1")}));
}

TEST_F(TransactionQueryTest, SearchMatchesWordPrefixesInDescriptionPayeeAndMemo)
{
    EXPECT_EQ(search(QStringLiteral("blue bot")), QStringList{QStringLiteral("c1")});
    EXPECT_EQ(search(QStringLiteral("chip")), QStringList{QStringLiteral("c2")});
    EXPECT_EQ(search(QStringLiteral("ramen")), QStringList{QStringLiteral("w1")});      // the payee only
    EXPECT_EQ(search(QStringLiteral("CAFE creme")), QStringList{QStringLiteral("c5")}); // accents and case ignored
    EXPECT_TRUE(search(QStringLiteral("bottle chipotle")).isEmpty());                   // every word must match
    EXPECT_TRUE(search(QStringLiteral("nothing-like-this")).isEmpty());
}

TEST_F(TransactionQueryTest, SearchTreatsWhatIsTypedAsTextNeverAsQuerySyntax)
{
    EXPECT_EQ(search(QStringLiteral("\"le petit")), QStringList{QStringLiteral("c5")});
    EXPECT_EQ(search(QStringLiteral("#42")), QStringList{QStringLiteral("c2")});
    for (const char* hostile : {"AND", "OR NOT", "NEAR(", "*", "-", "\"\"", "payroll)", "col:umn", "^acme"}) {
        TransactionQuery query;
        query.filter.search = QString::fromLatin1(hostile);
        const auto page = m_reader->page(query, {}, 50);
        EXPECT_TRUE(page.ok()) << hostile << ": " << (page.ok() ? "" : page.error().userMessage.toStdString());
    }
    EXPECT_EQ(search(QStringLiteral("payroll)")), QStringList{QStringLiteral("c3")});
    EXPECT_EQ(search(QStringLiteral("-")).size(), 7); // nothing searchable typed: everything listed
}

TEST_F(TransactionQueryTest, SearchFollowsEditsAndRemovals)
{
    // A modified description is found by its new words only.
    providers::Page page;
    providers::ProviderTransaction changed;
    changed.accountProviderId = QStringLiteral("checking");
    changed.providerId = QStringLiteral("c4");
    changed.bookedOn = QDate(2026, 11, 3);
    changed.amount = model::Money(-7782, QStringLiteral("USD"));
    changed.description = QStringLiteral("Spectrum Internet");
    changed.counterparty = QStringLiteral("Spectrum");
    changed.category = QStringLiteral("Utilities");
    page.modified.append(changed);
    ASSERT_TRUE(sync::PageWriter(*m_db).commit(m_mainTarget, page).ok());
    EXPECT_EQ(search(QStringLiteral("spectrum")), QStringList{QStringLiteral("c4")});
    EXPECT_TRUE(search(QStringLiteral("comcast")).isEmpty());

    // A transaction deleted from the store (retention) leaves the index too.
    QSqlQuery q(m_db->handle());
    ASSERT_TRUE(q.exec(QStringLiteral("DELETE FROM transactions WHERE provider_id = 'c1'")));
    EXPECT_TRUE(search(QStringLiteral("blue")).isEmpty());

    // The newest row deleted, then a new one that may take its id: found, and the index whole.
    ASSERT_TRUE(q.exec(QStringLiteral("DELETE FROM transactions WHERE id = (SELECT MAX(id) FROM transactions)")));
    commit(m_travelTarget,
           {{"wallet", "w9", -300, "Family Mart Ginza", "FamilyMart", "groceries", QDate(2026, 11, 5)}});
    EXPECT_EQ(search(QStringLiteral("famil")), QStringList{QStringLiteral("w9")});
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO transactions_fts (transactions_fts) VALUES ('integrity-check')")))
        << q.lastError().text().toStdString();
}

TEST_F(TransactionQueryTest, FiltersNarrowByAccountConnectionDatesStatusAndCategory)
{
    TransactionQuery query;
    query.filter.connectionId = m_travel;
    EXPECT_EQ(list(query), (QStringList{QStringLiteral("w2"), QStringLiteral("w1")}));

    query = {};
    query.filter.accountId = m_accountIds.value(QStringLiteral("checking"));
    query.filter.from = QDate(2026, 11, 2);
    query.filter.to = QDate(2026, 11, 3);
    EXPECT_EQ(list(query), (QStringList{QStringLiteral("c4"), QStringLiteral("c3"), QStringLiteral("c2")}));

    query = {};
    query.filter.status = TransactionFilter::Status::Pending;
    EXPECT_EQ(list(query), QStringList{QStringLiteral("c5")});
    query.filter.status = TransactionFilter::Status::Posted;
    EXPECT_EQ(list(query).size(), 6);

    query = {};
    query.filter.category = QStringLiteral("dining"); // the pipeline keeps categories in lower case
    query.filter.search = QStringLiteral("ic");       // with a search too: both apply
    EXPECT_EQ(list(query), (QStringList{QStringLiteral("w1")}));
}

TEST_F(TransactionQueryTest, AmountRangeIsOnTheSizeOfTheAmountInEachCurrency)
{
    TransactionQuery query;
    query.filter.minMagnitude = store::parseMagnitude(QStringLiteral("12.50"));
    query.filter.maxMagnitude = store::parseMagnitude(QStringLiteral("100"));
    // USD 12.68, 77.82, 12.50 (pending) and JPY 25; not JPY 1,110, USD 4.95 or USD 2,500.
    EXPECT_EQ(list(query),
              (QStringList{QStringLiteral("w2"), QStringLiteral("c5"), QStringLiteral("c4"), QStringLiteral("c2")}));
}

TEST_F(TransactionQueryTest, EveryColumnSortsBothWaysAcrossPages)
{
    TransactionQuery query;
    query.sortColumn = SortColumn::Amount;
    query.descending = false;
    // Each currency's amounts together (yen and dollars are not comparable), smallest first.
    EXPECT_EQ(list(query),
              (QStringList{QStringLiteral("w1"), QStringLiteral("w2"), QStringLiteral("c4"), QStringLiteral("c2"),
                           QStringLiteral("c5"), QStringLiteral("c1"), QStringLiteral("c3")}));
    query.sortColumn = SortColumn::Counterparty;
    EXPECT_EQ(list(query),
              (QStringList{QStringLiteral("c3"), QStringLiteral("c1"), QStringLiteral("c2"), QStringLiteral("w1"),
                           QStringLiteral("w2"), QStringLiteral("c5"), QStringLiteral("c4")}));
    query.descending = true;
    EXPECT_EQ(list(query).first(), QStringLiteral("c4"));
    query.sortColumn = SortColumn::Account;
    query.descending = false;
    const QStringList byAccount = list(query);
    EXPECT_EQ(byAccount.mid(0, 5).filter(QStringLiteral("c")).size(), 5); // Everyday Checking before Tokyo Wallet
    query.sortColumn = SortColumn::Status;
    EXPECT_EQ(list(query).first(), QStringLiteral("c5")); // pending before posted
    query.sortColumn = SortColumn::Description;
    EXPECT_EQ(list(query).first(), QStringLiteral("c1")); // Blue Bottle Coffee
}

TEST_F(TransactionQueryTest, TotalsAddUpWhatIsListedPerCurrency)
{
    const auto all = m_reader->totals({});
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all.value().size(), 2);
    const store::CurrencyTotal& jpy = all.value().at(0);
    const store::CurrencyTotal& usd = all.value().at(1);
    EXPECT_EQ(jpy.currency, QStringLiteral("JPY"));
    EXPECT_EQ(jpy.count, 2);
    EXPECT_EQ(jpy.outflowMinor, -1135);
    EXPECT_EQ(usd.count, 5);
    EXPECT_EQ(usd.inflowMinor, 250000);
    EXPECT_EQ(usd.outflowMinor, -495 - 1268 - 7782 - 1250);
    EXPECT_EQ(usd.netMinor(), 250000 - 495 - 1268 - 7782 - 1250);

    TransactionFilter dining;
    dining.category = QStringLiteral("dining");
    dining.connectionId = m_main;
    const auto filtered = m_reader->totals(dining);
    ASSERT_TRUE(filtered.ok());
    ASSERT_EQ(filtered.value().size(), 1);
    EXPECT_EQ(filtered.value().at(0).count, 3);
    EXPECT_EQ(filtered.value().at(0).netMinor(), -495 - 1268 - 1250);
}

TEST_F(TransactionQueryTest, FilterChoicesListAccountsAndCategoriesInUse)
{
    const auto accounts = m_reader->accounts();
    ASSERT_TRUE(accounts.ok());
    ASSERT_EQ(accounts.value().size(), 2);
    EXPECT_EQ(accounts.value().at(0).name, QStringLiteral("Everyday Checking"));
    EXPECT_EQ(accounts.value().at(0).connectionName, QStringLiteral("Main"));
    EXPECT_EQ(accounts.value().at(1).currency, QStringLiteral("JPY"));
    const auto categories = m_reader->categories();
    ASSERT_TRUE(categories.ok());
    EXPECT_EQ(categories.value(), (QStringList{QStringLiteral("dining"), QStringLiteral("groceries"),
                                               QStringLiteral("income"), QStringLiteral("utilities")}));
}

TEST(TransactionQueryText, AmountsParseWithoutFloatingPoint)
{
    EXPECT_EQ(store::parseMagnitude(QStringLiteral("12.5")), 125000);
    EXPECT_EQ(store::parseMagnitude(QStringLiteral("-1,234.56")), 12345600);
    EXPECT_EQ(store::parseMagnitude(QStringLiteral("1.234,56"), u','), 12345600);
    EXPECT_EQ(store::parseMagnitude(QStringLiteral("0.0001")), 1);
    EXPECT_EQ(store::parseMagnitude(QStringLiteral("7")), 70000);
    EXPECT_FALSE(store::parseMagnitude(QStringLiteral("0.00001")));
    EXPECT_FALSE(store::parseMagnitude(QStringLiteral("12a")));
    EXPECT_FALSE(store::parseMagnitude(QStringLiteral("1.2.3")));
    EXPECT_FALSE(store::parseMagnitude(QStringLiteral("")));
    EXPECT_FALSE(store::parseMagnitude(QStringLiteral("99999999999999999999")));
}

TEST(TransactionQueryText, TypedWordsBecomeQuotedPrefixes)
{
    EXPECT_EQ(store::ftsQueryFor(QStringLiteral("  blue  bot ")), QStringLiteral("\"blue\"* \"bot\"*"));
    EXPECT_EQ(store::ftsQueryFor(QStringLiteral("say \"hi")), QStringLiteral("\"say\"* \"\"\"hi\"*"));
    EXPECT_EQ(store::ftsQueryFor(QStringLiteral("- & *")), QString());
    // A single letter would match most of a large ledger: the search waits for the word to grow.
    EXPECT_EQ(store::ftsQueryFor(QStringLiteral("c")), QString());
    EXPECT_EQ(store::ftsQueryFor(QStringLiteral("whole f")), QStringLiteral("\"whole\"*"));
    EXPECT_EQ(store::ftsQueryFor(QStringLiteral("7 eleven")), QStringLiteral("\"eleven\"*"));
    EXPECT_EQ(store::ftsQueryFor(QStringLiteral("#42")), QStringLiteral("\"#42\"*"));
}

} // namespace
} // namespace coffer::test

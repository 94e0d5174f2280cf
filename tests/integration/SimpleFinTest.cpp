// SimpleFIN Bridge over real HTTP: the connector against a protocol-faithful fake on loopback
// (accounts, 60-day windows, Basic auth, every fault a server can throw), then the real engine
// retrying a struggling server on a simulated clock.

#include "../fakes/SimpleFinFake.h"
#include "EngineHarness.h"
#include "providers/simplefin/SimpleFinConnector.h"
#include "secrets/CredentialStore.h"

#include <algorithm>

#include <QDirIterator>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace coffer;
using providers::FetchContext;
using providers::Page;
using providers::ProviderAccount;
using providers::ProviderTransaction;
using providers::simplefin::SimpleFinConnector;
using test::SimpleFinFake;

namespace {

constexpr qint64 kDay = 24 * 3600;

class SimpleFinTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_fake.listen()); }

    FetchContext context(const QVariantMap& options = {}) const
    {
        FetchContext c;
        c.connectionId = 7;
        c.secret = m_fake.accessUrl();
        c.options = options;
        return c;
    }

    template <typename T, typename Call> std::optional<model::Result<T>> await(Call call)
    {
        std::optional<model::Result<T>> out;
        int calls = 0;
        call([&](model::Result<T> r) {
            ++calls;
            out = std::move(r);
        });
        EXPECT_TRUE(test::waitFor([&] { return out.has_value(); }, 15000));
        QTest::qWait(20); // a second callback would show here
        EXPECT_EQ(calls, 1) << "the callback runs exactly once";
        return out;
    }

    model::Result<QList<ProviderAccount>> accounts(const FetchContext& c)
    {
        auto r = await<QList<ProviderAccount>>([&](auto done) { m_connector.listAccounts(c, done); });
        return r ? *r : model::Error::permanent(QStringLiteral("no answer"));
    }

    model::Result<Page> fetch(const FetchContext& c)
    {
        auto r = await<Page>([&](auto done) { m_connector.fetchChanges(c, done); });
        return r ? *r : model::Error::permanent(QStringLiteral("no answer"));
    }

    model::Result<Page> fetchWindow(const FetchContext& c, const QDate& from, const QDate& to)
    {
        auto r = await<Page>([&](auto done) { m_connector.fetchWindow(c, from, to, done); });
        return r ? *r : model::Error::permanent(QStringLiteral("no answer"));
    }

    model::Error accountsError(const FetchContext& c)
    {
        auto r = accounts(c);
        EXPECT_FALSE(r.ok());
        return r.ok() ? model::Error{} : r.error();
    }

    // The fake's transactions a sync over [from, to) must deliver (pending ones filed by when they happened).
    QList<SimpleFinFake::Transaction> expectedBetween(qint64 from, qint64 to) const
    {
        QList<SimpleFinFake::Transaction> out;
        for (const auto& t : m_fake.transactions()) {
            const qint64 at = t.posted != 0 ? t.posted : t.transactedAt;
            if (at >= from && at < to)
                out << t;
        }
        return out;
    }

    QString currencyOf(const QString& accountId) const
    {
        for (const auto& a : m_fake.accounts()) {
            if (a.id == accountId)
                return a.currency;
        }
        return {};
    }

    const qint64 m_now = test::fixedNow().toSecsSinceEpoch();
    schedule::ManualClock m_clock{test::fixedNow()};
    SimpleFinFake m_fake{test::fixedNow()};
    SimpleFinConnector m_connector{m_clock};
};

} // namespace

TEST_F(SimpleFinTest, DescribesItselfWithTheBridgeLimits)
{
    const auto info = m_connector.describe();
    EXPECT_EQ(info.id, QStringLiteral("simplefin"));
    EXPECT_EQ(info.displayName, QStringLiteral("SimpleFIN Bridge"));
    EXPECT_EQ(info.paging, providers::Paging::DateWindow);
    EXPECT_EQ(info.historyDays, 90);
    EXPECT_EQ(info.minIntervalSeconds, 300);
    EXPECT_EQ(info.dailyCallBudgetPerAccount, 24);
    EXPECT_TRUE(info.needsNetwork);
}

TEST_F(SimpleFinTest, ListsAccountsWithBalancesOnly)
{
    const auto listed = accounts(context());
    ASSERT_TRUE(listed.ok()) << listed.error().userMessage.toStdString();
    ASSERT_EQ(listed->size(), 3);
    EXPECT_EQ(listed->at(0).providerId, QStringLiteral("ACC-1"));
    EXPECT_EQ(listed->at(0).name, QStringLiteral("Everyday Checking"));
    EXPECT_EQ(listed->at(0).institution, QStringLiteral("Example Bank"));
    EXPECT_EQ(listed->at(0).currency, QStringLiteral("USD"));
    EXPECT_EQ(listed->at(0).balance, model::Money(250000, QStringLiteral("USD")));
    EXPECT_EQ(listed->at(1).kind, model::AccountKind::Savings);
    EXPECT_EQ(listed->at(2).balance, model::Money(-48200, QStringLiteral("JPY"))) << "yen have no minor unit";

    ASSERT_EQ(m_fake.requestCount(), 1);
    const auto& request = m_fake.requests()[0];
    EXPECT_EQ(request.method, QByteArray("GET"));
    EXPECT_EQ(request.path, QStringLiteral("/simplefin/accounts"));
    EXPECT_EQ(request.query.queryItemValue(QStringLiteral("balances-only")), QStringLiteral("1"));
    EXPECT_TRUE(request.authorized) << "the access URL's user info is sent as HTTP Basic auth";
}

TEST_F(SimpleFinTest, FirstSyncTakesTheNewestWindowAndTheBackfillTheRestOnce)
{
    ASSERT_TRUE(accounts(context()).ok());
    FetchContext c = context();
    QList<Page> pages;
    for (int guard = 0; guard < 10; ++guard) {
        const auto page = fetch(c);
        ASSERT_TRUE(page.ok()) << page.error().userMessage.toStdString();
        pages << page.value();
        c.cursor = page->nextCursor;
        if (!page->hasMore)
            break;
    }
    ASSERT_EQ(pages.size(), 1) << "recent data first: one window of 60 days";
    EXPECT_EQ(pages[0].remainingEstimate, 0);
    EXPECT_EQ(pages[0].nextCursor, QString::number(m_now)) << "the cursor is the end of the window";
    ASSERT_TRUE(pages[0].window.has_value()) << "a full window lets the store notice dropped transactions";

    // The older 30 days, as the backfill asks for them: whole UTC days, by date.
    const qint64 historyStart = m_now - 90 * kDay;
    const QDate oldest = QDateTime::fromSecsSinceEpoch(historyStart, Qt::UTC).date();
    const QDate newest = QDateTime::fromSecsSinceEpoch(m_now - 60 * kDay, Qt::UTC).date();
    const auto older = fetchWindow(c, oldest, newest);
    ASSERT_TRUE(older.ok()) << older.error().userMessage.toStdString();
    ASSERT_TRUE(older->window.has_value());
    EXPECT_EQ(older->window->from, oldest);
    EXPECT_EQ(older->window->to, newest);
    pages << older.value();

    // The windows the server saw: the newest first, none longer than 60 days, all with pending.
    ASSERT_EQ(m_fake.requestCount(), 3);
    for (int i = 1; i < 3; ++i) {
        const QUrlQuery& q = m_fake.requests()[i].query;
        const qint64 start = q.queryItemValue(QStringLiteral("start-date")).toLongLong();
        const qint64 end = q.queryItemValue(QStringLiteral("end-date")).toLongLong();
        EXPECT_LE(end - start, 60 * kDay);
        EXPECT_EQ(q.queryItemValue(QStringLiteral("pending")), QStringLiteral("1"));
        EXPECT_TRUE(m_fake.requests()[i].authorized);
    }
    EXPECT_EQ(m_fake.requests()[1].query.queryItemValue(QStringLiteral("end-date")).toLongLong(), m_now);
    EXPECT_LE(m_fake.requests()[2].query.queryItemValue(QStringLiteral("start-date")).toLongLong(), historyStart);

    QHash<QString, providers::ProviderTransaction> delivered;
    for (const Page& p : pages) {
        EXPECT_TRUE(p.modified.isEmpty());
        EXPECT_TRUE(p.removed.isEmpty());
        for (const auto& t : p.added) {
            const QString key = t.accountProviderId + u'/' + t.providerId;
            // The backfill's whole days may overlap the first window by part of a day: the same record.
            if (delivered.contains(key)) {
                EXPECT_EQ(delivered.value(key).raw, t.raw) << "delivered twice, differently: " << key.toStdString();
            }
            delivered.insert(key, t);
        }
    }
    const auto expected = expectedBetween(historyStart, m_now);
    ASSERT_EQ(delivered.size(), expected.size());
    int pending = 0;
    for (const auto& e : expected) {
        const auto t = delivered.value(e.accountId + u'/' + e.id);
        ASSERT_FALSE(t.providerId.isEmpty()) << "missing " << e.id.toStdString();
        // SimpleFIN's "positive is money in" is already Coffer's convention.
        EXPECT_EQ(t.amount, model::Money(e.amountMinor, currencyOf(e.accountId))) << e.id.toStdString();
        EXPECT_EQ(t.pending, e.pending()) << e.id.toStdString();
        EXPECT_EQ(t.description, e.description);
        const qint64 booked = e.posted != 0 ? e.posted : e.transactedAt;
        EXPECT_EQ(t.bookedOn, QDateTime::fromSecsSinceEpoch(booked, Qt::UTC).date());
        EXPECT_TRUE(t.raw.contains(e.id.toUtf8())) << "raw is the transaction's JSON";
        pending += t.pending ? 1 : 0;
    }
    EXPECT_EQ(pending, 6) << "two pending per account, posted 0";
    EXPECT_TRUE(std::any_of(delivered.cbegin(), delivered.cend(), [](const auto& t) { return !t.amount.isNegative(); }))
        << "deposits stay positive";
}

TEST_F(SimpleFinTest, LaterSyncRefetchesFourteenDaysBeforeTheCursorUpToNow)
{
    m_clock.advanceSeconds(2 * kDay);
    FetchContext c = context();
    c.cursor = QString::number(m_now);
    const auto page = fetch(c);
    ASSERT_TRUE(page.ok()) << page.error().userMessage.toStdString();
    EXPECT_FALSE(page->hasMore);
    const QUrlQuery& q = m_fake.requests().last().query;
    EXPECT_EQ(q.queryItemValue(QStringLiteral("start-date")).toLongLong(), m_now - 14 * kDay);
    EXPECT_EQ(q.queryItemValue(QStringLiteral("end-date")).toLongLong(), m_now + 2 * kDay);
    EXPECT_EQ(page->nextCursor, QString::number(m_now + 2 * kDay));
    EXPECT_EQ(page->added.size(), expectedBetween(m_now - 14 * kDay, m_now + 2 * kDay).size())
        << "the overlap is delivered again; the store makes that idempotent";
}

TEST_F(SimpleFinTest, WrongCredentialsOrNoCredentialsNeedTheUser)
{
    FetchContext c = context();
    c.secret.replace(QStringLiteral("s3cret"), QStringLiteral("guess"));
    const auto refused = accountsError(c);
    EXPECT_EQ(refused.kind, model::ErrorKind::NeedsUser);
    EXPECT_TRUE(refused.userMessage.contains(QStringLiteral("new setup token")));
    EXPECT_FALSE(m_fake.requests().last().authorized);

    c.secret = m_fake.baseUrl() + QStringLiteral("/simplefin"); // no user info at all
    EXPECT_EQ(accountsError(c).kind, model::ErrorKind::NeedsUser);
    EXPECT_EQ(m_fake.requestCount(), 1) << "nothing sent without credentials";
}

TEST_F(SimpleFinTest, HttpFaultsMapToTheRightKind)
{
    struct Case {
        int status;
        model::ErrorKind kind;
    };
    for (const Case& k : {Case{500, model::ErrorKind::Retryable}, Case{503, model::ErrorKind::Retryable},
                          Case{401, model::ErrorKind::NeedsUser}, Case{403, model::ErrorKind::NeedsUser},
                          Case{402, model::ErrorKind::Permanent}}) {
        m_fake.failNext(1, k.status);
        const auto e = accountsError(context());
        EXPECT_EQ(e.kind, k.kind) << "HTTP " << k.status;
        EXPECT_EQ(e.providerCode, QStringLiteral("HTTP_%1").arg(k.status));
        if (k.status == 402) {
            EXPECT_TRUE(e.userMessage.contains(QStringLiteral("payment is required"))) << e.userMessage.toStdString();
        }
        if (k.status == 403) {
            EXPECT_EQ(e.userMessage, QStringLiteral("SimpleFIN refused the saved access; set the connection up again "
                                                    "with a new setup token."));
        }
    }
    EXPECT_TRUE(accounts(context()).ok()) << "the faults were used up";
}

TEST_F(SimpleFinTest, TooManyRequestsCarriesRetryAfterInSecondsOrAsADate)
{
    m_fake.failNext(1, 429, "120");
    auto e = accountsError(context());
    EXPECT_EQ(e.kind, model::ErrorKind::Retryable);
    ASSERT_TRUE(e.retryAfterSeconds.has_value());
    EXPECT_EQ(*e.retryAfterSeconds, 120);

    const QDateTime at = QDateTime::currentDateTimeUtc().addSecs(90);
    m_fake.failNext(1, 429, QLocale::c().toString(at, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1());
    e = accountsError(context());
    ASSERT_TRUE(e.retryAfterSeconds.has_value());
    EXPECT_GE(*e.retryAfterSeconds, 80);
    EXPECT_LE(*e.retryAfterSeconds, 90);

    m_fake.failNext(1, 429);
    EXPECT_FALSE(accountsError(context()).retryAfterSeconds.has_value()) << "no header, no hint: our own backoff";
}

TEST_F(SimpleFinTest, ASilentServerTimesOutAsRetryable)
{
    SimpleFinFake::Fault slow;
    slow.kind = SimpleFinFake::Fault::Kind::Delay;
    slow.delayMs = 3000;
    m_fake.inject(slow);
    QElapsedTimer elapsed;
    elapsed.start();
    const auto e = accountsError(context({{QStringLiteral("timeoutMs"), 300}}));
    EXPECT_EQ(e.kind, model::ErrorKind::Retryable);
    EXPECT_EQ(e.providerCode, QStringLiteral("TIMEOUT"));
    EXPECT_TRUE(e.userMessage.contains(QStringLiteral("Could not reach SimpleFIN")));
    EXPECT_LT(elapsed.elapsed(), 2500);
}

TEST_F(SimpleFinTest, UnreachableServerIsRetryable)
{
    FetchContext c = context({{QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:1")}});
    const auto e = accountsError(c);
    EXPECT_EQ(e.kind, model::ErrorKind::Retryable);
    EXPECT_TRUE(e.userMessage.contains(QStringLiteral("Could not reach SimpleFIN")));
}

TEST_F(SimpleFinTest, TruncatedMalformedOrIncompleteDataIsInvalid)
{
    using Kind = SimpleFinFake::Fault::Kind;
    for (const Kind kind : {Kind::TruncatedBody, Kind::MalformedJson}) {
        SimpleFinFake::Fault fault;
        fault.kind = kind;
        m_fake.inject(fault);
        const auto e = accountsError(context());
        EXPECT_EQ(e.kind, model::ErrorKind::InvalidData);
        EXPECT_TRUE(e.userMessage.contains(QStringLiteral("not valid JSON"))) << e.userMessage.toStdString();
        EXPECT_FALSE(e.payload.isEmpty()) << "kept for quarantine";
    }

    SimpleFinFake::Fault noBalance;
    noBalance.kind = Kind::Rewrite;
    noBalance.rewrite = [](QJsonObject& set) {
        QJsonArray accounts = set[QStringLiteral("accounts")].toArray();
        QJsonObject second = accounts[1].toObject();
        second.remove(QStringLiteral("balance"));
        accounts[1] = second;
        set[QStringLiteral("accounts")] = accounts;
    };
    m_fake.inject(noBalance);
    auto e = accountsError(context());
    EXPECT_EQ(e.kind, model::ErrorKind::InvalidData);
    EXPECT_TRUE(e.userMessage.contains(QStringLiteral("account 2 has no valid \"balance\"")))
        << e.userMessage.toStdString();

    SimpleFinFake::Fault numericAmount; // a JSON number would have to pass through a double
    numericAmount.kind = Kind::Rewrite;
    numericAmount.rewrite = [](QJsonObject& set) {
        QJsonArray accounts = set[QStringLiteral("accounts")].toArray();
        QJsonObject first = accounts[0].toObject();
        QJsonArray list = first[QStringLiteral("transactions")].toArray();
        QJsonObject t = list[0].toObject();
        t[QStringLiteral("amount")] = -12.34;
        list[0] = t;
        first[QStringLiteral("transactions")] = list;
        accounts[0] = first;
        set[QStringLiteral("accounts")] = accounts;
    };
    m_fake.inject(numericAmount);
    // One bad record is handed on marked, for the store to quarantine; the rest of the page stands.
    const auto page = fetch(context());
    ASSERT_TRUE(page.ok()) << page.error().userMessage.toStdString();
    const auto bad = std::find_if(page->added.cbegin(), page->added.cend(),
                                  [](const ProviderTransaction& t) { return !t.problem.isEmpty(); });
    ASSERT_NE(bad, page->added.cend());
    EXPECT_TRUE(bad->problem.contains(QStringLiteral("\"amount\""))) << bad->problem.toStdString();
    EXPECT_TRUE(bad->raw.contains("-12.34"));
    EXPECT_GT(std::count_if(page->added.cbegin(), page->added.cend(),
                            [](const ProviderTransaction& t) { return t.problem.isEmpty(); }),
              0);
}

TEST_F(SimpleFinTest, AHugeAnswerIsRefusedUnreadNamingItsSize)
{
    using Kind = SimpleFinFake::Fault::Kind;
    SimpleFinFake::Fault streamed; // no Content-Length: the bound is met while reading
    streamed.kind = Kind::HugeBody;
    m_fake.inject(streamed);
    auto e = accountsError(context());
    EXPECT_EQ(e.kind, model::ErrorKind::InvalidData);
    EXPECT_EQ(e.providerCode, QStringLiteral("BODY_TOO_LARGE"));
    // How much arrived before the read stopped depends on timing; the message names it and the bound.
    EXPECT_TRUE(e.userMessage.startsWith(QStringLiteral("SimpleFIN sent an answer of at least ")))
        << e.userMessage.toStdString();
    EXPECT_TRUE(e.userMessage.contains(QStringLiteral("MiB, more than the 16.0 MiB Coffer accepts")))
        << e.userMessage.toStdString();

    SimpleFinFake::Fault announced; // refused from its headers alone
    announced.kind = Kind::HugeAnnounced;
    m_fake.inject(announced);
    const auto page = fetch(context());
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().providerCode, QStringLiteral("BODY_TOO_LARGE"));
    EXPECT_TRUE(page.error().userMessage.contains(QStringLiteral("at least 2048.0 MiB")))
        << page.error().userMessage.toStdString();

    EXPECT_TRUE(accounts(context()).ok()) << "the next answer is read as usual";
}

TEST_F(SimpleFinTest, AnAnswerThatIsNotJsonIsRefusedNamingItsType)
{
    SimpleFinFake::Fault html;
    html.kind = SimpleFinFake::Fault::Kind::WrongType;
    m_fake.inject(html);
    const auto e = accountsError(context());
    EXPECT_EQ(e.kind, model::ErrorKind::InvalidData);
    EXPECT_EQ(e.providerCode, QStringLiteral("WRONG_CONTENT_TYPE"));
    EXPECT_TRUE(e.userMessage.contains(QStringLiteral("SimpleFIN"))) << e.userMessage.toStdString();
    EXPECT_TRUE(e.userMessage.contains(QStringLiteral("text/html"))) << e.userMessage.toStdString();
}

TEST_F(SimpleFinTest, AConnectionDroppedMidAnswerIsRetryable)
{
    SimpleFinFake::Fault drop;
    drop.kind = SimpleFinFake::Fault::Kind::DropMidBody;
    m_fake.inject(drop);
    EXPECT_EQ(accountsError(context()).kind, model::ErrorKind::Retryable);
}

TEST_F(SimpleFinTest, ServerErrorsWithoutAccountsAreShownSanitized)
{
    SimpleFinFake::Fault errors;
    errors.kind = SimpleFinFake::Fault::Kind::Rewrite;
    errors.rewrite = [](QJsonObject& set) {
        set[QStringLiteral("accounts")] = QJsonArray();
        set[QStringLiteral("errors")] =
            QJsonArray{QStringLiteral("Example Bank\x07 needs you to\r\nlog in again.\u202e")};
        set[QStringLiteral("errlist")] = QJsonArray{QJsonObject{{QStringLiteral("code"), QStringLiteral("con.auth")},
                                                                {QStringLiteral("msg"), QString(500, u'x')}}};
    };
    m_fake.inject(errors);
    const auto e = accountsError(context());
    EXPECT_EQ(e.kind, model::ErrorKind::NeedsUser);
    EXPECT_TRUE(e.userMessage.contains(QStringLiteral("Example Bank needs you to log in again.")))
        << e.userMessage.toStdString();
    for (const QChar ch : e.userMessage)
        EXPECT_FALSE(ch.category() == QChar::Other_Control || ch.category() == QChar::Other_Format);
    EXPECT_LT(e.userMessage.size(), 500) << "each message is capped";
}

namespace {

// An errlist entry as the newer protocol sends it.
QJsonObject errlistEntry(const QString& code, const QString& msg, const QString& connId = {})
{
    QJsonObject e{{QStringLiteral("code"), code}, {QStringLiteral("msg"), msg}};
    if (!connId.isEmpty())
        e.insert(QStringLiteral("conn_id"), connId);
    return e;
}

SimpleFinFake::Fault withErrlist(const QJsonArray& errlist, bool keepAccounts)
{
    SimpleFinFake::Fault fault;
    fault.kind = SimpleFinFake::Fault::Kind::Rewrite;
    fault.rewrite = [errlist, keepAccounts](QJsonObject& set) {
        set.remove(QStringLiteral("errors")); // deprecated in favour of errlist
        set[QStringLiteral("errlist")] = errlist;
        if (!keepAccounts)
            set[QStringLiteral("accounts")] = QJsonArray();
    };
    return fault;
}

} // namespace

TEST_F(SimpleFinTest, ABankSignInTheBridgeLostNeedsTheUserEvenWithAccounts)
{
    // con.auth: the Bridge can no longer sign in to one bank; the message is the server's, made safe.
    m_fake.inject(withErrlist(
        {errlistEntry(QStringLiteral("con.auth"),
                      QStringLiteral("Authentication failed for\x07 Example\r\nBank \u202e"), QStringLiteral("CON-1"))},
        true));
    const auto e = accountsError(context());
    EXPECT_EQ(e.kind, model::ErrorKind::NeedsUser);
    EXPECT_EQ(e.providerCode, QStringLiteral("con.auth"));
    EXPECT_TRUE(e.userMessage.contains(QStringLiteral("sign in to it again at SimpleFIN Bridge")))
        << e.userMessage.toStdString();
    EXPECT_TRUE(e.userMessage.contains(QStringLiteral("Authentication failed for Example Bank")))
        << e.userMessage.toStdString();
    for (const QChar ch : e.userMessage)
        EXPECT_FALSE(ch.category() == QChar::Other_Control || ch.category() == QChar::Other_Format);

    // The same in the transactions request.
    m_fake.inject(
        withErrlist({errlistEntry(QStringLiteral("con.auth"), QStringLiteral("Sign in to Example Bank"))}, true));
    const auto page = fetch(context());
    ASSERT_FALSE(page.ok());
    EXPECT_EQ(page.error().kind, model::ErrorKind::NeedsUser);
}

TEST_F(SimpleFinTest, AGeneralSignInErrorAsksForANewSetupToken)
{
    m_fake.inject(
        withErrlist({errlistEntry(QStringLiteral("gen.auth"), QStringLiteral("No credentials provided"))}, false));
    const auto e = accountsError(context());
    EXPECT_EQ(e.kind, model::ErrorKind::NeedsUser);
    EXPECT_EQ(e.providerCode, QStringLiteral("gen.auth"));
    EXPECT_TRUE(e.userMessage.contains(QStringLiteral("new setup token"))) << e.userMessage.toStdString();
    EXPECT_TRUE(e.userMessage.contains(QStringLiteral("No credentials provided")));
}

TEST_F(SimpleFinTest, AccountLevelErrorsKeepTheDataButDoNotClaimAFullWindow)
{
    // act.failed for one account: the rest is usable, but missing records prove nothing this time.
    m_fake.inject(withErrlist({errlistEntry(QStringLiteral("act.failed"), QStringLiteral("Try again later."))}, true));
    const auto page = fetch(context());
    ASSERT_TRUE(page.ok()) << page.error().userMessage.toStdString();
    EXPECT_FALSE(page->added.isEmpty());
    EXPECT_FALSE(page->window.has_value()) << "the store must not take absent transactions for removed ones";
    EXPECT_EQ(page->providerNote, QStringLiteral("SimpleFIN Bridge says: Try again later.")) << "shown to the user";

    // An unknown subcode counts as its bare prefix: a connection problem, not a sign-in.
    m_fake.inject(
        withErrlist({errlistEntry(QStringLiteral("con.somethingnew"), QStringLiteral("Bank is slow"))}, true));
    EXPECT_TRUE(accounts(context()).ok());

    // Errors and no accounts at all: the server's trouble, tried again later; its words shown.
    m_fake.inject(
        withErrlist({errlistEntry(QStringLiteral("act.missingdata"), QStringLiteral("Incomplete listing."))}, false));
    const auto e = accountsError(context());
    EXPECT_EQ(e.kind, model::ErrorKind::Retryable);
    EXPECT_TRUE(e.userMessage.contains(QStringLiteral("Incomplete listing."))) << e.userMessage.toStdString();
}

TEST_F(SimpleFinTest, TheNewerProtocolNamesTheInstitutionThroughTheConnection)
{
    SimpleFinFake::Fault connections;
    connections.kind = SimpleFinFake::Fault::Kind::Rewrite;
    connections.rewrite = [](QJsonObject& set) {
        QJsonArray accounts = set[QStringLiteral("accounts")].toArray();
        for (qsizetype i = 0; i < accounts.size(); ++i) {
            QJsonObject a = accounts[i].toObject();
            a.remove(QStringLiteral("org")); // deprecated
            a[QStringLiteral("conn_id")] = i == 2 ? QStringLiteral("CON-B") : QStringLiteral("CON-A");
            accounts[i] = a;
        }
        set[QStringLiteral("accounts")] = accounts;
        set[QStringLiteral("errlist")] = QJsonArray();
        set[QStringLiteral("connections")] =
            QJsonArray{QJsonObject{{QStringLiteral("conn_id"), QStringLiteral("CON-A")},
                                   {QStringLiteral("name"), QStringLiteral("Example Bank - Jill")},
                                   {QStringLiteral("org_id"), QStringLiteral("ORG-1")},
                                   {QStringLiteral("sfin_url"), QStringLiteral("https://sfin.example.test")}},
                       QJsonObject{{QStringLiteral("conn_id"), QStringLiteral("CON-B")},
                                   {QStringLiteral("name"), QStringLiteral("Sakura - Jill")},
                                   {QStringLiteral("org_name"), QStringLiteral("Sakura Bank")},
                                   {QStringLiteral("org_id"), QStringLiteral("ORG-2")},
                                   {QStringLiteral("sfin_url"), QStringLiteral("https://sfin.sakura.test")}}};
    };
    m_fake.inject(connections);
    const auto listed = accounts(context());
    ASSERT_TRUE(listed.ok()) << listed.error().userMessage.toStdString();
    ASSERT_EQ(listed->size(), 3);
    EXPECT_EQ(listed->at(0).institution, QStringLiteral("Example Bank - Jill"));
    EXPECT_EQ(listed->at(2).institution, QStringLiteral("Sakura Bank"));
}

TEST_F(SimpleFinTest, PlainHttpIsRefusedExceptToLoopback)
{
    const auto e = accountsError(context({{QStringLiteral("baseUrl"), QStringLiteral("http://bridge.example.com")}}));
    EXPECT_EQ(e.kind, model::ErrorKind::Permanent);
    EXPECT_TRUE(e.userMessage.contains(QStringLiteral("HTTPS"))) << e.userMessage.toStdString();

    FetchContext c = context();
    c.secret = QStringLiteral("http://u:p@bridge.example.com/simplefin");
    EXPECT_EQ(accountsError(c).kind, model::ErrorKind::Permanent);
    EXPECT_EQ(m_fake.requestCount(), 0);

    // The override replaces scheme, host and port only: the access URL's path and credentials stay.
    c.secret = QStringLiteral("https://coffer-user:s3cret%3Apass@bridge.example.com/simplefin");
    c.options.insert(QStringLiteral("baseUrl"), m_fake.baseUrl());
    EXPECT_TRUE(accounts(c).ok());
    EXPECT_TRUE(m_fake.requests().last().authorized);
}

TEST_F(SimpleFinTest, CancelDropsTheCallback)
{
    SimpleFinFake::Fault slow;
    slow.kind = SimpleFinFake::Fault::Kind::Delay;
    slow.delayMs = 200;
    m_fake.inject(slow);
    bool called = false;
    m_connector.listAccounts(context(), [&](auto) { called = true; });
    ASSERT_TRUE(test::waitFor([&] { return m_fake.requestCount() == 1; }));
    m_connector.cancel();
    QTest::qWait(500);
    EXPECT_FALSE(called);
}

TEST_F(SimpleFinTest, ClaimingASetupTokenOnceGivesTheAccessUrl)
{
    QNetworkAccessManager network;
    QObject context;
    const auto claim = [&](const QString& token) {
        return await<QString>([&](auto done) { SimpleFinConnector::claimSetupToken(network, token, &context, done); });
    };
    const auto first = claim(m_fake.setupToken());
    ASSERT_TRUE(first && first->ok()) << (first ? first->error().userMessage.toStdString() : "");
    EXPECT_EQ(first->value(), m_fake.accessUrl());
    EXPECT_EQ(m_fake.requests().last().method, QByteArray("POST"));

    const auto again = claim(m_fake.setupToken());
    ASSERT_TRUE(again && !again->ok());
    EXPECT_EQ(again->error().kind, model::ErrorKind::NeedsUser);
    EXPECT_TRUE(again->error().userMessage.contains(QStringLiteral("already been used")));
    EXPECT_TRUE(again->error().userMessage.contains(QStringLiteral("someone else")));

    const int sent = m_fake.requestCount();
    const auto insecure = claim(QString::fromLatin1(QByteArray("http://bridge.example.com/claim/abc").toBase64()));
    ASSERT_TRUE(insecure && !insecure->ok());
    EXPECT_EQ(insecure->error().kind, model::ErrorKind::Permanent);
    const auto garbage = claim(QStringLiteral("not a token!"));
    ASSERT_TRUE(garbage && !garbage->ok());
    EXPECT_EQ(m_fake.requestCount(), sent);
}

// The real engine: a SimpleFIN connection added with its access URL, synced through the queue.
class SimpleFinEngineTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_fake.listen()); }

    qint64 addSimpleFin(test::EngineUnderTest& engine)
    {
        // The saved access URL names the real Bridge; baseUrl points the connection at the fake.
        QUrl access(m_fake.accessUrl());
        access.setScheme(QStringLiteral("https"));
        access.setHost(QStringLiteral("bridge.simplefin.invalid"));
        access.setPort(-1);
        model::ConnectionSpec spec{
            QStringLiteral("simplefin"),
            QStringLiteral("My SimpleFIN"),
            {{QStringLiteral("baseUrl"), m_fake.baseUrl()}, {QStringLiteral("minIntervalSeconds"), 0}},
            access.toString()};
        const auto before = engine.addedIds.size();
        engine.host().addConnection(spec);
        EXPECT_TRUE(test::waitFor([&] { return engine.addedIds.size() > before || !engine.failures.isEmpty(); }));
        EXPECT_TRUE(engine.failures.isEmpty()) << engine.failures.value(0).toStdString();
        return engine.addedIds.value(before);
    }

    void advance(test::EngineUnderTest& engine, qint64 seconds)
    {
        m_clock->advanceSeconds(seconds);
        engine.host().wake();
    }

    void expectRuns(test::EngineUnderTest& engine, int count)
    {
        EXPECT_TRUE(test::waitFor([&] { return engine.summaries.size() >= count; }, 30000))
            << "expected " << count << " runs, saw " << engine.summaries.size();
        QTest::qWait(300);
        EXPECT_EQ(engine.summaries.size(), count);
    }

    QTemporaryDir m_dir;
    std::shared_ptr<schedule::ManualClock> m_clock = test::clockAtFixedNow();
    std::shared_ptr<schedule::ManualNetworkStatus> m_network = std::make_shared<schedule::ManualNetworkStatus>();
    SimpleFinFake m_fake{test::fixedNow()};
};

TEST_F(SimpleFinEngineTest, ServerErrorsAreRetriedWithBackoffThenTheDataIsStored)
{
    test::EngineUnderTest engine(m_dir.path(), m_clock, true, m_network);
    const qint64 id = addSimpleFin(engine);
    m_fake.failNext(2, 503);
    engine.host().syncNow(id);
    expectRuns(engine, 1);
    ASSERT_TRUE(engine.summaries[0].error);
    EXPECT_EQ(engine.summaries[0].error->kind, model::ErrorKind::Retryable);

    advance(engine, 4); // the first retry waits at least 5 s
    expectRuns(engine, 1);
    advance(engine, 3); // past 5 s plus at most 20 % jitter
    expectRuns(engine, 2);
    EXPECT_FALSE(engine.summaries[1].succeeded);
    advance(engine, 9); // the second waits 10-12 s
    expectRuns(engine, 2);
    advance(engine, 4);
    // The sync takes the newest 60 days; the older history follows at once as a backfill.
    expectRuns(engine, 4);
    ASSERT_TRUE(engine.summaries[2].succeeded)
        << (engine.summaries[2].error ? engine.summaries[2].error->userMessage.toStdString() : "");
    ASSERT_TRUE(engine.summaries[3].succeeded)
        << (engine.summaries[3].error ? engine.summaries[3].error->userMessage.toStdString() : "");
    EXPECT_GT(engine.summaries[3].changes.added, 0);
    EXPECT_EQ(m_fake.requestCount(), 2 + 2 + 2) << "two refused, accounts and the newest window, then the backfill";
    EXPECT_LT(m_fake.requests()[5].query.queryItemValue(QStringLiteral("end-date")).toLongLong(),
              m_fake.requests()[3].query.queryItemValue(QStringLiteral("end-date")).toLongLong())
        << "newest first";
    for (const auto& r : m_fake.requests())
        EXPECT_TRUE(r.authorized);

    const qint64 now = test::fixedNow().toSecsSinceEpoch();
    QStringList expected;
    for (const auto& t : m_fake.transactions()) {
        const qint64 at = t.posted != 0 ? t.posted : t.transactedAt;
        if (at < now - 90 * kDay || at >= now)
            continue;
        const QString currency = t.accountId == u"ACC-3" ? QStringLiteral("JPY") : QStringLiteral("USD");
        expected << QStringLiteral("%1|%2|%3|%4|%5")
                        .arg(t.accountId, t.id)
                        .arg(t.amountMinor)
                        .arg(currency, t.pending() ? QStringLiteral("pending") : QStringLiteral("posted"));
    }
    expected.sort();
    test::Inspector db(engine.databasePath);
    QStringList stored = db.rows(QStringLiteral("SELECT a.provider_id, t.provider_id, t.amount_minor, t.currency, "
                                                "t.status FROM transactions t JOIN accounts a ON a.id = t.account_id "
                                                "WHERE a.connection_id = %1")
                                     .arg(id));
    stored.sort();
    EXPECT_EQ(stored, expected);
    // Ids are unique per account only: the same id in three accounts is three transactions.
    EXPECT_EQ(db.number(QStringLiteral("SELECT COUNT(*) FROM transactions t JOIN accounts a ON a.id = t.account_id "
                                       "WHERE a.connection_id = %1 AND t.provider_id = 'T0001'")
                            .arg(id)),
              3);

    // The balances the Bridge reported are recorded for every account.
    QStringList balances;
    for (const auto& a : m_fake.accounts())
        balances << QStringLiteral("%1|%2|%3").arg(a.id).arg(a.balanceMinor).arg(a.currency);
    EXPECT_EQ(db.rows(QStringLiteral("SELECT DISTINCT a.provider_id, b.amount_minor, b.currency FROM balances b JOIN "
                                     "accounts a ON a.id = b.account_id WHERE a.connection_id = %1 ORDER BY 1")
                          .arg(id)),
              balances);
}

TEST_F(SimpleFinEngineTest, TooManyRequestsIsNotRetriedBeforeRetryAfter)
{
    test::EngineUnderTest engine(m_dir.path(), m_clock, true, m_network);
    const qint64 id = addSimpleFin(engine);
    m_fake.failNext(1, 429, "120");
    engine.host().syncNow(id);
    expectRuns(engine, 1);
    ASSERT_TRUE(engine.summaries[0].error);
    EXPECT_EQ(engine.summaries[0].error->retryAfterSeconds, 120);

    advance(engine, 60); // our own backoff (5 s) and the first scheduled run have passed: still waiting
    expectRuns(engine, 1);
    advance(engine, 59);
    expectRuns(engine, 1);
    advance(engine, 2);
    expectRuns(engine, 3); // the sync, then its history backfill
    EXPECT_TRUE(engine.summaries[1].succeeded);
    EXPECT_EQ(m_fake.requestCount(), 1 + 2 + 2);
}

TEST_F(SimpleFinEngineTest, TheBridgeSeesAtMostTwentyFourRequestsADayBackfillsIncluded)
{
    test::EngineUnderTest engine(m_dir.path(), m_clock, true, m_network);
    const qint64 id = addSimpleFin(engine);
    const QDate today = test::fixedNow().toUTC().date();
    engine.host().syncNow(id);
    expectRuns(engine, 2); // the newest 60 days, then the older 30 as a backfill
    ASSERT_TRUE(engine.summaries[1].succeeded);
    EXPECT_EQ(m_fake.requestCount(), 2 + 2);

    // History asked for by the user: 91 days in chunks of at most 60, each chunk a request.
    engine.host().backfill(id, today.addDays(-90));
    expectRuns(engine, 3);
    ASSERT_TRUE(engine.summaries[2].succeeded);
    ASSERT_EQ(m_fake.requestCount(), 4 + 3);
    for (int i = 5; i < 7; ++i) {
        const QUrlQuery& q = m_fake.requests()[i].query;
        EXPECT_LE(q.queryItemValue(QStringLiteral("end-date")).toLongLong() -
                      q.queryItemValue(QStringLiteral("start-date")).toLongLong(),
                  60 * kDay);
        EXPECT_EQ(q.queryItemValue(QStringLiteral("pending")), QStringLiteral("1"));
    }

    // Eight more syncs of two requests each: 23 of the 24 a day for the whole connection (three accounts).
    for (int i = 0; i < 8; ++i)
        ASSERT_TRUE(engine.sync(id).succeeded) << "sync " << i + 1;
    ASSERT_EQ(m_fake.requestCount(), 23);

    engine.host().syncNow(id);
    ASSERT_TRUE(test::waitFor([&] { return !engine.failures.isEmpty(); }));
    EXPECT_TRUE(engine.failures.last().contains(QStringLiteral("allows 24 calls a day for this connection, and 23 "
                                                               "were made in the last 24 hours. Next sync allowed")))
        << engine.failures.last().toStdString();

    // Work the engine queues itself waits too, with the reason on the job.
    engine.host().backfill(id, today.addDays(-30));
    QTest::qWait(300);
    const auto waiting = engine.jobs();
    const auto backfill = std::find_if(waiting.cbegin(), waiting.cend(), [](const jobs::Job& j) {
        return j.kind == jobs::JobKind::Backfill && j.isOpen();
    });
    ASSERT_NE(backfill, waiting.cend());
    EXPECT_EQ(backfill->state, jobs::JobState::Delayed);
    EXPECT_TRUE(backfill->lastError.contains(QStringLiteral("24 calls a day"))) << backfill->lastError.toStdString();
    EXPECT_EQ(backfill->runAtMs, test::fixedNow().addSecs(24 * 3600).toMSecsSinceEpoch())
        << "until the first requests are a day old";
    EXPECT_EQ(m_fake.requestCount(), 23) << "nothing more reached the Bridge";

    const qint64 backfillId = backfill->id;
    advance(engine, 24 * 3600);
    ASSERT_TRUE(test::waitFor(
        [&] {
            const auto listed = engine.jobs();
            return std::any_of(listed.cbegin(), listed.cend(), [&](const jobs::Job& j) {
                return j.id == backfillId && j.state == jobs::JobState::Completed;
            });
        },
        30000))
        << "the deferred backfill ran once the day had passed";
    EXPECT_GT(m_fake.requestCount(), 23);
}

TEST_F(SimpleFinEngineTest, AccessRevokedMidRunKeepsWhatWasCommittedAndANewSetupTokenSignsInAgain)
{
    test::EngineUnderTest engine(m_dir.path(), m_clock, true, m_network);
    model::ConnectionSpec spec{
        QStringLiteral("simplefin"), QStringLiteral("My SimpleFIN"), {{QStringLiteral("minIntervalSeconds"), 0}}, {}};
    spec.setupToken = m_fake.setupToken();
    engine.host().addConnection(spec);
    ASSERT_TRUE(test::waitFor([&] { return !engine.addedIds.isEmpty() || !engine.failures.isEmpty(); }));
    ASSERT_TRUE(engine.failures.isEmpty()) << engine.failures.value(0).toStdString();
    const qint64 id = engine.addedIds.first();
    const QString firstAccess = m_fake.accessUrl();
    EXPECT_EQ(test::keychainSecret(engine, id), firstAccess) << "only the claimed access URL is kept, in the keychain";

    // 91 days of history in two chunks; the user disables Coffer's access at the Bridge after the
    // account list and the newest chunk have been answered.
    const QDate today = test::fixedNow().toUTC().date();
    m_fake.revokeAfter(2);
    engine.host().backfill(id, today.addDays(-90));
    expectRuns(engine, 1);
    const model::SyncSummary& cut = engine.summaries[0];
    EXPECT_FALSE(cut.succeeded);
    ASSERT_TRUE(cut.error);
    EXPECT_EQ(cut.error->kind, model::ErrorKind::NeedsUser);
    EXPECT_EQ(cut.pages, 1) << "the newest chunk was committed before the refusal";
    ASSERT_EQ(m_fake.requestCount(), 1 + 3) << "the claim, the accounts, two chunks";
    EXPECT_FALSE(m_fake.requests().last().authorized) << "the old access no longer works";

    // What was committed stays: exactly the newest 60 days.
    QStringList expected;
    for (const auto& t : m_fake.transactions()) {
        const QDate booked = QDateTime::fromSecsSinceEpoch(t.posted != 0 ? t.posted : t.transactedAt, Qt::UTC).date();
        if (booked >= today.addDays(-59) && booked <= today)
            expected << t.accountId + u'|' + t.id;
    }
    expected.sort();
    test::Inspector db(engine.databasePath);
    QStringList stored = db.rows(QStringLiteral("SELECT a.provider_id, t.provider_id FROM transactions t JOIN accounts "
                                                "a ON a.id = t.account_id WHERE a.connection_id = %1")
                                     .arg(id));
    stored.sort();
    EXPECT_EQ(stored, expected);
    ASSERT_TRUE(test::waitFor([&] {
        return !engine.statuses.isEmpty() && engine.statuses[0].state == model::ConnectionState::ReauthRequired;
    }));
    EXPECT_TRUE(engine.statuses[0].lastError.contains(QStringLiteral("new setup token")))
        << engine.statuses[0].lastError.toStdString();
    EXPECT_TRUE(std::any_of(engine.notifications.cbegin(), engine.notifications.cend(), [&](const auto& n) {
        return n.kind == model::Notification::Kind::ReauthRequired && n.connectionId == id;
    }));

    // Nothing more is sent with the revoked access, however long the user takes.
    advance(engine, 6 * 3600);
    QTest::qWait(300);
    EXPECT_EQ(m_fake.requestCount(), 4);

    // The user pastes a new setup token: claimed once, the keychain entry replaced, a sync at once.
    QSignalSpy reauthenticated(&engine.host(), &EngineHost::reauthenticated);
    engine.host().reauthenticate(id, m_fake.setupToken());
    ASSERT_TRUE(test::waitFor([&] { return !reauthenticated.isEmpty() || !engine.failures.isEmpty(); }));
    ASSERT_TRUE(engine.failures.isEmpty()) << engine.failures.value(0).toStdString();
    EXPECT_EQ(m_fake.requests()[4].method, QByteArray("POST"));
    const QString newAccess = test::keychainSecret(engine, id);
    EXPECT_EQ(newAccess, m_fake.accessUrl());
    EXPECT_NE(newAccess, firstAccess);
    ASSERT_TRUE(test::waitFor([&] { return engine.summaries.size() >= 2; }, 30000));
    EXPECT_TRUE(engine.summaries[1].succeeded)
        << (engine.summaries[1].error ? engine.summaries[1].error->userMessage.toStdString() : "");
    for (qsizetype i = 5; i < m_fake.requests().size(); ++i)
        EXPECT_TRUE(m_fake.requests()[i].authorized) << "request " << i;
    ASSERT_TRUE(test::waitFor([&] {
        return !engine.statuses.isEmpty() && engine.statuses[0].state != model::ConnectionState::ReauthRequired &&
               engine.statuses[0].lastError.isEmpty();
    }));

    // Both access URLs went to the keychain only: no file in the data folder (database, its
    // journal, logs) holds either password.
    QDirIterator files(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
    int read = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << file.fileName().toStdString();
        const QByteArray bytes = file.readAll();
        ++read;
        for (const QString& access : {firstAccess, newAccess}) {
            for (const auto form : {QUrl::FullyDecoded, QUrl::FullyEncoded})
                EXPECT_FALSE(bytes.contains(QUrl(access).password(form).toUtf8())) << file.fileName().toStdString();
        }
    }
    EXPECT_GT(read, 0);
}

TEST_F(SimpleFinEngineTest, TheServersMessagesReachTheUserSanitizedAndTheDataIsKept)
{
    test::EngineUnderTest engine(m_dir.path(), m_clock, true, m_network);
    const qint64 id = addSimpleFin(engine);
    // Both requests of the sync say that one account could not be read in full.
    m_fake.inject(withErrlist({errlistEntry(QStringLiteral("act.missingdata"),
                                            QStringLiteral("Incomplete listing for\x1b[31m Savings.\u202e"))},
                              true),
                  2);
    engine.host().syncNow(id);
    expectRuns(engine, 2); // the sync and its history backfill
    ASSERT_TRUE(engine.summaries[0].succeeded);
    EXPECT_GT(engine.summaries[0].changes.added, 0);
    const QString note = QStringLiteral("SimpleFIN Bridge says: Incomplete listing for [31m Savings.");
    ASSERT_TRUE(test::waitFor([&] { return !engine.statuses.isEmpty() && engine.statuses[0].providerNote == note; }))
        << (engine.statuses.isEmpty() ? std::string() : engine.statuses[0].providerNote.toStdString());

    // A later sync without messages clears it.
    ASSERT_TRUE(engine.sync(id).succeeded);
    ASSERT_TRUE(test::waitFor([&] { return engine.statuses[0].providerNote.isEmpty(); }));
}

TEST_F(SimpleFinEngineTest, ALapsedSubscriptionIsShownAndNotRetried)
{
    test::EngineUnderTest engine(m_dir.path(), m_clock, true, m_network);
    const qint64 id = addSimpleFin(engine);
    m_fake.failNext(1, 402);
    engine.host().syncNow(id);
    expectRuns(engine, 1);
    ASSERT_TRUE(engine.summaries[0].error);
    EXPECT_EQ(engine.summaries[0].error->kind, model::ErrorKind::Permanent);
    ASSERT_TRUE(test::waitFor([&] {
        return !engine.statuses.isEmpty() && engine.statuses[0].state == model::ConnectionState::Error &&
               engine.statuses[0].lastError.contains(QStringLiteral("payment is required"));
    })) << (engine.statuses.isEmpty() ? std::string() : engine.statuses[0].lastError.toStdString());

    advance(engine, 120); // past every retry delay: a payment problem is not retried
    expectRuns(engine, 1);
    EXPECT_EQ(m_fake.requestCount(), 1);
}

TEST_F(SimpleFinEngineTest, HistoryThatCanNeverFitTheDailyBudgetFailsWithTheReasonInsteadOfWaitingForever)
{
    test::EngineUnderTest engine(m_dir.path(), m_clock, true, m_network);
    const qint64 id = addSimpleFin(engine);
    const int before = m_fake.requestCount();
    // Five years in 60-day chunks is 31 requests: more than the Bridge's 24 a day, on any day.
    engine.host().backfill(id, test::fixedNow().toUTC().date().addYears(-5));
    std::optional<jobs::Job> backfill;
    ASSERT_TRUE(test::waitFor([&] {
        const auto listed = engine.jobs();
        const auto it = std::find_if(listed.cbegin(), listed.cend(),
                                     [](const jobs::Job& j) { return j.kind == jobs::JobKind::Backfill; });
        if (it != listed.cend() && it->state == jobs::JobState::Failed)
            backfill = *it;
        return backfill.has_value();
    })) << "the backfill waits for a day that can never come";
    EXPECT_TRUE(backfill->lastError.contains(QStringLiteral("ask for a shorter period")))
        << backfill->lastError.toStdString();
    EXPECT_EQ(m_fake.requestCount(), before) << "nothing was asked of the Bridge";
}

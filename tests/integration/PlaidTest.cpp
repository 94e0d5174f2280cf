// The Plaid connector over real HTTP against the Plaid fake on loopback: accounts, pages of
// /transactions/sync, every error class Plaid documents, broken and hostile answers, silence.
// PlaidSyncTest (PlaidSyncTest.cpp) drives the same through the real engine into the store.

#include "../fakes/PlaidFake.h"
#include "AwaitResult.h"
#include "providers/plaid/PlaidConnector.h"
#include "providers/plaid/PlaidRecords.h"

#include <QJsonArray>
#include <QTest>

#include <gtest/gtest.h>

using namespace coffer;
using model::ErrorKind;
using providers::FetchContext;
using providers::Page;
using providers::ProviderAccount;
using providers::plaid::PlaidConnector;
using test::PlaidFake;

namespace {

class PlaidTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_fake.listen()); }

    FetchContext context(const QString& cursor = {}) const
    {
        FetchContext c;
        c.connectionId = 9;
        c.secret = m_fake.credentialsJson();
        c.options = {{QStringLiteral("baseUrl"), m_fake.baseUrl()}, {QStringLiteral("timeoutMs"), 3000}};
        c.cursor = cursor;
        return c;
    }

    model::Result<QList<ProviderAccount>> accounts(const FetchContext& c)
    {
        return test::awaitResult<QList<ProviderAccount>>([&](auto done) { m_connector.listAccounts(c, done); });
    }

    model::Result<Page> fetch(const FetchContext& c)
    {
        return test::awaitResult<Page>([&](auto done) { m_connector.fetchChanges(c, done); });
    }

    model::Error fetchError(const FetchContext& c)
    {
        auto r = fetch(c);
        EXPECT_FALSE(r.ok());
        return r.ok() ? model::Error{} : r.error();
    }

    PlaidFake m_fake{QDate(2026, 3, 14), 1203};
    PlaidConnector m_connector;
};

} // namespace

TEST_F(PlaidTest, DescribesItselfAsCursorPagedByFiveHundred)
{
    const auto info = m_connector.describe();
    EXPECT_EQ(info.id, QStringLiteral("plaid"));
    EXPECT_EQ(info.paging, providers::Paging::Cursor);
    EXPECT_EQ(info.pageSize, 500);
    EXPECT_GE(info.minIntervalSeconds, 300);
}

TEST_F(PlaidTest, ListsAccountsWithKindMaskBalanceAndInstitution)
{
    const auto listed = accounts(context());
    ASSERT_TRUE(listed.ok()) << listed.error().userMessage.toStdString();
    ASSERT_EQ(listed->size(), 3);
    EXPECT_EQ(listed->at(0).providerId, QStringLiteral("acc-checking-0000"));
    EXPECT_EQ(listed->at(0).name, QStringLiteral("Plaid Checking"));
    EXPECT_EQ(listed->at(0).institution, QStringLiteral("First Platypus Bank"));
    EXPECT_EQ(listed->at(0).mask, QStringLiteral("0000"));
    EXPECT_EQ(listed->at(0).kind, model::AccountKind::Checking);
    EXPECT_EQ(listed->at(0).balance, model::Money(11000, QStringLiteral("USD")));
    EXPECT_EQ(listed->at(1).kind, model::AccountKind::Savings);
    EXPECT_EQ(listed->at(2).kind, model::AccountKind::CreditCard);
    EXPECT_EQ(listed->at(2).balance, model::Money(-41000, QStringLiteral("USD"))) << "what a card owes is negative";
    const auto& sent = m_fake.requests().last();
    EXPECT_EQ(sent.endpoint, QStringLiteral("/accounts/get"));
    EXPECT_EQ(sent.body.value(QStringLiteral("access_token")).toString(), m_fake.accessToken());
}

TEST_F(PlaidTest, PagesOfFiveHundredFollowTheCursorUntilNoMore)
{
    QString cursor;
    QSet<QString> seen;
    int pages = 0;
    bool more = true;
    while (more && pages < 10) {
        const auto page = fetch(context(cursor));
        ASSERT_TRUE(page.ok()) << page.error().userMessage.toStdString();
        ++pages;
        EXPECT_LE(page->added.size(), 500);
        for (const auto& t : page->added)
            seen.insert(t.providerId);
        const auto& sent = m_fake.requests().last().body;
        EXPECT_EQ(sent.value(QStringLiteral("count")).toInt(), 500);
        EXPECT_EQ(sent.value(QStringLiteral("cursor")).toString(), cursor) << "each page asks from the last cursor";
        EXPECT_NE(page->nextCursor, cursor);
        cursor = page->nextCursor;
        more = page->hasMore;
    }
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(seen.size(), m_fake.transactions().size());

    // Nothing new: an empty page that keeps the cursor.
    const auto quiet = fetch(context(cursor));
    ASSERT_TRUE(quiet.ok());
    EXPECT_TRUE(quiet->added.isEmpty());
    EXPECT_FALSE(quiet->hasMore);
    EXPECT_EQ(quiet->nextCursor, cursor);

    // A changed, a removed and a new transaction arrive as such from the saved cursor.
    m_fake.modify(QStringLiteral("tx-0000010"), [](PlaidFake::Transaction& t) { t.amountMinor = 4321; });
    const QString removedAccount = m_fake.transactions().value(QStringLiteral("tx-0000011")).accountId;
    m_fake.remove(QStringLiteral("tx-0000011"));
    PlaidFake::Transaction fresh = m_fake.transactions().value(QStringLiteral("tx-0000012"));
    fresh.id = QStringLiteral("tx-new-1");
    m_fake.add(fresh);
    const auto changes = fetch(context(cursor));
    ASSERT_TRUE(changes.ok());
    ASSERT_EQ(changes->modified.size(), 1);
    EXPECT_EQ(changes->modified[0].amount, model::Money(-4321, QStringLiteral("USD")));
    ASSERT_EQ(changes->removed.size(), 1);
    EXPECT_EQ(changes->removed[0].providerId, QStringLiteral("tx-0000011"));
    EXPECT_EQ(changes->removed[0].accountProviderId, removedAccount);
    ASSERT_EQ(changes->added.size(), 1);
    EXPECT_EQ(changes->added[0].providerId, QStringLiteral("tx-new-1"));
}

TEST_F(PlaidTest, RecordsAreReadInCoffersSignWithTheirDetails)
{
    // Plaid's personal finance categories in Coffer's.
    const QHash<QString, QString> kCategories{{QStringLiteral("FOOD_AND_DRINK"), QStringLiteral("dining")},
                                              {QStringLiteral("TRANSPORTATION"), QStringLiteral("transport")},
                                              {QStringLiteral("GENERAL_MERCHANDISE"), QStringLiteral("shopping")},
                                              {QStringLiteral("INCOME"), QStringLiteral("income")},
                                              {QStringLiteral("ENTERTAINMENT"), QStringLiteral("other")},
                                              {QStringLiteral("GENERAL_SERVICES"), QStringLiteral("other")}};
    const auto page = fetch(context());
    ASSERT_TRUE(page.ok());
    QHash<QString, providers::ProviderTransaction> byId;
    for (const auto& t : page->added)
        byId.insert(t.providerId, t);
    for (const auto& expected : m_fake.transactions()) {
        if (!byId.contains(expected.id))
            continue;
        const auto& got = byId[expected.id];
        EXPECT_TRUE(got.problem.isEmpty()) << got.problem.toStdString();
        EXPECT_EQ(got.amount, model::Money(-expected.amountMinor, QStringLiteral("USD")))
            << "Plaid's positive is money out: " << expected.id.toStdString();
        EXPECT_EQ(got.accountProviderId, expected.accountId);
        EXPECT_EQ(got.bookedOn, expected.date);
        EXPECT_EQ(got.authorizedOn, expected.authorizedDate);
        EXPECT_EQ(got.counterparty, expected.merchantName);
        EXPECT_EQ(got.category, kCategories.value(expected.category)) << expected.category.toStdString();
        EXPECT_EQ(got.checkNumber, expected.checkNumber);
        EXPECT_EQ(got.pending, expected.pending);
    }
    const auto deposit = byId.value(QStringLiteral("tx-0000003"));
    EXPECT_GT(deposit.amount.minorUnits(), 0) << "a deposit (negative at Plaid) is money in";
}

TEST_F(PlaidTest, AmountsAreReadExactlyFromPlaidsDecimals)
{
    using providers::plaid::amountFrom;
    const QString usd = QStringLiteral("USD");
    EXPECT_EQ(amountFrom(QJsonValue(0.1), usd).value(), model::Money(10, usd));
    EXPECT_EQ(amountFrom(QJsonValue(1234567.89), usd).value(), model::Money(123456789, usd));
    EXPECT_EQ(amountFrom(QJsonValue(-0.29), usd).value(), model::Money(-29, usd));
    EXPECT_EQ(amountFrom(QJsonValue(100000.0), usd).value(), model::Money(10000000, usd));
    EXPECT_EQ(amountFrom(QJsonValue(QStringLiteral("12.30")), usd).value(), model::Money(1230, usd));
    EXPECT_EQ(amountFrom(QJsonValue(1500.0), QStringLiteral("JPY")).value(), model::Money(1500, QStringLiteral("JPY")));
    EXPECT_FALSE(amountFrom(QJsonValue(12.345), usd).ok()) << "more decimals than the currency has";
    EXPECT_FALSE(amountFrom(QJsonValue(QJsonValue::Null), usd).ok());

    // Balances of investment accounts come with more decimals: rounded on the decimal text.
    using providers::plaid::balanceFrom;
    EXPECT_EQ(balanceFrom(QJsonValue(23631.9805), usd).value(), model::Money(2363198, usd));
    EXPECT_EQ(balanceFrom(QJsonValue(0.125), usd).value(), model::Money(13, usd));
    EXPECT_EQ(balanceFrom(QJsonValue(-10.995), usd).value(), model::Money(-1100, usd));
    EXPECT_EQ(balanceFrom(QJsonValue(110.94), usd).value(), model::Money(11094, usd));
    EXPECT_EQ(balanceFrom(QJsonValue(1500.5), QStringLiteral("JPY")).value(),
              model::Money(1501, QStringLiteral("JPY")));
    EXPECT_FALSE(balanceFrom(QJsonValue(QStringLiteral("n/a")), usd).ok());
}

TEST_F(PlaidTest, AnUnreadableRecordIsMarkedNotDropped)
{
    const auto unreadable = providers::plaid::transactionFrom(
        QJsonObject{{QStringLiteral("transaction_id"), QStringLiteral("tx-x")},
                    {QStringLiteral("account_id"), QStringLiteral("acc-checking-0000")},
                    {QStringLiteral("date"), QStringLiteral("2026-03-01")},
                    {QStringLiteral("iso_currency_code"), QStringLiteral("USD")},
                    {QStringLiteral("amount"), QStringLiteral("twelve")}});
    EXPECT_TRUE(unreadable.problem.contains(QStringLiteral("amount")));
    EXPECT_FALSE(unreadable.problem.contains(QStringLiteral("twelve"))) << "no amounts in reasons that reach logs";
    const auto noDate = providers::plaid::transactionFrom(
        QJsonObject{{QStringLiteral("transaction_id"), QStringLiteral("tx-y")},
                    {QStringLiteral("account_id"), QStringLiteral("acc-checking-0000")},
                    {QStringLiteral("iso_currency_code"), QStringLiteral("USD")},
                    {QStringLiteral("amount"), 1.5}});
    EXPECT_TRUE(noDate.problem.contains(QStringLiteral("date")));
}

TEST_F(PlaidTest, HistoryStillBeingCollectedIsSaidOnThePage)
{
    m_fake.setUpdateStatus(QStringLiteral("INITIAL_UPDATE_COMPLETE"));
    const auto collecting = fetch(context());
    ASSERT_TRUE(collecting.ok());
    EXPECT_TRUE(collecting->providerNote.contains(QStringLiteral("still collecting history")));
    m_fake.setUpdateStatus(QStringLiteral("HISTORICAL_UPDATE_COMPLETE"));
    const auto complete = fetch(context());
    ASSERT_TRUE(complete.ok());
    EXPECT_TRUE(complete->providerNote.isEmpty());
}

TEST_F(PlaidTest, PlaidsErrorClassesMapToWhatTheUserMustDo)
{
    struct Case {
        int status;
        const char* type;
        const char* code;
        const char* display;
        ErrorKind kind;
    };
    const QList<Case> cases{
        {400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED", "", ErrorKind::NeedsUser},
        {400, "ITEM_ERROR", "INVALID_CREDENTIALS", "The credentials you provided were incorrect.",
         ErrorKind::NeedsUser},
        {400, "ITEM_ERROR", "ITEM_LOCKED", "", ErrorKind::NeedsUser},
        {400, "ITEM_ERROR", "INSUFFICIENT_CREDENTIALS", "", ErrorKind::NeedsUser},
        {400, "ITEM_ERROR", "USER_SETUP_REQUIRED", "", ErrorKind::NeedsUser},
        {400, "ITEM_ERROR", "PENDING_EXPIRATION", "", ErrorKind::NeedsUser},
        {400, "OAUTH_ERROR", "OAUTH_STATE_ID_ALREADY_PROCESSED", "", ErrorKind::NeedsUser},
        {400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN", "", ErrorKind::NeedsUser},
        {400, "INVALID_INPUT", "INVALID_API_KEYS", "", ErrorKind::NeedsUser},
        {400, "INVALID_REQUEST", "INVALID_FIELD", "", ErrorKind::Permanent},
        {400, "INVALID_REQUEST", "MISSING_FIELDS", "", ErrorKind::Permanent},
        {400, "INVALID_RESULT", "PLAID_DIRECT_ITEM_IMPORT_RETURNED_INVALID_MFA", "", ErrorKind::Permanent},
        {429, "RATE_LIMIT_EXCEEDED", "TRANSACTIONS_SYNC_LIMIT", "", ErrorKind::Retryable},
        {500, "API_ERROR", "INTERNAL_SERVER_ERROR", "", ErrorKind::Retryable},
        {503, "API_ERROR", "PLANNED_MAINTENANCE", "", ErrorKind::Retryable},
        {400, "INSTITUTION_ERROR", "INSTITUTION_DOWN", "This financial institution is not currently responding.",
         ErrorKind::Retryable},
        {400, "INSTITUTION_ERROR", "INSTITUTION_NO_LONGER_SUPPORTED", "", ErrorKind::Permanent},
        {400, "ITEM_ERROR", "PRODUCT_NOT_READY", "", ErrorKind::Retryable},
    };
    for (const Case& c : cases) {
        SCOPED_TRACE(c.code);
        m_fake.failWith(c.status, QString::fromLatin1(c.type), QString::fromLatin1(c.code),
                        QString::fromUtf8(c.display));
        const auto error = fetchError(context());
        EXPECT_EQ(error.kind, c.kind);
        EXPECT_EQ(error.providerCode, QString::fromLatin1(c.code));
        if (*c.display)
            EXPECT_EQ(error.userMessage, QString::fromUtf8(c.display)) << "Plaid's display_message is what users see";
        else
            EXPECT_TRUE(error.userMessage.contains(QStringLiteral("Plaid")) &&
                        error.userMessage.contains(QString::fromLatin1(c.code)))
                << error.userMessage.toStdString();
        EXPECT_FALSE(error.userMessage.contains(PlaidFake::secret()));
        EXPECT_FALSE(error.detail.contains(QStringLiteral("scripted"))) << "error_message stays out of logs";
    }
}

TEST_F(PlaidTest, RateLimitsWaitForRetryAfterOrAMinute)
{
    m_fake.failWith(429, QStringLiteral("RATE_LIMIT_EXCEEDED"), QStringLiteral("TRANSACTIONS_SYNC_LIMIT"));
    EXPECT_EQ(fetchError(context()).retryAfterSeconds, 60);
    PlaidFake::Fault limited;
    limited.status = 429;
    limited.retryAfter = "17";
    limited.error = QJsonObject{{QStringLiteral("error_type"), QStringLiteral("RATE_LIMIT_EXCEEDED")},
                                {QStringLiteral("error_code"), QStringLiteral("RATE_LIMIT")}};
    m_fake.inject(limited);
    EXPECT_EQ(fetchError(context()).retryAfterSeconds, 17);
}

TEST_F(PlaidTest, MutationDuringPaginationAsksTheRunnerToRestart)
{
    PlaidFake::Fault mutation;
    mutation.kind = PlaidFake::Fault::Kind::MutationDuringPagination;
    m_fake.inject(mutation);
    const auto error = fetchError(context());
    EXPECT_EQ(error.providerCode, providers::kRestartPaginationCode);
    EXPECT_EQ(error.kind, ErrorKind::Retryable);
}

TEST_F(PlaidTest, AnUnlinkedConnectionNeedsTheUserWithoutCallingPlaid)
{
    FetchContext c = context();
    c.secret = QStringLiteral(R"({"client_id":"a","secret":"b","access_token":""})");
    const auto error = fetchError(c);
    EXPECT_EQ(error.kind, ErrorKind::NeedsUser);
    EXPECT_EQ(error.providerCode, QStringLiteral("NOT_LINKED"));
    EXPECT_TRUE(m_fake.requests().isEmpty());
    c.secret = QStringLiteral("garbage");
    EXPECT_EQ(fetchError(c).kind, ErrorKind::NeedsUser);
}

TEST_F(PlaidTest, WrongKeysOrTokenAreRefusedByPlaidAndNeedTheUser)
{
    FetchContext c = context();
    c.secret = QStringLiteral(R"({"client_id":"%1","secret":"wrong","access_token":"%2"})")
                   .arg(PlaidFake::clientId(), m_fake.accessToken());
    const auto keys = fetchError(c);
    EXPECT_EQ(keys.kind, ErrorKind::NeedsUser);
    EXPECT_EQ(keys.providerCode, QStringLiteral("INVALID_API_KEYS"));
    EXPECT_FALSE(keys.userMessage.contains(QStringLiteral("wrong")));
    c.secret = QStringLiteral(R"({"client_id":"%1","secret":"%2","access_token":"access-other"})")
                   .arg(PlaidFake::clientId(), PlaidFake::secret());
    EXPECT_EQ(fetchError(c).providerCode, QStringLiteral("INVALID_ACCESS_TOKEN"));
}

TEST_F(PlaidTest, BrokenAnswersAreInvalidDataNamingWhatWasWrong)
{
    using Kind = PlaidFake::Fault::Kind;
    PlaidFake::Fault fault;
    fault.kind = Kind::MalformedJson;
    m_fake.inject(fault);
    const auto malformed = fetchError(context());
    EXPECT_EQ(malformed.kind, ErrorKind::InvalidData);
    EXPECT_EQ(malformed.providerCode, QStringLiteral("MALFORMED_JSON"));
    EXPECT_TRUE(malformed.userMessage.contains(QStringLiteral("/transactions/sync")));
    EXPECT_FALSE(malformed.payload.isEmpty()) << "kept for inspection";

    fault.kind = Kind::TruncatedBody;
    m_fake.inject(fault);
    const auto truncated = fetchError(context());
    EXPECT_EQ(truncated.kind, ErrorKind::InvalidData);
    EXPECT_EQ(truncated.providerCode, QStringLiteral("MALFORMED_JSON"));

    fault.kind = Kind::WrongContentType;
    m_fake.inject(fault);
    const auto wrongType = fetchError(context());
    EXPECT_EQ(wrongType.kind, ErrorKind::InvalidData);
    EXPECT_TRUE(wrongType.userMessage.contains(QStringLiteral("text/html"))) << wrongType.userMessage.toStdString();

    // A 200 that lacks what the protocol requires.
    m_fake.route(QStringLiteral("/transactions/sync"), [](const PlaidFake::Received&) {
        return PlaidFake::Answer::json(200, QJsonObject{{QStringLiteral("added"), QJsonArray()}});
    });
    const auto incomplete = fetchError(context());
    EXPECT_EQ(incomplete.kind, ErrorKind::InvalidData);
    EXPECT_TRUE(incomplete.userMessage.contains(QStringLiteral("modified"))) << incomplete.userMessage.toStdString();
}

TEST_F(PlaidTest, HugeAnswersAreRefusedWithoutReadingThemWhole)
{
    using Kind = PlaidFake::Fault::Kind;
    PlaidFake::Fault fault;
    fault.kind = Kind::HugeBody; // 20 MiB, announced honestly
    m_fake.inject(fault);
    const auto huge = fetchError(context());
    EXPECT_EQ(huge.kind, ErrorKind::InvalidData);
    EXPECT_EQ(huge.providerCode, QStringLiteral("BODY_TOO_LARGE"));
    EXPECT_TRUE(huge.userMessage.contains(QStringLiteral("Plaid")) && huge.userMessage.contains(QStringLiteral("MiB")))
        << huge.userMessage.toStdString();

    fault.kind = Kind::HugeAnnounced; // claims 20 MiB, sends a little and hangs up
    m_fake.inject(fault);
    EXPECT_EQ(fetchError(context()).providerCode, QStringLiteral("BODY_TOO_LARGE"));

    // No length at all: the growth of what arrives is what stops it.
    m_fake.route(QStringLiteral("/transactions/sync"), [](const PlaidFake::Received&) {
        PlaidFake::Answer answer = PlaidFake::Answer::json(200, {});
        answer.body = R"({"padding": ")" + QByteArray(18 * 1024 * 1024, 'y') + R"("})";
        answer.omitLength = true;
        return answer;
    });
    EXPECT_EQ(fetchError(context()).providerCode, QStringLiteral("BODY_TOO_LARGE"));
}

TEST_F(PlaidTest, SilenceTimesOutAndADroppedAnswerIsRetryable)
{
    PlaidFake::Fault slow;
    slow.kind = PlaidFake::Fault::Kind::Delay;
    slow.delayMs = 3000;
    m_fake.inject(slow);
    FetchContext c = context();
    c.options.insert(QStringLiteral("timeoutMs"), 300);
    const auto timedOut = fetchError(c);
    EXPECT_EQ(timedOut.kind, ErrorKind::Retryable);
    EXPECT_EQ(timedOut.providerCode, QStringLiteral("TIMEOUT"));

    PlaidFake::Fault drop;
    drop.kind = PlaidFake::Fault::Kind::DropMidBody;
    m_fake.inject(drop);
    EXPECT_EQ(fetchError(context()).kind, ErrorKind::Retryable);
}

TEST_F(PlaidTest, PlainHttpIsRefusedExceptToLoopback)
{
    FetchContext c = context();
    c.options.insert(QStringLiteral("baseUrl"), QStringLiteral("http://plaid.example.com"));
    const auto error = fetchError(c);
    EXPECT_EQ(error.kind, ErrorKind::Permanent);
    EXPECT_EQ(error.providerCode, QStringLiteral("INSECURE_URL"));
}

TEST_F(PlaidTest, CancelDropsTheCallback)
{
    PlaidFake::Fault slow;
    slow.kind = PlaidFake::Fault::Kind::Delay;
    slow.delayMs = 300;
    m_fake.inject(slow);
    int calls = 0;
    m_connector.fetchChanges(context(), [&](model::Result<Page>) { ++calls; });
    QTest::qWait(50);
    m_connector.cancel();
    QTest::qWait(500);
    EXPECT_EQ(calls, 0);
}

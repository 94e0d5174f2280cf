// SimpleFIN Bridge over real HTTP: the connector against a protocol-faithful fake on loopback
// (accounts, 60-day windows, Basic auth, every fault a server can throw). The engine side is in
// SimpleFinEngineTest.cpp.

#include "SimpleFinFixture.h"

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

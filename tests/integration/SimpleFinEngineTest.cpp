// SimpleFIN Bridge through the real engine: a SimpleFIN connection synced through the queue on a
// simulated clock, against the protocol-faithful fake on loopback (retries, Retry-After, the
// Bridge's daily request budget, access revoked mid-run and signing in again, server messages).

#include "SimpleFinFixture.h"

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

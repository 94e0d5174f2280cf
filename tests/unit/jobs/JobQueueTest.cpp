// The persistent job queue: priorities, merged duplicates, retries and dead letters, and
// surviving a restart.

#include "jobs/JobQueue.h"
#include "model/Connection.h"
#include "schedule/Clock.h"
#include "store/ConnectionRepository.h"
#include "store/Database.h"

#include "TestSupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace coffer;
using jobs::JobKind;
using jobs::JobQueue;
using jobs::JobState;
using jobs::Priority;

namespace {

class JobQueueTest : public ::testing::Test {
protected:
    void SetUp() override { reopen(); }

    void reopen()
    {
        m_queue.reset();
        m_db.reset();
        m_db = std::move(store::Database::open(m_dir.path())).value();
        m_queue = std::make_unique<JobQueue>(*m_db, m_clock);
        const auto loaded = m_queue->load();
        ASSERT_TRUE(loaded.ok());
        m_loaded = loaded.value();
    }

    qint64 addConnection()
    {
        return store::ConnectionRepository(*m_db)
            .insert(model::ConnectionSpec{QStringLiteral("demo"), QStringLiteral("C"), {}, {}}, QStringLiteral("Demo Bank"),
                    m_clock.now())
            .value();
    }

    qint64 now() const { return m_clock.now().toMSecsSinceEpoch(); }

    qint64 enqueue(qint64 connection, Priority p, qint64 delayMs = 0)
    {
        const auto r = m_queue->enqueue(JobKind::SyncConnection, connection, p, now() + delayMs);
        EXPECT_TRUE(r.ok());
        return r->id;
    }

    QString stateInDb(qint64 id)
    {
        QSqlQuery q(m_db->handle());
        q.prepare(QStringLiteral("SELECT state FROM jobs WHERE id = ?"));
        q.addBindValue(id);
        EXPECT_TRUE(q.exec() && q.next());
        return q.value(0).toString();
    }

    QTemporaryDir m_dir;
    schedule::ManualClock m_clock{test::fixedNow()};
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<JobQueue> m_queue;
    JobQueue::Loaded m_loaded;
};

} // namespace

TEST_F(JobQueueTest, ManualBeatsWebhookBeatsScheduledBeatsBackfill)
{
    const qint64 a = addConnection(), b = addConnection(), c = addConnection(), d = addConnection();
    const qint64 backfill = m_queue->enqueue(JobKind::Backfill, a, Priority::Backfill, now()).value().id;
    const qint64 scheduled = enqueue(b, Priority::Scheduled);
    const qint64 manual = enqueue(c, Priority::Manual);
    const qint64 webhook = enqueue(d, Priority::Webhook);
    QList<qint64> order;
    while (auto job = m_queue->takeNext({}))
        order << job->id;
    EXPECT_EQ(order, (QList<qint64>{manual, webhook, scheduled, backfill}));
}

TEST_F(JobQueueTest, DuplicateTriggersMergeAndTheUrgentOneWins)
{
    const qint64 c = addConnection();
    const qint64 scheduled = enqueue(c, Priority::Scheduled, 60'000);
    const auto again = m_queue->enqueue(JobKind::SyncConnection, c, Priority::Manual, now());
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->merged);
    EXPECT_EQ(again->id, scheduled);
    const auto job = m_queue->takeNext({});
    ASSERT_TRUE(job);
    EXPECT_EQ(job->id, scheduled);
    EXPECT_EQ(job->priority, Priority::Manual) << "runs now, not in a minute";
    EXPECT_FALSE(m_queue->takeNext({})) << "never doubled";
    // A trigger while it runs merges into the running job too.
    EXPECT_TRUE(m_queue->enqueue(JobKind::SyncConnection, c, Priority::Webhook, now())->merged);
}

TEST_F(JobQueueTest, AdmissionSkipsJobsThatMayNotStartYet)
{
    const qint64 a = addConnection(), b = addConnection();
    enqueue(a, Priority::Manual);
    const qint64 second = enqueue(b, Priority::Scheduled);
    const auto job = m_queue->takeNext([&](const jobs::Job& j) { return j.connectionId != a; });
    ASSERT_TRUE(job);
    EXPECT_EQ(job->id, second);
}

TEST_F(JobQueueTest, RetriesWaitThenDeadLetterWithTheWholeHistory)
{
    const qint64 c = addConnection();
    const qint64 id = enqueue(c, Priority::Scheduled);
    for (int attempt = 1; attempt <= 3; ++attempt) {
        auto job = m_queue->takeNext({});
        ASSERT_TRUE(job) << "attempt " << attempt;
        EXPECT_EQ(job->attempts, attempt);
        const bool last = attempt == 3;
        m_queue->fail(id, model::Error::retryable(QStringLiteral("Bank timed out (%1)").arg(attempt)),
                      last ? std::nullopt : std::optional<qint64>(now() + 10'000));
        if (!last) {
            EXPECT_FALSE(m_queue->takeNext({})) << "waits out the backoff";
            EXPECT_EQ(m_queue->stats().delayed, 1);
            m_clock.advanceSeconds(10);
        }
    }
    ASSERT_TRUE(m_queue->flush().ok());
    EXPECT_EQ(stateInDb(id), QStringLiteral("failed"));
    const auto dead = m_queue->repository().get(id).value();
    ASSERT_TRUE(dead);
    EXPECT_EQ(dead->errors.size(), 3);
    EXPECT_EQ(dead->lastError, QStringLiteral("Bank timed out (3)"));
    EXPECT_EQ(m_queue->stats().failed, 1);

    ASSERT_TRUE(m_queue->retry(id).ok());
    const auto again = m_queue->takeNext({});
    ASSERT_TRUE(again);
    EXPECT_EQ(again->attempts, 1);
}

TEST_F(JobQueueTest, InterruptedJobsResumeAfterRestart)
{
    const qint64 a = addConnection(), b = addConnection();
    const qint64 running = enqueue(a, Priority::Manual);
    const qint64 waiting = enqueue(b, Priority::Scheduled, 3'600'000);
    ASSERT_TRUE(m_queue->takeNext({}));
    ASSERT_TRUE(m_queue->flush().ok());
    EXPECT_EQ(stateInDb(running), QStringLiteral("active"));

    reopen(); // as after a crash: nothing more was written
    EXPECT_EQ(m_loaded.resumed, 2);
    const auto resumed = m_queue->takeNext({});
    ASSERT_TRUE(resumed);
    EXPECT_EQ(resumed->id, running);
    EXPECT_EQ(resumed->attempts, 2);
    EXPECT_FALSE(m_queue->takeNext({})) << "the scheduled one is not due yet";
    m_clock.advanceSeconds(3600);
    EXPECT_EQ(m_queue->takeNext({})->id, waiting);
}

TEST_F(JobQueueTest, CompletedWorkIsNotRedoneAfterRestart)
{
    const qint64 c = addConnection();
    const qint64 id = enqueue(c, Priority::Manual);
    ASSERT_TRUE(m_queue->takeNext({}));
    m_queue->complete(id);
    ASSERT_TRUE(m_queue->flush().ok());
    reopen();
    EXPECT_EQ(m_loaded.resumed, 0);
    EXPECT_FALSE(m_queue->takeNext({}));
    EXPECT_EQ(m_queue->stats().completed, 1);
}

TEST_F(JobQueueTest, CancelAndPause)
{
    const qint64 a = addConnection(), b = addConnection();
    const qint64 first = enqueue(a, Priority::Manual);
    const qint64 second = enqueue(b, Priority::Manual);
    ASSERT_TRUE(m_queue->cancel(first).ok());
    EXPECT_EQ(stateInDb(first), QStringLiteral("cancelled"));
    EXPECT_FALSE(m_queue->cancel(first).ok()) << "nothing left to cancel";
    ASSERT_TRUE(m_queue->setPaused(true).ok());
    EXPECT_FALSE(m_queue->takeNext({}));
    EXPECT_TRUE(m_queue->stats().paused);
    reopen();
    EXPECT_TRUE(m_queue->paused()) << "a paused queue stays paused after a restart";
    ASSERT_TRUE(m_queue->setPaused(false).ok());
    EXPECT_EQ(m_queue->takeNext({})->id, second);
}

TEST_F(JobQueueTest, CorruptRowsAreReportedAndSkipped)
{
    const qint64 c = addConnection();
    const qint64 good = enqueue(c, Priority::Manual);
    ASSERT_TRUE(m_queue->flush().ok());
    QSqlQuery q(m_db->handle());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO jobs (kind, priority, trigger, state, max_attempts, run_at_ms, created_at_ms) "
                                      "VALUES ('teleport', 0, 'manual', 'waiting', 3, 0, 0)")));
    reopen();
    ASSERT_EQ(m_loaded.skipped.size(), 1);
    EXPECT_TRUE(m_loaded.skipped[0].contains(QStringLiteral("teleport")));
    EXPECT_EQ(m_queue->takeNext({})->id, good);
}

TEST_F(JobQueueTest, OnlyTheUserCutsARetryBackoffShort)
{
    const qint64 c = addConnection();
    const qint64 id = enqueue(c, Priority::Scheduled);
    ASSERT_TRUE(m_queue->takeNext({}));
    m_queue->fail(id, model::Error::retryable(QStringLiteral("Too many requests")), now() + 30'000);
    // The schedule firing meanwhile merges, but must not run before the backoff is over.
    EXPECT_TRUE(m_queue->enqueue(JobKind::SyncConnection, c, Priority::Scheduled, now())->merged);
    EXPECT_FALSE(m_queue->takeNext({}));
    // The user's "Sync now" does run it at once.
    EXPECT_TRUE(m_queue->enqueue(JobKind::SyncConnection, c, Priority::Manual, now())->merged);
    const auto job = m_queue->takeNext({});
    ASSERT_TRUE(job);
    EXPECT_EQ(job->id, id);
}

TEST_F(JobQueueTest, TheSameWorkCanBeQueuedAgainRightAfterItFinished)
{
    const qint64 c = addConnection();
    const qint64 first = enqueue(c, Priority::Manual);
    ASSERT_TRUE(m_queue->takeNext({}));
    m_queue->complete(first); // not flushed yet
    const auto again = m_queue->enqueue(JobKind::SyncConnection, c, Priority::Manual, now());
    ASSERT_TRUE(again.ok()) << again.error().userMessage.toStdString();
    EXPECT_FALSE(again->merged);
    EXPECT_NE(again->id, first);
}

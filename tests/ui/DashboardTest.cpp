// The sync monitor as a user sees it, over a real engine, database and keychain on a simulated
// clock: connection cards in every state with the button that fixes each, the queue's health with
// pause/resume, the job list with retry, cancel and a dead-lettered job's error history, and the
// 30-day charts.

#include "DashboardFixture.h"

#include "Format.h"
#include "dashboard/ConnectionCard.h"
#include "dashboard/JobListDialog.h"
#include "dashboard/JobTableModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLineSeries>
#include <QProgressBar>
#include <QScatterSeries>
#include <QTableView>
#include <QTableWidget>

#include <algorithm>

using namespace coffer;
using test::DashboardFixture;
using test::kTimeoutMs;

namespace {

QString stateText(model::ConnectionState state)
{
    return ui::Format::stateText(state);
}

} // namespace

TEST_F(DashboardFixture, CardsShowEachStateWithTheButtonThatFixesIt)
{
    const qint64 soon = engine().addDemo(32, {{QStringLiteral("consentDays"), 5}});
    const qint64 broken = engine().addDemo(33, {{QStringLiteral("fail"), QStringLiteral("invalid")}});
    const qint64 signedOut = engine().addDemo(34, {{QStringLiteral("fail"), QStringLiteral("reauth")}});
    const qint64 healthy = engine().addDemo(31, {{QStringLiteral("latencyMs"), 150}});

    // Consent running out: the days left, and Re-authenticate right on the card.
    ui::ConnectionCard* soonCard = card(soon);
    ASSERT_TRUE(waitForText(soonCard, "stateLabel", stateText(model::ConnectionState::ReauthSoon)));
    auto* consent = child<QLabel>(soonCard, "consentLabel");
    EXPECT_TRUE(consent->isVisible());
    EXPECT_TRUE(consent->text().contains(QStringLiteral("ends in 5 days"))) << consent->text().toStdString();
    QSignalSpy reauthAsked(&view(), &ui::DashboardView::reauthenticateRequested);
    auto* reauth = child<QPushButton>(soonCard, "cardReauthButton");
    ASSERT_TRUE(reauth->isVisible());
    reauth->click();
    ASSERT_EQ(reauthAsked.size(), 1);
    EXPECT_EQ(reauthAsked.first().first().toLongLong(), soon);
    EXPECT_TRUE(child<QPushButton>(soonCard, "cardSyncButton")->isVisible()) << "it still syncs until the consent ends";

    // Syncing: a live progress bar and stage text, then the run's counts and fresh data.
    ui::ConnectionCard* healthyCard = card(healthy);
    auto* progress = child<QProgressBar>(healthyCard, "syncProgressBar");
    EXPECT_FALSE(progress->isVisible());
    const auto runsBefore = engine().summaries.size();
    child<QPushButton>(healthyCard, "cardSyncButton")->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return progress->isVisible() && progress->value() > 0; }, kTimeoutMs));
    EXPECT_FALSE(child<QLabel>(healthyCard, "stageLabel")->text().isEmpty());
    EXPECT_EQ(child<QLabel>(healthyCard, "stateLabel")->text(), stateText(model::ConnectionState::Syncing));
    ASSERT_TRUE(QTest::qWaitFor([&] { return engine().summaries.size() > runsBefore; }, kTimeoutMs));
    ASSERT_TRUE(waitForText(healthyCard, "stateLabel", stateText(model::ConnectionState::Idle)));
    EXPECT_FALSE(progress->isVisible());
    EXPECT_TRUE(child<QLabel>(healthyCard, "changesLabel")->text().contains(QStringLiteral(" added")));
    EXPECT_TRUE(child<QLabel>(healthyCard, "lastSyncLabel")->text().endsWith(QStringLiteral("just now")));
    EXPECT_TRUE(child<QLabel>(healthyCard, "freshnessLabel")->text().contains(QStringLiteral("Fresh")));
    EXPECT_TRUE(child<QLabel>(healthyCard, "nextSyncLabel")->text().startsWith(QStringLiteral("Next sync: ")));

    // A failed sync: the error in plain words and Retry, which really runs the sync again.
    EXPECT_FALSE(engine().sync(broken).succeeded);
    ui::ConnectionCard* brokenCard = card(broken);
    ASSERT_TRUE(waitForText(brokenCard, "stateLabel", stateText(model::ConnectionState::Error)));
    EXPECT_TRUE(child<QLabel>(brokenCard, "errorLabel")->text().contains(QStringLiteral("could not read")));
    auto* retry = child<QPushButton>(brokenCard, "cardRetryButton");
    ASSERT_TRUE(retry->isVisible());
    EXPECT_FALSE(child<QPushButton>(brokenCard, "cardSyncButton")->isVisible());
    const auto before = engine().summaries.size();
    retry->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return engine().summaries.size() > before; }, kTimeoutMs));
    EXPECT_EQ(engine().summaries.last().connectionId, broken);
    EXPECT_EQ(inspect().number(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE connection_id = %1").arg(broken)),
              2);

    // Signed out: only signing in again helps, so neither Retry nor Sync now is offered.
    EXPECT_FALSE(engine().sync(signedOut).succeeded);
    ui::ConnectionCard* signedOutCard = card(signedOut);
    ASSERT_TRUE(waitForText(signedOutCard, "stateLabel", stateText(model::ConnectionState::ReauthRequired)));
    EXPECT_TRUE(child<QPushButton>(signedOutCard, "cardReauthButton")->isVisible());
    EXPECT_FALSE(child<QPushButton>(signedOutCard, "cardRetryButton")->isVisible());
    EXPECT_FALSE(child<QPushButton>(signedOutCard, "cardSyncButton")->isVisible());
    EXPECT_TRUE(child<QLabel>(signedOutCard, "errorLabel")->text().contains(QStringLiteral("sign in again")));
    EXPECT_TRUE(child<QLabel>(signedOutCard, "freshnessLabel")->text().contains(QStringLiteral("never synced")));

    // Paused by the user.
    engine().host().setConnectionPaused(healthy, true);
    ASSERT_TRUE(waitForText(healthyCard, "stateLabel", stateText(model::ConnectionState::Paused)));

    // The user's threshold (Settings: stale after 4 hours): five hours on, the same data is stale.
    engine().host().setSetting(QStringLiteral("stale_after_hours"), QStringLiteral("4"));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return child<QLabel>(healthyCard, "freshnessLabel")->text().endsWith(QStringLiteral(" within 4 hours"));
        },
        kTimeoutMs));
    clock().advanceSeconds(5 * 3600);
    healthyCard->refreshRelativeTimes(clock().now());
    EXPECT_TRUE(child<QLabel>(healthyCard, "freshnessLabel")->text().contains(QStringLiteral("Stale")));
    EXPECT_TRUE(child<QLabel>(healthyCard, "lastSyncLabel")->text().endsWith(QStringLiteral("5 hours ago")));
}

TEST_F(DashboardFixture, QueueStripShowsTheEngineCountsAndPausesTheQueue)
{
    QSignalSpy stats(&engine().host(), &EngineHost::queueStats);
    const qint64 id = engine().addDemo(41);
    const qint64 failing = engine().addDemo(42, {{QStringLiteral("fail"), QStringLiteral("invalid")}});
    EXPECT_FALSE(engine().sync(failing).succeeded); // unreadable data is not retried: a failed job
    auto* failed = child<QLabel>(&view(), "queueFailedValue");
    ASSERT_TRUE(QTest::qWaitFor([&] { return failed->text() == u"1"; }, kTimeoutMs)) << failed->text().toStdString();

    auto* pause = child<QPushButton>(&view(), "queuePauseButton");
    auto* state = child<QLabel>(&view(), "queueStateLabel");
    ASSERT_TRUE(pause->isEnabled());
    EXPECT_EQ(pause->text(), QStringLiteral("Pause queue"));
    pause->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return pause->text() == u"Resume queue" && pause->isEnabled(); }, kTimeoutMs));
    EXPECT_TRUE(state->text().startsWith(QStringLiteral("Paused"))) << state->text().toStdString();

    // The new connection's first scheduled sync comes due while paused: it waits, held by the pause.
    advance(61);
    auto* held = child<QLabel>(&view(), "queuePausedValue");
    auto* waiting = child<QLabel>(&view(), "queueWaitingValue");
    ASSERT_TRUE(QTest::qWaitFor([&] { return held->text().toInt() >= 1; }, kTimeoutMs));
    EXPECT_EQ(waiting->text(), QStringLiteral("0"));
    ASSERT_TRUE(waitForText(card(id), "stateLabel", stateText(model::ConnectionState::Queued)));
    // The tiles are the engine's own counts.
    const auto last = stats.last().first().value<jobs::QueueStats>();
    EXPECT_TRUE(last.paused);
    EXPECT_EQ(held->text().toInt(), last.waiting);
    EXPECT_EQ(child<QLabel>(&view(), "queueDelayedValue")->text().toInt(), last.delayed);
    EXPECT_EQ(child<QLabel>(&view(), "queueActiveValue")->text().toInt(), last.active);

    pause->click();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return std::any_of(engine().summaries.cbegin(), engine().summaries.cend(),
                               [&](const model::SyncSummary& s) { return s.connectionId == id && s.succeeded; });
        },
        kTimeoutMs))
        << "resumed, the held sync runs";
    ASSERT_TRUE(QTest::qWaitFor([&] { return pause->text() == u"Pause queue"; }, kTimeoutMs));
    EXPECT_TRUE(state->text().startsWith(QStringLiteral("Running"))) << state->text().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return held->text() == u"0"; }, kTimeoutMs));
}

TEST_F(DashboardFixture, JobListRetriesCancelsAndShowsTheErrorHistoryOfADeadLetteredJob)
{
    const qint64 id = engine().addDemo(51, {{QStringLiteral("fail"), QStringLiteral("transient")}});
    // Four attempts with backoff (5, 10, 20 s), then the job is dead-lettered.
    engine().host().syncNow(id);
    ASSERT_TRUE(QTest::qWaitFor([&] { return engine().summaries.size() == 1; }, kTimeoutMs));
    for (const int wait : {7, 14, 25}) {
        const auto before = engine().summaries.size();
        advance(wait);
        ASSERT_TRUE(QTest::qWaitFor([&] { return engine().summaries.size() > before; }, kTimeoutMs));
    }
    ASSERT_EQ(engine().summaries.size(), 4);

    child<QPushButton>(&view(), "queueJobsButton")->click();
    auto* dialog = view().findChild<ui::JobListDialog*>(QStringLiteral("jobListDialog"));
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(dialog));
    ui::JobTableModel& model = *dialog->model();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto rowOfSyncJob = [&] {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.job(row)->kind == jobs::JobKind::SyncConnection && model.job(row)->connectionId == id)
                return row;
        }
        return -1;
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return rowOfSyncJob() >= 0; }, kTimeoutMs));
    int row = rowOfSyncJob();
    EXPECT_EQ(model.index(row, ui::JobTableModel::StateColumn).data().toString(), QStringLiteral("Failed"));
    EXPECT_EQ(model.index(row, ui::JobTableModel::AttemptsColumn).data().toString(), QStringLiteral("4 of 4"));
    EXPECT_EQ(model.index(row, ui::JobTableModel::ConnectionColumn).data().toString(), QStringLiteral("Demo 51"));

    // The whole error history of the dead-lettered job, one row per attempt.
    auto* table = child<QTableView>(dialog, "jobTable");
    table->selectRow(row);
    auto* history = child<QTableWidget>(dialog, "jobErrorHistory");
    ASSERT_TRUE(QTest::qWaitFor([&] { return history->rowCount() == 4; }, kTimeoutMs));
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(history->item(i, 1)->text(), QString::number(i + 1));
        EXPECT_EQ(history->item(i, 2)->text(), QStringLiteral("Temporary problem"));
        EXPECT_EQ(history->item(i, 3)->text(), QStringLiteral("DEMO_UNAVAILABLE"));
        EXPECT_TRUE(history->item(i, 4)->text().contains(QStringLiteral("temporarily unavailable")));
    }
    EXPECT_TRUE(child<QLabel>(dialog, "jobHistoryTitle")->text().contains(QStringLiteral("4 errors")));

    // Retry: the engine runs it again (it fails again and waits out a backoff).
    auto* retry = child<QPushButton>(dialog, "jobRetryButton");
    auto* cancel = child<QPushButton>(dialog, "jobCancelButton");
    ASSERT_TRUE(retry->isEnabled());
    EXPECT_FALSE(cancel->isEnabled());
    retry->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return engine().summaries.size() == 5; }, kTimeoutMs));
    EXPECT_TRUE(waitForText(dialog, "jobMessageLabel", QStringLiteral("is queued again"), true));
    ASSERT_TRUE(QTest::qWaitFor([&] { return cancel->isEnabled(); }, kTimeoutMs)) << "the retried job is open again";
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return model.index(rowOfSyncJob(), ui::JobTableModel::StateColumn).data().toString() == u"Waiting to retry";
        },
        kTimeoutMs));
    EXPECT_FALSE(retry->isEnabled());

    // Cancel it while it waits to retry.
    cancel->click();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return model.index(rowOfSyncJob(), ui::JobTableModel::StateColumn).data().toString() == u"Cancelled"; },
        kTimeoutMs));
    EXPECT_TRUE(retry->isEnabled());
    EXPECT_FALSE(cancel->isEnabled());
    bool cancelledInEngine = false;
    for (const jobs::Job& job : engine().jobs())
        cancelledInEngine |= job.connectionId == id && job.state == jobs::JobState::Cancelled;
    EXPECT_TRUE(cancelledInEngine);
}

TEST_F(DashboardFixture, ChartsFollowTheSyncHistoryForAllConnectionsOrOne)
{
    const qint64 first = engine().addDemo(61);
    const qint64 second = engine().addDemo(62);
    const qint64 failing = engine().addDemo(63, {{QStringLiteral("fail"), QStringLiteral("invalid")}});
    const auto series = [&]<typename T>(const char* chart, const char* name, T*) {
        QChartView* v = child<QChartView>(&view(), chart);
        return v ? v->chart()->findChild<T*>(QString::fromLatin1(name)) : nullptr;
    };
    auto* durations = series("durationChart", "durationSeries", static_cast<QLineSeries*>(nullptr));
    auto* failedRuns = series("durationChart", "failedRunSeries", static_cast<QScatterSeries*>(nullptr));
    auto* success = series("successChart", "successSeries", static_cast<QLineSeries*>(nullptr));
    auto* transactions = series("transactionChart", "transactionSet", static_cast<QBarSet*>(nullptr));
    ASSERT_TRUE(durations && failedRuns && success && transactions);
    EXPECT_EQ(durations->count(), 0);

    ASSERT_TRUE(engine().sync(first).succeeded);
    ASSERT_TRUE(engine().sync(second).succeeded);
    ASSERT_FALSE(engine().sync(failing).succeeded);
    // Redrawn once the syncs are over (coalesced).
    ASSERT_TRUE(QTest::qWaitFor([&] { return durations->count() == 3; }, kTimeoutMs)) << durations->count();
    EXPECT_EQ(failedRuns->count(), 1);
    ASSERT_EQ(success->count(), 1) << "all three ran today";
    EXPECT_NEAR(success->at(0).y(), 200.0 / 3.0, 0.01);
    EXPECT_EQ(success->at(0).x(), 29.0) << "today is the last of the 30 days";
    auto* successChart = child<QChartView>(&view(), "successChart");
    EXPECT_TRUE(successChart->chart()->title().contains(QStringLiteral("67 % of 3 runs")))
        << successChart->chart()->title().toStdString();

    // Transactions per day: the last 30 days of what the transaction list shows.
    const auto sum = [&] {
        qreal total = 0;
        for (int i = 0; i < transactions->count(); ++i)
            total += transactions->at(i);
        return qint64(total);
    };
    const QDate today = clock().now().toLocalTime().date();
    const QString visibleSince =
        QStringLiteral(
            "SELECT COUNT(*) FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE t.status != 'removed' "
            "AND t.matched_to IS NULL AND t.booked_on BETWEEN '%1' AND '%2'")
            .arg(today.addDays(-29).toString(Qt::ISODate), today.toString(Qt::ISODate));
    EXPECT_EQ(transactions->count(), 30);
    EXPECT_GT(sum(), 0);
    EXPECT_EQ(sum(), inspect().number(visibleSince));

    // One connection: its own runs and transactions.
    auto* combo = child<QComboBox>(&view(), "chartConnectionCombo");
    ASSERT_EQ(combo->count(), 4) << "all, then each connection";
    combo->setCurrentIndex(combo->findData(first));
    EXPECT_EQ(durations->count(), 1);
    EXPECT_EQ(failedRuns->count(), 0);
    EXPECT_EQ(success->at(0).y(), 100.0);
    EXPECT_EQ(sum(), inspect().number(visibleSince + QStringLiteral(" AND a.connection_id = %1").arg(first)));
    combo->setCurrentIndex(combo->findData(failing));
    EXPECT_EQ(failedRuns->count(), 1);
    EXPECT_EQ(sum(), 0);
}

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Coffer-tests"));
    return RUN_ALL_TESTS();
}

// The desktop alerts: which engine events become messages, grouped and rate-limited.

#include "tray/NotificationCenter.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

namespace {

using namespace coffer;
using ui::AlertCondition;
using ui::AlertDestination;
using ui::DesktopAlert;
using ui::NotificationCenter;

class NotificationCenterTest : public ::testing::Test {
protected:
    NotificationCenterTest()
    {
        center.setClock([this] { return now; });
    }

    // The alerts emitted once the current burst has been grouped.
    QList<DesktopAlert> settle()
    {
        EXPECT_TRUE(QTest::qWaitFor([this] { return !center.grouping(); }, 10000));
        QList<DesktopAlert> alerts;
        for (const QList<QVariant>& args : std::as_const(spy))
            alerts.append(args.first().value<DesktopAlert>());
        spy.clear();
        return alerts;
    }

    static model::ConnectionStatus connection(qint64 id, model::ConnectionState state = model::ConnectionState::Idle)
    {
        model::ConnectionStatus c;
        c.connectionId = id;
        c.name = QStringLiteral("Bank %1").arg(id);
        c.state = state;
        return c;
    }

    static model::Notification stale(qint64 id)
    {
        model::Notification n;
        n.kind = model::Notification::Kind::DataStale;
        n.connectionId = id;
        return n;
    }

    static model::SyncSummary run(qint64 id, bool succeeded, model::ErrorKind kind = model::ErrorKind::Retryable)
    {
        model::SyncSummary s;
        s.connectionId = id;
        s.connectionName = QStringLiteral("Bank %1").arg(id);
        s.succeeded = succeeded;
        if (!succeeded) {
            model::Error e = model::Error::retryable(QStringLiteral("down"));
            e.kind = kind;
            s.error = e;
        }
        return s;
    }

    QDateTime now = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
    NotificationCenter center;
    QSignalSpy spy{&center, &NotificationCenter::alertReady};
};

TEST_F(NotificationCenterTest, TheSameConditionTwiceGivesOneMessageAndAgainOnlyAfterItCleared)
{
    center.onConnectionsChanged({connection(1)});
    center.onNotification(stale(1));
    auto alerts = settle();
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_EQ(alerts[0].condition, AlertCondition::Stale);
    EXPECT_EQ(alerts[0].title, QStringLiteral("Bank 1 is out of date"));
    EXPECT_EQ(alerts[0].destination, AlertDestination::Dashboard);

    center.onNotification(stale(1)); // still stale: nothing new to say
    EXPECT_TRUE(settle().isEmpty());
    EXPECT_TRUE(center.needsAttention());

    center.onSyncFinished(run(1, true), QStringLiteral("scheduled")); // fresh again: the condition clears
    EXPECT_FALSE(center.isActive(1, AlertCondition::Stale));
    EXPECT_FALSE(center.needsAttention());
    center.onNotification(stale(1)); // and comes back
    alerts = settle();
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_EQ(alerts[0].condition, AlertCondition::Stale);
}

TEST_F(NotificationCenterTest, ConnectionsRaisingTheSameConditionTogetherShareOneMessage)
{
    center.onConnectionsChanged({connection(1), connection(2), connection(3)});
    center.onNotification(stale(1));
    center.onNotification(stale(3));
    const auto alerts = settle();
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_EQ(alerts[0].connectionIds, (QList<qint64>{1, 3}));
    EXPECT_EQ(alerts[0].title, QStringLiteral("2 connections are out of date"));
    EXPECT_TRUE(alerts[0].text.contains(QStringLiteral("Bank 1, Bank 3"))) << alerts[0].text.toStdString();
}

TEST_F(NotificationCenterTest, FailuresAreAnnouncedOnlyFromTheThresholdOnAndOncePerStreak)
{
    center.setThresholds({3, 7});
    center.onSyncFinished(run(1, false), {});
    center.onSyncFinished(run(1, false), {});
    EXPECT_TRUE(settle().isEmpty()) << "two failures are below the threshold of three";
    center.onSyncFinished(run(1, false), {});
    auto alerts = settle();
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_EQ(alerts[0].condition, AlertCondition::RepeatedFailures);
    EXPECT_EQ(alerts[0].title, QStringLiteral("Bank 1 keeps failing to sync"));
    center.onSyncFinished(run(1, false), {});
    EXPECT_TRUE(settle().isEmpty()) << "the fourth failure belongs to the same streak";

    center.onSyncFinished(run(1, true), {});
    for (int i = 0; i < 3; ++i)
        center.onSyncFinished(run(1, false), {});
    EXPECT_EQ(settle().size(), 1) << "a new streak after a success is news";
}

TEST_F(NotificationCenterTest, CancelledRunsAndSignInProblemsAreNotCountedAsFailures)
{
    center.setThresholds({1, 7});
    center.onSyncFinished(run(1, false, model::ErrorKind::Cancelled), {});
    center.onSyncFinished(run(1, false, model::ErrorKind::NeedsUser), {});
    EXPECT_TRUE(settle().isEmpty());
}

TEST_F(NotificationCenterTest, ReauthenticationRequiredIsAnnouncedOnceUntilTheConnectionRecovers)
{
    center.onConnectionsChanged({connection(1, model::ConnectionState::ReauthRequired)});
    model::Notification n;
    n.kind = model::Notification::Kind::ReauthRequired;
    n.connectionId = 1;
    center.onNotification(n); // the engine's notice of the same condition
    auto alerts = settle();
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_EQ(alerts[0].condition, AlertCondition::ReauthRequired);
    EXPECT_EQ(alerts[0].destination, AlertDestination::Dashboard);

    // A retry in flight is not a recovery.
    center.onConnectionsChanged({connection(1, model::ConnectionState::Syncing)});
    center.onConnectionsChanged({connection(1, model::ConnectionState::ReauthRequired)});
    EXPECT_TRUE(settle().isEmpty());

    center.onConnectionsChanged({connection(1, model::ConnectionState::Idle)});
    center.onConnectionsChanged({connection(1, model::ConnectionState::ReauthRequired)});
    EXPECT_EQ(settle().size(), 1);
}

TEST_F(NotificationCenterTest, ConsentEndingSoonFollowsTheUsersWarningPeriod)
{
    center.setThresholds({3, 5});
    auto c = connection(1);
    c.consentExpiresAt = now.addDays(6);
    center.onConnectionsChanged({c});
    EXPECT_TRUE(settle().isEmpty()) << "six days left, warning from five";
    now = now.addDays(1);
    center.onConnectionsChanged({c});
    const auto alerts = settle();
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_EQ(alerts[0].condition, AlertCondition::ReauthSoon);
    center.onConnectionsChanged({c});
    EXPECT_TRUE(settle().isEmpty());
}

TEST_F(NotificationCenterTest, EveryFinishedBackfillIsNewsThatLeadsToTheTransactions)
{
    center.onSyncFinished(run(4, true), QStringLiteral("scheduled"));
    EXPECT_TRUE(settle().isEmpty()) << "an ordinary sync is not news";
    center.onSyncFinished(run(4, true), QStringLiteral("backfill"));
    auto alerts = settle();
    ASSERT_EQ(alerts.size(), 1);
    EXPECT_EQ(alerts[0].condition, AlertCondition::BackfillFinished);
    EXPECT_EQ(alerts[0].destination, AlertDestination::Transactions);
    EXPECT_FALSE(center.needsAttention()) << "news is not a problem";
    center.onSyncFinished(run(4, true), QStringLiteral("backfill"));
    EXPECT_EQ(settle().size(), 1);
}

TEST_F(NotificationCenterTest, ARemovedConnectionTakesItsConditionsAlong)
{
    center.onConnectionsChanged({connection(1)});
    center.onNotification(stale(1));
    settle();
    QSignalSpy attention(&center, &NotificationCenter::attentionChanged);
    center.onConnectionsChanged({});
    EXPECT_FALSE(center.needsAttention());
    ASSERT_EQ(attention.size(), 1);
    EXPECT_FALSE(attention.first().first().toBool());
}

TEST_F(NotificationCenterTest, ThresholdsComeFromTheEngineSettingsWithTheirDefaults)
{
    auto t = NotificationCenter::thresholdsFrom({{QStringLiteral("failures_before_notifying"), QStringLiteral("5")}});
    EXPECT_EQ(t.failuresBeforeNotifying, 5);
    EXPECT_EQ(t.consentWarningDays, 7);
}

} // namespace

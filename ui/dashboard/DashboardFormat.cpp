#include "dashboard/DashboardFormat.h"

#include "jobs/HealthCheck.h"

#include <QLocale>

namespace coffer::ui {

qint64 DashboardFormat::staleAfterSeconds(qint64 fromStatus)
{
    // The engine sends the user's threshold with every status; before the first one, its default.
    return fromStatus > 0 ? fromStatus : jobs::HealthThresholds{}.staleAfterSeconds;
}

bool DashboardFormat::isStale(const QDateTime& lastSuccessAt, const QDateTime& now, qint64 staleAfter)
{
    // As jobs::checkHealth decides it.
    return !lastSuccessAt.isValid() || lastSuccessAt.secsTo(now) >= staleAfterSeconds(staleAfter);
}

namespace {
QString hours(qint64 seconds)
{
    const int h = static_cast<int>(seconds / 3600);
    return h == 1 ? DashboardFormat::tr("1 hour") : DashboardFormat::tr("%n hours", nullptr, h);
}
} // namespace

QString DashboardFormat::freshness(const QDateTime& lastSuccessAt, const QDateTime& now, qint64 staleAfter)
{
    if (!lastSuccessAt.isValid())
        return tr("Stale: never synced");
    if (isStale(lastSuccessAt, now, staleAfter))
        return tr("Stale: not updated for over %1").arg(hours(staleAfterSeconds(staleAfter)));
    return tr("Fresh: updated within %1").arg(hours(staleAfterSeconds(staleAfter)));
}

QString DashboardFormat::freshnessToolTip(qint64 staleAfter)
{
    return tr("Data counts as stale when its last successful sync is more than %1 old (Settings, Notifications).")
        .arg(hours(staleAfterSeconds(staleAfter)));
}

qint64 DashboardFormat::consentDaysLeft(const QDateTime& expiresAt, const QDateTime& now)
{
    return now.toUTC().daysTo(expiresAt.toUTC());
}

QString DashboardFormat::consentNotice(const QDateTime& expiresAt, const QDateTime& now)
{
    if (!expiresAt.isValid())
        return {};
    const qint64 days = consentDaysLeft(expiresAt, now);
    if (days < 0 || expiresAt <= now)
        return tr("Your permission to read this bank has ended: re-authenticate to keep syncing.");
    if (days == 0)
        return tr("Your permission to read this bank ends today: re-authenticate to keep syncing.");
    if (days == 1)
        return tr("Your permission to read this bank ends tomorrow: re-authenticate to keep syncing.");
    return tr("Your permission to read this bank ends in %n days: re-authenticate to keep syncing.", nullptr,
              static_cast<int>(days));
}

QString DashboardFormat::jobKind(jobs::JobKind kind)
{
    using jobs::JobKind;
    switch (kind) {
    case JobKind::SyncConnection:
        return tr("Sync");
    case JobKind::Backfill:
        return tr("History backfill");
    case JobKind::RefreshCredentials:
        return tr("Sign-in check");
    case JobKind::HealthCheck:
        return tr("Health check");
    case JobKind::Cleanup:
        return tr("Cleanup");
    }
    return tr("Sync");
}

QString DashboardFormat::jobState(const jobs::Job& job)
{
    using jobs::JobState;
    switch (job.state) {
    case JobState::Waiting:
        return tr("Waiting");
    case JobState::Active:
        return tr("Running");
    case JobState::Delayed:
        return tr("Waiting to retry");
    case JobState::Completed:
        return tr("Completed");
    case JobState::Failed:
        return tr("Failed");
    case JobState::Cancelled:
        return tr("Cancelled");
    }
    return tr("Waiting");
}

QString DashboardFormat::attempts(const jobs::Job& job)
{
    return tr("%1 of %2").arg(QLocale().toString(job.attempts), QLocale().toString(job.maxAttempts));
}

QString DashboardFormat::jobTime(const jobs::Job& job)
{
    if (job.state == jobs::JobState::Active)
        return tr("now");
    if (job.isOpen())
        return job.runAtMs > 0 ? tr("from %1").arg(dateTime(job.runAtMs)) : QString();
    return job.finishedAtMs > 0 ? dateTime(job.finishedAtMs) : QString();
}

QString DashboardFormat::errorKind(const QString& kindName)
{
    if (kindName == u"retryable")
        return tr("Temporary problem");
    if (kindName == u"needs-user")
        return tr("Needs you to sign in");
    if (kindName == u"invalid-data")
        return tr("Unreadable data");
    if (kindName == u"storage")
        return tr("Storage problem");
    if (kindName == u"cancelled")
        return tr("Cancelled");
    return tr("Failed");
}

QString DashboardFormat::dateTime(qint64 msecsSinceEpoch)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, Qt::UTC).toLocalTime();
    // Seconds matter here: retries follow each other seconds apart.
    return tr("%1 %2").arg(QLocale().toString(local.date(), QLocale::ShortFormat),
                           local.time().toString(QStringLiteral("HH:mm:ss")));
}

} // namespace coffer::ui

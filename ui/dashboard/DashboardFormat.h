#pragma once

#include "jobs/Job.h"
#include "model/Error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace coffer::ui {

// The dashboard's own wording: freshness, consent countdown and the job list. Shared wording for
// connections lives in Format.
class DashboardFormat {
    Q_DECLARE_TR_FUNCTIONS(coffer::ui::DashboardFormat)
public:
    // The engine's staleness rule (its health check's threshold): data is stale when the last
    // successful sync is older than this, or when there never was one.
    // The threshold a status carries (ConnectionStatus::staleAfterSeconds), or the default.
    static qint64 staleAfterSeconds(qint64 fromStatus);
    static bool isStale(const QDateTime& lastSuccessAt, const QDateTime& now, qint64 staleAfter);
    static QString freshness(const QDateTime& lastSuccessAt, const QDateTime& now, qint64 staleAfter);
    static QString freshnessToolTip(qint64 staleAfter);

    // Whole days until a consent ends, counted as the engine counts them (UTC dates).
    static qint64 consentDaysLeft(const QDateTime& expiresAt, const QDateTime& now);
    static QString consentNotice(const QDateTime& expiresAt, const QDateTime& now);

    static QString jobKind(jobs::JobKind kind);
    static QString jobState(const jobs::Job& job);
    static QString attempts(const jobs::Job& job);
    // When the job runs next (open jobs) or when it ended.
    static QString jobTime(const jobs::Job& job);
    static QString errorKind(const QString& kindName);
    static QString dateTime(qint64 msecsSinceEpoch);
};

} // namespace coffer::ui

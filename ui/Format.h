#pragma once

#include "model/Snapshots.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace coffer::ui {

// User-facing wording for engine values, in one place so every view says things the same way.
class Format {
    Q_DECLARE_TR_FUNCTIONS(coffer::ui::Format)
public:
    // "just now", "12 minutes ago", "yesterday", ...; "never" for an invalid time.
    static QString relativeTime(const QDateTime& from, const QDateTime& now);
    static QString lastSuccessfulSync(const QDateTime& at, const QDateTime& now);
    // "Next sync: in 12 minutes", "Next sync: at 14:35", "Next sync: Tue 06:30"; empty when none.
    static QString nextSync(const QDateTime& at, const QDateTime& now);
    static QString stateText(model::ConnectionState state);
    static QString stageText(model::SyncStage stage);
    static QString progressText(const model::JobProgress& progress);
    static QString lastRunChanges(const model::ChangeCounts& changes);
    static QString providerName(const QString& providerId);
    static QString providerLine(const model::ConnectionStatus& status);
    static QString accountsAndTransactions(int accounts, qint64 transactions);
    static QString transactionCount(qint64 count);
    static QString syncSummary(const model::SyncSummary& summary);
    static QString notification(const model::Notification& notification);
};

} // namespace coffer::ui

#include "Format.h"

#include <QLocale>

#include <limits>

namespace coffer::ui {

namespace {
int clampToInt(qint64 value)
{
    return static_cast<int>(qBound(qint64(0), value, qint64(std::numeric_limits<int>::max())));
}
} // namespace

// Singular forms get their own source strings so English reads well without a .qm file;
// the %n forms carry plural rules for translators.
QString Format::relativeTime(const QDateTime& from, const QDateTime& now)
{
    if (!from.isValid())
        return tr("never");
    const qint64 seconds = qMax<qint64>(0, from.secsTo(now));
    if (seconds < 60)
        return tr("just now");
    const int minutes = clampToInt(seconds / 60);
    if (minutes < 60)
        return minutes == 1 ? tr("1 minute ago") : tr("%n minutes ago", nullptr, minutes);
    const int hours = minutes / 60;
    if (hours < 24)
        return hours == 1 ? tr("1 hour ago") : tr("%n hours ago", nullptr, hours);
    const int days = hours / 24;
    if (days == 1)
        return tr("yesterday");
    if (days < 30)
        return tr("%n days ago", nullptr, days);
    return tr("on %1").arg(QLocale().toString(from.toLocalTime().date(), QLocale::ShortFormat));
}

QString Format::lastSuccessfulSync(const QDateTime& at, const QDateTime& now)
{
    return tr("Last successful sync: %1").arg(relativeTime(at, now));
}

QString Format::nextSync(const QDateTime& at, const QDateTime& now)
{
    if (!at.isValid())
        return {};
    const qint64 seconds = now.secsTo(at);
    if (seconds < 60)
        return tr("Next sync: within a minute");
    if (seconds < 3600)
        return tr("Next sync: in %n minute(s)", nullptr, int(seconds / 60));
    const QDateTime local = at.toLocalTime();
    if (local.date() == now.toLocalTime().date())
        return tr("Next sync: at %1").arg(local.time().toString(QStringLiteral("HH:mm")));
    return tr("Next sync: %1 %2")
        .arg(QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat),
             local.time().toString(QStringLiteral("HH:mm")));
}

QString Format::stateText(model::ConnectionState state)
{
    using model::ConnectionState;
    switch (state) {
    case ConnectionState::Idle:
        return tr("Idle");
    case ConnectionState::Queued:
        return tr("Queued");
    case ConnectionState::Syncing:
        return tr("Syncing");
    case ConnectionState::Error:
        return tr("Error");
    case ConnectionState::Paused:
        return tr("Paused");
    case ConnectionState::ReauthRequired:
        return tr("Re-authentication required");
    case ConnectionState::ReauthSoon:
        return tr("Re-authentication needed soon");
    }
    return tr("Idle");
}

QString Format::stageText(model::SyncStage stage)
{
    using model::SyncStage;
    switch (stage) {
    case SyncStage::Starting:
        return tr("Starting");
    case SyncStage::Accounts:
        return tr("Reading accounts");
    case SyncStage::Transactions:
        return tr("Fetching transactions");
    case SyncStage::Finalizing:
        return tr("Finishing up");
    case SyncStage::Completed:
        return tr("Completed");
    case SyncStage::Failed:
        return tr("Failed");
    }
    return tr("Starting");
}

QString Format::progressText(const model::JobProgress& progress)
{
    if (progress.transactionsProcessed > 0)
        return tr("%1: %Ln transactions so far", nullptr, progress.transactionsProcessed)
            .arg(stageText(progress.stage));
    return stageText(progress.stage);
}

QString Format::lastRunChanges(const model::ChangeCounts& changes)
{
    const QLocale locale;
    return tr("Last run: %1 added, %2 modified, %3 removed")
        .arg(locale.toString(changes.added), locale.toString(changes.modified), locale.toString(changes.removed));
}

QString Format::providerName(const QString& providerId)
{
    if (providerId == QLatin1String("demo"))
        return tr("Demo");
    if (providerId == QLatin1String("plaid"))
        return QStringLiteral("Plaid");
    if (providerId == QLatin1String("simplefin"))
        return QStringLiteral("SimpleFIN");
    if (providerId == QLatin1String("gocardless"))
        return QStringLiteral("GoCardless");
    if (providerId == QLatin1String("powens"))
        return QStringLiteral("Powens");
    if (providerId == QLatin1String("ofxdirect"))
        return tr("OFX Direct Connect");
    if (providerId == QLatin1String("file"))
        return tr("File import");
    return providerId;
}

QString Format::providerLine(const model::ConnectionStatus& status)
{
    const QString provider = providerName(status.provider);
    if (status.institution.isEmpty() || status.institution == provider)
        return provider;
    return tr("%1 \u00b7 %2").arg(provider, status.institution);
}

QString Format::accountsAndTransactions(int accounts, qint64 transactions)
{
    const QString accountText = accounts == 1 ? tr("1 account") : tr("%Ln accounts", nullptr, accounts);
    return tr("%1 \u00b7 %2").arg(accountText, transactionCount(transactions));
}

QString Format::transactionCount(qint64 count)
{
    if (count == 1)
        return tr("1 transaction");
    // %Ln takes an int; counts beyond that are formatted by hand.
    if (count > std::numeric_limits<int>::max())
        return tr("%1 transactions").arg(QLocale().toString(count));
    return tr("%Ln transactions", nullptr, clampToInt(count));
}

QString Format::syncSummary(const model::SyncSummary& summary)
{
    if (summary.succeeded) {
        const QLocale locale;
        QString text = tr("%1 synced: %2 added, %3 modified, %4 removed")
                           .arg(summary.connectionName, locale.toString(summary.changes.added),
                                locale.toString(summary.changes.modified), locale.toString(summary.changes.removed));
        if (summary.changes.matched > 0)
            text += tr(", %1 duplicates caught").arg(locale.toString(summary.changes.matched));
        if (summary.changes.invalid > 0)
            text += tr(", %1 unreadable records set aside").arg(locale.toString(summary.changes.invalid));
        return text + u'.';
    }
    const QString reason = summary.error ? summary.error->userMessage : tr("unknown error");
    return tr("%1 could not sync: %2").arg(summary.connectionName, reason);
}

QString Format::notification(const model::Notification& notification)
{
    if (notification.title.isEmpty())
        return notification.message;
    if (notification.message.isEmpty())
        return notification.title;
    return tr("%1: %2").arg(notification.title, notification.message);
}

} // namespace coffer::ui

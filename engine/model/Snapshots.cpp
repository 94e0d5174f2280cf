#include "model/Snapshots.h"

namespace coffer::model {

QString connectionStateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Idle:
        return QStringLiteral("idle");
    case ConnectionState::Queued:
        return QStringLiteral("queued");
    case ConnectionState::Syncing:
        return QStringLiteral("syncing");
    case ConnectionState::Error:
        return QStringLiteral("error");
    case ConnectionState::Paused:
        return QStringLiteral("paused");
    case ConnectionState::ReauthRequired:
        return QStringLiteral("re-authentication required");
    case ConnectionState::ReauthSoon:
        return QStringLiteral("re-authentication needed soon");
    }
    return QStringLiteral("idle");
}

QString syncStageName(SyncStage stage)
{
    switch (stage) {
    case SyncStage::Starting:
        return QStringLiteral("starting");
    case SyncStage::Accounts:
        return QStringLiteral("accounts");
    case SyncStage::Transactions:
        return QStringLiteral("transactions");
    case SyncStage::Finalizing:
        return QStringLiteral("finalizing");
    case SyncStage::Completed:
        return QStringLiteral("completed");
    case SyncStage::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("completed");
}

} // namespace coffer::model

#include "schedule/NetworkStatus.h"

#include <QNetworkInformation>

namespace coffer::schedule {

SystemNetworkStatus::SystemNetworkStatus(QObject* parent)
    : NetworkStatus(parent)
{
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability))
        return; // no backend here: online() stays optimistic
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
            [this] { Q_EMIT changed(online()); });
}

bool SystemNetworkStatus::online() const
{
    const QNetworkInformation* info = QNetworkInformation::instance();
    if (info == nullptr)
        return true;
    const auto reachability = info->reachability();
    return reachability != QNetworkInformation::Reachability::Disconnected;
}

} // namespace coffer::schedule

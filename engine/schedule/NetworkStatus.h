#pragma once

#include <QObject>

#include <atomic>

namespace coffer::schedule {

// Whether the machine can reach the network. Like Clock, an interface so tests can go offline.
// changed() is emitted from the thread the status lives in; receivers connect queued.
class NetworkStatus : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    virtual bool online() const = 0;

Q_SIGNALS:
    void changed(bool online);
};

// The platform's view through QNetworkInformation. Where the platform has no backend (or the
// backend cannot tell), Coffer assumes it is online and lets the requests themselves fail.
class SystemNetworkStatus final : public NetworkStatus {
    Q_OBJECT
public:
    explicit SystemNetworkStatus(QObject* parent = nullptr);
    bool online() const override;
};

// A switch for tests.
class ManualNetworkStatus final : public NetworkStatus {
    Q_OBJECT
public:
    using NetworkStatus::NetworkStatus;
    bool online() const override { return m_online.load(); }
    void setOnline(bool online)
    {
        if (m_online.exchange(online) != online)
            Q_EMIT changed(online);
    }

private:
    std::atomic<bool> m_online{true};
};

} // namespace coffer::schedule

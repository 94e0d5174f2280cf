#pragma once

#include "LaunchRequest.h"

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;

namespace coffer::ui {

// One Coffer per user and data folder. The first launch listens on a local socket (a Unix domain
// socket, a named pipe on Windows) named after the user and the data folder; a later launch finds
// it there, hands over its LaunchRequest and exits. A socket file left by a Coffer that crashed is
// taken over, and two launches at the same instant agree on one (a lock file orders them).
// GUI thread; needs no widgets.
class SingleInstance : public QObject {
    Q_OBJECT
public:
    enum class Role {
        Primary,    // this launch is the one: requestReceived() reports the later ones
        HandedOver, // a running Coffer took the request: exit
        Failed,     // a running Coffer did not take the request (errorString() says why)
    };

    explicit SingleInstance(const QString& serverName, QObject* parent = nullptr);
    ~SingleInstance() override;

    // The socket name for this user and data folder: a hash, so a test's temporary folder never
    // reaches the user's own Coffer and neither the path nor the user name shows in the name.
    // On Linux a full path in $XDG_RUNTIME_DIR where that is set.
    static QString serverName(const QString& dataDir);

    // Hands the request to a running Coffer, or becomes the one later launches hand theirs to.
    Role claim(const LaunchRequest& request);
    QString errorString() const { return m_error; }
    // Stops answering later launches: called when this Coffer is quitting, so a launch while it
    // finishes a sync starts a new Coffer instead of waiting for an answer that never comes.
    void release();
    // The socket's full path (Unix) or pipe name (Windows) once Primary.
    QString fullServerName() const;

Q_SIGNALS:
    // A later launch's request, once its whole message has arrived.
    void requestReceived(const coffer::ui::LaunchRequest& request);

private:
    enum class HandOver { Delivered, NotRunning, NoAnswer };
    HandOver handOver(const LaunchRequest& request);
    bool listen();
    void accept();
    // True once the socket is done with: a whole message taken, or bytes that are not one.
    bool read(QLocalSocket* socket);

    QString m_name;
    QLocalServer* m_server = nullptr;
    QString m_error;
};

} // namespace coffer::ui

#include "SingleInstance.h"

#include "log/Log.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QLockFile>
#include <QStandardPaths>
#include <QTimer>

#if defined(Q_OS_WIN)
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <windows.h>
#endif

namespace coffer::ui {

namespace {

constexpr int kConnectMs = 2000;
constexpr int kAnswerMs = 5000;      // the running Coffer answers from its event loop
constexpr int kLockMs = 10000;       // another launch checking at the same instant
constexpr int kIncompleteMs = 10000; // a peer that sent part of a message and then nothing

auto logger()
{
    return log::get("ui.instance");
}

QString userName()
{
    for (const char* variable : {"USER", "USERNAME", "LOGNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
    return QDir::homePath();
}

} // namespace

SingleInstance::SingleInstance(const QString& serverName, QObject* parent)
    : QObject(parent)
    , m_name(serverName)
{
}

SingleInstance::~SingleInstance() = default; // the server closes and removes its socket

QString SingleInstance::serverName(const QString& dataDir)
{
    const QFileInfo folder(dataDir);
    const QString resolved = folder.exists() ? folder.canonicalFilePath() : QDir::cleanPath(folder.absoluteFilePath());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(userName().toUtf8());
    hash.addData(QByteArrayView("\0", 1));
    hash.addData(resolved.toUtf8());
    const QString name = QStringLiteral("coffer-") + QString::fromLatin1(hash.result().toHex().left(24));
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    // In the user's own runtime folder, not /tmp, so no other user can take the name first. Qt
    // checks that $XDG_RUNTIME_DIR is this user's and private (not so after `su` or `sudo -u`) and
    // otherwise makes a private /tmp/runtime-USER.
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (!runtime.isEmpty())
        return QDir(runtime).filePath(name);
#endif
    return name;
}

void SingleInstance::release()
{
    if (m_server)
        m_server->close(); // removes the socket file
}

QString SingleInstance::fullServerName() const
{
    return m_server ? m_server->fullServerName() : QString();
}

SingleInstance::Role SingleInstance::claim(const LaunchRequest& request)
{
    // Launches of the same Coffer take turns from here to listening, so two at the same instant
    // never both become the one, and the second never removes the first's fresh socket. A lock
    // left by a process that died is recognized (its process id) and taken over.
    QLockFile lock(QDir(QDir::tempPath()).filePath(m_name) + QStringLiteral(".lock")); // beside a full-path name
    lock.setStaleLockTime(0);
    if (!lock.tryLock(kLockMs))
        logger()->warn("could not take the instance lock (error {}); going on without it", int(lock.error()));

    for (int attempt = 1;; ++attempt) {
        switch (handOver(request)) {
        case HandOver::Delivered:
            return Role::HandedOver;
        case HandOver::NoAnswer:
            return Role::Failed;
        case HandOver::NotRunning:
            break;
        }
        // Nobody answers on the name, so a socket file there is one a Coffer left when it crashed.
        if (QFileInfo::exists(QDir(QDir::tempPath()).filePath(m_name))) { // where Unix keeps it
            logger()->info("removing the instance socket a Coffer left when it ended without closing it");
            QLocalServer::removeServer(m_name);
        }
        if (listen())
            return Role::Primary;
        // Taken this instant by a launch that did not wait for the lock: hand over to that one.
        if (m_server->serverError() == QAbstractSocket::AddressInUseError && attempt < 2)
            continue;
        // No socket to listen on (a full or read-only runtime folder): Coffer still runs, only a
        // later launch cannot find it.
        logger()->warn("cannot listen on the instance socket ({}); later launches will start their own Coffer",
                       m_server->errorString().toStdString());
        return Role::Primary;
    }
}

SingleInstance::HandOver SingleInstance::handOver(const LaunchRequest& request)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(kConnectMs))
        return HandOver::NotRunning;
    const QByteArray message = launchMessage::encode(request);
    if (message.isEmpty()) {
        m_error = tr("Too many files to pass to the running Coffer at once (%n); open fewer at a time.", nullptr,
                     int(request.files.size()));
        return HandOver::NoAnswer;
    }
#if defined(Q_OS_WIN)
    // Windows lets only the foreground process bring a window to the front: this launch (which
    // the user just started) passes that right on to the running Coffer.
    AllowSetForegroundWindow(ASFW_ANY);
#endif
    socket.write(message);
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(kAnswerMs))
            break;
    }
    if (!socket.waitForReadyRead(kAnswerMs) || socket.read(1) != QByteArray(1, launchMessage::kAcknowledged)) {
        m_error = tr("Coffer is already running for this data folder but did not answer.");
        return HandOver::NoAnswer;
    }
    logger()->info("handed the launch over to the running Coffer ({} file(s))", request.files.size());
    return HandOver::Delivered;
}

bool SingleInstance::listen()
{
    if (!m_server) {
        m_server = new QLocalServer(this);
        m_server->setSocketOptions(QLocalServer::UserAccessOption); // no other user's launch gets in
        connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::accept);
    }
    return m_server->listen(m_name);
}

void SingleInstance::accept()
{
    while (QLocalSocket* socket = m_server->nextPendingConnection()) {
        socket->setParent(this);
        // Never more than one message's worth is read: past that it is not ours anyway.
        socket->setReadBufferSize(launchMessage::kMaxSize);
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        auto* incomplete = new QTimer(socket);
        incomplete->setSingleShot(true);
        connect(incomplete, &QTimer::timeout, socket, [socket] {
            logger()->warn("dropped a connection to the instance socket that sent no complete message");
            socket->abort();
            socket->deleteLater();
        });
        incomplete->start(kIncompleteMs);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket, incomplete] {
            if (read(socket))
                incomplete->stop();
        });
        if (socket->bytesAvailable() > 0 && read(socket))
            incomplete->stop();
    }
}

bool SingleInstance::read(QLocalSocket* socket)
{
    // What arrived so far stays in the socket's own buffer until a whole message is there.
    const QByteArray bytes = socket->peek(launchMessage::kMaxSize);
    const launchMessage::Decoded decoded = launchMessage::decode(bytes);
    using State = launchMessage::Decoded::State;
    if (decoded.state == State::NeedMore && bytes.size() < launchMessage::kMaxSize)
        return false;
    if (decoded.state != State::Complete) {
        logger()->warn("ignored {} byte(s) on the instance socket: {}", bytes.size(),
                       decoded.state == State::Invalid ? decoded.problem.toStdString() : "too long");
        socket->abort();
        socket->deleteLater();
        return true;
    }
    disconnect(socket, &QLocalSocket::readyRead, this, nullptr);
    socket->readAll();
    socket->write(QByteArray(1, launchMessage::kAcknowledged));
    socket->disconnectFromServer(); // after the answer is written; deleted on disconnected()
    logger()->info("a later launch asked for {} ({} file(s))",
                   decoded.request.showWindow ? "the window" : "nothing shown", decoded.request.files.size());
    Q_EMIT requestReceived(decoded.request);
    return true;
}

} // namespace coffer::ui

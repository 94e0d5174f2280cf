#include "EngineHost.h"

namespace coffer {

EngineHost::EngineHost(EngineOptions options, QObject* parent)
    : QObject(parent)
    , m_dataDir(options.dataDir)
{
    m_thread.setObjectName(QStringLiteral("coffer-engine"));
    m_engine = new Engine(std::move(options));
    m_engine->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_engine, &QObject::deleteLater);

    // Engine -> host: queued, so every signal arrives in this (the caller's) thread.
    connect(m_engine, &Engine::started, this, &EngineHost::started);
    connect(m_engine, &Engine::startFailed, this, &EngineHost::startFailed);
    connect(m_engine, &Engine::connectionsChanged, this, &EngineHost::connectionsChanged);
    connect(m_engine, &Engine::jobProgress, this, &EngineHost::jobProgress);
    connect(m_engine, &Engine::syncFinished, this, &EngineHost::syncFinished);
    connect(m_engine, &Engine::idle, this, &EngineHost::idle);
    connect(m_engine, &Engine::connectionAdded, this, &EngineHost::connectionAdded);
    connect(m_engine, &Engine::connectionRemoved, this, &EngineHost::connectionRemoved);
    connect(m_engine, &Engine::operationFailed, this, &EngineHost::operationFailed);
    connect(m_engine, &Engine::notification, this, &EngineHost::notification);
    connect(m_engine, &Engine::transactionsChanged, this, &EngineHost::transactionsChanged);
    connect(this, &EngineHost::started, this, [this](const QString& path) { m_databasePath = path; });
    connect(this, &EngineHost::connectionsChanged, this,
            [this](const QList<model::ConnectionStatus>& connections) { m_lastConnections = connections; });
    m_thread.start();
}

EngineHost::~EngineHost()
{
    shutdown();
}

void EngineHost::start()
{
    QMetaObject::invokeMethod(m_engine, &Engine::start, Qt::QueuedConnection);
}

void EngineHost::addConnection(const model::ConnectionSpec& spec)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, spec] { engine->addConnection(spec); }, Qt::QueuedConnection);
}

void EngineHost::removeConnection(qint64 connectionId, bool keepData)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, connectionId, keepData] { engine->removeConnection(connectionId, keepData); },
        Qt::QueuedConnection);
}

void EngineHost::syncNow(qint64 connectionId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, connectionId] { engine->syncNow(connectionId); }, Qt::QueuedConnection);
}

void EngineHost::shutdown()
{
    if (m_stopped)
        return;
    m_stopped = true;
    // Blocking here is deliberate and bounded: it waits for the engine to finish the statement
    // it is on and close the database, so nothing is left half-written.
    QMetaObject::invokeMethod(m_engine, &Engine::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace coffer

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
    connect(m_engine, &Engine::importPreviewed, this, &EngineHost::importPreviewed);
    connect(m_engine, &Engine::importFinished, this, &EngineHost::importFinished);
    connect(m_engine, &Engine::importFailed, this, &EngineHost::importFailed);
    connect(m_engine, &Engine::importProgress, this, &EngineHost::importProgress);
    connect(m_engine, &Engine::importsListed, this, &EngineHost::importsListed);
    connect(m_engine, &Engine::importUndone, this, &EngineHost::importUndone);
    connect(m_engine, &Engine::startFailed, this, &EngineHost::startFailed);
    connect(m_engine, &Engine::connectionsChanged, this, &EngineHost::connectionsChanged);
    connect(m_engine, &Engine::jobProgress, this, &EngineHost::jobProgress);
    connect(m_engine, &Engine::syncFinished, this, &EngineHost::syncFinished);
    connect(m_engine, &Engine::idle, this, &EngineHost::idle);
    connect(m_engine, &Engine::connectionAdded, this, &EngineHost::connectionAdded);
    connect(m_engine, &Engine::connectionRemoved, this, &EngineHost::connectionRemoved);
    connect(m_engine, &Engine::connectionAddFailed, this, &EngineHost::connectionAddFailed);
    connect(m_engine, &Engine::reauthenticated, this, &EngineHost::reauthenticated);
    connect(m_engine, &Engine::reauthenticationFailed, this, &EngineHost::reauthenticationFailed);
    connect(m_engine, &Engine::linkOpened, this, &EngineHost::linkOpened);
    connect(m_engine, &Engine::linkFailed, this, &EngineHost::linkFailed);
    connect(m_engine, &Engine::linkCompleted, this, &EngineHost::linkCompleted);
    connect(m_engine, &Engine::connectionDescribed, this, &EngineHost::connectionDescribed);
    connect(m_engine, &Engine::operationFailed, this, &EngineHost::operationFailed);
    connect(m_engine, &Engine::notification, this, &EngineHost::notification);
    connect(m_engine, &Engine::transactionsChanged, this, &EngineHost::transactionsChanged);
    connect(m_engine, &Engine::queueStats, this, &EngineHost::queueStats);
    connect(m_engine, &Engine::operationSucceeded, this, &EngineHost::operationSucceeded);
    connect(m_engine, &Engine::jobsListed, this, &EngineHost::jobsListed);
    connect(m_engine, &Engine::jobShown, this, &EngineHost::jobShown);
    connect(m_engine, &Engine::health, this, &EngineHost::health);
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

void EngineHost::reauthenticate(qint64 connectionId, const QString& setupToken)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, connectionId, setupToken] { engine->reauthenticate(connectionId, setupToken); },
        Qt::QueuedConnection);
}

int EngineHost::beginLink(model::LinkRequest request)
{
    request.requestId = ++m_lastLinkRequest;
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, request] { engine->beginLink(request); }, Qt::QueuedConnection);
    return request.requestId;
}

void EngineHost::cancelLink(int requestId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, requestId] { engine->cancelLink(requestId); }, Qt::QueuedConnection);
}

void EngineHost::renameConnection(qint64 connectionId, const QString& name)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, connectionId, name] { engine->renameConnection(connectionId, name); },
        Qt::QueuedConnection);
}

void EngineHost::setExcludedAccounts(qint64 connectionId, const QStringList& accountProviderIds)
{
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, connectionId, accountProviderIds] {
            engine->setExcludedAccounts(connectionId, accountProviderIds);
        },
        Qt::QueuedConnection);
}

void EngineHost::setImportPending(qint64 connectionId, bool importPending)
{
    QMetaObject::invokeMethod(
        m_engine,
        [engine = m_engine, connectionId, importPending] { engine->setImportPending(connectionId, importPending); },
        Qt::QueuedConnection);
}

void EngineHost::describeConnection(qint64 connectionId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, connectionId] { engine->describeConnection(connectionId); },
        Qt::QueuedConnection);
}

void EngineHost::syncNow(qint64 connectionId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, connectionId] { engine->syncNow(connectionId); }, Qt::QueuedConnection);
}

void EngineHost::setSchedule(qint64 connectionId, const QString& schedule)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, connectionId, schedule] { engine->setSchedule(connectionId, schedule); },
        Qt::QueuedConnection);
}

void EngineHost::setConnectionPaused(qint64 connectionId, bool paused)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, connectionId, paused] { engine->setConnectionPaused(connectionId, paused); },
        Qt::QueuedConnection);
}

void EngineHost::backfill(qint64 connectionId, const QDate& from)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, connectionId, from] { engine->backfill(connectionId, from); },
        Qt::QueuedConnection);
}

void EngineHost::applyRetention()
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine] { engine->applyRetention(); }, Qt::QueuedConnection);
}

void EngineHost::restoreArchive(const QString& file)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, file] { engine->restoreArchive(file); }, Qt::QueuedConnection);
}

void EngineHost::setSetting(const QString& key, const QString& value)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, key, value] { engine->setSetting(key, value); }, Qt::QueuedConnection);
}

void EngineHost::showSettings()
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine] { engine->showSettings(); }, Qt::QueuedConnection);
}

void EngineHost::undoMatch(qint64 transactionId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, transactionId] { engine->undoMatch(transactionId); }, Qt::QueuedConnection);
}

int EngineHost::previewImport(model::ImportRequest request)
{
    request.requestId = ++m_lastImportRequest;
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, request] { engine->previewImport(request); }, Qt::QueuedConnection);
    return request.requestId;
}

int EngineHost::importFile(model::ImportRequest request)
{
    request.requestId = ++m_lastImportRequest;
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, request] { engine->importFile(request); }, Qt::QueuedConnection);
    return request.requestId;
}

void EngineHost::cancelImport(int requestId)
{
    m_engine->cancelImport(requestId); // thread-safe by design: the engine thread may be busy importing
}

void EngineHost::listImports(int limit)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, limit] { engine->listImports(limit); }, Qt::QueuedConnection);
}

void EngineHost::undoImport(qint64 runId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, runId] { engine->undoImport(runId); }, Qt::QueuedConnection);
}

void EngineHost::pauseQueue()
{
    QMetaObject::invokeMethod(m_engine, &Engine::pauseQueue, Qt::QueuedConnection);
}

void EngineHost::resumeQueue()
{
    QMetaObject::invokeMethod(m_engine, &Engine::resumeQueue, Qt::QueuedConnection);
}

void EngineHost::retryJob(qint64 jobId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, jobId] { engine->retryJob(jobId); }, Qt::QueuedConnection);
}

void EngineHost::cancelJob(qint64 jobId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, jobId] { engine->cancelJob(jobId); }, Qt::QueuedConnection);
}

void EngineHost::listJobs(int limit)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, limit] { engine->listJobs(limit); }, Qt::QueuedConnection);
}

void EngineHost::showJob(qint64 jobId)
{
    QMetaObject::invokeMethod(
        m_engine, [engine = m_engine, jobId] { engine->showJob(jobId); }, Qt::QueuedConnection);
}

void EngineHost::checkHealth()
{
    QMetaObject::invokeMethod(m_engine, &Engine::checkHealth, Qt::QueuedConnection);
}

void EngineHost::wake()
{
    QMetaObject::invokeMethod(m_engine, &Engine::wake, Qt::QueuedConnection);
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

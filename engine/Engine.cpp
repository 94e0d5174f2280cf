#include "Engine.h"

#include "EngineCore.h"
#include "importers/ImportCancellation.h"

namespace coffer {

namespace {
void registerMetaTypes()
{
    qRegisterMetaType<model::ConnectionSpec>();
    qRegisterMetaType<model::ConnectionStatus>();
    qRegisterMetaType<model::ConnectionDetails>();
    qRegisterMetaType<model::LinkRequest>();
    qRegisterMetaType<QList<model::ConnectionStatus>>();
    qRegisterMetaType<model::JobProgress>();
    qRegisterMetaType<model::SyncSummary>();
    qRegisterMetaType<model::Notification>();
    qRegisterMetaType<jobs::QueueStats>();
    qRegisterMetaType<jobs::Job>();
    qRegisterMetaType<jobs::HealthReport>();
    qRegisterMetaType<QList<jobs::Job>>();
    qRegisterMetaType<model::ImportRequest>();
    qRegisterMetaType<model::ImportReport>();
    qRegisterMetaType<model::ImportFailure>();
    qRegisterMetaType<model::ImportProgress>();
    qRegisterMetaType<QList<model::ImportRecord>>();
}
} // namespace

Engine::Engine(EngineOptions options)
    : m_options(std::move(options))
    , m_importCancellation(std::make_shared<importers::ImportCancellation>())
{
    registerMetaTypes();
}

Engine::~Engine() = default;

void Engine::start()
{
    if (m_core)
        return;
    // Created here, on the engine thread, so its timers and keychain jobs belong to it.
    m_core = std::make_unique<EngineCore>(*this, m_options, m_importCancellation);
    m_core->start();
}

void Engine::addConnection(const model::ConnectionSpec& spec)
{
    if (m_core)
        m_core->addConnection(spec);
    else {
        const QString message = QStringLiteral("Cannot add a connection: the engine has not started.");
        Q_EMIT connectionAddFailed(message);
        Q_EMIT operationFailed(message);
    }
}

void Engine::reauthenticate(qint64 connectionId, const QString& setupToken)
{
    if (m_core)
        m_core->reauthenticate(connectionId, setupToken);
    else
        Q_EMIT reauthenticationFailed(connectionId,
                                      QStringLiteral("Cannot sign in again: the engine has not started."));
}

void Engine::beginLink(const model::LinkRequest& request)
{
    if (m_core)
        m_core->beginLink(request);
    else
        Q_EMIT linkFailed(request.requestId, QStringLiteral("Cannot link a bank: the engine has not started."));
}

void Engine::cancelLink(int requestId)
{
    if (m_core)
        m_core->cancelLink(requestId);
}

void Engine::renameConnection(qint64 connectionId, const QString& name)
{
    if (m_core)
        m_core->renameConnection(connectionId, name);
}

void Engine::setExcludedAccounts(qint64 connectionId, const QStringList& accountProviderIds)
{
    if (m_core)
        m_core->setExcludedAccounts(connectionId, accountProviderIds);
}

void Engine::setImportPending(qint64 connectionId, bool importPending)
{
    if (m_core)
        m_core->setImportPending(connectionId, importPending);
}

void Engine::describeConnection(qint64 connectionId)
{
    if (m_core)
        m_core->describeConnection(connectionId);
}

void Engine::removeConnection(qint64 connectionId, bool keepData)
{
    if (m_core)
        m_core->removeConnection(connectionId, keepData);
    else
        Q_EMIT operationFailed(QStringLiteral("Cannot remove a connection: the engine has not started."));
}

void Engine::syncNow(qint64 connectionId)
{
    if (m_core)
        m_core->syncNow(connectionId);
    else
        Q_EMIT operationFailed(QStringLiteral("Cannot sync: the engine has not started."));
}

void Engine::setSchedule(qint64 connectionId, const QString& schedule)
{
    if (m_core)
        m_core->setSchedule(connectionId, schedule);
}

void Engine::setConnectionPaused(qint64 connectionId, bool paused)
{
    if (m_core)
        m_core->setConnectionPaused(connectionId, paused);
}

void Engine::backfill(qint64 connectionId, const QDate& from)
{
    if (m_core)
        m_core->backfill(connectionId, from);
}

void Engine::applyRetention()
{
    if (m_core)
        m_core->applyRetention();
}

void Engine::restoreArchive(const QString& file)
{
    if (m_core)
        m_core->restoreArchive(file);
}

void Engine::setSetting(const QString& key, const QString& value)
{
    if (m_core)
        m_core->setSetting(key, value);
}

void Engine::showSettings()
{
    if (m_core)
        m_core->showSettings();
}

void Engine::undoMatch(qint64 transactionId)
{
    if (m_core)
        m_core->undoMatch(transactionId);
}

void Engine::previewImport(const model::ImportRequest& request)
{
    model::ImportRequest preview = request;
    preview.dryRun = true;
    if (m_core)
        m_core->importFile(preview);
}

void Engine::importFile(const model::ImportRequest& request)
{
    if (m_core)
        m_core->importFile(request);
}

void Engine::cancelImport(int requestId)
{
    m_importCancellation->cancel(requestId);
}

void Engine::listImports(int limit)
{
    if (m_core)
        m_core->listImports(limit);
}

void Engine::undoImport(qint64 runId)
{
    if (m_core)
        m_core->undoImport(runId);
}

void Engine::pauseQueue()
{
    if (m_core)
        m_core->pauseQueue();
}

void Engine::resumeQueue()
{
    if (m_core)
        m_core->resumeQueue();
}

void Engine::retryJob(qint64 jobId)
{
    if (m_core)
        m_core->retryJob(jobId);
}

void Engine::cancelJob(qint64 jobId)
{
    if (m_core)
        m_core->cancelJob(jobId);
}

void Engine::listJobs(int limit)
{
    if (m_core)
        m_core->listJobs(limit);
}

void Engine::checkHealth()
{
    if (m_core)
        m_core->checkHealth();
}

void Engine::showJob(qint64 jobId)
{
    if (m_core)
        m_core->showJob(jobId);
}

void Engine::wake()
{
    if (m_core)
        m_core->wake();
}

void Engine::shutdown()
{
    m_core.reset();
    Q_EMIT stopped();
}

} // namespace coffer

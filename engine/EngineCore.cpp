#include "EngineCore.h"

#include "importers/FileImports.h"
#include "importers/ImportCancellation.h"

#include "ConnectionEditor.h"
#include "LinkSessions.h"

#include "jobs/JobDispatcher.h"
#include "log/Log.h"
#include "providers/ConnectorFactory.h"
#include "providers/plaid/PlaidWebhookRegistration.h"
#include "schedule/NetworkStatus.h"
#include "schedule/Schedule.h"
#include "secrets/CredentialStore.h"
#include "store/ConnectionRepository.h"
#include "store/Database.h"
#include "store/SettingsRepository.h"
#include "store/SyncRunRepository.h"
#include "store/UserSettings.h"
#include "webhooks/WebhookService.h"

namespace coffer {

using model::ConnectionState;

namespace {
auto logger()
{
    return log::get("engine");
}
constexpr int kPublishIntervalMs = 100;

// False for connections nothing is fetched for (file-only accounts).
bool isSynced(const model::Connection& c, const schedule::Clock& clock)
{
    const auto connector = providers::createConnector(c.provider, clock);
    return !connector || connector->describe().synced;
}
} // namespace

EngineCore::EngineCore(Engine& facade, EngineOptions options,
                       std::shared_ptr<importers::ImportCancellation> importCancellation)
    : m_facade(facade)
    , m_options(std::move(options))
    , m_clockOwner(m_options.clock ? m_options.clock : std::make_shared<schedule::SystemClock>())
    , m_clock(*m_clockOwner)
    , m_importCancellation(std::move(importCancellation))
{
    m_publishTimer.setSingleShot(true);
    m_publishTimer.setInterval(kPublishIntervalMs);
    QObject::connect(&m_publishTimer, &QTimer::timeout, &m_facade, [this] { publish(); });
}

EngineCore::~EngineCore()
{
    shutdown();
}

void EngineCore::start()
{
    auto db = store::Database::open(m_options.dataDir);
    if (!db.ok()) {
        logger()->error("database could not be opened: {}", db.error().detail.toStdString());
        Q_EMIT m_facade.startFailed(db.error().userMessage);
        return;
    }
    m_db = std::move(db).value();
    if (auto closed = store::SyncRunRepository(*m_db).closeAbandoned(m_clock.now()); !closed.ok())
        logger()->warn("could not close abandoned sync runs");
    const auto databaseId = store::SettingsRepository(*m_db).value(QStringLiteral("database_id"));
    if (!databaseId.ok() || databaseId.value().isEmpty()) {
        Q_EMIT m_facade.startFailed(
            QStringLiteral("The database %1 has no identity record; it was not created by Coffer.").arg(m_db->path()));
        m_db.reset();
        return;
    }
    m_credentials = std::make_unique<secrets::CredentialStore>(m_options.keychainService, databaseId.value());
    m_network = m_options.network ? m_options.network : std::make_shared<schedule::SystemNetworkStatus>();
    m_jobs = std::make_unique<jobs::JobDispatcher>(*m_db, *m_credentials, m_clock, *m_network, m_options.automatic);
    QObject::connect(m_jobs.get(), &jobs::JobDispatcher::progress, &m_facade, [this](const model::JobProgress& p) {
        m_progress.insert(p.connectionId, p);
        publishSoon();
    });
    QObject::connect(m_jobs.get(), &jobs::JobDispatcher::runFinished, &m_facade,
                     [this](const model::SyncSummary& s) { onRunFinished(s); });
    QObject::connect(m_jobs.get(), &jobs::JobDispatcher::queueChanged, &m_facade, [this] { publishSoon(); });
    QObject::connect(m_jobs.get(), &jobs::JobDispatcher::idle, &m_facade, [this] { Q_EMIT m_facade.idle(); });
    QObject::connect(m_jobs.get(), &jobs::JobDispatcher::healthChecked, &m_facade,
                     [this](const jobs::HealthReport& r) { onHealthChecked(r); });
    QObject::connect(m_jobs.get(), &jobs::JobDispatcher::credentialsCheckDue, &m_facade, [this] { checkConsents(); });
    QObject::connect(m_jobs.get(), &jobs::JobDispatcher::renewalFailed, &m_facade,
                     [this](qint64 connectionId, const model::Error& error) {
                         model::Notification n;
                         n.kind = model::Notification::Kind::ReauthRequired;
                         n.connectionId = connectionId;
                         n.title = QStringLiteral("A connection needs you to sign in again");
                         n.message = error.userMessage;
                         Q_EMIT m_facade.notification(n);
                         publishSoon();
                     });
    m_editor = std::make_unique<ConnectionEditor>(m_facade, *m_db, *m_credentials, *m_jobs, m_clock,
                                                  [this] { checkConsents(); });
    m_links = std::make_unique<LinkSessions>(m_facade, *m_db, *m_editor, m_clock, databaseId.value());
    m_imports = std::make_unique<importers::FileImports>(*m_db, m_clock, m_importCancellation);
    m_plaidWebhooks = std::make_unique<providers::plaid::PlaidWebhookRegistration>(
        *m_db, *m_credentials, [this](const QString& message) { Q_EMIT m_facade.operationFailed(message); });
    // Only a long-running engine (the app, the daemon) receives webhooks; a one-shot command would
    // only collide with it over the port.
    if (m_options.automatic) {
        m_webhooks = std::make_unique<webhooks::WebhookService>(*m_db, *m_credentials, *m_jobs, m_clock);
        QObject::connect(m_webhooks.get(), &webhooks::WebhookService::failed, &m_facade,
                         [this](const QString& message) { Q_EMIT m_facade.operationFailed(message); });
        QObject::connect(m_webhooks.get(), &webhooks::WebhookService::notification, &m_facade,
                         [this](const model::Notification& n) { Q_EMIT m_facade.notification(n); });
        QObject::connect(m_webhooks.get(), &webhooks::WebhookService::connectionsChanged, &m_facade,
                         [this] { checkConsents(); });
    }
    Q_EMIT m_facade.started(m_db->path());
    const auto started = m_jobs->start();
    if (!started.ok())
        Q_EMIT m_facade.operationFailed(started.error().userMessage);
    else
        for (const QString& problem : started.value())
            Q_EMIT m_facade.operationFailed(problem);
    if (m_webhooks) {
        m_webhooks->applySettings();
        m_plaidWebhooks->refresh(); // a change made by a one-shot command, or an update that failed
    }
    publish();
}

bool EngineCore::ready(const char* action)
{
    if (m_db && !m_stopping)
        return true;
    Q_EMIT m_facade.operationFailed(QStringLiteral("Cannot %1: the engine is not running (its database is not open).")
                                        .arg(QString::fromLatin1(action)));
    return false;
}

void EngineCore::addConnection(const model::ConnectionSpec& spec)
{
    if (ready("add a connection"))
        m_editor->add(spec);
}

void EngineCore::reauthenticate(qint64 connectionId, const QString& setupToken)
{
    if (ready("sign in again"))
        m_editor->reauthenticate(connectionId, setupToken);
}

void EngineCore::beginLink(const model::LinkRequest& request)
{
    if (!m_db || m_stopping)
        return Q_EMIT m_facade.linkFailed(request.requestId,
                                          QStringLiteral("Cannot link a bank: the engine is not running."));
    m_links->begin(request);
}

void EngineCore::cancelLink(int requestId)
{
    if (m_links)
        m_links->cancel(requestId);
}

void EngineCore::renameConnection(qint64 connectionId, const QString& name)
{
    if (ready("rename a connection"))
        m_editor->rename(connectionId, name);
}

void EngineCore::setExcludedAccounts(qint64 connectionId, const QStringList& accountProviderIds)
{
    if (ready("change which accounts are imported"))
        m_editor->setExcludedAccounts(connectionId, accountProviderIds);
}

void EngineCore::setImportPending(qint64 connectionId, bool importPending)
{
    if (ready("change whether pending transactions are imported"))
        m_editor->setImportPending(connectionId, importPending);
}

void EngineCore::describeConnection(qint64 connectionId)
{
    if (ready("describe a connection"))
        m_editor->describe(connectionId);
}

void EngineCore::removeConnection(qint64 connectionId, bool keepData)
{
    if (!ready("remove a connection"))
        return;
    m_jobs->connectionRemoved(connectionId); // stops its run before the rows go
    if (auto removed = store::ConnectionRepository(*m_db).remove(connectionId, keepData); !removed.ok()) {
        Q_EMIT m_facade.operationFailed(removed.error().userMessage);
        return;
    }
    logger()->info("connection {} removed (data {})", connectionId, keepData ? "kept" : "deleted");
    Q_EMIT m_facade.transactionsChanged();
    publishSoon();
    // Reported once the keychain has answered, so a caller that quits on connectionRemoved does
    // not cut the deletion of the saved sign-in short.
    m_credentials->remove(connectionId, secrets::kConnectionSecret, [this, connectionId](model::Status forgotten) {
        if (!forgotten.ok()) {
            model::Notification n;
            n.kind = model::Notification::Kind::Info;
            n.connectionId = connectionId;
            n.title = QStringLiteral("Saved sign-in not deleted");
            n.message = QStringLiteral("The connection was removed, but its saved sign-in could not be deleted from "
                                       "the keychain: ") +
                        forgotten.error().userMessage;
            Q_EMIT m_facade.notification(n);
        }
        Q_EMIT m_facade.connectionRemoved(connectionId);
    });
}

void EngineCore::syncNow(qint64 connectionId)
{
    if (!ready("sync"))
        return;
    if (m_jobs->queue().paused()) {
        Q_EMIT m_facade.operationFailed(
            QStringLiteral("The sync queue is paused, so nothing starts. Resume it first (cofferctl queue resume)."));
        Q_EMIT m_facade.idle();
        return;
    }
    const auto connections = store::ConnectionRepository(*m_db).list();
    if (!connections.ok()) {
        Q_EMIT m_facade.operationFailed(connections.error().userMessage);
        return;
    }
    bool found = false;
    Batch batch;
    for (const auto& c : connections.value()) {
        if (connectionId != 0 && c.id != connectionId)
            continue;
        found = true;
        if (connectionId == 0 && c.paused)
            continue;
        if (!isSynced(c, m_clock)) {
            if (connectionId != 0)
                Q_EMIT m_facade.operationFailed(
                    QStringLiteral("\u201c%1\u201d is updated by importing bank files; there is nothing to sync.")
                        .arg(c.name));
            continue;
        }
        if (auto queued = m_jobs->requestSync(c.id, jobs::Priority::Manual); !queued.ok())
            Q_EMIT m_facade.operationFailed(c.name + QStringLiteral(": ") + queued.error().userMessage);
        else
            batch.waiting.insert(c.id);
    }
    if (connectionId == 0 && batch.waiting.size() > 1)
        m_batch = batch;
    if (connectionId != 0 && !found)
        Q_EMIT m_facade.operationFailed(QStringLiteral("There is no connection with id %1.").arg(connectionId));
    if (!m_jobs->busy())
        Q_EMIT m_facade.idle();
    publishSoon();
}

void EngineCore::setSchedule(qint64 connectionId, const QString& text)
{
    if (!ready("change a schedule"))
        return;
    const auto parsed = schedule::Schedule::parse(text);
    if (!parsed.ok())
        return Q_EMIT m_facade.operationFailed(parsed.error().userMessage);
    if (auto saved = store::ConnectionRepository(*m_db).setSchedule(connectionId, parsed->toString()); !saved.ok())
        return Q_EMIT m_facade.operationFailed(saved.error().userMessage);
    m_jobs->connectionChanged(connectionId);
    QString message = QStringLiteral("Connection %1 now syncs: %2.").arg(connectionId).arg(parsed->describe());
    const auto runs = parsed->nextRuns(m_clock.now(), 3);
    QStringList shown;
    for (const QDateTime& run : runs)
        shown << run.toLocalTime().toString(QStringLiteral("ddd yyyy-MM-dd HH:mm"));
    if (!shown.isEmpty())
        message += QStringLiteral(" Next runs: %1.").arg(shown.join(QStringLiteral(", ")));
    Q_EMIT m_facade.operationSucceeded(message);
    publishSoon();
}

void EngineCore::setConnectionPaused(qint64 connectionId, bool paused)
{
    if (!ready(paused ? "pause a connection" : "resume a connection"))
        return;
    if (auto saved = store::ConnectionRepository(*m_db).setPaused(connectionId, paused); !saved.ok())
        return Q_EMIT m_facade.operationFailed(saved.error().userMessage);
    m_jobs->connectionChanged(connectionId);
    Q_EMIT m_facade.operationSucceeded(
        paused ? QStringLiteral("Connection %1 is paused: it syncs only when you ask.").arg(connectionId)
               : QStringLiteral("Connection %1 syncs on its schedule again.").arg(connectionId));
    publishSoon();
}

void EngineCore::backfill(qint64 connectionId, const QDate& from)
{
    if (!ready("fetch older history"))
        return;
    const auto queued = m_jobs->requestBackfill(connectionId, from);
    if (!queued.ok())
        return Q_EMIT m_facade.operationFailed(queued.error().userMessage);
    Q_EMIT m_facade.operationSucceeded(
        queued->merged ? QStringLiteral("A backfill of connection %1 is already queued.").arg(connectionId)
                       : QStringLiteral("History of connection %1 from %2 is queued; it arrives newest first.")
                             .arg(connectionId)
                             .arg(from.toString(Qt::ISODate)));
    publishSoon();
}

void EngineCore::answer(const model::Result<QString>& outcome, bool transactionsMayHaveChanged)
{
    if (!outcome.ok())
        return Q_EMIT m_facade.operationFailed(outcome.error().userMessage);
    if (transactionsMayHaveChanged) {
        Q_EMIT m_facade.transactionsChanged();
        publishSoon();
    }
    Q_EMIT m_facade.operationSucceeded(outcome.value());
}

void EngineCore::pauseQueue()
{
    if (!ready("pause the queue"))
        return;
    if (auto paused = m_jobs->pauseQueue(); !paused.ok())
        return Q_EMIT m_facade.operationFailed(paused.error().userMessage);
    Q_EMIT m_facade.operationSucceeded(
        QStringLiteral("The sync queue is paused: nothing new starts until it is resumed."));
}

void EngineCore::resumeQueue()
{
    if (!ready("resume the queue"))
        return;
    if (auto resumed = m_jobs->resumeQueue(); !resumed.ok())
        return Q_EMIT m_facade.operationFailed(resumed.error().userMessage);
    Q_EMIT m_facade.operationSucceeded(QStringLiteral("The sync queue is running."));
}

void EngineCore::retryJob(qint64 jobId)
{
    if (!ready("retry a job"))
        return;
    if (auto retried = m_jobs->retryJob(jobId); !retried.ok())
        Q_EMIT m_facade.operationFailed(retried.error().userMessage);
    else
        Q_EMIT m_facade.operationSucceeded(QStringLiteral("Job %1 is queued again.").arg(jobId));
}

void EngineCore::cancelJob(qint64 jobId)
{
    if (!ready("cancel a job"))
        return;
    if (auto cancelled = m_jobs->cancelJob(jobId); !cancelled.ok())
        Q_EMIT m_facade.operationFailed(cancelled.error().userMessage);
    else
        Q_EMIT m_facade.operationSucceeded(QStringLiteral("Job %1 was cancelled.").arg(jobId));
}

void EngineCore::listJobs(int limit)
{
    if (!ready("list jobs"))
        return;
    (void)m_jobs->queue().flush();
    const auto recent = m_jobs->queue().repository().recent(limit);
    if (!recent.ok())
        Q_EMIT m_facade.operationFailed(recent.error().userMessage);
    else
        Q_EMIT m_facade.jobsListed(recent.value());
}

void EngineCore::checkHealth()
{
    if (ready("check the engine's health"))
        Q_EMIT m_facade.health(m_jobs->health());
}

void EngineCore::onHealthChecked(const jobs::HealthReport& report)
{
    QSet<qint64> importedOnly; // file-only accounts are as fresh as their last import, not stale
    if (const auto connections = store::ConnectionRepository(*m_db).list(); connections.ok()) {
        for (const model::Connection& c : connections.value()) {
            if (!isSynced(c, m_clock))
                importedOnly.insert(c.id);
        }
    }
    for (const jobs::ConnectionHealth& c : report.connections) {
        if (!c.stale || importedOnly.contains(c.connectionId)) {
            m_staleNotified.remove(c.connectionId);
            continue;
        }
        if (m_staleNotified.contains(c.connectionId))
            continue; // told once; not again until it has been fresh
        m_staleNotified.insert(c.connectionId);
        model::Notification n;
        n.kind = model::Notification::Kind::DataStale;
        n.connectionId = c.connectionId;
        n.title = QStringLiteral("%1 is out of date").arg(c.name);
        n.message = c.ageSeconds < 0
                        ? QStringLiteral("It has never synced successfully.")
                        : QStringLiteral("Its last successful sync was %1 hours ago.").arg(c.ageSeconds / 3600);
        Q_EMIT m_facade.notification(n);
    }
    Q_EMIT m_facade.health(report);
}

void EngineCore::checkConsents()
{
    const QDateTime now = m_clock.now();
    const auto connections = store::ConnectionRepository(*m_db).list();
    if (!connections.ok())
        return;
    m_consentExpiry.clear();
    const int warningDays = store::userSetting(*m_db, store::settingKey::kConsentWarningDays);
    for (const model::Connection& c : connections.value()) {
        const auto connector = providers::createConnector(c.provider, m_clock);
        const auto consent = connector ? connector->consentExpiresAt(c.options) : std::nullopt;
        if (consent)
            m_consentExpiry.insert(c.id, *consent);
        const bool soon = consent && now.daysTo(*consent) <= warningDays;
        if (!soon) {
            m_consentNotified.remove(c.id);
            continue;
        }
        if (m_consentNotified.contains(c.id))
            continue;
        m_consentNotified.insert(c.id);
        model::Notification n;
        n.kind = model::Notification::Kind::ConsentExpiring;
        n.connectionId = c.id;
        const qint64 days = std::max<qint64>(0, now.daysTo(*consent));
        n.title = QStringLiteral("%1 needs you to sign in again soon").arg(c.name);
        n.message =
            days == 0
                ? QStringLiteral("Access to the bank ends today; re-authenticate to keep syncing.")
                : QStringLiteral("Access to the bank ends in %1 days; re-authenticate to keep syncing.").arg(days);
        Q_EMIT m_facade.notification(n);
    }
    publishSoon();
}

void EngineCore::showJob(qint64 jobId)
{
    if (!ready("show a job"))
        return;
    (void)m_jobs->queue().flush();
    const auto job = m_jobs->queue().repository().get(jobId);
    if (!job.ok())
        Q_EMIT m_facade.operationFailed(job.error().userMessage);
    else if (!job.value())
        Q_EMIT m_facade.operationFailed(QStringLiteral("There is no job with id %1.").arg(jobId));
    else
        Q_EMIT m_facade.jobShown(*job.value());
}

void EngineCore::wake()
{
    if (ready("check for due work"))
        m_jobs->wake();
}

void EngineCore::onRunFinished(const model::SyncSummary& summary)
{
    m_progress.remove(summary.connectionId);
    if (m_batch && m_batch->waiting.remove(summary.connectionId)) {
        m_batch->changes += summary.changes;
        m_batch->failed += summary.succeeded ? 0 : 1;
        if (m_batch->waiting.isEmpty()) {
            model::Notification n;
            n.kind = model::Notification::Kind::BatchCompleted;
            n.title = QStringLiteral("All connections synced");
            n.message = QStringLiteral("%1 added, %2 modified, %3 removed")
                            .arg(m_batch->changes.added)
                            .arg(m_batch->changes.modified)
                            .arg(m_batch->changes.removed);
            if (m_batch->failed > 0)
                n.message += QStringLiteral("; %1 could not sync").arg(m_batch->failed);
            m_batch.reset();
            Q_EMIT m_facade.notification(n);
        }
    }
    if (summary.changes.total() > 0 || summary.changes.matched > 0 || summary.changes.pendingExpired > 0)
        Q_EMIT m_facade.transactionsChanged();
    Q_EMIT m_facade.syncFinished(summary);
    for (const QString& warning : summary.warnings) {
        model::Notification n;
        n.kind = model::Notification::Kind::BalanceMismatch;
        n.connectionId = summary.connectionId;
        n.title = QStringLiteral("%1: balance check").arg(summary.connectionName);
        n.message = warning;
        Q_EMIT m_facade.notification(n);
    }
    if (summary.error && summary.error->kind != model::ErrorKind::Cancelled) {
        model::Notification n;
        const bool reauth = summary.error->kind == model::ErrorKind::NeedsUser;
        n.kind = reauth ? model::Notification::Kind::ReauthRequired : model::Notification::Kind::SyncFailed;
        n.connectionId = summary.connectionId;
        n.title = reauth ? QStringLiteral("%1 needs you to sign in again").arg(summary.connectionName)
                         : QStringLiteral("%1 could not sync").arg(summary.connectionName);
        n.message = summary.error->userMessage;
        Q_EMIT m_facade.notification(n);
    }
    publishSoon();
}

void EngineCore::publishSoon()
{
    if (!m_publishTimer.isActive())
        m_publishTimer.start();
}

void EngineCore::publish()
{
    if (!m_db)
        return;
    auto statuses = store::ConnectionRepository(*m_db).statuses();
    if (!statuses.ok()) {
        logger()->error("could not read connection statuses");
        return;
    }
    const QDateTime now = m_clock.now();
    // The user's thresholds travel with each status, so every view judges as the engine does.
    const int warningDays = store::userSetting(*m_db, store::settingKey::kConsentWarningDays);
    const qint64 staleAfterSeconds = qint64(store::userSetting(*m_db, store::settingKey::kStaleAfterHours)) * 3600;
    for (auto& s : statuses.value()) {
        s.staleAfterSeconds = staleAfterSeconds;
        s.consentExpiresAt = m_consentExpiry.value(s.connectionId);
        if (const auto next = m_jobs ? m_jobs->nextRunMs(s.connectionId) : std::nullopt)
            s.nextRunAt = QDateTime::fromMSecsSinceEpoch(*next, Qt::UTC);
        if (s.state == ConnectionState::Idle && s.consentExpiresAt.isValid() &&
            now.daysTo(s.consentExpiresAt) <= warningDays)
            s.state = ConnectionState::ReauthSoon;
        if (m_jobs && m_jobs->queue().openJobFor(jobs::JobKind::SyncConnection, s.connectionId))
            s.state = ConnectionState::Queued;
        if (const auto it = m_progress.constFind(s.connectionId); it != m_progress.cend()) {
            s.state = ConnectionState::Syncing;
            s.progressPercent = it->percent;
            s.stage = it->stage;
            Q_EMIT m_facade.jobProgress(*it);
        }
    }
    Q_EMIT m_facade.connectionsChanged(statuses.value());
    if (m_jobs)
        Q_EMIT m_facade.queueStats(m_jobs->stats());
}

void EngineCore::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_publishTimer.stop();
    if (m_jobs)
        m_jobs->shutdown(); // running syncs stop between pages; their jobs resume next time
    // The receiver stops listening before what it acts on goes.
    m_webhooks.reset();
    m_plaidWebhooks.reset();
    m_imports.reset();
    m_links.reset();
    m_editor.reset();
    m_jobs.reset();
    m_network.reset();
    m_credentials.reset();
    m_db.reset();
}

} // namespace coffer

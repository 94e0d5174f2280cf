#pragma once

#include "Engine.h"
#include "model/Result.h"
#include "schedule/Clock.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QTimer>

#include <memory>

namespace coffer::secrets {
class CredentialStore;
}
namespace coffer::store {
class Database;
}
namespace coffer::jobs {
class JobDispatcher;
}
namespace coffer::providers::plaid {
class PlaidWebhookRegistration;
}
namespace coffer::importers {
class FileImports;
class ImportCancellation;
} // namespace coffer::importers
namespace coffer::webhooks {
class WebhookService;
}

namespace coffer {

class ConnectionEditor;
class LinkSessions;

// The engine's working parts behind the Engine facade: the database, the keychain, the queue of
// connections waiting to sync and the run in progress. Thread affinity: the engine thread.
class EngineCore {
public:
    EngineCore(Engine& facade, EngineOptions options,
               std::shared_ptr<importers::ImportCancellation> importCancellation);
    ~EngineCore();

    void start();
    void addConnection(const model::ConnectionSpec& spec);
    void reauthenticate(qint64 connectionId, const QString& setupToken);
    void beginLink(const model::LinkRequest& request);
    void cancelLink(int requestId);
    void renameConnection(qint64 connectionId, const QString& name);
    void setExcludedAccounts(qint64 connectionId, const QStringList& accountProviderIds);
    void setImportPending(qint64 connectionId, bool importPending);
    void describeConnection(qint64 connectionId);
    void removeConnection(qint64 connectionId, bool keepData);
    void syncNow(qint64 connectionId);
    void setSchedule(qint64 connectionId, const QString& schedule);
    void setConnectionPaused(qint64 connectionId, bool paused);
    void undoMatch(qint64 transactionId);
    void importFile(const model::ImportRequest& request); // a preview when request.dryRun
    void listImports(int limit);
    void undoImport(qint64 runId);
    void applyRetention();
    void restoreArchive(const QString& file);
    void setSetting(const QString& key, const QString& value);
    void showSettings();
    void backfill(qint64 connectionId, const QDate& from);
    void pauseQueue();
    void resumeQueue();
    void retryJob(qint64 jobId);
    void cancelJob(qint64 jobId);
    void listJobs(int limit);
    void checkHealth();
    void showJob(qint64 jobId);
    void wake();
    void shutdown();

private:
    bool ready(const char* action);
    // Reports a maintenance request's outcome through operationSucceeded/operationFailed.
    void answer(const model::Result<QString>& outcome, bool transactionsMayHaveChanged);
    void onRunFinished(const model::SyncSummary& summary);
    void onHealthChecked(const jobs::HealthReport& report);
    // Reads when each connection's consent runs out; those within a week are marked on the
    // connection and announced once each. Daily, at start and when a connection is added.
    void checkConsents();
    void publishSoon();
    void publish();

    Engine& m_facade;
    EngineOptions m_options;
    std::shared_ptr<const schedule::Clock> m_clockOwner;
    const schedule::Clock& m_clock;
    std::shared_ptr<schedule::NetworkStatus> m_network; // created on the engine thread in start()
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<secrets::CredentialStore> m_credentials;
    std::unique_ptr<jobs::JobDispatcher> m_jobs;
    std::unique_ptr<ConnectionEditor> m_editor;           // adding, signing in again, editing
    std::unique_ptr<LinkSessions> m_links;                // banks linked in the user's browser (Plaid Hosted Link)
    std::unique_ptr<webhooks::WebhookService> m_webhooks; // the loopback receiver, when the user enables it
    std::unique_ptr<providers::plaid::PlaidWebhookRegistration> m_plaidWebhooks; // where Plaid posts webhooks
    std::shared_ptr<importers::ImportCancellation> m_importCancellation;
    std::unique_ptr<importers::FileImports> m_imports; // bank files
    QHash<qint64, model::JobProgress> m_progress;
    QSet<qint64> m_staleNotified;             // one "data is stale" notice per connection until it is fresh again
    QSet<qint64> m_consentNotified;           // one "consent expiring" notice per connection until it is renewed
    QHash<qint64, QDateTime> m_consentExpiry; // as of the last checkConsents(), for the snapshots
    struct Batch {                            // a "sync all" in progress, reported once as a whole
        QSet<qint64> waiting;
        model::ChangeCounts changes;
        int failed = 0;
    };
    std::optional<Batch> m_batch;
    QTimer m_publishTimer; // coalesces status snapshots to at most one per 100 ms
    bool m_stopping = false;
};

} // namespace coffer

#pragma once

#include "jobs/Health.h"
#include "jobs/Job.h"
#include "model/Connection.h"
#include "model/ConnectionDetails.h"
#include "model/Import.h"
#include "model/LinkRequest.h"
#include "model/Snapshots.h"

#include <QDate>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace coffer {

namespace schedule {
class Clock;
class NetworkStatus;
} // namespace schedule

struct EngineOptions {
    QString dataDir;                                    // where coffer.sqlite3 and logs/ live
    QString keychainService = QStringLiteral("Coffer"); // tests use their own service name
    std::shared_ptr<const schedule::Clock> clock;       // null: the system clock; tests pass a ManualClock
    std::shared_ptr<schedule::NetworkStatus> network;   // null: QNetworkInformation; tests pass a switch
    // Follow schedules and run queued work on its own (the app and the daemon). One-shot
    // commands turn it off: they run only what they ask for.
    bool automatic = true;
};

class EngineCore;
namespace importers {
class ImportCancellation;
}

// The sync engine's facade. Thread affinity: lives on its own thread (see EngineHost) and is
// driven only by queued calls to its slots; it reports only through signals carrying value
// snapshots. Never call its slots directly from another thread.
class Engine : public QObject {
    Q_OBJECT
public:
    explicit Engine(EngineOptions options);
    ~Engine() override;

public Q_SLOTS:
    // Opens (creating or migrating) the database. Emits started() or startFailed().
    void start();
    // Stores the connection and its credential in the keychain, then emits connectionAdded(). A
    // spec with a setupToken has it exchanged by the provider first (SimpleFIN claims it). Any
    // refusal comes as connectionAddFailed() (and operationFailed()).
    void addConnection(const coffer::model::ConnectionSpec& spec);
    // Signs in again: the setup token is exchanged for a new credential that replaces the one in the
    // keychain (providers that issue their own, like the demo bank, take an empty one). The error
    // state clears, a sync is requested; emits reauthenticated() or reauthenticationFailed().
    void reauthenticate(qint64 connectionId, const QString& setupToken);
    // Links a bank through the provider's hosted sign-in in the user's browser (Plaid Hosted Link):
    // emits linkOpened() with the address to open, then waits (polling the provider) until the user
    // has finished there. A new connection is then added (connectionAdded()); with a connectionId,
    // update mode signs that connection in again keeping its item and accounts (reauthenticated()).
    // Either way linkCompleted() follows; any failure, the user leaving the provider's page or the
    // session expiring comes as linkFailed(). A sandbox test item skips the browser.
    void beginLink(const coffer::model::LinkRequest& request);
    // Stops waiting for the user's browser; nothing more is reported for that request.
    void cancelLink(int requestId);
    void renameConnection(qint64 connectionId, const QString& name);
    // The accounts (provider ids) whose transactions are left out of every sync from now on.
    void setExcludedAccounts(qint64 connectionId, const QStringList& accountProviderIds);
    // Whether pending transactions are stored before they post.
    void setImportPending(qint64 connectionId, bool importPending);
    // Emits connectionDescribed() with what the connection editor shows.
    void describeConnection(qint64 connectionId);
    // Removes a connection and its keychain entries; keepData keeps its accounts and transactions.
    void removeConnection(qint64 connectionId, bool keepData);
    // Queues a sync for one connection, or for all when connectionId is 0.
    void syncNow(qint64 connectionId);
    // Changes a connection's schedule ("every 4h", "daily 06:30 Europe/Paris", "cron */30 * * * *");
    // an invalid one is refused with the reason.
    void setSchedule(qint64 connectionId, const QString& schedule);
    // A paused connection is not synced on schedule ("Sync now" still works).
    void setConnectionPaused(qint64 connectionId, bool paused);
    // Splits a matched transaction from what it was folded into (or its folded rows from it); the
    // pair is never matched automatically again. Emits transactionsChanged() and operationSucceeded().
    void undoMatch(qint64 transactionId);
    // Bank files. previewImport answers importPreviewed() with what importing the file would do,
    // writing nothing; importFile imports it as one run in the audit trail (all or nothing) and
    // answers importFinished(). Both report importProgress() as they go and importFailed() when
    // the file cannot be imported (its message names the file and the problem; code
    // "ASK_DATE_ORDER" asks the user for the date order, "CANCELLED" after cancelImport()).
    void previewImport(const coffer::model::ImportRequest& request);
    void importFile(const coffer::model::ImportRequest& request);
    // Emits importsListed() with the newest imports, undone ones included.
    void listImports(int limit);
    // Takes back everything an import added (splitting what it matched) and what it changed;
    // emits importUndone() and transactionsChanged(), or operationFailed().
    void undoImport(qint64 runId);
    // Fetches a connection's history from `from` to today, newest first, in the provider's chunks;
    // resumable. Refused (operationFailed) when the provider cannot fetch history by date.
    void backfill(qint64 connectionId, const QDate& from);
    // Applies the retention policy now (it also runs in the daily cleanup); restores an archive
    // file it wrote. Both answer with operationSucceeded() or operationFailed().
    void applyRetention();
    void restoreArchive(const QString& file);
    // Changes a user setting (see store::userSettings()), or describes them all in
    // operationSucceeded().
    void setSetting(const QString& key, const QString& value);
    void showSettings();
    // Queue control. Refusals and errors come back through operationFailed().
    void pauseQueue();
    void resumeQueue();
    void retryJob(qint64 jobId);
    void cancelJob(qint64 jobId);
    // Emits jobsListed() with the newest jobs, or jobShown() with one (operationFailed if unknown).
    void listJobs(int limit);
    // Emits health() now (it is also emitted by the scheduled health check every 15 minutes).
    void checkHealth();
    void showJob(qint64 jobId);
    // Re-checks what is due now (after a wake from sleep or a clock change; tests that move a
    // simulated clock call it too).
    void wake();
    // Stops: a sync in flight is cancelled between pages, whose commits are atomic. Emits stopped().
    void shutdown();

public:
    // Stops a preview or an import in progress: nothing of it is written, and importFailed() comes
    // with code "CANCELLED". Thread-safe (the engine thread is busy importing): call it directly.
    void cancelImport(int requestId);

Q_SIGNALS:
    void started(const QString& databasePath);
    void startFailed(const QString& message);
    void connectionsChanged(const QList<coffer::model::ConnectionStatus>& connections);
    void jobProgress(const coffer::model::JobProgress& progress);
    void syncFinished(const coffer::model::SyncSummary& summary);
    void idle(); // nothing queued or running any more
    void connectionAdded(qint64 connectionId);
    void connectionRemoved(qint64 connectionId);
    void connectionAddFailed(const QString& message);
    void reauthenticated(qint64 connectionId);
    void reauthenticationFailed(qint64 connectionId, const QString& message);
    void linkOpened(int requestId, const QUrl& url);
    void linkFailed(int requestId, const QString& message);
    void linkCompleted(int requestId, qint64 connectionId);
    void connectionDescribed(const coffer::model::ConnectionDetails& details);
    void operationFailed(const QString& message);
    void notification(const coffer::model::Notification& notification);
    void transactionsChanged();
    void queueStats(const coffer::jobs::QueueStats& stats);
    void operationSucceeded(const QString& message); // a control request (queue, schedule, pause) took effect
    void jobsListed(const QList<coffer::jobs::Job>& jobs);
    void jobShown(const coffer::jobs::Job& job);
    void health(const coffer::jobs::HealthReport& report);
    void stopped();
    void importPreviewed(const coffer::model::ImportReport& report);
    void importFinished(const coffer::model::ImportReport& report);
    void importFailed(const coffer::model::ImportFailure& failure);
    void importProgress(const coffer::model::ImportProgress& progress);
    void importsListed(const QList<coffer::model::ImportRecord>& imports);
    void importUndone(qint64 runId, const QString& message);

private:
    EngineOptions m_options;
    std::unique_ptr<EngineCore> m_core;                                  // created by start(), on the engine thread
    std::shared_ptr<importers::ImportCancellation> m_importCancellation; // shared with the import flow
};

} // namespace coffer

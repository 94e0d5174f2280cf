#pragma once

#include "Engine.h"

#include <QObject>
#include <QThread>

namespace coffer {

// Owns the engine thread. Lives in the caller's thread (GUI or CLI main thread): its methods
// post queued calls to the Engine and its signals re-emit the Engine's in the caller's thread,
// so no engine-owned object is ever touched from outside. Destruction shuts the engine down
// (finishing or rolling back a sync in flight) and joins the thread.
class EngineHost : public QObject {
    Q_OBJECT
public:
    explicit EngineHost(EngineOptions options, QObject* parent = nullptr);
    ~EngineHost() override;

    void start();
    void addConnection(const coffer::model::ConnectionSpec& spec);
    void removeConnection(qint64 connectionId, bool keepData);
    void reauthenticate(qint64 connectionId, const QString& setupToken);
    // Starts linking a bank in the user's browser (see Engine::beginLink); returns the request id
    // the answers (linkOpened, linkFailed, linkCompleted) carry. request.requestId is set here.
    int beginLink(coffer::model::LinkRequest request);
    void cancelLink(int requestId);
    void renameConnection(qint64 connectionId, const QString& name);
    void setExcludedAccounts(qint64 connectionId, const QStringList& accountProviderIds);
    void setImportPending(qint64 connectionId, bool importPending);
    void describeConnection(qint64 connectionId);
    void syncNow(qint64 connectionId);
    void syncAll() { syncNow(0); }
    void setSchedule(qint64 connectionId, const QString& schedule);
    void setConnectionPaused(qint64 connectionId, bool paused);
    void undoMatch(qint64 transactionId);
    void backfill(qint64 connectionId, const QDate& from);
    // Bank file import (see Engine::previewImport). Both return the request id the answers carry
    // (request.requestId is set here); cancelImport() takes effect at once, even mid-import.
    int previewImport(coffer::model::ImportRequest request);
    int importFile(coffer::model::ImportRequest request);
    void cancelImport(int requestId);
    void listImports(int limit);
    void undoImport(qint64 runId);
    void applyRetention();
    void restoreArchive(const QString& file);
    void setSetting(const QString& key, const QString& value);
    void showSettings();
    void pauseQueue();
    void resumeQueue();
    void retryJob(qint64 jobId);
    void cancelJob(qint64 jobId);
    void listJobs(int limit);
    void showJob(qint64 jobId);
    void checkHealth();
    void wake();
    // Blocks until the engine has stopped. Safe to call more than once.
    void shutdown();

    QString dataDir() const { return m_dataDir; }
    // What the engine last reported, for views created after the fact. Empty until started().
    QString databasePath() const { return m_databasePath; }
    QList<coffer::model::ConnectionStatus> lastConnections() const { return m_lastConnections; }

Q_SIGNALS:
    void started(const QString& databasePath);
    void startFailed(const QString& message);
    void connectionsChanged(const QList<coffer::model::ConnectionStatus>& connections);
    void jobProgress(const coffer::model::JobProgress& progress);
    void syncFinished(const coffer::model::SyncSummary& summary);
    void idle();
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
    void operationSucceeded(const QString& message);
    void jobsListed(const QList<coffer::jobs::Job>& jobs);
    void jobShown(const coffer::jobs::Job& job);
    void health(const coffer::jobs::HealthReport& report);
    void importPreviewed(const coffer::model::ImportReport& report);
    void importFinished(const coffer::model::ImportReport& report);
    void importFailed(const coffer::model::ImportFailure& failure);
    void importProgress(const coffer::model::ImportProgress& progress);
    void importsListed(const QList<coffer::model::ImportRecord>& imports);
    void importUndone(qint64 runId, const QString& message);

private:
    QThread m_thread;
    Engine* m_engine = nullptr; // owned by m_thread's lifetime; deleted on the engine thread
    QString m_dataDir;
    QString m_databasePath;
    QList<coffer::model::ConnectionStatus> m_lastConnections;
    bool m_stopped = false;
    int m_lastLinkRequest = 0;
    int m_lastImportRequest = 0;
};

} // namespace coffer

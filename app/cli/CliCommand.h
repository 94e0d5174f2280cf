#pragma once

#include "EngineHost.h"

#include <QDate>
#include <QObject>
#include <QStringList>

#include <memory>
#include <optional>

namespace coffer::cli {

// What the user asked cofferctl to do, already validated.
struct Request {
    enum class Kind {
        AddConnection,
        ListConnections,
        RemoveConnection,
        Sync,
        ListTransactions,
        Status,
        QueuePause,
        QueueResume,
        QueueStats,
        JobsList,
        JobShow,
        JobRetry,
        JobCancel,
        Daemon,
        SetSchedule,
        PauseConnection,
        ResumeConnection,
        ShowTransaction,
        UndoMatch,
        Backfill,
        ArchiveRun,
        ArchiveRestore,
        ShowSettings,
        SetSetting,
        Export,
        ImportFile,
        ListImports,
        UndoImport,
    };
    Kind kind = Kind::Status;
    QString provider;
    QString name; // connection name; import: the CSV profile
    std::optional<qint64> seed;
    QString injectFailure;   // demo only: "transient" or "reauth"
    qint64 connectionId = 0; // 0: all
    qint64 jobId = 0;
    qint64 transactionId = 0;
    QDate from;           // backfill, export
    QDate to;             // export
    QString path;         // archive restore, export output, the file to import (absolute)
    QString format;       // export: csv, ofx, ledger, beancount
    qint64 accountId = 0; // export: 0 for every account; import: 0 for where the file's accounts went before
    QString currency;     // import: of amounts without one, and of new accounts
    QString dateOrder;    // import: "day-month", "month-day" or empty (decided from the file)
    bool dryRun = false;
    qint64 runId = 0; // undo-import
    QString key;      // settings set
    QString value;
    QString schedule;
    bool deleteData = false;
    int limit = 50;
};

// Runs one request against the engine and quits the application with the exit code:
// 0 success, 1 the operation failed, 2 usage error (handled before this class).
class CliCommand : public QObject {
    Q_OBJECT
public:
    CliCommand(EngineOptions options, Request request, QObject* parent = nullptr);
    ~CliCommand() override;
    void start();

private:
    void onStarted(const QString& databasePath);
    void onConnections(const QList<model::ConnectionStatus>& connections);
    void connectQueueSignals();
    void printStatusWhenComplete();
    void runExport();
    // import, imports, undo-import (CliImportCommand.cpp).
    void connectImportSignals();
    void startImport();
    void finish(int exitCode);
    void fail(const QString& message);

    std::unique_ptr<EngineHost> m_host;
    Request m_request;
    QString m_databasePath;
    QList<model::SyncSummary> m_summaries;
    bool m_haveStatuses = false;
    QList<model::ConnectionStatus> m_statuses;
    std::optional<jobs::HealthReport> m_health;
    bool m_finished = false;
    bool m_failed = false;
};

} // namespace coffer::cli

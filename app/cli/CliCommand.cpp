#include "cli/CliCommand.h"

#include "cli/CliPrinter.h"
#include "export/LedgerExporter.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace coffer::cli {

using Kind = Request::Kind;

CliCommand::CliCommand(EngineOptions options, Request request, QObject* parent)
    : QObject(parent)
    , m_host(std::make_unique<EngineHost>(std::move(options)))
    , m_request(std::move(request))
{
    connect(m_host.get(), &EngineHost::started, this, &CliCommand::onStarted);
    connect(m_host.get(), &EngineHost::startFailed, this, [this](const QString& message) { fail(message); });
    connect(m_host.get(), &EngineHost::connectionsChanged, this, &CliCommand::onConnections);
    connect(m_host.get(), &EngineHost::operationFailed, this, [this](const QString& message) {
        if (m_request.kind == Kind::Sync || m_request.kind == Kind::Daemon ||
            m_request.kind == Kind::Backfill) { // the others go on
            printError(message);
            m_failed = true;
            return;
        }
        fail(message);
    });
    connect(m_host.get(), &EngineHost::notification, this,
            [](const model::Notification& n) { printError(n.title + QStringLiteral(": ") + n.message); });
    connect(m_host.get(), &EngineHost::connectionAdded, this, [this](qint64 id) {
        printLine(QStringLiteral("Added connection #%1. Sync it with: cofferctl sync --connection %1").arg(id));
        finish(0);
    });
    connect(m_host.get(), &EngineHost::connectionRemoved, this, [this](qint64 id) {
        printLine(QStringLiteral("Removed connection #%1; its transactions were %2.")
                      .arg(id)
                      .arg(m_request.deleteData ? QStringLiteral("deleted") : QStringLiteral("kept")));
        finish(0);
    });
    connect(m_host.get(), &EngineHost::syncFinished, this, [this](const model::SyncSummary& s) {
        m_summaries.append(s);
        if (s.succeeded)
            printLine(syncLine(s));
        else
            printError(syncLine(s));
        m_failed = m_failed || !s.succeeded;
    });
    connectQueueSignals();
    connectImportSignals();
    connect(m_host.get(), &EngineHost::idle, this, [this] {
        if (m_request.kind != Kind::Sync && m_request.kind != Kind::Backfill)
            return;
        if (m_summaries.isEmpty() && !m_failed)
            printLine(QStringLiteral("Nothing to sync: there are no active connections."));
        finish(m_failed ? 1 : 0);
    });
}

CliCommand::~CliCommand() = default;

void CliCommand::start()
{
    m_host->start();
}

void CliCommand::onStarted(const QString& databasePath)
{
    m_databasePath = databasePath;
    switch (m_request.kind) {
    case Kind::AddConnection: {
        model::ConnectionSpec spec;
        spec.provider = m_request.provider;
        spec.name = m_request.name;
        if (m_request.seed)
            spec.options.insert(QStringLiteral("seed"), *m_request.seed);
        if (!m_request.injectFailure.isEmpty())
            spec.options.insert(QStringLiteral("fail"), m_request.injectFailure);
        m_host->addConnection(spec);
        break;
    }
    case Kind::RemoveConnection:
        m_host->removeConnection(m_request.connectionId, !m_request.deleteData);
        break;
    case Kind::Sync:
        m_host->syncNow(m_request.connectionId);
        break;
    case Kind::ListTransactions: {
        const auto reader = store::TransactionReader::open(databasePath);
        if (!reader.ok())
            return fail(reader.error().userMessage);
        const auto rows = reader.value()->page(store::ListPosition{}, m_request.limit);
        if (!rows.ok())
            return fail(rows.error().userMessage);
        printLine(transactionsTable(rows.value()));
        finish(0);
        break;
    }
    case Kind::ShowTransaction: {
        const auto reader = store::TransactionReader::open(databasePath);
        if (!reader.ok())
            return fail(reader.error().userMessage);
        const auto detail = reader.value()->detail(m_request.transactionId);
        if (!detail.ok())
            return fail(detail.error().userMessage);
        printLine(transactionReport(detail.value()));
        finish(0);
        break;
    }
    case Kind::UndoMatch: m_host->undoMatch(m_request.transactionId); break;
    case Kind::Backfill: m_host->backfill(m_request.connectionId, m_request.from); break;
    case Kind::ArchiveRun: m_host->applyRetention(); break;
    case Kind::ArchiveRestore: m_host->restoreArchive(QFileInfo(m_request.path).absoluteFilePath()); break;
    case Kind::ShowSettings: m_host->showSettings(); break;
    case Kind::SetSetting: m_host->setSetting(m_request.key, m_request.value); break;
    case Kind::Status: m_host->checkHealth(); break;
    case Kind::ListConnections:
    case Kind::QueueStats: break; // answered by the first connectionsChanged / queueStats
    case Kind::SetSchedule: m_host->setSchedule(m_request.connectionId, m_request.schedule); break;
    case Kind::PauseConnection: m_host->setConnectionPaused(m_request.connectionId, true); break;
    case Kind::ResumeConnection: m_host->setConnectionPaused(m_request.connectionId, false); break;
    case Kind::QueuePause: m_host->pauseQueue(); break;
    case Kind::QueueResume: m_host->resumeQueue(); break;
    case Kind::JobsList: m_host->listJobs(m_request.limit); break;
    case Kind::JobShow: m_host->showJob(m_request.jobId); break;
    case Kind::JobRetry: m_host->retryJob(m_request.jobId); break;
    case Kind::JobCancel: m_host->cancelJob(m_request.jobId); break;
    case Kind::Export:
        runExport();
        break;
    case Kind::ImportFile:
    case Kind::ListImports:
    case Kind::UndoImport: startImport(); break;
    case Kind::Daemon:
        printLine(QStringLiteral("Coffer daemon running on %1; stop it with Ctrl+C or SIGTERM.").arg(databasePath));
        break;
    }
}

void CliCommand::connectQueueSignals()
{
    connect(m_host.get(), &EngineHost::operationSucceeded, this, [this](const QString& message) {
        printLine(message);
        if (m_request.kind != Kind::Backfill) // a backfill ends when the queue goes idle
            finish(0);
    });
    connect(m_host.get(), &EngineHost::queueStats, this, [this](const jobs::QueueStats& stats) {
        if (m_request.kind != Kind::QueueStats)
            return;
        printLine(queueStatsReport(stats));
        finish(0);
    });
    connect(m_host.get(), &EngineHost::jobsListed, this, [this](const QList<jobs::Job>& jobs) {
        printLine(jobsTable(jobs));
        finish(0);
    });
    connect(m_host.get(), &EngineHost::health, this, [this](const jobs::HealthReport& report) {
        if (m_request.kind != Kind::Status)
            return;
        m_health = report;
        printStatusWhenComplete();
    });
    connect(m_host.get(), &EngineHost::jobShown, this, [this](const jobs::Job& job) {
        printLine(jobReport(job));
        finish(0);
    });
}

void CliCommand::onConnections(const QList<model::ConnectionStatus>& connections)
{
    if (m_haveStatuses)
        return;
    m_haveStatuses = true;
    if (m_request.kind == Kind::ListConnections) {
        printLine(connectionsTable(connections));
        finish(0);
    } else if (m_request.kind == Kind::Status) {
        m_statuses = connections;
        printStatusWhenComplete();
    }
}

void CliCommand::printStatusWhenComplete()
{
    if (!m_haveStatuses || !m_health)
        return;
    qint64 total = 0;
    bool healthy = true;
    for (const auto& c : std::as_const(m_statuses)) {
        total += c.transactionCount;
        healthy = healthy && c.lastError.isEmpty();
    }
    printLine(statusReport(m_statuses, m_databasePath, total));
    printLine(healthReport(*m_health));
    finish(healthy ? 0 : 1);
}

void CliCommand::runExport()
{
    const auto format = exporting::exportFormatFromName(m_request.format);
    if (!format)
        return fail(QStringLiteral("Unknown export format \"%1\".").arg(m_request.format));
    const exporting::ExportFilter filter{m_request.accountId, m_request.from, m_request.to};
    const auto written = exporting::LedgerExporter::run(*format, m_databasePath, m_request.path, filter);
    if (!written.ok())
        return fail(written.error().userMessage);
    printLine(exportLine(written.value(), exporting::exportFormatName(*format)));
    finish(0);
}

void CliCommand::fail(const QString& message)
{
    printError(message);
    finish(1);
}

void CliCommand::finish(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_host->shutdown();
    QCoreApplication::exit(exitCode);
}

} // namespace coffer::cli

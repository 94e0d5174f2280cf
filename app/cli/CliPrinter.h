#pragma once

#include "export/ExportTypes.h"
#include "jobs/Health.h"
#include "jobs/Job.h"
#include "model/Snapshots.h"
#include "store/TransactionReader.h"

#include <QString>

namespace coffer::cli {

// Plain-text rendering for cofferctl. Amounts appear only where the user asked for them.
void printLine(const QString& line);
void printError(const QString& line);

QString connectionsTable(const QList<model::ConnectionStatus>& connections);
QString statusReport(const QList<model::ConnectionStatus>& connections, const QString& databasePath,
                     qint64 transactions);
QString transactionsTable(const QList<store::TransactionRow>& rows);
QString syncLine(const model::SyncSummary& summary);
QString transactionReport(const store::TransactionDetail& detail);
QString queueStatsReport(const jobs::QueueStats& stats);
QString jobsTable(const QList<jobs::Job>& jobs);
QString jobReport(const jobs::Job& job);
QString healthReport(const jobs::HealthReport& report);
QString exportLine(const exporting::ExportSummary& summary, const QString& formatName);

} // namespace coffer::cli

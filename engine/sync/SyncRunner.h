#pragma once

#include "model/Connection.h"
#include "model/Snapshots.h"
#include "providers/Connector.h"
#include "sync/ImportChoices.h"
#include "sync/PageWriter.h"

#include <QDate>
#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <optional>

namespace coffer::schedule {
class Clock;
}
namespace coffer::secrets {
class CredentialStore;
}
namespace coffer::store {
class Database;
}

namespace coffer::sync {

// Triggers of runs that re-read history: the balance drift may move without a problem.
inline const QString kBackfillTrigger = QStringLiteral("backfill");
inline const QString kFullRefetchTrigger = QStringLiteral("full-refetch");

// History to fetch by date, inclusive; it is walked newest first, from `to` down to `from`.
struct BackfillRange {
    QDate from;
    QDate to;
};

// One sync run of one connection: reads its credential, lists accounts (with balances), then
// fetches pages of changes until the provider has no more, committing each page with its
// cursor (PageWriter). A backfill run instead walks a date range newest first, in the provider's
// chunks, committing with each chunk how far it got, so a quit or crash resumes where it stopped.
// Reports progress after every page and finished() exactly once.
// Thread affinity: the engine thread.
class SyncRunner : public QObject {
    Q_OBJECT
public:
    SyncRunner(store::Database& db, secrets::CredentialStore& credentials, const schedule::Clock& clock,
               model::Connection connection, QString trigger, std::optional<BackfillRange> backfill = std::nullopt,
               QObject* parent = nullptr);
    ~SyncRunner() override;

    void start();
    // Stops after the page being committed (commits are atomic); finished() reports Cancelled.
    void cancel();
    qint64 connectionId() const { return m_connection.id; }
    // Requests made to the provider so far (the account list, each page or chunk), for its quota.
    int providerCalls() const { return m_providerCalls; }

Q_SIGNALS:
    void progress(const coffer::model::JobProgress& progress);
    void finished(const coffer::model::SyncSummary& summary);

private:
    void onCredential(model::Result<QString> secret);
    void onAccounts(model::Result<QList<providers::ProviderAccount>> accounts);
    void fetchNext();
    void fetchNextChunk();
    void onChunk(model::Result<providers::Page> page);
    QString backfillKey() const;
    void onPage(model::Result<providers::Page> page);
    // Commits a page (with its cursor or backfill progress) and counts it; false after fail().
    bool commitPage(const providers::Page& page);
    // Keeps the page's providerNote as the connection's, when it changed.
    void noteProvider(const QString& note);
    void succeed();
    model::Status checkAfterRun(const QDateTime& now);
    void fail(const model::Error& error);
    void report(model::SyncStage stage, int percent);

    store::Database& m_db;
    secrets::CredentialStore& m_credentials;
    const schedule::Clock& m_clock;
    model::Connection m_connection;
    QString m_trigger;
    std::unique_ptr<providers::Connector> m_connector;
    PageWriter m_writer;
    ImportChoices m_choices; // what the user left out, applied to every page before its commit
    PageWriter::Target m_target;
    providers::FetchContext m_context;
    model::SyncSummary m_summary;
    struct ReportedBalance {
        qint64 accountId = 0;
        QString accountName;
        model::Money balance;
    };
    QList<ReportedBalance> m_balances;
    int m_accountsProcessed = 0;
    int m_transactionsProcessed = 0;
    QElapsedTimer m_elapsed;
    std::optional<BackfillRange> m_backfill;
    QDate m_chunkEnd;   // the newest day of the next backfill chunk
    QDate m_chunkStart; // the oldest day of the chunk in flight
    int m_chunkDays = 0;
    int m_restarts = 0; // pagination restarts in this run
    int m_providerCalls = 0;
    // The connection's provider note as last read or written in this run.
    std::optional<QString> m_providerNote;
    bool m_done = false;
};

} // namespace coffer::sync

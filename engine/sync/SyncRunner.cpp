#include "sync/SyncRunner.h"

#include "log/Log.h"
#include "providers/ConnectorFactory.h"
#include "schedule/Clock.h"
#include "secrets/CredentialStore.h"
#include "store/AccountRepository.h"
#include "store/ConnectionRepository.h"
#include "store/Database.h"
#include "store/QuarantineRepository.h"
#include "store/SettingsRepository.h"
#include "store/SyncRunRepository.h"
#include "sync/BalanceReconciler.h"
#include "sync/PendingExpiry.h"

#include <QPointer>

#include <cstdlib>

namespace coffer::sync {

using model::Error;
using model::Result;
using model::SyncStage;

namespace {
auto logger()
{
    return log::get("engine.sync");
}

// The records of a page as the provider sent them, for quarantine.
QByteArray pagePayload(const providers::Page& page)
{
    QByteArray out = "[";
    for (const auto* list : {&page.added, &page.modified}) {
        for (const auto& t : *list) {
            if (out.size() > 1)
                out += ',';
            out += t.raw.isEmpty() ? QByteArray("null") : t.raw;
        }
    }
    return out + ']';
}
} // namespace

SyncRunner::SyncRunner(store::Database& db, secrets::CredentialStore& credentials, const schedule::Clock& clock,
                       model::Connection connection, QString trigger, std::optional<BackfillRange> backfill,
                       QObject* parent)
    : QObject(parent)
    , m_db(db)
    , m_credentials(credentials)
    , m_clock(clock)
    , m_connection(std::move(connection))
    , m_trigger(std::move(trigger))
    , m_writer(db)
    , m_choices(ImportChoices::fromOptions(m_connection.options))
    , m_backfill(backfill)
{
    m_summary.connectionId = m_connection.id;
    m_summary.connectionName = m_connection.name;
}

SyncRunner::~SyncRunner() = default;

void SyncRunner::start()
{
    auto run = store::SyncRunRepository(m_db).begin(m_connection.id, m_trigger, m_clock.now());
    if (!run.ok())
        return fail(run.error());
    m_summary.syncRunId = run.value();
    m_elapsed.start();
    logger()->info("sync run {} started for connection {} ({})", m_summary.syncRunId, m_connection.id,
                   m_trigger.toStdString());
    report(SyncStage::Starting, 0);

    m_connector = providers::createConnector(m_connection.provider, m_clock);
    if (!m_connector)
        return fail(Error::permanent(
            QStringLiteral("This version of Coffer does not know the provider \"%1\".").arg(m_connection.provider)));
    m_context.connectionId = m_connection.id;
    m_context.options = m_connection.options;
    m_context.cursor = m_connection.cursor;
    // The keychain may answer after this runner is gone (cancelled and deleted): guard it.
    m_credentials.read(m_connection.id, secrets::kConnectionSecret,
                       [self = QPointer<SyncRunner>(this)](Result<QString> secret) {
                           if (self)
                               self->onCredential(std::move(secret));
                       });
}

void SyncRunner::onCredential(Result<QString> secret)
{
    if (m_done)
        return;
    if (!secret.ok())
        return fail(secret.error());
    m_context.secret = secret.value();
    report(SyncStage::Accounts, 2);
    ++m_providerCalls;
    m_connector->listAccounts(m_context, [this](auto accounts) { onAccounts(std::move(accounts)); });
}

void SyncRunner::onAccounts(Result<QList<providers::ProviderAccount>> accounts)
{
    if (!accounts.ok())
        return fail(accounts.error());
    store::AccountRepository repo(m_db);
    const QDateTime now = m_clock.now();
    const auto saved = m_db.inTransaction([&]() -> model::Status {
        for (const auto& pa : accounts.value()) {
            const auto id = repo.upsert(m_connection.id, pa.toAccount());
            if (!id.ok())
                return id.error();
            m_target.accountIds.insert(pa.providerId, id.value());
            // An excluded account's balance is not checked: none of its transactions are kept.
            if (pa.balance && !m_choices.excludes(pa.providerId)) {
                if (auto s = repo.recordBalance(id.value(), m_summary.syncRunId, *pa.balance, now); !s.ok())
                    return s;
                m_balances.append(ReportedBalance{id.value(), pa.name, *pa.balance});
            }
        }
        return model::Ok{};
    });
    if (!saved.ok())
        return fail(saved.error());
    m_accountsProcessed = int(accounts.value().size());
    m_target.connectionId = m_connection.id;
    m_target.runId = m_summary.syncRunId;
    m_target.source = QStringLiteral("connection:%1").arg(m_connection.id);
    m_target.verify = m_trigger == kFullRefetchTrigger; // what is stored is in question: compare it all
    report(SyncStage::Transactions, 5);
    if (!m_backfill)
        return fetchNext();
    m_chunkDays = m_connector->describe().backfillChunkDays;
    if (m_chunkDays <= 0)
        return fail(Error::permanent(QStringLiteral("%1 cannot fetch older history by date.").arg(m_connection.name)));
    m_target.saveCursor = false;
    // Resume where an interrupted backfill of the same range stopped.
    const auto stored = store::SettingsRepository(m_db).value(backfillKey());
    const QStringList parts = (stored.ok() ? stored.value() : QString()).split(u'|');
    m_chunkEnd = m_backfill->to;
    if (parts.size() == 2 && parts[0] == m_backfill->from.toString(Qt::ISODate)) {
        const QDate next = QDate::fromString(parts[1], Qt::ISODate);
        if (next.isValid() && next < m_chunkEnd) {
            logger()->info("sync run {}: backfill resumes at {}", m_summary.syncRunId, parts[1].toStdString());
            m_chunkEnd = next;
        }
    }
    fetchNextChunk();
}

QString SyncRunner::backfillKey() const
{
    return QStringLiteral("%1_progress/%2").arg(m_trigger).arg(m_connection.id);
}

void SyncRunner::fetchNextChunk()
{
    m_chunkStart = std::max(m_backfill->from, m_chunkEnd.addDays(1 - m_chunkDays));
    ++m_providerCalls;
    m_connector->fetchWindow(m_context, m_chunkStart, m_chunkEnd, [this](auto page) { onChunk(std::move(page)); });
}

void SyncRunner::onChunk(Result<providers::Page> page)
{
    if (!page.ok())
        return fail(page.error());
    const bool last = m_chunkStart <= m_backfill->from;
    const QString progress = last ? QString() : m_backfill->from.toString(Qt::ISODate) + u'|' +
                                                    m_chunkStart.addDays(-1).toString(Qt::ISODate);
    m_target.alsoCommit = [this, progress] { return store::SettingsRepository(m_db).setValue(backfillKey(), progress); };
    if (!commitPage(page.value()))
        return;
    if (last)
        return succeed();
    m_chunkEnd = m_chunkStart.addDays(-1);
    const qint64 total = std::max<qint64>(1, m_backfill->from.daysTo(m_backfill->to) + 1);
    const qint64 done = m_chunkEnd.daysTo(m_backfill->to);
    report(SyncStage::Transactions, int(5 + 90 * done / total));
    fetchNextChunk();
}

void SyncRunner::fetchNext()
{
    ++m_providerCalls;
    m_connector->fetchChanges(m_context, [this](auto page) { onPage(std::move(page)); });
}

void SyncRunner::onPage(Result<providers::Page> page)
{
    constexpr int kMaxRestarts = 3;
    if (!page.ok() && page.error().providerCode == providers::kRestartPaginationCode && m_restarts < kMaxRestarts) {
        ++m_restarts;
        logger()->info("sync run {}: the provider's data changed while paging; starting again from the run's first "
                       "cursor ({} of {})",
                       m_summary.syncRunId, m_restarts, kMaxRestarts);
        m_context.cursor = m_connection.cursor;
        return fetchNext();
    }
    if (!page.ok())
        return fail(page.error());
    if (!commitPage(page.value()))
        return;
    noteProvider(page->providerNote);
    m_context.cursor = page->nextCursor;
    if (!page->hasMore)
        return succeed();
    const int remaining = std::max(page->remainingEstimate, 0);
    const int total = m_transactionsProcessed + remaining;
    report(SyncStage::Transactions, total > 0 ? 5 + 90 * m_transactionsProcessed / total : 50);
    fetchNext();
}

bool SyncRunner::commitPage(const providers::Page& page)
{
    m_target.pageNumber = m_summary.pages + 1;
    m_target.today = m_clock.now().toUTC().date();
    const auto counts = m_writer.commit(m_target, m_choices.apply(page));
    if (!counts.ok()) {
        Error error = counts.error();
        if (error.kind == model::ErrorKind::InvalidData && error.payload.isEmpty())
            error.payload = pagePayload(page);
        fail(error);
        return false;
    }
    m_summary.changes += counts.value();
    ++m_summary.pages;
    m_transactionsProcessed += int(page.added.size() + page.modified.size() + page.removed.size());
    return true;
}

void SyncRunner::noteProvider(const QString& note)
{
    if (!m_providerNote) {
        const auto stored =
            store::SettingsRepository(m_db).value(store::ConnectionRepository::providerNoteKey(m_connection.id));
        m_providerNote = stored.ok() ? stored.value() : QString();
    }
    if (*m_providerNote == note)
        return;
    // A status for the dashboard, not data: a failure to keep it is logged, the run goes on.
    if (!store::ConnectionRepository(m_db).setProviderNote(m_connection.id, note).ok())
        logger()->warn("sync run {}: could not keep the provider's note", m_summary.syncRunId);
    m_providerNote = note;
}

void SyncRunner::succeed()
{
    report(SyncStage::Finalizing, 97);
    const QDateTime now = m_clock.now();
    if (auto checked = m_db.inTransaction([&] { return checkAfterRun(now); }); !checked.ok())
        return fail(checked.error());
    store::ConnectionRepository::Outcome outcome;
    outcome.state = model::ConnectionState::Idle;
    outcome.attemptedAt = now;
    outcome.succeededAt = now;
    auto closed = store::SyncRunRepository(m_db).finish(m_summary.syncRunId, QStringLiteral("succeeded"), now, nullptr);
    auto recorded = store::ConnectionRepository(m_db).recordOutcome(m_connection.id, outcome);
    if (!closed.ok() || !recorded.ok())
        return fail(!closed.ok() ? closed.error() : recorded.error());
    m_done = true;
    m_summary.succeeded = true;
    logger()->info("sync run {} succeeded: {} pages, {} added, {} modified, {} removed", m_summary.syncRunId,
                   m_summary.pages, m_summary.changes.added, m_summary.changes.modified, m_summary.changes.removed);
    report(SyncStage::Completed, 100);
    Q_EMIT finished(m_summary);
}

model::Status SyncRunner::checkAfterRun(const QDateTime& now)
{
    const auto expired =
        expirePending(m_db, m_target.source, now.toUTC().date(), pendingExpiryDays(m_db), m_summary.syncRunId);
    if (!expired.ok())
        return expired.error();
    m_summary.changes.pendingExpired += expired.value();
    if (expired.value() > 0) {
        if (auto s = store::SyncRunRepository(m_db).addExpired(m_summary.syncRunId, expired.value()); !s.ok())
            return s;
    }
    BalanceReconciler reconciler(m_db);
    // Older history, or a full re-fetch correcting what was stored, moves the drift on purpose.
    const bool driftMayChange = m_trigger == kBackfillTrigger || m_trigger == kFullRefetchTrigger;
    if (m_trigger == kFullRefetchTrigger && m_summary.changes.total() > 0)
        m_summary.warnings << QStringLiteral("A full re-fetch found %1 differences from what earlier syncs had stored "
                                             "and corrected them.")
                                  .arg(m_summary.changes.total());
    for (const ReportedBalance& b : std::as_const(m_balances)) {
        const auto r = reconciler.reconcile(b.accountId, b.balance, m_summary.syncRunId, now, driftMayChange);
        if (!r.ok())
            return r.error();
        if (!r->flagged)
            continue;
        const model::Money moved(std::llabs(r->driftMinor - r->previousDrift.value_or(0)), b.balance.currency());
        m_summary.warnings << QStringLiteral("%1: since the last sync the bank's balance moved %2 %3 away from what "
                                             "Coffer's transactions add up to; a transaction may be missing or wrong.")
                                  .arg(b.accountName, moved.toDecimalString(), moved.currency());
        logger()->warn("sync run {}: balance drift of account {} changed", m_summary.syncRunId, b.accountId);
    }
    return model::Ok{};
}

void SyncRunner::fail(const Error& error)
{
    if (m_done)
        return;
    m_done = true;
    if (m_connector)
        m_connector->cancel();
    const QDateTime now = m_clock.now();
    const bool cancelled = error.kind == model::ErrorKind::Cancelled;
    logger()->warn("sync run {} for connection {} {}: {} ({})", m_summary.syncRunId, m_connection.id,
                   cancelled ? "interrupted" : "failed", model::errorKindName(error.kind).toStdString(),
                   error.detail.toStdString());
    if (error.kind == model::ErrorKind::InvalidData && !error.payload.isEmpty()) {
        if (store::QuarantineRepository(m_db).keep(m_connection.id, m_summary.syncRunId, error.userMessage, error.payload, now).ok())
            logger()->warn("sync run {}: unusable data kept in raw_payloads", m_summary.syncRunId);
    }
    if (m_summary.syncRunId != 0) {
        const QString status = cancelled ? QStringLiteral("interrupted") : QStringLiteral("failed");
        if (auto s = store::SyncRunRepository(m_db).finish(m_summary.syncRunId, status, now, &error); !s.ok())
            logger()->error("could not record the end of sync run {}", m_summary.syncRunId);
    }
    store::ConnectionRepository::Outcome outcome;
    outcome.attemptedAt = now;
    if (!cancelled) {
        outcome.state = error.kind == model::ErrorKind::NeedsUser ? model::ConnectionState::ReauthRequired
                                                                  : model::ConnectionState::Error;
        outcome.error = error.userMessage;
        outcome.errorKind = error.kind;
    }
    if (auto s = store::ConnectionRepository(m_db).recordOutcome(m_connection.id, outcome); !s.ok())
        logger()->error("could not record the outcome for connection {}", m_connection.id);
    m_summary.error = error;
    report(SyncStage::Failed, 100);
    Q_EMIT finished(m_summary);
}

void SyncRunner::cancel()
{
    fail(Error::cancelled(QStringLiteral("The sync was stopped before it finished.")));
}

void SyncRunner::report(SyncStage stage, int percent)
{
    model::JobProgress p;
    p.connectionId = m_connection.id;
    p.syncRunId = m_summary.syncRunId;
    p.stage = stage;
    p.percent = percent;
    p.accountsProcessed = m_accountsProcessed;
    p.transactionsProcessed = m_transactionsProcessed;
    // Linear estimate from the share done so far; only once there is something to go on.
    if (percent >= 10 && percent < 100 && m_elapsed.isValid())
        p.etaSeconds = int(m_elapsed.elapsed() * (100 - percent) / percent / 1000);
    Q_EMIT progress(p);
}

} // namespace coffer::sync

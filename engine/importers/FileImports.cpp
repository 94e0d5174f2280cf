#include "importers/FileImports.h"

#include "importers/CsvProfileChoice.h"
#include "importers/FormatDetector.h"
#include "importers/ImportCancellation.h"
#include "importers/ImportHistory.h"
#include "importers/ImportOutcomes.h"
#include "importers/ImportTargets.h"
#include "importers/ImportUndo.h"
#include "log/Log.h"
#include "schedule/Clock.h"
#include "store/AccountRepository.h"
#include "store/Database.h"
#include "store/SyncRunRepository.h"
#include "sync/PageWriter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

namespace coffer::importers {

using model::Error;
using model::ImportReport;
using model::ImportRequest;
using model::Result;
using model::Status;

namespace {

// Records committed per page (a savepoint each): between pages the import reports progress and
// looks for a cancellation.
constexpr int kPageSize = 2000;

const QString kCancelledCode = QStringLiteral("CANCELLED");

auto logger()
{
    return coffer::log::get("engine.import");
}

// "statement.ofx, line 12: ..." from a parser's "line 12: ...", "statement.ofx: ..." otherwise.
Error aboutFile(Error error, const QString& fileName)
{
    error.userMessage = fileName +
                        (error.userMessage.startsWith(u"line ") ? QStringLiteral(", ") : QStringLiteral(": ")) +
                        error.userMessage;
    return error;
}

Error cancelledImport(const QString& fileName)
{
    Error error =
        Error::cancelled(QStringLiteral("The import of %1 was cancelled; nothing was imported.").arg(fileName));
    error.providerCode = kCancelledCode;
    return error;
}

QString systemCurrency()
{
    const QString code = QLocale::system().currencySymbol(QLocale::CurrencyIsoCode);
    return code.size() == 3 ? code : QStringLiteral("USD");
}

// The currency amounts without one are in: the chosen account's, the request's, the system's.
Result<QString> defaultCurrencyFor(const ImportRequest& request, const ImportTargets& targets)
{
    if (request.accountId > 0) {
        const auto account = targets.account(request.accountId);
        if (!account.ok())
            return account.error();
        return account.value().currency;
    }
    return request.currency.isEmpty() ? systemCurrency() : request.currency.toUpper();
}

// The currency of the existing accounts a file goes to, when they all have one and the same.
std::optional<QString> existingCurrency(const QList<model::ImportAccountPlan>& plans)
{
    std::optional<QString> currency;
    for (const auto& p : plans) {
        if (p.transactions == 0)
            continue;
        if (p.accountId == 0 || (currency && *currency != p.currency))
            return std::nullopt;
        currency = p.currency;
    }
    return currency;
}

// Whether the file's amounts take their account's currency, not one the file states.
bool filesCurrencyIsTheAccounts(Format format, const ParseOptions& options)
{
    if (format == Format::Qif)
        return true;
    return format == Format::Csv && options.formatOptions.value(QStringLiteral("currencyColumn"), -1).toInt() < 0;
}

// Every amount in its account's currency: a dollar amount never lands in a euro account.
Status checkCurrencies(const CollectingSink& parsed, const QList<model::ImportAccountPlan>& plans,
                       const QString& fileName)
{
    QHash<QString, const model::ImportAccountPlan*> byFileAccount;
    for (const auto& p : plans)
        byFileAccount.insert(p.fileAccountId, &p);
    for (const auto& t : parsed.transactions) {
        const model::ImportAccountPlan* p = byFileAccount.value(t.accountProviderId);
        if (!p || !t.problem.isEmpty() || t.amount.currency() == p->currency)
            continue;
        return Error::permanent(QStringLiteral("%1: it has amounts in %2, but %3 is in %4.")
                                    .arg(fileName, t.amount.currency(), p->accountName, p->currency));
    }
    return model::Ok{};
}

DateOrder dateOrderFrom(const QString& text)
{
    if (text == u"day-month")
        return DateOrder::DayMonth;
    if (text == u"month-day")
        return DateOrder::MonthDay;
    return DateOrder::Auto;
}

} // namespace

FileImports::FileImports(store::Database& db, const schedule::Clock& clock,
                         std::shared_ptr<ImportCancellation> cancellation)
    : m_db(db)
    , m_clock(clock)
    , m_cancellation(std::move(cancellation))
{
}

FileImports::~FileImports() = default;

Result<ImportReport> FileImports::run(const ImportRequest& request, const ProgressFn& progress)
{
    QElapsedTimer timer;
    timer.start();
    const QString fileName = QFileInfo(request.path).fileName();
    const auto finish = [&](Result<ImportReport> outcome) {
        m_cancellation->forget(request.requestId);
        if (!outcome.ok())
            logger()->info("import request {} ended: {}", request.requestId,
                           model::errorKindName(outcome.error().kind).toStdString());
        return outcome;
    };

    QFile file(request.path);
    if (!file.open(QIODevice::ReadOnly))
        return finish(Error::permanent(QStringLiteral("Cannot open %1: %2.").arg(request.path, file.errorString())));
    const std::optional<Format> format = detectFormat(file.peek(kFormatSniffBytes), fileName);
    if (!format)
        return finish(Error::invalidData(QStringLiteral("%1 is not a bank file Coffer can read (OFX/QFX, QIF, CSV, "
                                                        "CAMT.053 or MT940).")
                                             .arg(fileName)));
    ImportTargets targets(m_db);
    const auto currency = defaultCurrencyFor(request, targets);
    if (!currency.ok())
        return finish(currency.error());

    ParseOptions options;
    options.defaultCurrency = currency.value();
    options.dateOrder = dateOrderFrom(request.dateOrder);
    std::optional<CsvProfileChoice> csvProfile;
    if (*format == Format::Csv) {
        auto chosen = chooseCsvProfile(m_db, file, request);
        if (!chosen.ok())
            return finish(aboutFile(chosen.error(), fileName));
        csvProfile = chosen.value();
        options.formatOptions = csvProfile->profile;
    }
    const std::unique_ptr<StatementParser> parser = makeParser(*format);
    if (!parser)
        return finish(Error::permanent(QStringLiteral("%1 is a %2 file, which this Coffer cannot import yet.")
                                           .arg(fileName, formatDisplayName(*format))));
    CollectingSink parsed;
    const auto parse = [&]() -> Status {
        parsed = CollectingSink();
        if (!file.seek(0))
            return Error::permanent(QStringLiteral("Could not read the file from its start."));
        auto done = parser->parse(file, options, parsed);
        if (!done.ok() && csvProfile && csvProfile->remembered && done.error().providerCode != kAskDateOrderCode) {
            // The bank changed its export since the account's last import: read it afresh.
            auto detected = file.seek(0) ? detectCsvProfile(file) : Result<CsvProfileChoice>(done.error());
            if (detected.ok()) {
                logger()->info("import request {}: the account's CSV profile no longer fits; detected again",
                               request.requestId);
                csvProfile = detected.value();
                options.formatOptions = csvProfile->profile;
                parsed = CollectingSink();
                done = parser->parse(file, options, parsed);
            }
        }
        return done;
    };
    if (auto s = parse(); !s.ok())
        return finish(aboutFile(s.error(), fileName));
    if (parsed.transactions.isEmpty() && parsed.removals.isEmpty())
        return finish(Error::invalidData(QStringLiteral("%1 holds no transactions.").arg(fileName) +
                                         (parsed.notices.isEmpty() ? QString() : u' ' + parsed.notices.join(u' '))));
    if (m_cancellation->isCancelled(request.requestId))
        return finish(cancelledImport(fileName));

    auto plans = targets.plan(parsed, request, fileName, options.defaultCurrency);
    if (!plans.ok())
        return finish(plans.error());
    // A file that does not state its currency (QIF, a CSV without a currency column) is in its
    // account's: when that account is an existing one found only now, read the file in its currency.
    if (const auto target = existingCurrency(plans.value());
        target && *target != options.defaultCurrency && filesCurrencyIsTheAccounts(*format, options)) {
        options.defaultCurrency = *target;
        if (auto s = parse(); !s.ok())
            return finish(aboutFile(s.error(), fileName));
        plans = targets.plan(parsed, request, fileName, options.defaultCurrency);
        if (!plans.ok())
            return finish(plans.error());
    }
    if (auto s = checkCurrencies(parsed, plans.value(), fileName); !s.ok())
        return finish(s.error());

    ImportReport report;
    report.requestId = request.requestId;
    report.path = request.path;
    report.format = formatDisplayName(*format);
    report.dryRun = request.dryRun;
    report.notices = parsed.notices;
    if (csvProfile) {
        report.csvProfile = csvProfile->profile;
        report.csvProfileName = csvProfile->name;
        report.csvExplanation = csvProfile->explanation;
    }
    report.accounts = plans.value();

    const QString source = QStringLiteral("import:") + formatId(*format);
    const auto body = [&]() -> Status {
        const QDateTime now = m_clock.now();
        QList<model::ImportAccountPlan> realized = report.accounts;
        const auto ids = targets.realize(realized, parsed, fileName, now);
        if (!ids.ok())
            return ids.error();
        const auto runConnection = targets.runConnection(now);
        if (!runConnection.ok())
            return runConnection.error();
        store::SyncRunRepository runs(m_db);
        const auto run = runs.begin(runConnection.value(), QStringLiteral("import"), now);
        if (!run.ok())
            return run.error();

        sync::PageWriter writer(m_db);
        sync::PageWriter::Target target;
        target.connectionId = runConnection.value();
        target.runId = run.value();
        target.source = source;
        target.today = now.toLocalTime().date();
        target.saveCursor = false;
        target.accountIds = ids.value();
        const qint64 total = parsed.transactions.size() + parsed.removals.size();
        qint64 done = 0;
        const qsizetype pages = qMax<qsizetype>(1, (parsed.transactions.size() + kPageSize - 1) / kPageSize);
        for (qsizetype from = 0; from < pages * kPageSize; from += kPageSize) {
            if (m_cancellation->isCancelled(request.requestId))
                return cancelledImport(fileName);
            providers::Page page;
            page.added = parsed.transactions.mid(from, kPageSize);
            if (from + kPageSize >= parsed.transactions.size())
                page.removed = parsed.removals;
            ++target.pageNumber;
            const auto counts = writer.commit(target, page);
            if (!counts.ok())
                return counts.error();
            done += page.added.size() + page.removed.size();
            if (progress)
                progress({request.requestId, done, total});
        }
        for (const auto& plan : realized) {
            if (!plan.statedBalance || request.dryRun)
                continue;
            // An old statement's balance never replaces a newer one (a sync's, a later file's).
            const auto newer = hasBalanceSince(plan.accountId, plan.statedBalanceOn);
            if (!newer.ok())
                return newer.error();
            if (newer.value())
                continue;
            if (auto s = store::AccountRepository(m_db).recordBalance(plan.accountId, run.value(), *plan.statedBalance,
                                                                      plan.statedBalanceOn.startOfDay(Qt::UTC));
                !s.ok())
                return s;
        }
        if (auto s = ImportOutcomes(m_db).classify(parsed, ids.value(), source, run.value(), report); !s.ok())
            return s;
        if (request.dryRun) {
            // The accounts to create are rolled back with the rest: the preview says they will be new.
            for (auto& item : report.items) {
                const auto plan = std::find_if(report.accounts.cbegin(), report.accounts.cend(),
                                               [&](const auto& p) { return p.fileAccountId == item.fileAccountId; });
                if (plan != report.accounts.cend() && plan->accountId == 0)
                    item.accountId = 0;
            }
            return model::Ok{};
        }
        if (m_cancellation->isCancelled(request.requestId)) // a Cancel during the last page still counts
            return cancelledImport(fileName);
        report.accounts = realized;
        report.runId = run.value();
        if (csvProfile) {
            for (const auto& plan : realized) {
                if (auto s = rememberCsvProfile(m_db, plan.accountId, *csvProfile, request); !s.ok())
                    return s;
            }
        }
        if (auto s = ImportHistory(m_db).record(run.value(), fileName, report.format, report.counts); !s.ok())
            return s;
        return runs.finish(run.value(), QStringLiteral("succeeded"), m_clock.now(), nullptr);
    };
    Status written = request.dryRun ? m_db.rehearse(body) : m_db.inTransaction(body);
    if (!written.ok()) {
        Error error = written.error();
        if (error.kind == model::ErrorKind::Storage)
            error.userMessage = request.dryRun
                                    ? QStringLiteral("%1 could not be previewed: %2").arg(fileName, error.userMessage)
                                    : QStringLiteral("%1 was not imported: %2 Nothing of it was stored.")
                                          .arg(fileName, error.userMessage);
        else if (error.kind != model::ErrorKind::Cancelled && !error.userMessage.startsWith(fileName))
            error = aboutFile(error, fileName);
        return finish(error);
    }
    report.seconds = timer.elapsed() / 1000.0;
    logger()->info("import request {} ({}): {} added, {} matched, {} already there, {} invalid{}", request.requestId,
                   formatId(*format).toStdString(), report.counts.added, report.counts.matched,
                   report.counts.duplicates, report.counts.invalid, request.dryRun ? " (preview)" : "");
    return finish(report);
}

Result<bool> FileImports::hasBalanceSince(qint64 accountId, const QDate& day)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT 1 FROM balances WHERE account_id = ? AND as_of >= ? LIMIT 1"));
    q.addBindValue(accountId);
    q.addBindValue(store::toIsoUtc(day.startOfDay(Qt::UTC)));
    if (!q.exec())
        return Error::storage(QStringLiteral("Could not read the account's balances."), q.lastError().text());
    return q.next();
}

Result<QList<model::ImportRecord>> FileImports::list(int limit)
{
    return ImportHistory(m_db).newest(limit);
}

Result<QString> FileImports::undo(qint64 runId)
{
    return ImportUndo(m_db).undo(runId, m_clock.now());
}

} // namespace coffer::importers

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
    CollectingSink parsed;
    const std::unique_ptr<StatementParser> parser = makeParser(*format);
    if (!parser)
        return finish(Error::permanent(QStringLiteral("%1 is a %2 file, which this Coffer cannot import yet.")
                                           .arg(fileName, formatDisplayName(*format))));
    if (auto s = parser->parse(file, options, parsed); !s.ok())
        return finish(aboutFile(s.error(), fileName));
    if (parsed.transactions.isEmpty() && parsed.removals.isEmpty())
        return finish(Error::invalidData(QStringLiteral("%1 holds no transactions.").arg(fileName) +
                                         (parsed.notices.isEmpty() ? QString() : u' ' + parsed.notices.join(u' '))));
    if (m_cancellation->isCancelled(request.requestId))
        return finish(cancelledImport(fileName));

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
    const auto plans = targets.plan(parsed, request, fileName, currency.value());
    if (!plans.ok())
        return finish(plans.error());
    report.accounts = plans.value();

    const QString source = QStringLiteral("import:") + formatId(*format);
    const auto body = [&]() -> Status {
        const QDateTime now = m_clock.now();
        QList<model::ImportAccountPlan> realized = report.accounts;
        const auto ids = targets.realize(realized, parsed, fileName, now);
        if (!ids.ok())
            return ids.error();
        const auto runConnection = targets.runConnection(report.accounts, now);
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
            error.userMessage =
                QStringLiteral("%1 was not imported: %2 Nothing of it was stored.").arg(fileName, error.userMessage);
        return finish(error);
    }
    report.seconds = timer.elapsed() / 1000.0;
    logger()->info("import request {} ({}): {} added, {} matched, {} already there, {} invalid{}", request.requestId,
                   formatId(*format).toStdString(), report.counts.added, report.counts.matched,
                   report.counts.duplicates, report.counts.invalid, request.dryRun ? " (preview)" : "");
    return finish(report);
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

#include "cli/CliImportPrinter.h"

#include "importers/StatementParser.h"

#include <QFileInfo>

namespace coffer::cli {

namespace {

// Lists longer than this are cut, saying how many more there are.
constexpr int kMostListed = 50;

QString countsText(const model::ImportCounts& c)
{
    QString out = QStringLiteral("%1 added, %2 matched, %3 skipped (already imported), %4 invalid")
                      .arg(c.added)
                      .arg(c.matched)
                      .arg(c.duplicates)
                      .arg(c.invalid);
    if (c.updated > 0)
        out += QStringLiteral(", %1 updated").arg(c.updated);
    if (c.removed > 0)
        out += QStringLiteral(", %1 removed").arg(c.removed);
    return out;
}

QString accountLine(const model::ImportAccountPlan& a)
{
    const QString fileSide = a.fileAccountId.isEmpty() ? QStringLiteral("the file's transactions")
                             : a.fileAccountName.isEmpty() || a.fileAccountName == a.fileAccountId
                                 ? a.fileAccountId
                                 : QStringLiteral("%1 \"%2\"").arg(a.fileAccountId, a.fileAccountName);
    const QString target = a.accountId == 0 ? QStringLiteral("a new account \"%1\"").arg(a.accountName)
                           : a.created      ? QStringLiteral("new account #%1 %2").arg(a.accountId).arg(a.accountName)
                                            : QStringLiteral("account #%1 %2").arg(a.accountId).arg(a.accountName);
    return QStringLiteral("  %1 (%2, %3 transactions) -> %4")
        .arg(fileSide, a.currency.isEmpty() ? QStringLiteral("no currency") : a.currency)
        .arg(a.transactions)
        .arg(target);
}

// The items of one outcome, one a line, at most kMostListed.
QString itemLines(const model::ImportReport& report, model::ImportOutcome outcome)
{
    QString out;
    int listed = 0;
    int more = 0;
    for (const model::ImportItem& item : report.items) {
        if (item.outcome != outcome)
            continue;
        if (listed == kMostListed) {
            ++more;
            continue;
        }
        ++listed;
        out += outcome == model::ImportOutcome::Invalid
                   ? QStringLiteral("\n  %1").arg(item.reason)
                   : QStringLiteral("\n  %1 %2: %3")
                         .arg(item.bookedOn.toString(Qt::ISODate), item.description, item.reason);
    }
    if (more > 0)
        out += QStringLiteral("\n  ... and %1 more").arg(more);
    return out;
}

} // namespace

QString importReportText(const model::ImportReport& report)
{
    const QString file = QFileInfo(report.path).fileName();
    QString out = report.dryRun ? QStringLiteral("Dry run, nothing written: %1 (%2) would give %3.")
                                      .arg(file, report.format, countsText(report.counts))
                                : QStringLiteral("Imported %1 (%2) as run #%3: %4.")
                                      .arg(file, report.format)
                                      .arg(report.runId)
                                      .arg(countsText(report.counts));
    if (!report.accounts.isEmpty())
        out += QStringLiteral("\nAccounts:");
    for (const model::ImportAccountPlan& a : report.accounts)
        out += u'\n' + accountLine(a);
    if (report.counts.matched > 0)
        out += QStringLiteral("\nMatched to transactions already stored:") +
               itemLines(report, model::ImportOutcome::Matched);
    if (report.counts.invalid > 0)
        out += QStringLiteral("\nInvalid (not imported):") + itemLines(report, model::ImportOutcome::Invalid);
    if (!report.notices.isEmpty())
        out += QStringLiteral("\nNot imported:\n  ") + report.notices.join(QStringLiteral("\n  "));
    if (!report.dryRun && report.runId > 0)
        out += QStringLiteral("\nUndo it with: cofferctl undo-import %1").arg(report.runId);
    return out;
}

QString importFailureText(const model::ImportFailure& failure)
{
    if (failure.code == importers::kAskDateOrderCode)
        return failure.message +
               QStringLiteral("\nSay how the file writes its dates: run again with --date-order day-month "
                              "(31/01/2025) or --date-order month-day (01/31/2025).");
    return failure.message;
}

QString importsTable(const QList<model::ImportRecord>& imports)
{
    if (imports.isEmpty())
        return QStringLiteral("No imports yet. Import a bank file with: cofferctl import FILE");
    const auto pad = [](const QString& s, int width) { return s.leftJustified(width, u' ', true); };
    QString out = pad(QStringLiteral("RUN"), 7) + pad(QStringLiteral("FILE"), 28) + pad(QStringLiteral("FORMAT"), 10) +
                  pad(QStringLiteral("WHEN"), 18) + pad(QStringLiteral("ADDED"), 8) +
                  pad(QStringLiteral("MATCHED"), 9) + pad(QStringLiteral("SKIPPED"), 9) +
                  pad(QStringLiteral("INVALID"), 9) + QStringLiteral("UNDONE");
    for (const model::ImportRecord& r : imports) {
        out += u'\n' + pad(QString::number(r.runId), 7) + pad(r.file, 28) + pad(r.format, 10) +
               pad(r.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), 18) +
               pad(QString::number(r.counts.added), 8) + pad(QString::number(r.counts.matched), 9) +
               pad(QString::number(r.counts.duplicates), 9) + pad(QString::number(r.counts.invalid), 9) +
               (r.undone ? QStringLiteral("yes") : QStringLiteral("no"));
    }
    return out;
}

} // namespace coffer::cli

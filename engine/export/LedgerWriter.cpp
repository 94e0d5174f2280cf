#include "export/LedgerWriter.h"

#include "export/AccountNames.h"
#include "export/ExportFile.h"
#include "store/TransactionColumns.h"

namespace coffer::exporting {

using model::Result;

namespace {

QByteArray entry(const store::TransactionRow& row, const AccountNames& names)
{
    const model::Transaction& t = row.transaction;
    const QString description = oneLine(t.description.isEmpty() ? t.descriptionRaw : t.description);
    QString payee = oneLine(t.counterparty);
    if (payee.isEmpty())
        payee = description.isEmpty() ? QStringLiteral("Unknown payee") : description;
    QString text = store::formatIsoDate(t.bookedOn) +
                   (t.isPending() ? QStringLiteral(" ! (") : QStringLiteral(" * (")) + QString::number(t.id) +
                   QStringLiteral(") ") + payee + u'\n';
    if (!description.isEmpty() && description != payee)
        text += QStringLiteral("    ; ") + description + u'\n';
    const QString currency = u' ' + t.amount.currency() + u'\n';
    text += QStringLiteral("    ") + names.forAccount(t.accountId) + QStringLiteral("  ") + t.amount.toDecimalString() +
            currency;
    text += QStringLiteral("    ") + names.forCategory(t.category, t.amount.isNegative()) + QStringLiteral("  ") +
            t.amount.negated().toDecimalString() + currency + u'\n';
    return text.toUtf8();
}

} // namespace

Result<ExportSummary> LedgerWriter::write(const QString& path, const LedgerSource& source, const ExportFilter& filter,
                                          const QDateTime& now)
{
    const auto accounts = source.accounts(filter);
    if (!accounts.ok())
        return accounts.error();
    ExportFile file(path);
    if (auto opened = file.open(); !opened.ok())
        return opened.error();
    const AccountNames names(AccountNames::Style::Ledger, accounts.value());
    file.write(QStringLiteral("; Exported from Coffer on %1 UTC. \"!\" marks a pending transaction; the code in "
                              "parentheses is its Coffer id.\n\n")
                   .arg(now.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    const auto written = file.writeRows(source.rowSource(filter), kExportPageSize,
                                        [&](const store::TransactionRow& row) { return entry(row, names); });
    if (!written.ok())
        return file.abandon(written.error());
    if (auto done = file.commit(); !done.ok())
        return done.error();
    return ExportSummary{file.path(), written.value(), int(accounts.value().size()), 0};
}

} // namespace coffer::exporting

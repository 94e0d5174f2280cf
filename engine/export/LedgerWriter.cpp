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
    const QString description = oneLine(shownDescription(t));
    QString payee = oneLine(t.counterparty);
    if (payee.isEmpty())
        payee = description.isEmpty() ? QStringLiteral("Unknown payee") : description;
    QString text = store::formatIsoDate(t.bookedOn) +
                   (t.isPending() ? QStringLiteral(" ! (") : QStringLiteral(" * (")) + QString::number(t.id) +
                   QStringLiteral(") ") + payee + u'\n';
    if (!description.isEmpty() && description != payee)
        text += QStringLiteral("    ; ") + description + u'\n';
    text += names.postings(t, QStringLiteral("    ")) + u'\n';
    return text.toUtf8();
}

} // namespace

Result<ExportSummary> LedgerWriter::write(const QString& path, const LedgerSource& source, const ExportFilter& filter,
                                          const QDateTime& now)
{
    const auto accounts = source.accounts(filter);
    if (!accounts.ok())
        return accounts.error();
    const AccountNames names(AccountNames::Style::Ledger, accounts.value());
    const QString head =
        exportedOnLine(now) +
        QStringLiteral("; \"!\" marks a pending transaction; the code in parentheses is its Coffer id.\n\n");
    return ExportFile::writeAll(
        path, head, source.rowSource(filter), [&](const store::TransactionRow& row) { return entry(row, names); },
        accounts.value().size());
}

} // namespace coffer::exporting

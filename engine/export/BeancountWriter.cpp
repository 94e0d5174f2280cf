#include "export/BeancountWriter.h"

#include "export/AccountNames.h"
#include "export/ExportFile.h"
#include "store/TransactionColumns.h"

namespace coffer::exporting {

using model::Result;

namespace {

QByteArray entry(const store::TransactionRow& row, const AccountNames& names)
{
    const model::Transaction& t = row.transaction;
    const QString description = shownDescription(t);
    QString text = store::formatIsoDate(t.bookedOn) + (t.isPending() ? QStringLiteral(" ! ") : QStringLiteral(" * "));
    if (!oneLine(t.counterparty).isEmpty())
        text += BeancountWriter::quoted(t.counterparty) + u' ';
    text += BeancountWriter::quoted(description) + u'\n';
    text += QStringLiteral("  coffer-id: \"") + QString::number(t.id) + QStringLiteral("\"\n");
    text += names.postings(t, QStringLiteral("  ")) + u'\n';
    return text.toUtf8();
}

// The "open" directives: every account, and every category account the transactions use.
Result<QString> openings(const LedgerSource& source, const ExportFilter& filter, const QList<ExportAccount>& accounts,
                         const AccountNames& names, const QDate& fallbackDay)
{
    const auto categories = source.categorySides(filter);
    if (!categories.ok())
        return categories.error();
    QDate first;
    for (const ExportAccount& e : accounts) {
        if (e.firstDate.isValid() && (!first.isValid() || e.firstDate < first))
            first = e.firstDate;
    }
    const QString day = store::formatIsoDate(first.isValid() ? first : fallbackDay) + QStringLiteral(" open ");
    QString text;
    for (const ExportAccount& e : accounts)
        text += day + names.forAccount(e.account.id) + u' ' + e.currencies.join(u',') + u'\n';
    QStringList opened;
    for (const auto& [category, moneyOut] : categories.value()) {
        const QString name = names.forCategory(category, moneyOut);
        if (!opened.contains(name)) {
            opened << name;
            text += day + name + u'\n';
        }
    }
    return QString(text + u'\n');
}

} // namespace

QString BeancountWriter::quoted(const QString& text)
{
    QString out = oneLine(text);
    out.replace(u'\\', QStringLiteral("\\\\"));
    out.replace(u'"', QStringLiteral("\\\""));
    return u'"' + out + u'"';
}

Result<ExportSummary> BeancountWriter::write(const QString& path, const LedgerSource& source,
                                             const ExportFilter& filter, const QDateTime& now)
{
    const auto accounts = source.accounts(filter);
    if (!accounts.ok())
        return accounts.error();
    const AccountNames names(AccountNames::Style::Beancount, accounts.value());
    const auto opens = openings(source, filter, accounts.value(), names, now.toUTC().date());
    if (!opens.ok())
        return opens.error();
    const QString head =
        exportedOnLine(now) +
        QStringLiteral("; The \"!\" flag marks a pending transaction.\noption \"title\" \"Coffer\"\n\n") +
        opens.value();
    return ExportFile::writeAll(
        path, head, source.rowSource(filter), [&](const store::TransactionRow& row) { return entry(row, names); },
        accounts.value().size());
}

} // namespace coffer::exporting

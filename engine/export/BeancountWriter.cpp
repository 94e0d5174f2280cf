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
    const QString description = t.description.isEmpty() ? t.descriptionRaw : t.description;
    QString text = store::formatIsoDate(t.bookedOn) + (t.isPending() ? QStringLiteral(" ! ") : QStringLiteral(" * "));
    if (!oneLine(t.counterparty).isEmpty())
        text += BeancountWriter::quoted(t.counterparty) + u' ';
    text += BeancountWriter::quoted(description) + u'\n';
    text += QStringLiteral("  coffer-id: \"") + QString::number(t.id) + QStringLiteral("\"\n");
    const QString currency = u' ' + t.amount.currency() + u'\n';
    text += QStringLiteral("  ") + names.forAccount(t.accountId) + QStringLiteral("  ") + t.amount.toDecimalString() +
            currency;
    text += QStringLiteral("  ") + names.forCategory(t.category, t.amount.isNegative()) + QStringLiteral("  ") +
            t.amount.negated().toDecimalString() + currency + u'\n';
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
    ExportFile file(path);
    if (auto opened = file.open(); !opened.ok())
        return opened.error();
    file.write(QStringLiteral("; Exported from Coffer on %1 UTC. The \"!\" flag marks a pending transaction.\n"
                              "option \"title\" \"Coffer\"\n\n")
                   .arg(now.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    file.write(opens.value());
    const auto written = file.writeRows(source.rowSource(filter), kExportPageSize,
                                        [&](const store::TransactionRow& row) { return entry(row, names); });
    if (!written.ok())
        return file.abandon(written.error());
    if (auto done = file.commit(); !done.ok())
        return done.error();
    return ExportSummary{file.path(), written.value(), int(accounts.value().size()), 0};
}

} // namespace coffer::exporting

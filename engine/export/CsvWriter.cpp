#include "export/CsvWriter.h"

#include "export/ExportFile.h"
#include "store/TransactionColumns.h"

#include <QSet>

namespace coffer::exporting {

using model::Result;

namespace {

bool startsLikeFormula(const QString& text)
{
    if (text.isEmpty())
        return false;
    const QChar c = text.front();
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

} // namespace

QString CsvWriter::textCell(const QString& text)
{
    QString cell = startsLikeFormula(text) ? u'\'' + text : text;
    const bool quote = cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\n') || cell.contains(u'\r');
    if (!quote)
        return cell;
    cell.replace(u'"', QStringLiteral("\"\""));
    return u'"' + cell + u'"';
}

QByteArray CsvWriter::headerLine()
{
    return QByteArrayLiteral("date,account,description,payee,category,amount,currency,status,id\r\n");
}

QByteArray CsvWriter::line(const store::TransactionRow& row)
{
    const model::Transaction& t = row.transaction;
    const QString description = shownDescription(t);
    const QString text = store::formatIsoDate(t.bookedOn) + u',' + textCell(row.accountName) + u',' +
                         textCell(description) + u',' + textCell(t.counterparty) + u',' + textCell(t.category) + u',' +
                         t.amount.toDecimalString() + u',' + textCell(t.amount.currency()) + u',' +
                         (t.isPending() ? QStringLiteral("pending") : QStringLiteral("posted")) + u',' +
                         QString::number(t.id) + QStringLiteral("\r\n");
    return text.toUtf8();
}

Result<ExportSummary> CsvWriter::write(const QString& path, const RowPageSource& source, int pageSize)
{
    QSet<qint64> accounts;
    auto written = ExportFile::writeAll(
        path, QString::fromUtf8(headerLine()), source,
        [&](const store::TransactionRow& row) {
            accounts.insert(row.transaction.accountId);
            return line(row);
        },
        0, pageSize);
    if (written.ok())
        written.value().accounts = int(accounts.size());
    return written;
}

} // namespace coffer::exporting

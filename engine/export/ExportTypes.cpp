#include "export/ExportTypes.h"

namespace coffer::exporting {

std::optional<ExportFormat> exportFormatFromName(const QString& name)
{
    for (ExportFormat f : {ExportFormat::Csv, ExportFormat::Ofx, ExportFormat::Ledger, ExportFormat::Beancount}) {
        if (name.compare(exportFormatSuffix(f), Qt::CaseInsensitive) == 0)
            return f;
    }
    return std::nullopt;
}

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Csv:
        return QStringLiteral("CSV");
    case ExportFormat::Ofx:
        return QStringLiteral("OFX");
    case ExportFormat::Ledger:
        return QStringLiteral("Ledger");
    case ExportFormat::Beancount:
        return QStringLiteral("Beancount");
    }
    return {};
}

QString exportFormatSuffix(ExportFormat format)
{
    return exportFormatName(format).toLower();
}

QString exportedOnLine(const QDateTime& now)
{
    return QStringLiteral("; Exported from Coffer on %1 UTC.\n")
        .arg(now.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
}

QString shownDescription(const model::Transaction& t)
{
    return t.description.isEmpty() ? t.descriptionRaw : t.description;
}

QString oneLine(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            c = u' ';
    }
    return out.simplified();
}

} // namespace coffer::exporting

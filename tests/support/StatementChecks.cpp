#include "StatementChecks.h"

#include "importers/FormatDetector.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace coffer::test {

ParsedStatement parseStatementFile(const QString& path, const importers::ParseOptions& options,
                                   std::optional<importers::Format> format)
{
    ParsedStatement parsed;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        parsed.status = model::Error::storage(QStringLiteral("%1 cannot be read").arg(path));
        return parsed;
    }
    parsed.format =
        format ? format : importers::detectFormat(file.peek(importers::kFormatSniffBytes), QFileInfo(path).fileName());
    if (!parsed.format) {
        parsed.status = model::Error::invalidData(QStringLiteral("not a bank file Coffer reads"));
        return parsed;
    }
    const auto parser = importers::makeParser(*parsed.format);
    if (!parser) {
        parsed.status = model::Error::permanent(
            QStringLiteral("no %1 parser in this build").arg(importers::formatDisplayName(*parsed.format)));
        return parsed;
    }
    parsed.status = parser->parse(file, options, parsed.sink);
    return parsed;
}

QStringList outcomeProblems(const ParsedStatement& parsed)
{
    static const QRegularExpression namesLine(QStringLiteral("^line [0-9]+: \\S"));
    QStringList problems;
    if (!parsed.status.ok()) {
        // Most name their line ("line 12: <STMTTRN> has no <DTPOSTED>"); a file that is empty or
        // not of the format at all has no line to name.
        if (parsed.status.error().userMessage.trimmed().isEmpty())
            problems << QStringLiteral("the parse failed without saying why");
        return problems;
    }
    for (const providers::ProviderTransaction& t : parsed.sink.transactions) {
        const QString which = QStringLiteral("transaction \"%1\"").arg(t.providerId);
        if (!t.problem.isEmpty()) {
            if (!namesLine.match(t.problem).hasMatch())
                problems << which + QStringLiteral(": its problem does not name its line: ") + t.problem;
            continue;
        }
        if (!t.bookedOn.isValid())
            problems << which + QStringLiteral(" has no booking date");
        if (t.amount.currency().size() != 3)
            problems << which + QStringLiteral(" has no currency");
        if (t.providerId.isEmpty())
            problems << QStringLiteral("a transaction of %1 has no id").arg(t.bookedOn.toString(Qt::ISODate));
    }
    return problems;
}

std::string describeOutcome(const ParsedStatement& parsed)
{
    const QString format = parsed.format ? importers::formatId(*parsed.format) : QStringLiteral("undetected");
    if (!parsed.status.ok())
        return QStringLiteral("%1, failed: %2").arg(format, parsed.status.error().userMessage).toStdString();
    qsizetype invalid = 0;
    for (const auto& t : parsed.sink.transactions)
        invalid += t.problem.isEmpty() ? 0 : 1;
    return QStringLiteral("%1, %2 transactions (%3 invalid), %4 accounts, %5 notices")
        .arg(format)
        .arg(parsed.sink.transactions.size())
        .arg(invalid)
        .arg(parsed.sink.accounts.size())
        .arg(parsed.sink.notices.size())
        .toStdString();
}

} // namespace coffer::test

#include "transactions/AuditTrailText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStringList>

namespace coffer::ui {

namespace {

QString fieldLabel(const QString& field)
{
    if (field == u"booked_on")
        return AuditTrailText::tr("date");
    if (field == u"authorized_on")
        return AuditTrailText::tr("authorized date");
    if (field == u"amount")
        return AuditTrailText::tr("amount");
    if (field == u"original_amount")
        return AuditTrailText::tr("original amount");
    if (field == u"description_raw")
        return AuditTrailText::tr("bank description");
    if (field == u"counterparty")
        return AuditTrailText::tr("payee");
    if (field == u"check_number")
        return AuditTrailText::tr("check number");
    return field;
}

QString shown(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined() || value.toString().isEmpty())
        return AuditTrailText::tr("(none)");
    return u'\u201c' + value.toVariant().toString() + u'\u201d';
}

} // namespace

QString AuditTrailText::what(const store::TransactionEvent& event)
{
    if (event.kind == u"added")
        return tr("Added");
    if (event.kind == u"modified")
        return tr("Changed");
    if (event.kind == u"removed")
        return tr("Removed");
    if (event.kind == u"matched")
        return tr("Matched");
    if (event.kind == u"unmatched")
        return tr("Match undone");
    return event.kind;
}

QString AuditTrailText::who(const store::TransactionEvent& event)
{
    return event.syncRunId != 0 ? tr("Sync run %1").arg(event.syncRunId) : tr("You or housekeeping");
}

QString AuditTrailText::details(const store::TransactionEvent& event)
{
    const QJsonObject o = QJsonDocument::fromJson(event.changes.toUtf8()).object();
    if (o.isEmpty())
        return event.changes;
    if (event.kind == u"modified") {
        QStringList parts;
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QJsonArray pair = it.value().toArray();
            parts.append(tr("%1 from %2 to %3").arg(fieldLabel(it.key()), shown(pair.at(0)), shown(pair.at(1))));
        }
        return parts.join(QStringLiteral("; "));
    }
    const QString reason = o.value(QStringLiteral("reason")).toString();
    if (event.kind == u"matched") {
        const qint64 other = o.contains(QStringLiteral("into")) ? o.value(QStringLiteral("into")).toInteger()
                                                                : o.value(QStringLiteral("from")).toInteger();
        const std::optional<double> score = o.contains(QStringLiteral("score"))
                                                ? std::optional<double>(o.value(QStringLiteral("score")).toDouble())
                                                : std::nullopt;
        return tr("With transaction %1: %2").arg(other).arg(matchReason(reason, score));
    }
    if (event.kind == u"unmatched")
        return tr("From transaction %1: %2").arg(o.value(QStringLiteral("from")).toInteger()).arg(reason);
    return reason;
}

QString AuditTrailText::matchReason(const QString& reason, std::optional<double> score)
{
    if (!score)
        return reason;
    if (*score >= 1.0)
        return tr("%1 (certain)").arg(reason);
    return tr("%1 (score %2)").arg(reason, QLocale().toString(*score, 'f', 2));
}

QString AuditTrailText::prettyRaw(const QString& raw)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(raw.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || document.isNull())
        return raw;
    return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
}

} // namespace coffer::ui

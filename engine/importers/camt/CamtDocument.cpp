#include "importers/camt/CamtDocument.h"

namespace coffer::importers::camt {

namespace {

constexpr QStringView kIsoPrefix = u"urn:iso:std:iso:20022:tech:xsd:";

// What a person calls an ISO 20022 message, from its identifier ("camt.054" -> a notification).
QString describe(QStringView message)
{
    const QStringView family = message.left(8);
    if (family == u"camt.052")
        return QStringLiteral("a camt.052 account report (intraday), not a statement");
    if (family == u"camt.054")
        return QStringLiteral("a camt.054 debit/credit notification, not a statement");
    if (message.startsWith(u"pain."))
        return QStringLiteral("a %1 payment initiation message, not a statement").arg(family);
    return QStringLiteral("an ISO 20022 %1 message, not a CAMT.053 statement").arg(family);
}

} // namespace

std::optional<QString> refuseDocument(QStringView root, QStringView ns)
{
    if (!ns.startsWith(kIsoPrefix)) {
        return QStringLiteral("this is not a CAMT.053 statement (its root element is <%1> in the namespace \"%2\")")
            .arg(root.left(40), ns.left(80));
    }
    const QStringView message = ns.mid(kIsoPrefix.size()); // "camt.053.001.02"
    if (!message.startsWith(u"camt.053."))
        return QStringLiteral("this is %1").arg(describe(message));
    // camt.053.001.VV
    const QStringView version = message.mid(13);
    bool ok = false;
    const int number = version.toInt(&ok);
    if (message.mid(8, 5) != u".001." || !ok || version.size() != 2 || number < 2 || number > 8) {
        return QStringLiteral("this CAMT.053 version (%1) is not supported; versions 02 to 08 are")
            .arg(message.left(40));
    }
    if (root != u"Document")
        return QStringLiteral("the root element is <%1>, not <Document>").arg(root.left(40));
    return std::nullopt;
}

} // namespace coffer::importers::camt

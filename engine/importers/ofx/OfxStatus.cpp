#include "importers/ofx/OfxStatus.h"

namespace coffer::importers::ofx {

void OfxStatus::set(OfxTag tag, QByteArrayView value)
{
    if (tag == OfxTag::Code)
        assignBytes(code, value);
    else if (tag == OfxTag::Severity)
        assignBytes(severity, value);
    else if (tag == OfxTag::Message)
        assignBytes(message, value);
}

model::Result<QString> OfxStatus::verdict(const OfxTextDecoder& text) const
{
    const QByteArray trimmedCode = code.trimmed();
    const bool signOn = parent == OfxTag::SignOnResponse;
    if (trimmedCode.isEmpty() || trimmedCode == "0" || (!signOn && parent != OfxTag::StatementResponse))
        return QString();
    const QString level = text.decode(severity).trimmed().toUpper();
    const QString said = text.decode(message).trimmed();
    const QString quoted =
        (said.isEmpty() ? QStringLiteral("no message") : QLatin1Char('"') + said + QLatin1Char('"')) +
        QStringLiteral(" (code %1%2)")
            .arg(QString::fromLatin1(trimmedCode.left(12)),
                 level.isEmpty() ? QString() : QStringLiteral(", ") + level.left(12));
    if (level == QLatin1String("INFO"))
        return QStringLiteral("line %1: the bank says: %2").arg(line).arg(quoted);
    const QString what = signOn ? QStringLiteral("the bank refused the sign-on")
                                : QStringLiteral("the bank sent an error instead of the statement");
    return model::Error::invalidData(QStringLiteral("line %1: %2: %3").arg(line).arg(what, quoted));
}

} // namespace coffer::importers::ofx

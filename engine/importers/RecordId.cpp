#include "importers/RecordId.h"

#include <QCryptographicHash>

namespace coffer::importers {

namespace {

void addField(QCryptographicHash& hash, QStringView text)
{
    // Unit separators keep ("ab", "c") and ("a", "bc") apart.
    hash.addData(text.toUtf8());
    hash.addData(QByteArrayView("\x1f", 1));
}

} // namespace

QString RecordIdMaker::idFor(QStringView accountId, const QDate& date, const model::Money& amount, QStringView text)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    addField(hash, accountId);
    addField(hash, date.toString(Qt::ISODate));
    addField(hash, QString::number(amount.minorUnits()));
    addField(hash, amount.currency());
    addField(hash, text.toString().simplified());
    const QByteArray digest = hash.result().left(8);
    const int occurrence = ++m_occurrences[digest];
    return QStringLiteral("gen:%1.%2").arg(QString::fromLatin1(digest.toHex())).arg(occurrence);
}

} // namespace coffer::importers

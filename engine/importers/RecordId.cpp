#include "importers/RecordId.h"

#include <QCryptographicHash>

namespace coffer::importers {

namespace {

// What the hash covers, field by field; unit separators keep ("ab", "c") and ("a", "bc") apart.
void addField(QByteArray& data, QStringView text)
{
    data.append(text.toUtf8());
    data.append('\x1f');
}

// Qt::ISODate's "yyyy-MM-dd" without QString::asprintf (this runs once per record).
void addDate(QByteArray& data, const QDate& date)
{
    const int y = date.year();
    if (!date.isValid() || y < 0 || y > 9999) {
        addField(data, date.toString(Qt::ISODate));
        return;
    }
    const char text[] = {char('0' + y / 1000),
                         char('0' + y / 100 % 10),
                         char('0' + y / 10 % 10),
                         char('0' + y % 10),
                         '-',
                         char('0' + date.month() / 10),
                         char('0' + date.month() % 10),
                         '-',
                         char('0' + date.day() / 10),
                         char('0' + date.day() % 10),
                         '\x1f'};
    data.append(text, sizeof(text));
}

} // namespace

QString RecordIdMaker::idFor(QStringView accountId, const QDate& date, const model::Money& amount, QStringView text)
{
    QByteArray data;
    data.reserve(128);
    addField(data, accountId);
    addDate(data, date);
    data.append(QByteArray::number(amount.minorUnits()));
    data.append('\x1f');
    addField(data, amount.currency());
    addField(data, text.toString().simplified());
    const QByteArray digest = QCryptographicHash::hash(data, QCryptographicHash::Sha1).left(8);
    quint64 key = 0;
    for (const char c : digest)
        key = (key << 8) | static_cast<unsigned char>(c);
    const int occurrence = ++m_occurrences[key];
    return QLatin1String("gen:") + QLatin1String(digest.toHex()) + u'.' + QString::number(occurrence);
}

} // namespace coffer::importers

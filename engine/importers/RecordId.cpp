#include "importers/RecordId.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace coffer::importers {

namespace {

void addField(QCryptographicHash& hash, QByteArrayView bytes)
{
    // Unit separators keep ("ab", "c") and ("a", "bc") apart.
    hash.addData(bytes);
    hash.addData(QByteArrayView("\x1f", 1));
}

// What QDate::toString(Qt::ISODate) writes, without its formatting machinery: this runs once per
// record of a file, and 100,000 records must parse in well under half a second.
QByteArray isoDate(const QDate& date)
{
    if (!date.isValid() || date.year() < 0 || date.year() > 9999)
        return date.toString(Qt::ISODate).toLatin1();
    char out[10];
    int n = date.year();
    for (int i = 3; i >= 0; --i, n /= 10)
        out[i] = char('0' + n % 10);
    out[4] = out[7] = '-';
    out[5] = char('0' + date.month() / 10);
    out[6] = char('0' + date.month() % 10);
    out[8] = char('0' + date.day() / 10);
    out[9] = char('0' + date.day() % 10);
    return QByteArray(out, 10);
}

} // namespace

QString RecordIdMaker::idFor(QStringView accountId, const QDate& date, const model::Money& amount, QStringView text)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    addField(hash, accountId.toUtf8());
    addField(hash, isoDate(date));
    addField(hash, QByteArray::number(amount.minorUnits()));
    addField(hash, amount.currency().toUtf8());
    addField(hash, text.toString().simplified().toUtf8());
    const QByteArrayView digest = hash.resultView().first(8);
    const int occurrence = ++m_occurrences[qFromBigEndian<quint64>(digest.data())];
    return QLatin1StringView("gen:") + QLatin1StringView(digest.toByteArray().toHex()) + u'.' +
           QString::number(occurrence);
}

QString RecordIdMaker::fileIdOrMade(QStringView accountId, const QString& fileId, const QDate& date,
                                    const model::Money& amount, QStringView text)
{
    if (!m_lastFileIds || m_lastAccount != accountId) {
        m_lastAccount = accountId.toString();
        m_lastFileIds = &m_fileIds[m_lastAccount]; // stable until the next insertion, which resets it
    }
    const qsizetype before = m_lastFileIds->size();
    m_lastFileIds->insert(fileId);
    return m_lastFileIds->size() > before ? fileId : idFor(accountId, date, amount, text);
}

} // namespace coffer::importers

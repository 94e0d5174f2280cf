#include "importers/csv/CsvColumnStats.h"

#include "importers/csv/CsvHeaderNames.h"

namespace coffer::importers::csv {

bool mostly(int good, int bad)
{
    return good > 0 && bad <= qMax(2, good / 20);
}

void CsvColumnStats::add(QByteArrayView value)
{
    ++filled;
    textLength += value.size();
    dates.add(value);
    amounts.add(value);
    bool letters = false;
    for (const char c : value) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) {
            letters = true;
            break;
        }
    }
    withLetters += letters;
    if (value.size() == 3 && value[0] >= 'A' && value[0] <= 'Z' && value[1] >= 'A' && value[1] <= 'Z' &&
        value[2] >= 'A' && value[2] <= 'Z')
        ++currencyCodes;
    if (!manyDistinct && value.size() <= 16) {
        if (!m_distinctBytes.contains(value)) {
            m_distinctBytes.append(value.toByteArray());
            distinct.insert(foldedName(QString::fromUtf8(value)));
            manyDistinct = m_distinctBytes.size() > kMaxDistinct;
        }
    } else {
        manyDistinct = true;
    }
    if (trackUnique && unique) {
        if (seen.contains(value.toByteArray())) {
            unique = false;
            seen.clear();
        } else {
            seen.insert(value.toByteArray());
        }
    }
}

bool CsvColumnStats::isDates() const
{
    return mostly(dates.dates(), dates.others()) && dates.format(nullptr).has_value();
}

bool CsvColumnStats::isAmounts() const
{
    return mostly(amounts.amounts(), amounts.others());
}

int directionOf(const QString& v)
{
    static const QStringList out = {QStringLiteral("dr"),   QStringLiteral("d"),     QStringLiteral("debit"),
                                    QStringLiteral("s"),    QStringLiteral("soll"),  QStringLiteral("af"),
                                    QStringLiteral("debe"), QStringLiteral("cargo"), QStringLiteral("withdrawal"),
                                    QStringLiteral("out")};
    static const QStringList in = {QStringLiteral("cr"),    QStringLiteral("c"),     QStringLiteral("credit"),
                                   QStringLiteral("h"),     QStringLiteral("haben"), QStringLiteral("bij"),
                                   QStringLiteral("haber"), QStringLiteral("abono"), QStringLiteral("deposit"),
                                   QStringLiteral("in")};
    if (out.contains(v))
        return -1;
    if (in.contains(v))
        return 1;
    return 0;
}

} // namespace coffer::importers::csv

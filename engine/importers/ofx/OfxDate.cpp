#include "importers/ofx/OfxDate.h"

namespace coffer::importers::ofx {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int number(QByteArrayView text, qsizetype at, qsizetype count)
{
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i)
        value = value * 10 + (text[i] - '0');
    return value;
}

qsizetype digitsFrom(QByteArrayView text, qsizetype at)
{
    qsizetype i = at;
    while (i < text.size() && isDigit(text[i]))
        ++i;
    return i - at;
}

// "-5", "+5.30", "-0500", "-05:00": a bare zone offset after the time.
bool isBareZone(QByteArrayView zone)
{
    if (zone.size() < 2 || (zone[0] != '+' && zone[0] != '-'))
        return false;
    qsizetype digits = 0;
    for (qsizetype i = 1; i < zone.size(); ++i) {
        if (isDigit(zone[i]))
            ++digits;
        else if (zone[i] != ':' && zone[i] != '.')
            return false;
    }
    return digits >= 1 && digits <= 4;
}

} // namespace

std::optional<QDate> parseOfxDate(QByteArrayView text)
{
    text = text.trimmed();
    if (text.size() < 8 || digitsFrom(text, 0) < 8)
        return std::nullopt;
    const QDate date(number(text, 0, 4), number(text, 4, 2), number(text, 6, 2));
    if (!date.isValid() || date.year() < 1000)
        return std::nullopt;

    qsizetype i = 8;
    const qsizetype timeDigits = digitsFrom(text, i);
    if (timeDigits != 0 && timeDigits != 4 && timeDigits != 6)
        return std::nullopt;
    if (timeDigits > 0) {
        const int hours = number(text, i, 2);
        const int minutes = number(text, i + 2, 2);
        const int seconds = timeDigits == 6 ? number(text, i + 4, 2) : 0;
        if (hours > 23 || minutes > 59 || seconds > 60) // 60: a leap second
            return std::nullopt;
        i += timeDigits;
        if (i < text.size() && (text[i] == '.' || text[i] == ':') && digitsFrom(text, i + 1) > 0)
            i += 1 + digitsFrom(text, i + 1);
    }
    if (i == text.size())
        return date;
    const QByteArrayView zone = text.sliced(i);
    if (zone.front() == '[') {
        // The zone does not change the day; only its brackets are checked.
        if (zone.back() != ']' || zone.size() > 40 || zone.sliced(1).indexOf('[') >= 0)
            return std::nullopt;
        return date;
    }
    return isBareZone(zone) ? std::optional<QDate>(date) : std::nullopt;
}

} // namespace coffer::importers::ofx

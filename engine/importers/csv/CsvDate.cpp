#include "importers/csv/CsvDate.h"

namespace coffer::importers::csv {

namespace {

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Three numbers split by one separator, then nothing or a time. Widths of the numbers.
struct Parts {
    int value[3] = {0, 0, 0};
    int width[3] = {0, 0, 0};
    char separator = 0;
    bool monthName = false; // the middle part was a month's name ("15 Jan 2024")
};

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
}

// A month's name or abbreviation in English, German, Dutch or Spanish ("Jan", "MÄR", "mrt",
// "Dic", "September"): 1-12, or 0.
int monthFromName(QByteArrayView word)
{
    static const struct {
        const char* prefix;
        int month;
    } names[] = {{"jan", 1},  {"ene", 1},  {"feb", 2},  {"mar", 3},  {"m\xC3\xA4r", 3}, {"mrz", 3},
                 {"mrt", 3},  {"apr", 4},  {"abr", 4},  {"may", 5},  {"mai", 5},        {"mei", 5},
                 {"jun", 6},  {"jul", 7},  {"aug", 8},  {"ago", 8},  {"sep", 9},        {"oct", 10},
                 {"okt", 10}, {"nov", 11}, {"dec", 12}, {"dez", 12}, {"dic", 12}};
    QByteArray lower = word.toByteArray().toLower();
    lower.replace("\xC3\x84", "\xC3\xA4"); // Ä
    for (const auto& name : names) {
        if (lower.startsWith(name.prefix))
            return name.month;
    }
    return 0;
}

std::optional<Parts> splitDate(QByteArrayView text)
{
    text = trimmed(text);
    Parts parts;
    qsizetype i = 0;
    const qsizetype n = text.size();
    // No separator: eight digits.
    if (n >= 8 && [&] {
            for (int k = 0; k < 8; ++k) {
                if (!isDigit(text[k]))
                    return false;
            }
            return n == 8 || text[8] == ' ' || text[8] == 'T';
        }()) {
        auto num = [&](int from, int len) {
            int v = 0;
            for (int k = from; k < from + len; ++k)
                v = v * 10 + (text[k] - '0');
            return v;
        };
        // Widths 4-2-2 or 2-2-4 are told apart by the format, so keep all eight digits as one.
        parts.value[0] = num(0, 4);
        parts.value[1] = num(4, 2);
        parts.value[2] = num(6, 2);
        parts.width[0] = 8;
        return parts;
    }
    for (int k = 0; k < 3; ++k) {
        const qsizetype start = i;
        if (k == 1 && i < n && isLetter(text[i])) {
            while (i < n && isLetter(text[i]) && i - start < 12)
                ++i;
            parts.value[1] = monthFromName(text.sliced(start, i - start));
            if (parts.value[1] == 0 || (i < n && isLetter(text[i])))
                return std::nullopt;
            if (i < n && text[i] == '.' && parts.separator != '.')
                ++i; // "15 Jan. 2024"
            parts.width[1] = 2;
            parts.monthName = true;
            if (i >= n || text[i] != parts.separator)
                return std::nullopt;
            ++i;
            continue;
        }
        int v = 0;
        while (i < n && isDigit(text[i]) && i - start < 4)
            v = v * 10 + (text[i++] - '0');
        const int width = int(i - start);
        if (width == 0 || (i < n && isDigit(text[i])))
            return std::nullopt;
        parts.value[k] = v;
        parts.width[k] = width;
        if (k < 2) {
            if (i >= n)
                return std::nullopt;
            const char sep = text[i];
            if (sep != '-' && sep != '/' && sep != '.' && sep != ' ')
                return std::nullopt;
            if (k == 0)
                parts.separator = sep;
            else if (sep != parts.separator)
                return std::nullopt;
            ++i;
        }
    }
    if (i < n && text[i] != ' ' && text[i] != 'T' && !(parts.separator == '.' && text[i] == '.' && i + 1 == n))
        return std::nullopt;
    return parts;
}

int fullYear(int year, int digits)
{
    if (digits == 4)
        return year;
    return year >= 70 ? 1900 + year : 2000 + year;
}

} // namespace

std::optional<CsvDateFormat> CsvDateFormat::fromString(const QString& format)
{
    // Runs of letters and the separators between them.
    QList<QPair<QChar, int>> runs;
    QList<QChar> separators;
    for (qsizetype i = 0; i < format.size();) {
        const QChar c = format[i];
        if (c == u'd' || c == u'M' || c == u'y') {
            qsizetype j = i;
            while (j < format.size() && format[j] == c)
                ++j;
            runs.append({c, int(j - i)});
            i = j;
        } else {
            if (separators.size() >= runs.size())
                return std::nullopt; // two separators in a row, or a leading one
            separators.append(c);
            ++i;
        }
    }
    if (runs.size() != 3)
        return std::nullopt;
    CsvDateFormat f;
    if (separators.isEmpty()) {
        f.separator = 0;
    } else if (separators.size() == 2 && separators[0] == separators[1] &&
               QStringLiteral("-/. ").contains(separators[0])) {
        f.separator = char(separators[0].unicode());
    } else {
        return std::nullopt;
    }
    QString letters;
    for (const auto& run : runs) {
        letters.append(run.first);
        if (run.first == u'y') {
            if (run.second != 2 && run.second != 4)
                return std::nullopt;
            f.yearDigits = run.second;
        } else if (run.first == u'M' && run.second == 3) {
            f.monthName = true;
        } else if (run.second > 2) {
            return std::nullopt;
        }
    }
    if (letters == QStringLiteral("yMd"))
        f.order = Order::YearMonthDay;
    else if (letters == QStringLiteral("dMy"))
        f.order = Order::DayMonthYear;
    else if (letters == QStringLiteral("Mdy"))
        f.order = Order::MonthDayYear;
    else
        return std::nullopt;
    if ((f.separator == 0 && f.yearDigits != 4) ||
        (f.monthName && (f.order != Order::DayMonthYear || f.separator == 0)))
        return std::nullopt;
    return f;
}

QString CsvDateFormat::toString() const
{
    const QString year = yearDigits == 4 ? QStringLiteral("yyyy") : QStringLiteral("yy");
    const QString sep = separator ? QString(QChar::fromLatin1(separator)) : QString();
    switch (order) {
    case Order::YearMonthDay:
        return year + sep + QStringLiteral("MM") + sep + QStringLiteral("dd");
    case Order::DayMonthYear:
        return QStringLiteral("dd") + sep + (monthName ? QStringLiteral("MMM") : QStringLiteral("MM")) + sep + year;
    case Order::MonthDayYear:
        return QStringLiteral("MM") + sep + QStringLiteral("dd") + sep + year;
    }
    return {};
}

CsvDateFormat CsvDateFormat::swapped() const
{
    CsvDateFormat f = *this;
    if (order == Order::DayMonthYear)
        f.order = Order::MonthDayYear;
    else if (order == Order::MonthDayYear)
        f.order = Order::DayMonthYear;
    return f;
}

QDate CsvDateFormat::parse(QByteArrayView text) const
{
    const auto parts = splitDate(text);
    if (!parts)
        return {};
    int y = 0;
    int m = 0;
    int d = 0;
    if (parts->width[0] == 8) {
        if (separator != 0)
            return {};
        // value[] holds 4-2-2 digits; ddMMyyyy reads them again as 2-2-4.
        const int all = parts->value[0] * 10000 + parts->value[1] * 100 + parts->value[2];
        if (order == Order::YearMonthDay) {
            y = all / 10000, m = all / 100 % 100, d = all % 100;
        } else {
            const int a = all / 1000000;
            const int b = all / 10000 % 100;
            y = all % 10000;
            d = order == Order::DayMonthYear ? a : b;
            m = order == Order::DayMonthYear ? b : a;
        }
        return QDate(y, m, d);
    }
    if (separator == 0 || parts->separator != separator || parts->monthName != monthName)
        return {};
    const int yearAt = order == Order::YearMonthDay ? 0 : 2;
    if (parts->width[yearAt] != yearDigits)
        return {};
    for (int k = 0; k < 3; ++k) {
        if (k != yearAt && parts->width[k] > 2)
            return {};
    }
    y = fullYear(parts->value[yearAt], yearDigits);
    switch (order) {
    case Order::YearMonthDay:
        m = parts->value[1], d = parts->value[2];
        break;
    case Order::DayMonthYear:
        d = parts->value[0], m = parts->value[1];
        break;
    case Order::MonthDayYear:
        m = parts->value[0], d = parts->value[1];
        break;
    }
    return QDate(y, m, d);
}

void CsvDateEvidence::add(QByteArrayView value)
{
    const auto parts = splitDate(value);
    if (!parts) {
        ++m_others;
        return;
    }
    if (parts->width[0] == 8) {
        CsvDateFormat compact;
        compact.separator = 0;
        if (!compact.parse(value).isValid()) {
            ++m_others;
            return;
        }
        ++m_compact;
        ++m_dates;
        return;
    }
    if (m_separator == 0)
        m_separator = parts->separator;
    else if (m_separator != parts->separator)
        m_mixedSeparators = true;
    const auto& v = parts->value;
    const auto& w = parts->width;
    if (parts->monthName) {
        if (w[0] > 2 || (w[2] != 4 && w[2] != 2) || !QDate(fullYear(v[2], w[2]), v[1], v[0]).isValid()) {
            ++m_others;
            return;
        }
        ++m_monthNames;
        m_twoDigitYears += w[2] == 2;
        ++m_yearLast;
        ++m_dates;
        return;
    }
    if (w[0] == 4 && w[1] <= 2 && w[2] <= 2 && QDate(v[0], v[1], v[2]).isValid()) {
        ++m_yearFirst;
    } else if (w[0] <= 2 && w[1] <= 2 && (w[2] == 4 || w[2] == 2)) {
        const int y = fullYear(v[2], w[2]);
        const bool dayFirst = QDate(y, v[1], v[0]).isValid();
        const bool monthFirst = QDate(y, v[0], v[1]).isValid();
        if (!dayFirst && !monthFirst) {
            ++m_others;
            return;
        }
        if (!monthFirst)
            m_firstOver12 = true;
        if (!dayFirst)
            m_secondOver12 = true;
        if (w[2] == 2)
            ++m_twoDigitYears;
        ++m_yearLast;
    } else {
        ++m_others;
        return;
    }
    ++m_dates;
}

std::optional<CsvDateFormat> CsvDateEvidence::format(bool* ambiguous) const
{
    if (ambiguous)
        *ambiguous = false;
    if (m_dates == 0 || m_mixedSeparators)
        return std::nullopt;
    CsvDateFormat f;
    if (m_compact == m_dates) {
        f.separator = 0;
        return f;
    }
    f.separator = m_separator;
    if (m_yearFirst == m_dates)
        return f;
    if (m_yearLast != m_dates || (m_twoDigitYears != 0 && m_twoDigitYears != m_dates))
        return std::nullopt;
    f.yearDigits = m_twoDigitYears ? 2 : 4;
    if (m_monthNames > 0) {
        if (m_monthNames != m_dates)
            return std::nullopt; // names and numbers mixed
        f.order = CsvDateFormat::Order::DayMonthYear;
        f.monthName = true;
        return f;
    }
    if (m_firstOver12 && m_secondOver12)
        return std::nullopt; // both orders appear: not one format
    if (m_secondOver12) {
        f.order = CsvDateFormat::Order::MonthDayYear;
    } else {
        // Day first when a value shows it, and as the tentative choice when none does.
        f.order = CsvDateFormat::Order::DayMonthYear;
        if (!m_firstOver12 && ambiguous)
            *ambiguous = true;
    }
    return f;
}

} // namespace coffer::importers::csv

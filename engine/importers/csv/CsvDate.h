#pragma once

#include <QByteArrayView>
#include <QDate>
#include <QString>

#include <optional>

namespace coffer::importers::csv {

// A numeric date format as CSV exports write dates: the order of day, month and year, one
// separator (or none: yyyyMMdd), and a 2- or 4-digit year. Written like Qt's formats:
// "yyyy-MM-dd", "dd.MM.yyyy", "MM/dd/yyyy", "d/M/yy", and with the month's name "dd MMM yyyy",
// "dd-MMM-yy" ("15 Jan 2024", "15-MÄR-24"). Day and month take 1 or 2 digits whatever
// the format shows; a time after the date ("2024-03-01 14:05", "...T14:05:00Z") is ignored.
struct CsvDateFormat {
    enum class Order { YearMonthDay, DayMonthYear, MonthDayYear };
    Order order = Order::YearMonthDay;
    char separator = '-'; // 0: none (fixed widths: yyyyMMdd, ddMMyyyy)
    int yearDigits = 4;
    bool monthName = false; // "dd MMM yyyy": the month's name (English, German, Dutch, Spanish)

    static std::optional<CsvDateFormat> fromString(const QString& format);
    QString toString() const;
    // An invalid QDate when the text is not a date in this format.
    QDate parse(QByteArrayView text) const;
    // The same format with day and month swapped (for YearMonthDay: itself).
    CsvDateFormat swapped() const;

    friend bool operator==(const CsvDateFormat&, const CsvDateFormat&) = default;
};

// What the sniffer learns about a column from its values, one value at a time: whether every
// value is a date, in which shape, and what the values say about day/month order.
class CsvDateEvidence {
public:
    void add(QByteArrayView value);

    int dates() const { return m_dates; }
    int others() const { return m_others; }
    // The format the values fit, when they are dates of one shape; nullopt otherwise.
    // `ambiguous` is set when both day/month orders fit every value.
    std::optional<CsvDateFormat> format(bool* ambiguous) const;

private:
    int m_dates = 0;
    int m_others = 0;
    int m_yearFirst = 0;
    int m_compact = 0;
    int m_yearLast = 0;
    int m_twoDigitYears = 0;
    int m_monthNames = 0;
    char m_separator = 0;
    bool m_mixedSeparators = false;
    bool m_firstOver12 = false;  // year last: the first number is a day somewhere
    bool m_secondOver12 = false; // year last: the second number is a day somewhere
};

} // namespace coffer::importers::csv

#pragma once

#include "importers/StatementParser.h"

#include <QByteArrayView>
#include <QDate>

namespace coffer::importers::qif {

// A QIF date as written, before the file's day/month order is known. Quicken and the programs
// that copy it write "1/2/24", "01/02/2024", "1/ 2'24", "1/2'2024"; others "2024-01-02",
// "02.01.2024", "2 Jan 2024" or "Jan 2, 2024". Year-first and named-month dates say their order;
// the rest are "a/b/year" and need the file's order (see QifConventions).
struct QifDateText {
    enum class Shape { Invalid, Ordered, Numeric };
    Shape shape = Shape::Invalid;
    // Ordered: month and day. Numeric: the first and second part as written.
    int first = 0;
    int second = 0;
    int year = 0;

    bool dayFirstOnly() const { return shape == Shape::Numeric && first > 12 && second <= 12; }
    bool monthFirstOnly() const { return shape == Shape::Numeric && second > 12 && first <= 12; }
    // Both orders give a date, and different ones (1/2 but not 3/3).
    bool ambiguous() const { return shape == Shape::Numeric && first <= 12 && second <= 12 && first != second; }
};

// Splits a date into its parts; Shape::Invalid when it is not one of the shapes above.
// Two-digit years follow Quicken: after an apostrophe ("1/2'24", "1/ 2' 5") the year is 2000 plus
// it, as Quicken writes years from 2000 on; after a slash or another mark 00-49 is 2000-2049 and
// 50-99 is 1950-1999 (Quicken itself wrote "12/31/99" for 1999, and exporters that copy the
// slash for every year mean this century's years).
QifDateText scanDate(QByteArrayView text);

// The date in the file's order (DayMonth or MonthDay; Auto is treated as MonthDay, Quicken's);
// invalid when it is no date in that order ("2/30/24").
QDate resolveDate(const QifDateText& date, DateOrder order);

} // namespace coffer::importers::qif

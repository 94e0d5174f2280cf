#pragma once

#include "importers/StatementParser.h"
#include "importers/qif/QifDate.h"
#include "importers/text/Decimal.h"
#include "model/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace coffer::importers::qif {

// What a QIF file never says and has to be read from all of it: the order of day and month in
// its dates and how it writes numbers. Decided for the whole file, never per line: a file that
// writes 13/01/2024 on one line writes 01/02/2024 the same way on another. Fed every record's
// date and amounts while the file streams past; asked once at the end.
// Thread affinity: the caller's; one parse.
class QifConventions {
public:
    void noteDate(qint64 line, QByteArrayView written, const QifDateText& date);
    void noteAmount(QByteArrayView text);

    // DayMonth or MonthDay. `requested` (the user's or a profile's choice) wins when it is not
    // Auto. Errors: dates of both orders (naming a line of each), or - with Auto - only dates
    // that fit both orders: an InvalidData error whose providerCode is kAskDateOrderCode.
    model::Result<DateOrder> dateOrder(DateOrder requested) const;

    // "1,234.56" unless the file writes decimal commas and never a decimal point ("1.234,56",
    // "12,50"). "1,234" alone is a thousand in either reading of a US file, so it decides nothing.
    text::NumberStyle numberStyle() const;

private:
    struct Example {
        qint64 line = 0;
        QByteArray written;
    };
    Example m_dayFirst;   // the first date whose first part is over 12
    Example m_monthFirst; // the first date whose second part is over 12
    bool m_ambiguous = false;
    bool m_decimalPoint = false;
    bool m_decimalComma = false;
};

} // namespace coffer::importers::qif

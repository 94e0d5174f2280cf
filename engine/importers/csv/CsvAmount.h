#pragma once

#include "importers/text/Decimal.h"
#include "model/Result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace coffer::importers::csv {

// An amount cell as exports write it, made ready for text::parseMinorUnits: currency symbols and
// codes around the number dropped ("$1,234.56", "12,50 €", "EUR -3.00", no-break spaces), and a
// trailing "CR"/"DR" (or "C"/"D") read as the sign: "12.50 DR" is money out. Empty when the cell
// holds no amount at all. Anything else stays for parseMinorUnits to refuse, quoting it.
struct CsvAmountText {
    QByteArray number;
    int direction = 0; // -1 a DR suffix, +1 a CR suffix, 0 none
};
CsvAmountText cleanAmount(QByteArrayView cell);

// Reads a cleaned amount cell into signed minor units (the suffix applied).
model::Result<qint64> readAmount(QByteArrayView cell, int fractionDigits, text::NumberStyle style);

// What the sniffer learns about a column from its values: whether they are all amounts, and
// which decimal mark and thousands separator they use.
class CsvAmountEvidence {
public:
    void add(QByteArrayView value);
    void merge(const CsvAmountEvidence& other);

    int amounts() const { return m_amounts; }
    int others() const { return m_others; }
    int negatives() const { return m_negatives; }
    int withDecimals() const { return m_decimalDot + m_decimalComma; }
    bool decided() const { return m_decimalDot + m_decimalComma > 0; }
    // The style the values fit best; `fallbackDecimal` when nothing says (only whole numbers,
    // or only "1,234"-like values that fit both).
    text::NumberStyle style(char fallbackDecimal) const;

private:
    int m_amounts = 0;
    int m_others = 0;
    int m_negatives = 0;
    int m_decimalDot = 0;   // '.' is the decimal mark here
    int m_decimalComma = 0; // ',' is
    int m_groupDot = 0;
    int m_groupComma = 0;
    int m_groupSpace = 0;
    int m_groupApostrophe = 0;
    int m_threeAfterDot = 0;   // "1.234": either
    int m_threeAfterComma = 0; // "1,234": either
};

} // namespace coffer::importers::csv

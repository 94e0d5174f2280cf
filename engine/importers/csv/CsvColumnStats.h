#pragma once

#include "importers/csv/CsvAmount.h"
#include "importers/csv/CsvDate.h"

#include <QByteArray>
#include <QSet>
#include <QString>

namespace coffer::importers::csv {

// Everything the sniffer learns about one column from its values.
struct CsvColumnStats {
    CsvDateEvidence dates;
    CsvAmountEvidence amounts;
    int filled = 0;
    qint64 textLength = 0;
    int withLetters = 0;
    int currencyCodes = 0;  // three capital letters
    QSet<QString> distinct; // folded values, up to kMaxDistinct
    bool manyDistinct = false;
    QSet<QByteArray> seen; // for id candidates: every value, while they are unique
    bool trackUnique = false;
    bool unique = true;

    static constexpr int kMaxDistinct = 4;
    QList<QByteArray> m_distinctBytes; // the values behind `distinct`, as the file has them

    void add(QByteArrayView value);

    // Most values are dates of one format (a few others: footers, typos the parse reports).
    bool isDates() const;
    // Most values are amounts.
    bool isAmounts() const;
    bool isCurrencyCodes() const { return filled > 0 && currencyCodes == filled; }
    double averageLength() const { return filled ? double(textLength) / filled : 0; }
};

// Whether a value of a direction column means money out or in (DR/CR, D/C, S/H, Af/Bij, Debit/
// Credit and their French and Spanish names): -1 out, +1 in, 0 neither.
int directionOf(const QString& foldedValue);

// Most of `good`, only a few `bad`: what the sniffer accepts as "the column is this".
bool mostly(int good, int bad);

} // namespace coffer::importers::csv

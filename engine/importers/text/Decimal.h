#pragma once

#include "model/Result.h"

#include <QByteArrayView>
#include <QString>

namespace coffer::importers::text {

// How a file writes its numbers: the decimal mark and the thousands separator it may use
// (0: none). "1.234,56" is {',', '.'}; "1 234.56" is {'.', ' '}.
struct NumberStyle {
    char decimalMark = '.';
    char groupMark = 0;
};

// Parses a decimal amount as a count of minor units with `fractionDigits` decimals (2 for EUR,
// 0 for JPY): "-1,234.5" -> -123450. Accepts a leading sign (+ or -), a trailing minus
// ("12.50-"), accounting parentheses ("(12.50)"), surrounding spaces, a leading or trailing
// decimal mark (".5", "5."), and extra fraction digits that are zeros ("18.150" in EUR). Refuses
// anything else - empty text, letters, two signs, misplaced group marks ("1,23,4"), more
// significant decimals than the currency has, and values that overflow - with a message that
// quotes the text. Linear, no allocation on success.
model::Result<qint64> parseMinorUnits(QByteArrayView text, int fractionDigits, NumberStyle style = {});

} // namespace coffer::importers::text

#pragma once

#include "model/Result.h"

#include <QByteArrayView>

namespace coffer::importers::ofx {

// An OFX amount (TRNAMT, BALAMT) in minor units: a '.' decimal mark, a leading sign, zeros past
// the currency's decimals ("+00000000000000.2400"). A value with ',' and no '.' ("-12,50") reads
// ',' as the decimal mark, as some European banks write. Errors quote the text.
model::Result<qint64> parseOfxAmount(QByteArrayView text, int fractionDigits);

// A CURRATE: value = mantissa / 10^scale, positive.
struct OfxRate {
    qint64 mantissa = 1;
    int scale = 0;
};
model::Result<OfxRate> parseOfxRate(QByteArrayView text);

// CURRATE is "the ratio of CURDEF to CURSYM": an amount in CURSYM times the rate is in CURDEF.
// Converts `minor` (minor units with `fromDigits` decimals) by multiplying by the rate, or by
// dividing when `divide`, into minor units with `toDigits` decimals, rounded half away from zero.
// Fails only on overflow.
model::Result<qint64> applyRate(qint64 minor, int fromDigits, OfxRate rate, int toDigits, bool divide);

} // namespace coffer::importers::ofx

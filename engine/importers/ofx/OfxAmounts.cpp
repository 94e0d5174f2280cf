#include "importers/ofx/OfxAmounts.h"

#include "importers/text/Decimal.h"

#include <QtNumeric>

namespace coffer::importers::ofx {

using model::Error;
using model::Result;

namespace {

// Largest scale kept for a rate; digits past it are dropped (a rate to 12 places is exact enough
// for any amount a statement holds).
constexpr int kMaxRateScale = 12;

Result<qint64> scaled(qint64 value, int powerOfTen)
{
    for (int i = 0; i < powerOfTen; ++i) {
        if (qMulOverflow(value, qint64(10), &value))
            return Error::invalidData(QStringLiteral("the converted amount is too large"));
    }
    return value;
}

} // namespace

Result<qint64> parseOfxAmount(QByteArrayView text, int fractionDigits)
{
    text::NumberStyle style;
    if (text.contains(',') && !text.contains('.'))
        style.decimalMark = ',';
    return text::parseMinorUnits(text, fractionDigits, style);
}

Result<OfxRate> parseOfxRate(QByteArrayView text)
{
    text = text.trimmed();
    const QString shown = QString::fromLatin1(text.first(qMin<qsizetype>(text.size(), 40)));
    const qsizetype point = text.indexOf(text.contains('.') ? '.' : ',');
    int scale = 0;
    if (point >= 0) {
        // Significant decimals only, and at most kMaxRateScale of them.
        QByteArrayView fraction = text.sliced(point + 1);
        while (!fraction.isEmpty() && fraction.back() == '0')
            fraction.chop(1);
        scale = int(qMin<qsizetype>(fraction.size(), kMaxRateScale));
        text = text.first(point + 1 + scale);
    }
    const auto mantissa = parseOfxAmount(text, scale);
    if (!mantissa.ok() || mantissa.value() <= 0)
        return Error::invalidData(QStringLiteral("\"%1\" is not an exchange rate").arg(shown));
    return OfxRate{mantissa.value(), scale};
}

Result<qint64> applyRate(qint64 minor, int fromDigits, OfxRate rate, int toDigits, bool divide)
{
    // result = minor * numerator / denominator, all powers of ten folded into the two.
    qint64 numerator = divide ? qint64(1) : rate.mantissa;
    qint64 denominator = divide ? rate.mantissa : qint64(1);
    int numeratorPower = toDigits + (divide ? rate.scale : 0);
    int denominatorPower = fromDigits + (divide ? 0 : rate.scale);
    const int common = qMin(numeratorPower, denominatorPower);
    numeratorPower -= common;
    denominatorPower -= common;
    const auto top = scaled(numerator, numeratorPower);
    const auto bottom = scaled(denominator, denominatorPower);
    if (!top.ok())
        return top.error();
    if (!bottom.ok())
        return bottom.error();
    qint64 product = 0;
    if (qMulOverflow(minor, top.value(), &product))
        return Error::invalidData(QStringLiteral("the converted amount is too large"));
    const qint64 d = bottom.value();
    const qint64 quotient = product / d;
    const qint64 remainder = product % d;
    // Half away from zero: |remainder| >= d - |remainder| without overflowing 2 * |remainder|.
    const qint64 absRemainder = remainder < 0 ? -remainder : remainder;
    if (absRemainder >= d - absRemainder)
        return product < 0 ? quotient - 1 : quotient + 1;
    return quotient;
}

} // namespace coffer::importers::ofx

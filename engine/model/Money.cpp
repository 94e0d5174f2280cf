#include "model/Money.h"

#include "model/Currency.h"

#include <limits>
#include <utility>

namespace coffer::model {

Money::Money(qint64 minorUnits, QString currency)
    : m_minor(minorUnits)
    , m_currency(std::move(currency))
{
}

namespace {

Error parseError(const QString& text, const QString& why)
{
    return Error::invalidData(QStringLiteral("\"%1\" is not a valid amount: %2").arg(text.left(40), why));
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// Checks that group separators sit every three digits from the right of the integer part.
bool groupsWellFormed(const QList<qsizetype>& separatorPositions, qsizetype integerDigits)
{
    // Positions are counted as "digits before this separator".
    for (qsizetype i = 0; i < separatorPositions.size(); ++i) {
        const qsizetype digitsAfter = integerDigits - separatorPositions[i];
        const qsizetype expected = 3 * (separatorPositions.size() - i);
        if (digitsAfter != expected)
            return false;
    }
    return separatorPositions.isEmpty() || (separatorPositions.first() >= 1 && separatorPositions.first() <= 3);
}

} // namespace

Result<Money> Money::parse(const QString& input, const QString& currency, const QLocale& locale)
{
    if (!currency::isValidCode(currency))
        return Error::invalidData(QStringLiteral("\"%1\" is not an ISO 4217 currency code").arg(currency.left(8)));
    const int exponent = currency::exponent(currency);

    QString text = input.trimmed();
    if (text.isEmpty())
        return parseError(input, QStringLiteral("it is empty"));

    bool negative = false;
    if (text.startsWith(u'(') && text.endsWith(u')')) { // accounting style
        negative = true;
        text = text.mid(1, text.size() - 2).trimmed();
    }
    const QString localeMinus = locale.negativeSign();
    if (text.startsWith(u'-') || text.startsWith(u'\x2212') ||
        (!localeMinus.isEmpty() && text.startsWith(localeMinus))) {
        if (negative)
            return parseError(input, QStringLiteral("it has two negative signs"));
        negative = true;
        text = text.mid(text.startsWith(u'-') || text.startsWith(u'\x2212') ? 1 : localeMinus.size());
    } else if (text.startsWith(u'+')) {
        text = text.mid(1);
    }

    const QString decimalPoint = locale.decimalPoint();
    const QString groupSeparator = locale.groupSeparator();
    qint64 integerPart = 0;
    qint64 fraction = 0;
    qsizetype integerDigits = 0;
    int fractionDigits = 0;
    bool inFraction = false;
    QList<qsizetype> separators;
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();

    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (isAsciiDigit(c)) {
            const int digit = c.unicode() - u'0';
            if (inFraction) {
                if (fractionDigits >= exponent) {
                    if (digit != 0)
                        return parseError(input,
                                          QStringLiteral("%1 allows %2 decimal places").arg(currency).arg(exponent));
                    continue; // trailing zeros beyond the exponent are harmless
                }
                fraction = fraction * 10 + digit;
                ++fractionDigits;
            } else {
                if (integerPart > (kMax - digit) / 10)
                    return parseError(input, QStringLiteral("it is too large"));
                integerPart = integerPart * 10 + digit;
                ++integerDigits;
            }
        } else if (!inFraction && text.mid(i, decimalPoint.size()) == decimalPoint) {
            inFraction = true;
            i += decimalPoint.size() - 1;
        } else if (!inFraction && !groupSeparator.isEmpty() && text.mid(i, groupSeparator.size()) == groupSeparator) {
            separators.append(integerDigits);
            i += groupSeparator.size() - 1;
        } else {
            return parseError(input, QStringLiteral("unexpected character '%1'").arg(c));
        }
    }
    if (integerDigits == 0 && fractionDigits == 0)
        return parseError(input, QStringLiteral("it has no digits"));
    if (inFraction && exponent == 0 && fractionDigits == 0 && text.endsWith(decimalPoint))
        return parseError(input, QStringLiteral("it ends with a decimal point"));
    if (!groupsWellFormed(separators, integerDigits))
        return parseError(input, QStringLiteral("digit grouping is misplaced"));

    for (int i = fractionDigits; i < exponent; ++i)
        fraction *= 10;
    const qint64 factor = currency::minorPerMajor(currency);
    if (integerPart > (kMax - fraction) / factor)
        return parseError(input, QStringLiteral("it is too large"));
    const qint64 minor = integerPart * factor + fraction;
    return Money(negative ? -minor : minor, currency);
}

namespace {
QString formatWith(qint64 minor, const QString& currency, const QString& minus, const QString& decimalPoint,
                   const QString& groupSeparator)
{
    const int exponent = currency::exponent(currency);
    // Work on the magnitude as unsigned so INT64_MIN is representable.
    const quint64 magnitude = minor < 0 ? quint64(0) - static_cast<quint64>(minor) : static_cast<quint64>(minor);
    quint64 factor = 1;
    for (int i = 0; i < exponent; ++i)
        factor *= 10;
    const QString integerDigits = QString::number(magnitude / factor);
    QString grouped;
    if (groupSeparator.isEmpty()) {
        grouped = integerDigits;
    } else {
        for (qsizetype i = 0; i < integerDigits.size(); ++i) {
            if (i > 0 && (integerDigits.size() - i) % 3 == 0)
                grouped += groupSeparator;
            grouped += integerDigits.at(i);
        }
    }
    QString out = minor < 0 ? minus + grouped : grouped;
    if (exponent > 0)
        out += decimalPoint + QString::number(magnitude % factor).rightJustified(exponent, u'0');
    return out;
}
} // namespace

QString Money::toDecimalString() const
{
    return formatWith(m_minor, m_currency, QStringLiteral("-"), QStringLiteral("."), QString());
}

QString Money::format(const QLocale& locale) const
{
    return formatWith(m_minor, m_currency, locale.negativeSign(), locale.decimalPoint(), locale.groupSeparator());
}

Result<Money> Money::plus(const Money& other) const
{
    if (other.m_currency != m_currency)
        return Error::invalidData(QStringLiteral("cannot add %1 to %2").arg(other.m_currency, m_currency));
    qint64 sum = 0;
    if (__builtin_add_overflow(m_minor, other.m_minor, &sum))
        return Error::invalidData(QStringLiteral("amount overflow"));
    return Money(sum, m_currency);
}

Result<Money> Money::minus(const Money& other) const
{
    if (other.m_minor == std::numeric_limits<qint64>::min())
        return Error::invalidData(QStringLiteral("amount overflow"));
    return plus(other.negated());
}

Money Money::negated() const
{
    return Money(-m_minor, m_currency);
}

} // namespace coffer::model

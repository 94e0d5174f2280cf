#include "importers/text/Decimal.h"

#include <limits>

namespace coffer::importers::text {

using model::Error;
using model::Result;

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\xa0';
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && isSpace(text.front()))
        text = text.sliced(1);
    while (!text.isEmpty() && isSpace(text.back()))
        text.chop(1);
    return text;
}

Error notAnAmount(QByteArrayView original, const QString& why)
{
    QString shown = QString::fromUtf8(original.first(qMin<qsizetype>(original.size(), 40)));
    if (original.size() > 40)
        shown += QStringLiteral("…");
    return Error::invalidData(QStringLiteral("\"%1\" is not an amount (%2)").arg(shown, why));
}

} // namespace

Result<qint64> parseMinorUnits(QByteArrayView original, int fractionDigits, NumberStyle style)
{
    QByteArrayView text = trimmed(original);
    if (text.isEmpty())
        return Error::invalidData(QStringLiteral("the amount is empty"));

    bool negative = false;
    if (text.front() == '(' && text.back() == ')') {
        negative = true;
        text = trimmed(text.sliced(1, text.size() - 2));
    }
    if (!text.isEmpty() && (text.front() == '-' || text.front() == '+')) {
        negative = negative != (text.front() == '-');
        text = trimmed(text.sliced(1));
    } else if (!text.isEmpty() && (text.back() == '-' || text.back() == '+')) {
        negative = negative != (text.back() == '-');
        text = trimmed(text.first(text.size() - 1));
    }
    if (text.isEmpty())
        return notAnAmount(original, QStringLiteral("no digits"));

    constexpr qint64 kMax = std::numeric_limits<qint64>::max() / 10 - 9;
    qint64 value = 0;
    int digits = 0;
    int groupDigits = -1; // digits since the last group mark; -1 before the first one
    int firstGroup = 0;
    qsizetype i = 0;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            if (value > kMax)
                return notAnAmount(original, QStringLiteral("too large"));
            value = value * 10 + (c - '0');
            ++digits;
            if (groupDigits >= 0)
                ++groupDigits;
            else
                ++firstGroup;
            continue;
        }
        if (style.groupMark != 0 && c == style.groupMark) {
            if (digits == 0 || (groupDigits < 0 ? firstGroup > 3 : groupDigits != 3))
                return notAnAmount(original, QStringLiteral("a misplaced thousands separator"));
            groupDigits = 0;
            continue;
        }
        break;
    }
    if (groupDigits >= 0 && groupDigits != 3)
        return notAnAmount(original, QStringLiteral("a misplaced thousands separator"));

    int decimals = 0;
    if (i < text.size()) {
        if (text[i] != style.decimalMark)
            return notAnAmount(original, QStringLiteral("unexpected '%1'").arg(QChar::fromLatin1(text[i])));
        for (++i; i < text.size(); ++i) {
            const char c = text[i];
            if (c < '0' || c > '9')
                return notAnAmount(original, QStringLiteral("unexpected '%1'").arg(QChar::fromLatin1(c)));
            ++digits;
            if (decimals < fractionDigits) {
                if (value > kMax)
                    return notAnAmount(original, QStringLiteral("too large"));
                value = value * 10 + (c - '0');
                ++decimals;
            } else if (c != '0') {
                return notAnAmount(original, QStringLiteral("more than %1 decimals").arg(fractionDigits));
            }
        }
    }
    if (digits == 0)
        return notAnAmount(original, QStringLiteral("no digits"));
    for (; decimals < fractionDigits; ++decimals) {
        if (value > kMax)
            return notAnAmount(original, QStringLiteral("too large"));
        value *= 10;
    }
    return negative ? -value : value;
}

} // namespace coffer::importers::text

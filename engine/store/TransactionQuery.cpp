#include "store/TransactionQuery.h"

#include <QStringList>

#include <algorithm>
#include <limits>

namespace coffer::store {

QString ftsQueryFor(const QString& typed)
{
    QStringList terms;
    for (const QString& word : typed.split(QChar(u' '), Qt::SkipEmptyParts)) {
        const QString trimmed = word.trimmed();
        const auto characters =
            std::count_if(trimmed.cbegin(), trimmed.cend(), [](QChar c) { return c.isLetterOrNumber(); });
        // "-" or "&" alone: the tokenizer would drop it, and an empty phrase matches nothing. One
        // letter: the prefix of most words in a large ledger, searched once the word grows.
        if (characters < kMinimumWordLength)
            continue;
        QString quoted = trimmed;
        quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        terms.append(u'"' + quoted + QStringLiteral("\"*"));
    }
    return terms.join(u' ');
}

std::optional<qint64> parseMagnitude(const QString& text, QChar decimalPoint)
{
    const QChar groupSeparator = decimalPoint == u',' ? QChar(u'.') : QChar(u',');
    QString digits = text.trimmed();
    if (digits.startsWith(u'-') || digits.startsWith(u'+') || digits.startsWith(u'\u2212'))
        digits.remove(0, 1);
    qint64 whole = 0;
    qint64 fraction = 0;
    int fractionDigits = 0;
    bool inFraction = false;
    bool sawDigit = false;
    for (QChar c : digits) {
        if (c == groupSeparator || c == u' ' || c == u'\u00a0' || c == u'\u202f') {
            if (inFraction)
                return std::nullopt;
            continue;
        }
        if (c == decimalPoint) {
            if (inFraction)
                return std::nullopt;
            inFraction = true;
            continue;
        }
        if (c < u'0' || c > u'9')
            return std::nullopt;
        sawDigit = true;
        const int digit = c.unicode() - u'0';
        if (inFraction) {
            if (++fractionDigits > 4)
                return std::nullopt;
            fraction = fraction * 10 + digit;
        } else {
            if (whole > (std::numeric_limits<qint64>::max() / 10000 - digit) / 10)
                return std::nullopt;
            whole = whole * 10 + digit;
        }
    }
    if (!sawDigit)
        return std::nullopt;
    for (int i = fractionDigits; i < 4; ++i)
        fraction *= 10;
    return whole * 10000 + fraction;
}

} // namespace coffer::store

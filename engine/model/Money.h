#pragma once

#include "model/Result.h"

#include <QLocale>
#include <QString>

namespace coffer::model {

// An amount as an integer count of minor units plus its ISO 4217 currency. Never a double.
// Sign convention everywhere in Coffer: negative means money leaving the account.
class Money {
public:
    Money() = default;
    Money(qint64 minorUnits, QString currency);

    qint64 minorUnits() const { return m_minor; }
    const QString& currency() const { return m_currency; }
    bool isZero() const { return m_minor == 0; }
    bool isNegative() const { return m_minor < 0; }

    // Parses a decimal string such as "-0.50", "1,234.56" (in the given locale) or "120" for JPY.
    // Rejects more fraction digits than the currency has, misplaced separators, and overflow.
    static Result<Money> parse(const QString& text, const QString& currency, const QLocale& locale = QLocale::c());

    // "-1234.56": plain, C locale, exactly the currency's fraction digits. Round-trips through parse().
    QString toDecimalString() const;
    // "-1,234.56" with the locale's separators (no currency symbol).
    QString format(const QLocale& locale) const;

    Result<Money> plus(const Money& other) const;
    Result<Money> minus(const Money& other) const;
    Money negated() const;

    friend bool operator==(const Money&, const Money&) = default;

private:
    qint64 m_minor = 0;
    QString m_currency;
};

} // namespace coffer::model

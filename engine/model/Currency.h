#pragma once

#include <QString>
#include <QStringList>

namespace coffer::model {

// ISO 4217 helpers. The exponent is the number of minor-unit digits (JPY 0, USD 2, BHD 3).
namespace currency {

// True for three upper-case ASCII letters.
bool isValidCode(const QString& code);

// True for a code ISO 4217 lists today (USD, EUR, XAU, ...); "ABC" is well formed but unknown.
bool isKnownCode(const QString& code);

// Minor-unit digits for a code; 2 for codes without an ISO exception.
int exponent(const QString& code);

// The codes whose exponent is this one, for the exceptions (0, 3, 4); empty for 2, the rule.
QStringList codesWithExponent(int exponent);

// 10^exponent, e.g. 100 for USD.
qint64 minorPerMajor(const QString& code);

} // namespace currency
} // namespace coffer::model

#include "model/Currency.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace coffer::model::currency {

namespace {
struct Exception {
    std::string_view code;
    int exponent;
};

// ISO 4217 currencies whose minor unit is not two digits.
constexpr std::array kExceptions{
    Exception{"BIF", 0}, Exception{"CLP", 0}, Exception{"DJF", 0}, Exception{"GNF", 0}, Exception{"ISK", 0},
    Exception{"JPY", 0}, Exception{"KMF", 0}, Exception{"KRW", 0}, Exception{"PYG", 0}, Exception{"RWF", 0},
    Exception{"UGX", 0}, Exception{"UYI", 0}, Exception{"VND", 0}, Exception{"VUV", 0}, Exception{"XAF", 0},
    Exception{"XOF", 0}, Exception{"XPF", 0}, Exception{"BHD", 3}, Exception{"IQD", 3}, Exception{"JOD", 3},
    Exception{"KWD", 3}, Exception{"LYD", 3}, Exception{"OMR", 3}, Exception{"TND", 3}, Exception{"CLF", 4},
    Exception{"UYW", 4},
};

// Active ISO 4217 codes (sorted, for binary search).
constexpr std::array<std::string_view, 181> kKnownCodes{
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF",
    "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHE", "CHF", "CHW", "CLF",
    "CLP", "CNY", "COP", "COU", "CRC", "CUC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB",
    "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR",
    "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD",
    "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR",
    "MVR", "MWK", "MXN", "MXV", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK",
    "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP",
    "SLE", "SLL", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD",
    "TWD", "TZS", "UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS", "VED", "VES", "VND", "VUV", "WST", "XAF",
    "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XTS", "XUA",
    "YER", "ZAR", "ZMW", "ZWG", "ZWL"};
} // namespace

bool isValidCode(const QString& code)
{
    if (code.size() != 3)
        return false;
    for (QChar c : code) {
        if (c < u'A' || c > u'Z')
            return false;
    }
    return true;
}

bool isKnownCode(const QString& code)
{
    if (!isValidCode(code))
        return false;
    const QByteArray latin = code.toLatin1();
    const std::string_view view(latin.constData(), static_cast<size_t>(latin.size()));
    return std::binary_search(kKnownCodes.begin(), kKnownCodes.end(), view);
}

int exponent(const QString& code)
{
    const QByteArray latin = code.toLatin1();
    const std::string_view view(latin.constData(), static_cast<size_t>(latin.size()));
    for (const Exception& e : kExceptions) {
        if (e.code == view)
            return e.exponent;
    }
    return 2;
}

QStringList codesWithExponent(int exponent)
{
    QStringList codes;
    for (const Exception& e : kExceptions) {
        if (e.exponent == exponent)
            codes.append(QString::fromLatin1(e.code.data(), static_cast<qsizetype>(e.code.size())));
    }
    return codes;
}

qint64 minorPerMajor(const QString& code)
{
    qint64 factor = 1;
    for (int i = 0; i < exponent(code); ++i)
        factor *= 10;
    return factor;
}

} // namespace coffer::model::currency

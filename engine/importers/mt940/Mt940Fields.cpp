#include "importers/mt940/Mt940Fields.h"

#include "model/Currency.h"

namespace coffer::importers::mt940 {

using model::Error;
using model::Result;

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

bool allDigits(QByteArrayView text)
{
    for (const char c : text)
        if (!isDigit(c))
            return false;
    return !text.isEmpty();
}

int number(QByteArrayView digits)
{
    int n = 0;
    for (const char c : digits)
        n = n * 10 + (c - '0');
    return n;
}

Error badLine(QByteArrayView field, const char* why)
{
    return Error::invalidData(
        QStringLiteral(":61: \"%1\" %2")
            .arg(QString::fromLatin1(field.first(qMin<qsizetype>(field.size(), 40))).replace(u'\n', u' '),
                 QLatin1String(why)));
}

// The amount: digits and commas, possibly after one line break (some Sparkassen wrap there).
qsizetype amountEnd(QByteArrayView f, qsizetype i)
{
    while (i < f.size() && (isDigit(f[i]) || f[i] == ','))
        ++i;
    return i;
}

} // namespace

std::optional<QDate> swiftDate(QByteArrayView yymmdd)
{
    if (yymmdd.size() != 6 || !allDigits(yymmdd))
        return std::nullopt;
    const int yy = number(yymmdd.first(2));
    const QDate date(yy < 80 ? 2000 + yy : 1900 + yy, number(yymmdd.sliced(2, 2)), number(yymmdd.sliced(4, 2)));
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

QDate entryDateNear(const QDate& value, int month, int day)
{
    QDate best;
    for (int year = value.year() - 1; year <= value.year() + 1; ++year) {
        const QDate candidate(year, month, day);
        if (candidate.isValid() && (!best.isValid() || qAbs(candidate.daysTo(value)) < qAbs(best.daysTo(value))))
            best = candidate;
    }
    return best;
}

Result<StatementLine> parseStatementLine(QByteArrayView f)
{
    StatementLine line;
    const std::optional<QDate> value = f.size() >= 6 ? swiftDate(f.first(6)) : std::nullopt;
    if (!value)
        return badLine(f, "does not start with a value date (YYMMDD)");
    line.valueDate = *value;
    line.entryDate = *value;
    qsizetype i = 6;
    if (f.size() >= i + 4 && allDigits(f.sliced(i, 4))) {
        line.entryDate = entryDateNear(*value, number(f.sliced(i, 2)), number(f.sliced(i + 2, 2)));
        if (!line.entryDate.isValid())
            return badLine(f, "has an entry date (MMDD) that is not a date");
        i += 4;
    }
    // RC / RD: the reversal of a credit takes money out, of a debit brings it back.
    const bool reversal = i < f.size() && f[i] == 'R';
    if (reversal)
        ++i;
    if (i >= f.size() || (f[i] != 'C' && f[i] != 'D'))
        return badLine(f, "has no debit/credit mark (C, D, RC or RD)");
    line.debit = (f[i] == 'D') != reversal;
    ++i;
    if (i < f.size() && isUpper(f[i]))
        ++i; // the funds code
    if (i < f.size() && f[i] == '\n')
        ++i;
    const qsizetype amountStart = i;
    i = amountEnd(f, i);
    line.amount = f.sliced(amountStart, i - amountStart).toByteArray();
    if (line.amount.isEmpty())
        return badLine(f, "has no amount");
    if (f.size() < i + 4 || !isUpper(f[i]))
        return badLine(f, "has no transaction type (such as NTRF) after the amount");
    line.type = f.sliced(i, 4).toByteArray();
    i += 4;

    const qsizetype lineEnd = f.indexOf('\n', i) < 0 ? f.size() : f.indexOf('\n', i);
    const QByteArrayView first = f.sliced(i, lineEnd - i);
    const qsizetype bank = first.indexOf("//");
    QByteArrayView customer = bank < 0 ? first : first.first(bank);
    if (bank >= 0)
        line.bankReference = first.sliced(bank + 2).trimmed().toByteArray();
    else if (customer.size() > 16) { // Rabobank writes the other party's name right after 16x
        line.supplementary = customer.sliced(16).trimmed().toByteArray();
        customer = customer.first(16);
    }
    line.customerReference = customer.trimmed().toByteArray();
    if (lineEnd < f.size()) {
        QByteArray rest = f.sliced(lineEnd + 1).toByteArray().replace('\n', ' ').trimmed();
        line.supplementary = line.supplementary.isEmpty() ? rest : line.supplementary + ' ' + rest;
    }
    return line;
}

Result<Balance> parseBalance(QByteArrayView f)
{
    f = f.trimmed();
    Balance b;
    if (f.size() < 11 || (f[0] != 'C' && f[0] != 'D'))
        return Error::invalidData(QStringLiteral("does not start with C or D"));
    b.debit = f[0] == 'D';
    const std::optional<QDate> date = swiftDate(f.sliced(1, 6));
    if (!date)
        return Error::invalidData(QStringLiteral("has no date (YYMMDD)"));
    b.date = *date;
    b.currency = QString::fromLatin1(f.sliced(7, 3));
    if (!model::currency::isValidCode(b.currency))
        return Error::invalidData(QStringLiteral("has no currency"));
    b.amount = f.sliced(10).toByteArray();
    return b;
}

AccountField parseAccount(QByteArrayView f)
{
    f = f.trimmed();
    AccountField a;
    if (f.size() > 3) {
        const QString tail = QString::fromLatin1(f.last(3));
        const char before = f[f.size() - 4];
        if (model::currency::isKnownCode(tail) && (isDigit(before) || before == ' ' || before == '/')) {
            a.currency = tail;
            f = f.first(f.size() - 3).trimmed();
        }
    }
    a.id = QString::fromLatin1(f);
    return a;
}

} // namespace coffer::importers::mt940

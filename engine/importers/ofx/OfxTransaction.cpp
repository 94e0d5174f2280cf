#include "importers/ofx/OfxTransaction.h"

#include "importers/ofx/OfxAmounts.h"
#include "importers/ofx/OfxDate.h"
#include "model/Currency.h"

#include <QStringList>

namespace coffer::importers::ofx {

using providers::ProviderTransaction;
using providers::RemovedTransaction;

namespace {

QString at(qint64 line, const QString& text)
{
    return QStringLiteral("line %1: %2").arg(line).arg(text);
}

QString quoted(const QByteArray& bytes)
{
    QString shown = QString::fromLatin1(bytes.left(40));
    if (bytes.size() > 40)
        shown += QStringLiteral("…");
    return QLatin1Char('"') + shown + QLatin1Char('"');
}

// NAME and MEMO as one line: the longer when one holds the other (banks cut NAME to 32 characters
// and repeat it in MEMO), else both.
QString describe(const QString& name, const QString& memo)
{
    if (memo.isEmpty())
        return name;
    if (name.isEmpty() || memo.contains(name, Qt::CaseInsensitive))
        return memo;
    if (name.contains(memo, Qt::CaseInsensitive))
        return name;
    return name + QStringLiteral(" - ") + memo;
}

int digitsOf(const QString& currency)
{
    return model::currency::exponent(currency);
}

} // namespace

void OfxTransaction::store(Field& field, QByteArrayView value, qint64 line)
{
    assignBytes(field.bytes, value);
    field.line = line;
    field.present = true;
}

void OfxTransaction::reset(qint64 line)
{
    m_line = line;
    for (Field* field : {&m_posted, &m_user, &m_amount, &m_fitId, &m_correctFitId, &m_correctAction, &m_checkNumber,
                         &m_reference, &m_name, &m_payeeName, &m_memo, &m_rate, &m_symbol}) {
        field->bytes.resize(0);
        field->present = false;
    }
    m_currencyKind = OfxTag::Unknown;
}

void OfxTransaction::beginCurrency(OfxTag which, qint64 line)
{
    m_currencyKind = which;
    m_currencyLine = line;
}

void OfxTransaction::set(OfxTag tag, OfxTag parent, QByteArrayView value, qint64 line)
{
    if (parent == OfxTag::Payee) {
        if (tag == OfxTag::Name)
            store(m_payeeName, value, line);
        return;
    }
    if (parent == OfxTag::Currency || parent == OfxTag::OriginalCurrency) {
        if (tag == OfxTag::CurrencyRate)
            store(m_rate, value, line);
        else if (tag == OfxTag::CurrencySymbol)
            store(m_symbol, value, line);
        return;
    }
    switch (tag) {
    case OfxTag::DatePosted:
        return store(m_posted, value, line);
    case OfxTag::DateUser:
        return store(m_user, value, line);
    case OfxTag::Amount:
        return store(m_amount, value, line);
    case OfxTag::FitId:
        return store(m_fitId, value, line);
    case OfxTag::CorrectFitId:
        return store(m_correctFitId, value, line);
    case OfxTag::CorrectAction:
        return store(m_correctAction, value, line);
    case OfxTag::CheckNumber:
        return store(m_checkNumber, value, line);
    case OfxTag::ReferenceNumber:
        return store(m_reference, value, line);
    case OfxTag::Name:
        return store(m_name, value, line);
    case OfxTag::Memo:
        return store(m_memo, value, line);
    default:
        return;
    }
}

std::variant<ProviderTransaction, RemovedTransaction> OfxTransaction::build(const Context& context,
                                                                            QByteArray raw) const
{
    ProviderTransaction t;
    t.accountProviderId = context.accountId;
    t.raw = std::move(raw);
    QStringList problems;

    const QString fitId = context.text.decode(m_fitId.bytes);
    const QByteArray action = m_correctAction.bytes.toUpper();
    const QString corrected = context.text.decode(m_correctFitId.bytes);
    if (!action.isEmpty()) {
        if (corrected.isEmpty())
            problems << at(m_correctAction.line,
                           QStringLiteral("<CORRECTACTION> without the <CORRECTFITID> it corrects"));
        else if (action == "DELETE")
            return RemovedTransaction{context.accountId, corrected};
        else if (action != "REPLACE")
            problems << at(
                m_correctAction.line,
                QStringLiteral("<CORRECTACTION> is %1, not REPLACE or DELETE").arg(quoted(m_correctAction.bytes)));
        t.providerId = corrected;
    } else {
        t.providerId = fitId;
    }
    if (action.isEmpty() && t.providerId.isEmpty())
        problems << at(m_line, QStringLiteral("<STMTTRN> has no <FITID>"));

    if (m_posted.bytes.isEmpty()) {
        problems << at(m_line, QStringLiteral("<STMTTRN> has no <DTPOSTED>"));
    } else if (const auto posted = parseOfxDate(m_posted.bytes)) {
        t.bookedOn = *posted;
    } else {
        problems << at(m_posted.line, QStringLiteral("<DTPOSTED> %1 is not a date").arg(quoted(m_posted.bytes)));
    }
    if (!m_user.bytes.isEmpty()) {
        if (const auto user = parseOfxDate(m_user.bytes)) {
            if (*user != t.bookedOn)
                t.authorizedOn = *user;
        } else {
            problems << at(m_user.line, QStringLiteral("<DTUSER> %1 is not a date").arg(quoted(m_user.bytes)));
        }
    }

    // CURRENCY: the amount is in CURSYM; ORIGCURRENCY: it is in CURDEF, converted from CURSYM.
    // Either way CURRATE is CURDEF per CURSYM.
    const QString symbol = context.text.decode(m_symbol.bytes).trimmed().toUpper();
    const bool foreign = m_currencyKind != OfxTag::Unknown && !symbol.isEmpty() && symbol != context.currency;
    OfxRate rate;
    if (m_currencyKind != OfxTag::Unknown) {
        if (!model::currency::isValidCode(symbol))
            problems << at(m_currencyLine,
                           QStringLiteral("<CURSYM> %1 is not a currency code").arg(quoted(m_symbol.bytes)));
        else if (foreign && !context.currency.isEmpty()) {
            const auto parsed = parseOfxRate(m_rate.bytes);
            if (parsed.ok())
                rate = parsed.value();
            else
                problems << at(m_rate.present ? m_rate.line : m_currencyLine,
                               QStringLiteral("<CURRATE>: ") + parsed.error().userMessage);
        }
    }
    const QString amountCurrency = m_currencyKind == OfxTag::Currency && !symbol.isEmpty() ? symbol : context.currency;
    qint64 minor = 0;
    bool amountRead = false;
    if (m_amount.bytes.isEmpty()) {
        problems << at(m_line, QStringLiteral("<STMTTRN> has no <TRNAMT>"));
    } else if (const auto amount = parseOfxAmount(m_amount.bytes, digitsOf(amountCurrency)); amount.ok()) {
        minor = amount.value();
        amountRead = true;
    } else {
        problems << at(m_amount.line, QStringLiteral("<TRNAMT> ") + amount.error().userMessage);
    }

    if (amountRead)
        t.amount = model::Money(minor, amountCurrency); // shown with the record even when it has a problem
    if (problems.isEmpty()) {
        if (foreign && !context.currency.isEmpty()) {
            const bool inForeign = m_currencyKind == OfxTag::Currency;
            const auto converted = applyRate(minor, digitsOf(inForeign ? symbol : context.currency), rate,
                                             digitsOf(inForeign ? context.currency : symbol), !inForeign);
            if (!converted.ok()) {
                problems << at(m_amount.line, converted.error().userMessage);
            } else if (inForeign) {
                t.originalAmount = model::Money(minor, symbol);
                t.amount = model::Money(converted.value(), context.currency);
            } else {
                t.originalAmount = model::Money(converted.value(), symbol);
            }
        }
    }

    const QString name = context.text.decode(m_name.bytes);
    const QString payee = context.text.decode(m_payeeName.bytes);
    t.counterparty = payee.isEmpty() ? name : payee;
    t.description = describe(name.isEmpty() ? payee : name, context.text.decode(m_memo.bytes));
    t.checkNumber = context.text.decode(m_checkNumber.bytes);
    t.reference = context.text.decode(m_reference.bytes);
    t.problem = problems.join(QStringLiteral("; "));
    return t;
}

} // namespace coffer::importers::ofx

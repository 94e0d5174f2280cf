#include "importers/camt/CamtEntry.h"

#include "importers/RecordId.h"
#include "importers/text/Decimal.h"
#include "model/Currency.h"

namespace coffer::importers::camt {

using model::Error;
using model::Money;
using model::Result;

Result<Money> signedAmount(const QString& amount, const QString& currency, const QString& indicator)
{
    if (amount.isEmpty())
        return Error::invalidData(QStringLiteral("it has no <Amt>"));
    if (!model::currency::isValidCode(currency))
        return Error::invalidData(QStringLiteral("its currency \"%1\" is not an ISO 4217 code").arg(currency.left(8)));
    if (indicator != QLatin1String("CRDT") && indicator != QLatin1String("DBIT")) {
        return Error::invalidData(
            indicator.isEmpty() ? QStringLiteral("it has no <CdtDbtInd>")
                                : QStringLiteral("<CdtDbtInd> is \"%1\", not CRDT or DBIT").arg(indicator.left(8)));
    }
    const QByteArray text = amount.toLatin1();
    if (text.startsWith('-') || text.startsWith('+'))
        return Error::invalidData(QStringLiteral("<Amt> \"%1\" has a sign (CdtDbtInd gives it)").arg(amount.left(40)));
    const Result<qint64> minor = text::parseMinorUnits(text, model::currency::exponent(currency));
    if (!minor)
        return minor.error();
    return Money(indicator == QLatin1String("DBIT") ? -minor.value() : minor.value(), currency);
}

std::optional<QDate> camtDate(const QString& text)
{
    const QDate day = QDate::fromString(QStringView(text).left(10), Qt::ISODate);
    if (!day.isValid() ||
        (text.size() > 10 && text[10] != u'T' && text[10] != u'+' && text[10] != u'-' && text[10] != u'Z'))
        return std::nullopt;
    return day;
}

namespace {

QString dateProblem(const QString& text, const char* element)
{
    return text.isEmpty() ? QString()
                          : QStringLiteral("<%1> \"%2\" is not a date").arg(QLatin1String(element), text.left(40));
}

} // namespace

providers::ProviderTransaction toTransaction(EntryFields entry, const QString& accountId,
                                             const QString& defaultCurrency, RecordIdMaker& ids)
{
    providers::ProviderTransaction t;
    t.accountProviderId = accountId;
    t.raw = std::move(entry.raw);
    t.pending = entry.status == QLatin1String("PDNG") || entry.status == QLatin1String("FUTR");

    // A batch (several <TxDtls>) is one booking on the account: one transaction with the
    // entry's amount. Its parts' references and parties would each describe only one part, so
    // only a single <TxDtls> lends its end-to-end id, party and remittance text to the entry.
    const bool single = entry.details == 1;
    if (single && entry.endToEndId != QLatin1String("NOTPROVIDED"))
        t.reference = entry.endToEndId;
    const bool credit = entry.indicator == QLatin1String("CRDT");
    if (single)
        t.counterparty = credit ? entry.debtorName : entry.creditorName;
    if (single && !entry.remittance.isEmpty())
        t.description = entry.remittance.join(u' ');
    else if (single && !entry.additionalTxInfo.isEmpty())
        t.description = entry.additionalTxInfo;
    else
        t.description = entry.additionalInfo;
    if (!single && entry.details > 1 && t.description.isEmpty())
        t.description = QStringLiteral("Batch of %1 payments").arg(entry.details);

    const std::optional<QDate> booked = camtDate(entry.bookingDate);
    const std::optional<QDate> value = camtDate(entry.valueDate);
    if (value)
        t.authorizedOn = value;
    t.bookedOn = booked ? *booked : value.value_or(QDate());

    const QString currency = entry.currency.isEmpty() ? defaultCurrency : entry.currency;
    const Result<Money> amount = signedAmount(entry.amount, currency, entry.indicator);
    const QString badBooking = booked ? QString() : dateProblem(entry.bookingDate, "BookgDt");
    const QString badValue = value ? QString() : dateProblem(entry.valueDate, "ValDt");
    QString problem;
    if (!amount)
        problem = entry.currency.isEmpty() && defaultCurrency.isEmpty() ? QStringLiteral("<Amt> has no currency (Ccy)")
                                                                        : amount.error().userMessage;
    else if (!badBooking.isEmpty())
        problem = badBooking;
    else if (!badValue.isEmpty())
        problem = badValue;
    else if (!t.bookedOn.isValid())
        problem = QStringLiteral("it has no <BookgDt> or <ValDt>");
    if (amount)
        t.amount = amount.value();

    if (!problem.isEmpty()) {
        t.problem = QStringLiteral("line %1: the entry cannot be used: %2").arg(entry.line).arg(problem);
        return t;
    }
    if (entry.servicerReference.isEmpty() && single)
        entry.servicerReference = entry.detailServicerReference;
    QString fileId = entry.servicerReference == QLatin1String("NOTPROVIDED") ? QString() : entry.servicerReference;
    if (fileId.isEmpty())
        fileId = t.reference;
    t.providerId = fileId.isEmpty() ? ids.idFor(accountId, t.bookedOn, t.amount, t.description)
                                    : ids.fileIdOrMade(accountId, fileId, t.bookedOn, t.amount, t.description);
    return t;
}

} // namespace coffer::importers::camt

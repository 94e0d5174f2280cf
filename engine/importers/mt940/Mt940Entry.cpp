#include "importers/mt940/Mt940Entry.h"

#include "importers/RecordId.h"
#include "importers/mt940/Mt940Details.h"
#include "importers/mt940/Mt940Fields.h"
#include "importers/text/Decimal.h"
#include "model/Currency.h"

namespace coffer::importers::mt940 {

providers::ProviderTransaction toTransaction(Entry entry, const EntryContext& context, RecordIdMaker& ids)
{
    providers::ProviderTransaction t;
    t.accountProviderId = context.accountId;
    t.pending = context.interim;
    t.raw = std::move(entry.raw);
    const auto line = parseStatementLine(entry.statementLine);
    if (!line) {
        t.problem = QStringLiteral("line %1: %2").arg(entry.line).arg(line.error().userMessage);
        return t;
    }
    const auto minor = text::parseMinorUnits(line->amount, model::currency::exponent(context.currency), {',', 0});
    if (!minor) {
        t.problem = QStringLiteral("line %1: :61: %2").arg(entry.line).arg(minor.error().userMessage);
        return t;
    }
    t.amount = model::Money(line->debit ? -minor.value() : minor.value(), context.currency);
    t.bookedOn = line->entryDate;
    t.authorizedOn = line->valueDate;

    const Details details = parseDetails(text::decode(entry.details, context.charset));
    t.counterparty = details.counterparty;
    t.description = details.description;
    if (t.description.isEmpty())
        t.description = details.postingText;
    // Supplementary details: Rabobank's other party, some banks' kind of payment ("Card transaction").
    const QString supplementary = text::decode(line->supplementary, context.charset).simplified();
    if (!supplementary.isEmpty() && !t.description.contains(supplementary))
        t.description = t.description.isEmpty() ? supplementary : t.description + u' ' + supplementary;
    const QString customer = text::decode(line->customerReference, context.charset);
    t.reference = !details.reference.isEmpty()          ? details.reference
                  : customer == QLatin1String("NONREF") ? QString()
                                                        : customer;

    const QString bank = text::decode(line->bankReference, context.charset);
    const QString madeFrom = t.description + u'\x1f' + customer;
    t.providerId = bank.isEmpty() || bank == QLatin1String("NONREF")
                       ? ids.idFor(context.accountId, t.bookedOn, t.amount, madeFrom)
                       : ids.fileIdOrMade(context.accountId, bank, t.bookedOn, t.amount, madeFrom);
    return t;
}

} // namespace coffer::importers::mt940

#include "importers/StatementSink.h"

namespace coffer::importers {

void CollectingSink::account(const StatementAccount& account)
{
    for (StatementAccount& known : accounts) {
        if (known.id != account.id)
            continue;
        if (known.name.isEmpty())
            known.name = account.name;
        if (known.institution.isEmpty())
            known.institution = account.institution;
        if (known.currency.isEmpty())
            known.currency = account.currency;
        if (account.ledgerBalance)
            known.ledgerBalance = account.ledgerBalance;
        if (account.availableBalance)
            known.availableBalance = account.availableBalance;
        return;
    }
    accounts.append(account);
}

} // namespace coffer::importers

#include "sync/ImportChoices.h"

#include <algorithm>

namespace coffer::sync {

ImportChoices ImportChoices::fromOptions(const QVariantMap& options)
{
    ImportChoices choices;
    for (const QVariant& id : options.value(kExcludedAccountsOption).toList())
        choices.excludedAccounts.insert(id.toString());
    choices.importPending = options.value(kImportPendingOption, true).toBool();
    return choices;
}

providers::Page ImportChoices::apply(const providers::Page& page) const
{
    if (excludedAccounts.isEmpty() && importPending)
        return page;
    providers::Page out = page;
    const auto leftOut = [this](const providers::ProviderTransaction& t) {
        return excludes(t.accountProviderId) || (!importPending && t.pending);
    };
    out.added.removeIf(leftOut);
    out.modified.removeIf(leftOut);
    out.removed.removeIf([this](const providers::RemovedTransaction& t) { return excludes(t.accountProviderId); });
    if (out.window)
        out.window->accountProviderIds.removeIf([this](const QString& id) { return excludes(id); });
    return out;
}

} // namespace coffer::sync

#pragma once

#include "providers/Connector.h"

namespace coffer::providers::file {

// A file-only account: nothing to sign in to and nothing to fetch. Its accounts are what the user
// described when adding it, kept in the connection's options:
//   "accounts": [{"id": "main", "name": "Cash", "currency": "EUR", "kind": "checking"}, ...]
// Transactions reach it only by importing bank files, so the engine never schedules it and
// "Sync now" says so. listAccounts() answers at once, inside the call.
// Thread affinity: the engine thread (it holds no state).
class FileConnector final : public Connector {
public:
    ProviderInfo describe() const override;
    void listAccounts(const FetchContext& context,
                      std::function<void(model::Result<QList<ProviderAccount>>)> done) override;
    // Nothing to fetch: one empty, final page.
    void fetchChanges(const FetchContext& context, std::function<void(model::Result<Page>)> done) override;
    void cancel() override {}

    // The accounts the options describe, or the reason they are unusable (no name, a currency
    // ISO 4217 does not list, two accounts with one id).
    static model::Result<QList<ProviderAccount>> accountsFrom(const QVariantMap& options);
};

} // namespace coffer::providers::file

#pragma once

#include "providers/Connector.h"
#include "providers/plaid/PlaidClient.h"

namespace coffer::providers::plaid {

// Plaid: accounts and balances from /accounts/get, transactions from /transactions/sync with the
// Item's cursor (the connection's cursor), pages of 500 added/modified/removed records. The runner
// loops while has_more and, on TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION (kRestartPaginationCode),
// starts again from the cursor its run began with. While Plaid is still collecting the Item's
// history (transactions_update_status), each page carries a note for the dashboard.
//
// Secret: PlaidCredentials JSON; options as PlaidClient reads them.
// Thread affinity: the engine thread.
class PlaidConnector final : public Connector {
public:
    static constexpr int kPageSize = 500; // the most /transactions/sync returns in one call

    PlaidConnector() = default;

    ProviderInfo describe() const override;
    void listAccounts(const FetchContext& context,
                      std::function<void(model::Result<QList<ProviderAccount>>)> done) override;
    void fetchChanges(const FetchContext& context, std::function<void(model::Result<Page>)> done) override;
    void cancel() override;

private:
    // The credentials of a linked Item, or the NeedsUser error saying what is missing.
    static model::Result<PlaidCredentials> linkedCredentials(const FetchContext& context);
    // POSTs body plus the Item's access token to endpoint and reads the answer with read().
    template <typename T>
    void call(const FetchContext& context, const QString& endpoint, QJsonObject body,
              std::function<model::Result<T>(const QJsonObject&)> read, std::function<void(model::Result<T>)> done);

    PlaidClient m_client;
};

} // namespace coffer::providers::plaid

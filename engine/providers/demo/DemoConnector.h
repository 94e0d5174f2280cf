#pragma once

#include "providers/Connector.h"

#include <QDateTime>
#include <QObject>

#include <memory>

namespace coffer::schedule {
class Clock;
}

namespace coffer::providers::demo {

// The built-in demo provider: no network, no account. Behaves like a cursor-based provider
// (Plaid-style added/modified/removed pages) over a DemoBank, with a little latency so progress
// is visible. Options: "seed" (number), "openedAt" (ISO time the connection was made),
// "latencyMs", and injected failures: "fail" = "transient" | "reauth", "failAfterPages" = N,
// "mutateOnPage" = N (asks once, at page N, to restart pagination from the run's first cursor).
class DemoConnector final : public Connector {
public:
    explicit DemoConnector(const schedule::Clock& clock);
    ~DemoConnector() override;

    ProviderInfo describe() const override;
    void listAccounts(const FetchContext& context,
                      std::function<void(model::Result<QList<ProviderAccount>>)> done) override;
    void fetchChanges(const FetchContext& context, std::function<void(model::Result<Page>)> done) override;
    // History up to two years back, by date, in chunks of 30 days.
    void fetchWindow(const FetchContext& context, const QDate& from, const QDate& to,
                     std::function<void(model::Result<Page>)> done) override;
    void cancel() override;
    // Like a PSD2 bank: consent lasts "consentDays" (default 90) from when the connection was made,
    // or from "consentGrantedAt" once the user has signed in again.
    std::optional<QDateTime> consentExpiresAt(const QVariantMap& options) const override;
    // With option "tokenLifetimeMinutes", tokens expire like an OAuth provider's and can be refreshed.
    void refreshCredentials(const FetchContext& context, std::function<void(model::Result<CredentialUpdate>)> done) override;
    std::optional<QDateTime> initialTokenExpiry(const QVariantMap& options, const QDateTime& now) const override;

    // A fresh random token, as the demo bank would issue at sign-in.
    static QString issueToken();

private:
    std::optional<model::Error> refuse(const FetchContext& context) const;
    std::optional<model::Error> droppedAfterPages(const FetchContext& context) const;
    void later(const FetchContext& context, std::function<void()> work);

    const schedule::Clock& m_clock;
    std::unique_ptr<QObject> m_context; // owns pending callbacks; reset() drops them
    int m_pagesServed = 0;
    bool m_mutated = false; // the injected "mutation during pagination" happened
    QDateTime m_runAt; // set by listAccounts: the instant this run reads the bank at
};

} // namespace coffer::providers::demo

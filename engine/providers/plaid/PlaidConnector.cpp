#include "providers/plaid/PlaidConnector.h"

#include "log/Log.h"
#include "providers/plaid/PlaidRecords.h"

#include <QTimer>

namespace coffer::providers::plaid {

using model::Error;
using model::Result;

namespace {

auto logger()
{
    return log::get("engine.providers");
}

} // namespace

ProviderInfo PlaidConnector::describe() const
{
    ProviderInfo info{QStringLiteral("plaid"), QStringLiteral("Plaid"), Paging::Cursor, kPageSize, 730};
    info.minIntervalSeconds = 600; // Plaid refreshes an Item a few times a day; webhooks say when
    info.callsPerSync = 2;         // /accounts/get and at least one /transactions/sync
    info.needsNetwork = true;
    return info;
}

Result<PlaidCredentials> PlaidConnector::linkedCredentials(const FetchContext& context)
{
    auto credentials = PlaidCredentials::fromSecret(context.secret);
    if (credentials.ok() && !credentials->isLinked()) {
        Error e = Error::needsUser(QStringLiteral("This Plaid connection is not linked to a bank yet: link it to "
                                                  "your bank first."),
                                   QStringLiteral("no access token"));
        e.providerCode = QStringLiteral("NOT_LINKED");
        return e;
    }
    return credentials;
}

template <typename T>
void PlaidConnector::call(const FetchContext& context, const QString& endpoint, QJsonObject body,
                          std::function<Result<T>(const QJsonObject&)> read, std::function<void(Result<T>)> done)
{
    const auto credentials = linkedCredentials(context);
    if (!credentials.ok())
        return m_client.failLater(std::move(done), credentials.error());
    body.insert(QStringLiteral("access_token"), credentials->accessToken);
    m_client.post(endpoint, body, credentials.value(), context.options,
                  [read = std::move(read), done = std::move(done)](Result<QJsonObject> answer) {
                      if (!answer.ok())
                          return done(answer.error());
                      done(read(answer.value()));
                  });
}

void PlaidConnector::listAccounts(const FetchContext& context, std::function<void(Result<QList<ProviderAccount>>)> done)
{
    const qint64 connectionId = context.connectionId;
    call<QList<ProviderAccount>>(
        context, QStringLiteral("/accounts/get"), {},
        [connectionId](const QJsonObject& answer) {
            auto accounts = accountsFrom(answer);
            if (accounts.ok())
                logger()->info("plaid connection {}: {} accounts listed", connectionId, accounts->size());
            return accounts;
        },
        std::move(done));
}

void PlaidConnector::fetchChanges(const FetchContext& context, std::function<void(Result<Page>)> done)
{
    QJsonObject body{{QStringLiteral("count"), kPageSize}};
    if (!context.cursor.isEmpty()) // no cursor: the Item's whole history, from the start
        body.insert(QStringLiteral("cursor"), context.cursor);
    const qint64 connectionId = context.connectionId;
    call<Page>(
        context, QStringLiteral("/transactions/sync"), body,
        [connectionId](const QJsonObject& answer) {
            auto page = pageFrom(answer);
            if (page.ok())
                logger()->info("plaid connection {}: page of {} added, {} modified, {} removed{}", connectionId,
                               page->added.size(), page->modified.size(), page->removed.size(),
                               page->hasMore ? "; more to come" : "");
            return page;
        },
        std::move(done));
}

void PlaidConnector::cancel()
{
    m_client.cancel();
}

} // namespace coffer::providers::plaid

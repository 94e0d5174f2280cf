#include "providers/file/FileConnector.h"

#include "model/Currency.h"

#include <QSet>

namespace coffer::providers::file {

using model::Error;
using model::Result;

ProviderInfo FileConnector::describe() const
{
    ProviderInfo info{QStringLiteral("file"), QStringLiteral("File import"), Paging::Cursor, 0, 0};
    info.minIntervalSeconds = 0;
    info.needsNetwork = false;
    info.synced = false;
    info.hasCredential = false;
    return info;
}

Result<QList<ProviderAccount>> FileConnector::accountsFrom(const QVariantMap& options)
{
    const QVariantList described = options.value(QStringLiteral("accounts")).toList();
    if (described.isEmpty())
        return Error::invalidData(QStringLiteral("A file-only connection needs at least one account."));
    QList<ProviderAccount> accounts;
    QSet<QString> ids;
    for (const QVariant& entry : described) {
        const QVariantMap a = entry.toMap();
        ProviderAccount account;
        account.providerId = a.value(QStringLiteral("id")).toString().trimmed();
        account.name = a.value(QStringLiteral("name")).toString().trimmed();
        account.currency = a.value(QStringLiteral("currency")).toString().trimmed().toUpper();
        account.kind = model::accountKindFromName(a.value(QStringLiteral("kind")).toString());
        if (account.name.isEmpty())
            return Error::invalidData(QStringLiteral("Every account needs a name."));
        if (!model::currency::isKnownCode(account.currency))
            return Error::invalidData(
                QStringLiteral("\"%1\" is not an ISO 4217 currency code (such as EUR, USD or JPY).")
                    .arg(account.currency));
        if (account.providerId.isEmpty())
            account.providerId = QString::number(accounts.size() + 1);
        if (ids.contains(account.providerId))
            return Error::invalidData(QStringLiteral("Two accounts have the id \"%1\".").arg(account.providerId));
        ids.insert(account.providerId);
        accounts.append(account);
    }
    return accounts;
}

void FileConnector::listAccounts(const FetchContext& context, std::function<void(Result<QList<ProviderAccount>>)> done)
{
    done(accountsFrom(context.options));
}

void FileConnector::fetchChanges(const FetchContext& context, std::function<void(Result<Page>)> done)
{
    Page page;
    page.nextCursor = context.cursor;
    done(page);
}

} // namespace coffer::providers::file

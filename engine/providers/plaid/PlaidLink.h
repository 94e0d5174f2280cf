#pragma once

#include "model/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <QVariantMap>

#include <functional>
#include <memory>

namespace coffer::schedule {
class Clock;
}

namespace coffer::providers::plaid {

// One Plaid API call: the caller's client adds Plaid's headers and base URL and maps errors; done
// is called once (not after the PlaidLink is gone).
using PlaidPost = std::function<void(const QString& endpoint, const QJsonObject& body,
                                     std::function<void(model::Result<QJsonObject>)> done)>;

// What a finished Link gives: the item's access token (a secret: keychain only) and ids. In update
// mode the item keeps its access token, so accessToken is empty.
struct LinkedItem {
    QString accessToken;
    QString itemId;
    QString institutionName; // empty when Plaid did not say
};

struct LinkSettings {
    QString clientUserId;                              // no personal data: an id of this installation
    QStringList countryCodes = {QStringLiteral("US")}; // ISO-3166-1 alpha-2, as Plaid lists them
    QString language = QStringLiteral("en");
    QString accessToken;       // set: update mode for this item (re-authentication)
    QString webhook;           // set: where Plaid posts the item's webhooks (the user's public tunnel)
    int pollIntervalMs = 3000; // between /link/token/get calls
};

// Why these API keys and settings cannot start a Link (checked without any network call), in words
// for the user; empty when they can. options: "environment" (sandbox | production), "baseUrl".
QString linkSetupProblem(const QString& clientId, const QString& secret, const QVariantMap& options);

// Plaid Hosted Link without copy-paste: /link/token/create with hosted_link, the user finishes in
// the browser at hosted_link_url, and /link/token/get is polled until the session gave a public
// token (then /item/public_token/exchange), the user left, or the link token expired. In sandbox,
// createSandboxItem() makes a test item with /sandbox/public_token/create instead. Requests carry
// only fields Plaid's OpenAPI spec defines. Thread affinity: the engine thread (its poll timer
// lives there).
class PlaidLink {
public:
    PlaidLink(PlaidPost post, const schedule::Clock& clock);
    ~PlaidLink();
    PlaidLink(const PlaidLink&) = delete;
    PlaidLink& operator=(const PlaidLink&) = delete;

    // opened() once Plaid gave the Hosted Link URL; then done() exactly once unless cancel() came first.
    void start(const LinkSettings& settings, std::function<void(const QUrl&)> opened,
               std::function<void(model::Result<LinkedItem>)> done);
    // Sandbox only: a test item at Plaid's "First Platypus Bank" (ins_109508), exchanged at once.
    void createSandboxItem(std::function<void(model::Result<LinkedItem>)> done);
    // Stops polling and drops any answer still on its way.
    void cancel();

    static inline const QString kSandboxInstitution = QStringLiteral("ins_109508");

private:
    void poll();
    void onSessions(const QJsonObject& response);
    void exchange(const QString& publicToken, const QString& institution);
    void finish(model::Result<LinkedItem> outcome);
    std::function<void(model::Result<QJsonObject>)> guarded(std::function<void(model::Result<QJsonObject>)> next);

    PlaidPost m_post;
    const schedule::Clock& m_clock;
    LinkSettings m_settings;
    QString m_linkToken;
    QDateTime m_expiresAt;
    int m_failedPolls = 0;
    QTimer m_pollTimer;
    std::function<void(model::Result<LinkedItem>)> m_done;
    std::shared_ptr<int> m_alive; // answers arriving after cancel() or destruction are dropped
};

} // namespace coffer::providers::plaid

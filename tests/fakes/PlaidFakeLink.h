#pragma once

#include "PlaidFake.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace coffer::test {

// Plaid Link on a PlaidFake, as Hosted Link works: /link/token/create (with hosted_link) gives a
// link_token, its expiration and a hosted_link_url on the fake; the user "in the browser" is the
// test, calling completeLink() or exitLink(); /link/token/get reports the sessions
// (results.item_add_results[].public_token once completed, exit once left); a public token is
// exchanged once by /item/public_token/exchange for a new access token of the fake's Item (which
// the fake then requires for sync). /sandbox/public_token/create makes a public token without Link.
// Update mode (access_token, no products) completes with the Item's access token unchanged.
// The Item's webhook address is the `webhook` of the Link that made it, or what
// /item/webhook/update (access token required) last set; null removes it.
// Requests are checked as Plaid checks them (required fields, known tokens); errors are Plaid's.
class PlaidFakeLink {
public:
    static inline const QString kHostedLinkPath = QStringLiteral("/hl/");

    // now: when link tokens are created (they expire 30 minutes later, as Hosted Link's do).
    PlaidFakeLink(PlaidFake& fake, const QDateTime& now);

    // The user finished in the browser: linked the bank (or, in update mode, signed in again).
    void completeLink(const QString& linkToken);
    // The user closed Plaid Link; displayMessage: the error Link showed before, if any.
    void exitLink(const QString& linkToken, const QString& displayMessage = {});
    // The link token in a hosted_link_url this fake gave; empty when it is not one.
    static QString linkTokenOf(const QString& hostedLinkUrl);

    QString lastLinkToken() const { return m_lastLinkToken; }
    QDateTime expirationOf(const QString& linkToken) const { return m_links.value(linkToken).expiresAt; }
    int exchanges() const { return m_exchanges; }
    // The `webhook` a /link/token/create sent (undefined when it sent none).
    QJsonValue webhookSentWith(const QString& linkToken) const
    {
        return m_links.value(linkToken).request.value(QStringLiteral("webhook"));
    }
    // Where Plaid would post the Item's webhooks now (undefined: never set; null: removed).
    QJsonValue itemWebhook(const QString& itemId) const
    {
        return m_itemWebhooks.value(itemId, QJsonValue(QJsonValue::Undefined));
    }

private:
    struct Link {
        QJsonObject request; // the /link/token/create body
        QDateTime createdAt;
        QDateTime expiresAt;
        bool started = false;
        bool finished = false;
        bool exited = false;
        QString exitMessage;
        QString publicToken;
    };

    PlaidFake::Answer create(const PlaidFake::Received& request);
    PlaidFake::Answer get(const PlaidFake::Received& request);
    PlaidFake::Answer exchange(const PlaidFake::Received& request);
    PlaidFake::Answer sandboxCreate(const PlaidFake::Received& request);
    PlaidFake::Answer webhookUpdate(const PlaidFake::Received& request);
    QString issuePublicToken(const QJsonValue& webhook = {});
    QJsonObject session(const QString& linkToken, const Link& link) const;

    PlaidFake& m_fake;
    QDateTime m_now;
    QHash<QString, Link> m_links;
    QHash<QString, QJsonValue> m_publicTokens; // issued, not yet exchanged -> the Link's webhook
    QHash<QString, QJsonValue> m_itemWebhooks; // item id -> webhook address
    QString m_lastLinkToken;
    int m_exchanges = 0;
};

} // namespace coffer::test

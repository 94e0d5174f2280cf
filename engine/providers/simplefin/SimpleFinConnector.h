#pragma once

#include "providers/Connector.h"
#include "providers/http/InFlightReplies.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QUrl>
#include <QUrlQuery>

#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace coffer::schedule {
class Clock;
}

namespace coffer::providers::simplefin {

// SimpleFIN Bridge (and any SimpleFIN server): read-only accounts and transactions over HTTPS with
// the access URL (the connection's secret) as HTTP Basic credentials.
//
// Date-window paging: fetchChanges walks windows of at most 60 days; a first sync takes the newest
// window only (older history comes by fetchWindow, as a backfill); the cursor is the end of the last
// committed window (epoch seconds). A later sync starts 14 days before the cursor (re-delivery is
// idempotent in the store) and walks up to the instant its first page was asked for. Each page
// says which whole days it covered, so the store notices transactions the bank dropped.
//
// Server errors ("errors" strings, "errlist" objects) reach the user sanitized. An errlist sign-in
// code stops the sync as NeedsUser: "con.auth" (sign in to the bank again at the Bridge) and
// "gen.auth" (a new setup token). Other messages keep the data, claim no full window, and become
// the page's providerNote, shown with the connection's status.
//
// Options: "baseUrl" overrides the access URL's scheme, host and port (sandboxes, fakes); plain
// http only to loopback. "timeoutMs" overrides the 30 s transfer timeout.
//
// Thread affinity: the engine thread. The QNetworkAccessManager is created on first use, so a
// connector built only to describe() itself costs nothing.
class SimpleFinConnector final : public Connector {
public:
    explicit SimpleFinConnector(const schedule::Clock& clock);
    ~SimpleFinConnector() override;

    ProviderInfo describe() const override;
    void listAccounts(const FetchContext& context,
                      std::function<void(model::Result<QList<ProviderAccount>>)> done) override;
    void fetchChanges(const FetchContext& context, std::function<void(model::Result<Page>)> done) override;
    void fetchWindow(const FetchContext& context, const QDate& from, const QDate& to,
                     std::function<void(model::Result<Page>)> done) override;
    void cancel() override;
    // Claims the setup token (see claimSetupToken) with this connector's network access.
    void exchangeSetupToken(const QString& setupToken, const QVariantMap& options,
                            std::function<void(model::Result<QString>)> done) override;

    // The claim URL a setup token holds, checked without any network call: it must decode to an
    // https URL (plain http only to this computer). The error says what is wrong, for the user.
    static model::Result<QUrl> decodeSetupToken(const QString& setupToken);

    // Trades a setup token (base64 of a claim URL) for an access URL: one POST, never repeated, as
    // a token can be claimed only once. A 403 means it was already claimed, perhaps by someone else.
    // done is called once on context's thread, unless context is destroyed first.
    static void claimSetupToken(QNetworkAccessManager& network, const QString& setupToken, QObject* context,
                                std::function<void(model::Result<QString>)> done);

private:
    struct Window {
        qint64 start = 0; // epoch seconds, inclusive
        qint64 end = 0;   // exclusive, as the protocol's end-date
    };

    Window nextWindow(const QString& cursor, qint64 nowSecs);
    void fetchRange(const FetchContext& context, const Window& window, std::function<void(model::Result<Page>)> done);
    void get(const FetchContext& context, const QUrlQuery& query, std::function<void(model::Result<QByteArray>)> done);
    QNetworkAccessManager& network();

    const schedule::Clock& m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    http::InFlightReplies m_inFlight;
    std::optional<QSet<QString>> m_listedAccounts; // what listAccounts reported in this run
    std::optional<qint64> m_runEndSecs;            // where this run's walk stops, fixed at its first page
    QString m_handedOutCursor;                     // the last nextCursor given to the runner
};

} // namespace coffer::providers::simplefin

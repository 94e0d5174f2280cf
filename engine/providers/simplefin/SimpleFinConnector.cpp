#include "providers/simplefin/SimpleFinConnector.h"

#include "log/Log.h"
#include "providers/http/InFlightReplies.h"
#include "providers/http/ProviderHttp.h"
#include "providers/simplefin/SimpleFinAccountSet.h"
#include "providers/simplefin/SimpleFinHttp.h"
#include "schedule/Clock.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace coffer::providers::simplefin {

using model::Error;
using model::Result;

namespace {

auto logger()
{
    return log::get("engine.providers");
}

constexpr qint64 kDaySeconds = 24 * 3600;
constexpr qint64 kWindowSeconds = 60 * kDaySeconds;  // the most SimpleFIN Bridge serves in one request
constexpr qint64 kOverlapSeconds = 14 * kDaySeconds; // late-posting transactions are picked up again
constexpr int kHistoryDays = 90;

void logFailure(qint64 connectionId, const char* what, const Error& error)
{
    // detail is secret-free by construction: no URLs, credentials, ids or amounts go into it.
    logger()->warn("simplefin connection {}: {} failed: {} ({})", connectionId, what,
                   model::errorKindName(error.kind).toStdString(), error.detail.toStdString());
}

// What the server's own errors mean for this answer: a sign-in its errlist asks for stops the sync
// (what is stored stays); errors with no accounts at all leave nothing to use.
std::optional<Error> serverRefusal(const AccountSet& set)
{
    const QString said = QStringLiteral(" SimpleFIN said: ") + set.messages.join(QStringLiteral(" | "));
    const QString detail =
        QStringLiteral("%1 accounts, %2 server messages").arg(set.accounts.size()).arg(set.messages.size());
    if (set.signIn != SignIn::None) {
        const bool atBridge = set.signIn == SignIn::AtBridge;
        const QString code = atBridge ? QStringLiteral("con.auth") : QStringLiteral("gen.auth");
        const QString remedy = atBridge ? QStringLiteral("SimpleFIN Bridge can no longer sign in to your bank: sign in "
                                                         "to it again at SimpleFIN Bridge, then sync again.")
                                        : QStringLiteral("SimpleFIN no longer accepts Coffer's saved access: sign in "
                                                         "again with a new setup token from SimpleFIN Bridge.");
        return http::withCode(Error::needsUser(remedy + said, QStringLiteral("errlist %1; %2").arg(code, detail)),
                              code);
    }
    if (!set.accounts.isEmpty() || set.messages.isEmpty())
        return std::nullopt;
    // Structured errors other than sign-ins are the server's trouble ("act.failed: try again later").
    if (set.structuredErrors)
        return http::withCode(
            Error::retryable(QStringLiteral("SimpleFIN Bridge sent no accounts this time; Coffer will try "
                                            "again.") +
                                 said,
                             QStringLiteral("errlist without accounts; ") + detail),
            QStringLiteral("SERVER_ERRORS"));
    return http::withCode(Error::needsUser(QStringLiteral("SimpleFIN Bridge reported a problem: ") +
                                               set.messages.join(QStringLiteral(" | ")),
                                           QStringLiteral("errors without accounts; ") + detail),
                          QStringLiteral("SERVER_ERRORS"));
}

void noteServerMessages(qint64 connectionId, const AccountSet& set)
{
    if (!set.messages.isEmpty())
        logger()->warn("simplefin connection {}: the server sent {} messages with its accounts", connectionId,
                       set.messages.size());
    if (set.skippedAccounts > 0)
        logger()->info("simplefin connection {}: {} accounts in custom currencies skipped", connectionId,
                       set.skippedAccounts);
}

} // namespace

SimpleFinConnector::SimpleFinConnector(const schedule::Clock& clock)
    : m_clock(clock)
{
}

SimpleFinConnector::~SimpleFinConnector()
{
    cancel();
}

ProviderInfo SimpleFinConnector::describe() const
{
    ProviderInfo info{QStringLiteral("simplefin"), QStringLiteral("SimpleFIN Bridge"), Paging::DateWindow, 100,
                      kHistoryDays};
    info.minIntervalSeconds = 300;
    info.dailyCallBudgetPerAccount = 24; // SimpleFIN Bridge's daily request allowance
    info.callsPerSync = 2;               // the accounts request and one window
    info.backfillChunkDays = 60;
    info.needsNetwork = true;
    return info;
}

QNetworkAccessManager& SimpleFinConnector::network()
{
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    return *m_network;
}

void SimpleFinConnector::get(const FetchContext& context, const QUrlQuery& query,
                             std::function<void(Result<QByteArray>)> done)
{
    auto endpoint = resolveEndpoint(context.secret, context.options.value(QStringLiteral("baseUrl")).toString());
    if (!endpoint.ok()) {
        logFailure(context.connectionId, "GET accounts", endpoint.error());
        return http::failLater(m_inFlight.context(), std::move(done), endpoint.error());
    }
    QUrl url = endpoint->root;
    url.setPath(url.path() + QStringLiteral("/accounts"));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", endpoint->authorization);
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(http::timeoutMs(context.options));
    // A redirect must not carry the Basic credentials anywhere: not followed, reported instead.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = network().get(request);
    http::limitBody(*reply);
    m_inFlight.add(reply);
    const qint64 connectionId = context.connectionId;
    QObject::connect(reply, &QNetworkReply::finished, m_inFlight.context(),
                     [this, reply, connectionId, done = std::move(done)] {
                         m_inFlight.remove(reply);
                         reply->deleteLater();
                         // A body over the bound was never buffered; anything but JSON is not used.
                         auto error = replyError(*reply);
                         if (!error)
                             error = http::checkJsonContentType(*reply, kProviderName);
                         if (error) {
                             logFailure(connectionId, "GET accounts", *error);
                             return done(*error);
                         }
                         done(reply->readAll());
                     });
}

void SimpleFinConnector::listAccounts(const FetchContext& context,
                                      std::function<void(Result<QList<ProviderAccount>>)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("balances-only"), QStringLiteral("1"));
    const qint64 connectionId = context.connectionId;
    get(context, query, [this, connectionId, done = std::move(done)](Result<QByteArray> body) {
        if (!body.ok())
            return done(body.error());
        auto set = parseAccountSet(body.value(), m_clock.now().date());
        if (!set.ok()) {
            logFailure(connectionId, "reading accounts", set.error());
            return done(set.error());
        }
        if (auto refusal = serverRefusal(set.value())) {
            logFailure(connectionId, "listing accounts", *refusal);
            return done(*refusal);
        }
        noteServerMessages(connectionId, set.value());
        QSet<QString> ids;
        for (const ProviderAccount& a : set->accounts)
            ids.insert(a.providerId);
        m_listedAccounts = ids;
        done(set->accounts);
    });
}

SimpleFinConnector::Window SimpleFinConnector::nextWindow(const QString& cursor, qint64 nowSecs)
{
    // Within a run the runner hands back the cursor of the page just committed: walk on from it.
    const bool continuing = m_runEndSecs && !m_handedOutCursor.isEmpty() && cursor == m_handedOutCursor &&
                            cursor.toLongLong() < *m_runEndSecs;
    qint64 start = 0;
    if (continuing) {
        start = cursor.toLongLong();
    } else {
        m_runEndSecs = nowSecs; // fixed for the run, so the last window does not move while walking
        const qint64 historyStart = nowSecs - qint64(kHistoryDays) * kDaySeconds;
        bool readable = false;
        const qint64 committed = cursor.toLongLong(&readable);
        if (!cursor.isEmpty() && (!readable || committed < 0))
            logger()->warn("simplefin: unreadable sync position; fetching the full history again");
        // Overlap with what was committed; never further back than the history SimpleFIN keeps. A
        // first sync takes only the newest window, so recent data shows at once; the older history
        // follows as a backfill, newest first.
        start = readable && committed >= 0 ? std::max(std::min(committed, nowSecs) - kOverlapSeconds, historyStart)
                                           : std::max(historyStart, nowSecs - kWindowSeconds);
    }
    return Window{start, std::min(start + kWindowSeconds, *m_runEndSecs)};
}

void SimpleFinConnector::fetchChanges(const FetchContext& context, std::function<void(Result<Page>)> done)
{
    const Window window = nextWindow(context.cursor, m_clock.now().toSecsSinceEpoch());
    const qint64 connectionId = context.connectionId;
    fetchRange(context, window, [this, window, connectionId, done = std::move(done)](Result<Page> fetched) {
        if (!fetched.ok())
            return done(fetched);
        Page page = std::move(fetched).value();
        page.nextCursor = QString::number(window.end);
        m_handedOutCursor = page.nextCursor;
        const qint64 left = std::max<qint64>(*m_runEndSecs - window.end, 0);
        page.hasMore = left > 0;
        page.remainingEstimate = int((left + kWindowSeconds - 1) / kWindowSeconds);
        logger()->info("simplefin connection {}: window of {} days delivered {} transactions; {} windows left",
                       connectionId, (window.end - window.start + kDaySeconds - 1) / kDaySeconds, page.added.size(),
                       page.remainingEstimate);
        done(page);
    });
}

void SimpleFinConnector::fetchWindow(const FetchContext& context, const QDate& from, const QDate& to,
                                     std::function<void(Result<Page>)> done)
{
    const Window window{QDateTime(from, QTime(0, 0), Qt::UTC).toSecsSinceEpoch(),
                        QDateTime(to.addDays(1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch()};
    if (window.end <= window.start || window.end - window.start > kWindowSeconds)
        return done(Error::permanent(QStringLiteral("SimpleFIN serves at most 60 days of history per request."),
                                     QStringLiteral("backfill window of %1 days").arg(from.daysTo(to) + 1)));
    fetchRange(context, window, std::move(done));
}

void SimpleFinConnector::fetchRange(const FetchContext& context, const Window& window,
                                    std::function<void(Result<Page>)> done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("start-date"), QString::number(window.start));
    query.addQueryItem(QStringLiteral("end-date"), QString::number(window.end));
    query.addQueryItem(QStringLiteral("pending"), QStringLiteral("1"));
    const qint64 connectionId = context.connectionId;
    get(context, query, [this, window, connectionId, done = std::move(done)](Result<QByteArray> body) {
        if (!body.ok())
            return done(body.error());
        auto set = parseAccountSet(body.value(), m_clock.now().date());
        if (!set.ok()) {
            logFailure(connectionId, "reading transactions", set.error());
            return done(set.error());
        }
        if (auto refusal = serverRefusal(set.value())) {
            logFailure(connectionId, "fetching transactions", *refusal);
            return done(*refusal);
        }
        noteServerMessages(connectionId, set.value());
        Page page;
        // The protocol asks that the server's messages be shown: they become the connection's note,
        // which the next page without messages clears.
        if (!set->messages.isEmpty())
            page.providerNote = QStringLiteral("SimpleFIN Bridge says: ") + set->messages.join(QStringLiteral(" | "));
        int unlisted = 0;
        // Every record of the window is "added": the store upserts by provider id and notices changes.
        for (const ProviderTransaction& t : set->transactions) {
            if (m_listedAccounts && !m_listedAccounts->contains(t.accountProviderId))
                ++unlisted; // an account that appeared after listAccounts: picked up by the next sync
            else
                page.added << t;
        }
        if (unlisted > 0)
            logger()->info("simplefin connection {}: {} transactions of a new account left for the next sync",
                           connectionId, unlisted);
        // The window's whole days were delivered in full for each account in the answer, so a stored
        // transaction missing from them is gone - unless the server warned about trouble.
        const QDate from = QDateTime::fromSecsSinceEpoch(window.start + kDaySeconds - 1, Qt::UTC).date();
        const QDate to = QDateTime::fromSecsSinceEpoch(window.end, Qt::UTC).date().addDays(-1);
        if (set->messages.isEmpty() && from <= to) {
            providers::CoveredWindow covered{from, to, {}};
            for (const ProviderAccount& a : set->accounts) {
                if (!m_listedAccounts || m_listedAccounts->contains(a.providerId))
                    covered.accountProviderIds << a.providerId;
            }
            page.window = covered;
        }
        done(page);
    });
}

void SimpleFinConnector::cancel()
{
    m_inFlight.abortAll();
}

Result<QUrl> SimpleFinConnector::decodeSetupToken(const QString& setupToken)
{
    QByteArray compact = setupToken.toLatin1();
    compact.replace(' ', QByteArray()).replace('\n', QByteArray()).replace('\r', QByteArray());
    auto decoded = QByteArray::fromBase64Encoding(compact, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        decoded = QByteArray::fromBase64Encoding(compact, QByteArray::Base64UrlEncoding |
                                                              QByteArray::AbortOnBase64DecodingErrors);
    const QUrl claimUrl = decoded ? QUrl(QString::fromUtf8(*decoded), QUrl::StrictMode) : QUrl();
    if (compact.isEmpty() || !claimUrl.isValid() || claimUrl.host().isEmpty()) {
        Error e = Error::needsUser(QStringLiteral("This is not a SimpleFIN setup token. Copy the token again from "
                                                  "SimpleFIN Bridge and paste it whole."),
                                   QStringLiteral("setup token does not decode to a URL"));
        e.providerCode = QStringLiteral("BAD_SETUP_TOKEN");
        return e;
    }
    if (auto refused = http::checkTransport(claimUrl, kProviderName))
        return *refused;
    return claimUrl;
}

void SimpleFinConnector::exchangeSetupToken(const QString& setupToken, const QVariantMap& options,
                                            std::function<void(Result<QString>)> done)
{
    Q_UNUSED(options);
    claimSetupToken(network(), setupToken, m_inFlight.context(), std::move(done));
}

void SimpleFinConnector::claimSetupToken(QNetworkAccessManager& network, const QString& setupToken, QObject* context,
                                         std::function<void(Result<QString>)> done)
{
    const auto decoded = decodeSetupToken(setupToken);
    if (!decoded.ok())
        return http::failLater(context, std::move(done), decoded.error());
    const QUrl claimUrl = decoded.value();

    QNetworkRequest request(claimUrl);
    request.setHeader(QNetworkRequest::ContentLengthHeader, 0);
    request.setTransferTimeout(http::kDefaultTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply = network.post(request, QByteArray());
    http::limitBody(*reply);
    QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    QObject::connect(reply, &QNetworkReply::finished, context, [reply, done = std::move(done)] {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        std::optional<Error> error;
        if (status == 403) {
            error = Error::needsUser(QStringLiteral("SimpleFIN refused this setup token: it has already been used. "
                                                    "If you did not use it, someone else may have, and your bank "
                                                    "data may be exposed: disable that token at SimpleFIN Bridge "
                                                    "and create a new one."),
                                     QStringLiteral("claim refused, HTTP 403"));
            error->providerCode = QStringLiteral("HTTP_403");
        } else {
            error = replyError(*reply);
        }
        QString accessUrl;
        if (!error) {
            accessUrl = QString::fromUtf8(reply->readAll()).trimmed();
            if (!resolveEndpoint(accessUrl, {}).ok())
                error = Error::invalidData(QStringLiteral("SimpleFIN answered the claim with something that is not a "
                                                          "usable access URL."),
                                           QStringLiteral("claim answer not an https access URL with credentials"));
        }
        if (error) {
            logger()->warn("simplefin: claiming a setup token failed: {} ({})",
                           model::errorKindName(error->kind).toStdString(), error->detail.toStdString());
            return done(*error);
        }
        logger()->info("simplefin: setup token claimed");
        done(accessUrl);
    });
}

} // namespace coffer::providers::simplefin

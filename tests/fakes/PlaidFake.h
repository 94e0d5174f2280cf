#pragma once

#include "FakeHttpServer.h"

#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace coffer::test {

// Plaid's API (2020-09-14, shared/specs/plaid-openapi-2020-09-14.yml) over real HTTP/1.1 on
// 127.0.0.1, for one app (client id + secret) and one Item (access token) at one institution:
// every call is a POST of a JSON object checked for the PLAID-CLIENT-ID, PLAID-SECRET and
// Plaid-Version headers and the access token, answered with JSON or Plaid's error object.
//
// /accounts/get: three accounts (checking, savings, credit card). /transactions/sync: a change
// log over an in-memory bank of `transactions` records (the Item's history, all "added" on a first
// sync), plus whatever modify()/remove()/add() append; cursors are positions in that log, pages at
// most `count` (1..500, else INVALID_FIELD as Plaid answers). Faults are scripted per request.
//
// Other endpoints (Link, webhooks) register into the same dispatcher with route(), from their own
// files; they can use checkApp(), jsonBody(), error() and the Item's state below.
// Thread affinity: the test's thread; it answers while that thread's event loop runs.
class PlaidFake : public FakeHttpServer {
    Q_OBJECT
public:
    struct Account {
        QString id;
        QString name;
        QString officialName;
        QString type;    // depository, credit
        QString subtype; // checking, savings, credit card
        QString mask;
        QString currency;
        qint64 currentMinor = 0;
        std::optional<qint64> availableMinor;
    };
    struct Transaction {
        QString accountId;
        QString id;
        QDate date;
        std::optional<QDate> authorizedDate;
        qint64 amountMinor = 0; // Plaid's sign: positive is money out of the account
        QString currency;       // iso_currency_code
        QString name;
        QString merchantName;
        QString category; // personal_finance_category.primary
        QString checkNumber;
        bool pending = false;
        QString pendingTransactionId;
    };
    // What a request gets instead of its normal answer.
    struct Fault {
        enum class Kind {
            PlaidError,               // `status` with Plaid's error object `error` (and Retry-After when set)
            Delay,                    // the normal answer after delayMs
            MalformedJson,            // 200 application/json that is not JSON
            TruncatedBody,            // a complete HTTP answer whose JSON stops halfway
            DropMidBody,              // announce the whole body, send half, close the connection
            WrongContentType,         // the normal body as text/html
            HugeBody,                 // a 200 JSON answer of hugeBytes
            HugeAnnounced,            // announces hugeBytes, sends a little, closes
            MutationDuringPagination, // the bank changes (a modify) and the call fails as Plaid's does
        };
        Kind kind = Kind::PlaidError;
        QString endpoint; // only requests to this endpoint ("/transactions/sync"); empty: any
        int skip = 0;     // let this many matching requests through first
        int status = 400;
        QJsonObject error; // for PlaidError: error_type, error_code, display_message...
        QByteArray retryAfter;
        int delayMs = 0;
        qint64 hugeBytes = 20 * 1024 * 1024;
    };
    struct Received {
        FakeHttpServer::Request http;
        QJsonObject body;
        QString endpoint;
    };
    using Handler = std::function<Answer(const Received& request)>;

    // transactions: the size of the Item's history (the benchmark uses 100,000).
    explicit PlaidFake(const QDate& today, int transactions = 120, QObject* parent = nullptr);

    static QString clientId();
    static QString secret();
    QString accessToken() const { return m_accessToken; }
    void setAccessToken(const QString& token) { m_accessToken = token; }
    // The connection's keychain secret: {"client_id","secret","access_token"}.
    QString credentialsJson() const;
    QString itemId() const { return QStringLiteral("item-plaid-fake-1"); }
    QString institutionName() const { return QStringLiteral("First Platypus Bank"); }

    // Adds (or replaces) the handler of an endpoint such as "/link/token/create".
    void route(const QString& endpoint, Handler handler);

    void inject(const Fault& fault, int times = 1);
    // A Plaid error object answer for the next matching request (after `skip` pass).
    void failWith(int status, const QString& type, const QString& code, const QString& displayMessage = {},
                  const QString& endpoint = {}, int skip = 0);
    // While set, every call with the access token answers ITEM_LOGIN_REQUIRED, as for an Item whose
    // bank login changed; Link's update mode clears it.
    void setLoginRequired(bool required) { m_loginRequired = required; }
    bool loginRequired() const { return m_loginRequired; }
    // The Item's transactions_update_status (HISTORICAL_UPDATE_COMPLETE unless set).
    void setUpdateStatus(const QString& status) { m_updateStatus = status; }

    // Bank events, delivered by the next /transactions/sync from an earlier cursor.
    void modify(const QString& transactionId, const std::function<void(Transaction&)>& change);
    void remove(const QString& transactionId);
    void add(const Transaction& transaction);

    const QList<Account>& accounts() const { return m_accounts; }
    // The Item's current transactions, by id (removed ones gone).
    const QHash<QString, Transaction>& transactions() const { return m_current; }
    const QList<Received>& requests() const { return m_requests; }
    int callsTo(const QString& endpoint) const;

    // Helpers for routes: nullopt when the request carries this app's client id, secret and the
    // API version, else Plaid's error answer. jsonBody() parsed the body (empty when not JSON).
    std::optional<Answer> checkApp(const Received& request) const;
    std::optional<Answer> checkAccessToken(const Received& request) const;
    static Answer error(int status, const QString& type, const QString& code, const QString& message,
                        const QString& displayMessage = {});
    static QString requestId();
    static QString amountText(qint64 minor); // "12.34", "-0.05" (two decimals, as Plaid's USD)

protected:
    Answer handle(const FakeHttpServer::Request& request) override;

private:
    enum class Change { Added, Modified, Removed };
    struct Event {
        Change change;
        Transaction snapshot;
    };

    Answer accountsGet(const Received& request);
    Answer transactionsSync(const Received& request);
    std::optional<Fault> takeFault(const QString& endpoint);
    Answer applyFault(const Fault& fault, Answer normal);
    QJsonObject accountJson(const Account& account) const;
    static QJsonObject transactionJson(const Transaction& t);

    QList<Account> m_accounts;
    QHash<QString, Transaction> m_current;
    QList<Event> m_log;
    QHash<QString, Handler> m_routes;
    QList<Fault> m_faults;
    QList<Received> m_requests;
    QString m_accessToken;
    bool m_loginRequired = false;
    QString m_updateStatus = QStringLiteral("HISTORICAL_UPDATE_COMPLETE");
};

} // namespace coffer::test

#pragma once

#include "FakeHttpServer.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace coffer::test {

// A SimpleFIN server (the protocol in docs: POST /claim/:token, GET /accounts with HTTP Basic auth)
// speaking real HTTP/1.1 on 127.0.0.1, over a small in-memory bank: three accounts (one in JPY),
// transactions over the 120 days before `now`, and pending ones with posted 0. Tests script faults
// per request. Thread affinity: the test's thread; it answers while that thread's event loop runs.
class SimpleFinFake : public FakeHttpServer {
    Q_OBJECT
public:
    struct Account {
        QString id;
        QString name;
        QString org;
        QString currency;
        qint64 balanceMinor = 0;
    };
    struct Transaction {
        QString accountId;
        QString id;        // unique within its account only, as the protocol allows
        qint64 posted = 0; // 0 while pending
        qint64 transactedAt = 0;
        qint64 amountMinor = 0; // the protocol's sign: positive is money in
        QString description;
        bool pendingFlag = false; // also sends "pending": true
        bool pending() const { return posted == 0 || pendingFlag; }
    };
    // What the next request gets instead of (or on top of) the normal answer.
    struct Fault {
        enum class Kind {
            Status,        // answer `status` (with Retry-After when retryAfter is set)
            Delay,         // answer normally after delayMs
            TruncatedBody, // a complete HTTP answer whose JSON stops halfway
            DropMidBody,   // announce the whole body, send half, close the connection
            MalformedJson, // 200 with a body that is not JSON
            Rewrite,       // the normal Account Set, edited by rewrite() before it is sent
            HugeBody,      // 200 with 20 MiB of JSON and no Content-Length: it ends when the connection does
            HugeAnnounced, // 200 announcing a 2 GiB body
            WrongType,     // 200 with an HTML page (a captive portal, a maintenance page)
        };
        Kind kind = Kind::Status;
        int status = 500;
        QByteArray retryAfter;
        int delayMs = 0;
        std::function<void(QJsonObject&)> rewrite;
    };
    struct Request : FakeHttpServer::Request {
        bool authorized = false; // sent the access URL's Basic credentials
    };

    explicit SimpleFinFake(const QDateTime& now, QObject* parent = nullptr);

    QString accessUrl() const;  // http://<user>:<password>@127.0.0.1:<port>/simplefin, the current one
    QString setupToken() const; // base64 of the current claim URL; claimable once

    // The user disables Coffer's access at the Bridge: the access URL stops working (403) and a new
    // setup token, for new credentials, is what setupToken() gives from now on.
    void revokeAccess();
    // Revokes the access once `requests` more GET /accounts have been answered (mid-run).
    void revokeAfter(int requests) { m_revokeAfter = requests; }

    void inject(const Fault& fault, int times = 1);
    void failNext(int times, int status, const QByteArray& retryAfter = {});

    const QList<Request>& requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    const QList<Account>& accounts() const { return m_accounts; }
    const QList<Transaction>& transactions() const { return m_transactions; }
    static QString amountText(qint64 minor, const QString& currency);

protected:
    Answer handle(const FakeHttpServer::Request& request) override;

private:
    Answer answer(const Request& request, const Fault* fault);
    QJsonObject accountSet(const QUrlQuery& query) const;

    QDateTime m_now;
    QList<Account> m_accounts;
    QList<Transaction> m_transactions;
    QList<Fault> m_faults;
    QList<Request> m_requests;
    int m_generation = 0; // of the credentials and the setup token; revoking moves it on
    int m_revokeAfter = -1;
    bool m_claimed = false;
};

} // namespace coffer::test

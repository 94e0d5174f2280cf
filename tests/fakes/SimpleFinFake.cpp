#include "SimpleFinFake.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace coffer::test {

namespace {

const QString kRoot = QStringLiteral("/simplefin");
const QString kUser = QStringLiteral("coffer-user");
const QString kPassword = QStringLiteral("s3cret:pass"); // a colon, as Basic auth must cope with
const QString kClaimToken = QStringLiteral("one-time-claim-7f3a");
constexpr qint64 kDay = 24 * 3600;

// Each generation of credentials differs, so an old access URL is told apart from the new one.
QString suffix(int generation)
{
    return generation == 0 ? QString() : QStringLiteral("-%1").arg(generation);
}

} // namespace

SimpleFinFake::SimpleFinFake(const QDateTime& now, QObject* parent)
    : FakeHttpServer(parent)
    , m_now(now)
{
    m_accounts = {{QStringLiteral("ACC-1"), QStringLiteral("Everyday Checking"), QStringLiteral("Example Bank"),
                   QStringLiteral("USD"), 250000},
                  {QStringLiteral("ACC-2"), QStringLiteral("Rainy Day Savings"), QStringLiteral("Example Bank"),
                   QStringLiteral("USD"), 1200000},
                  {QStringLiteral("ACC-3"), QStringLiteral("Tokyo Travel Card"), QStringLiteral("Sakura Bank"),
                   QStringLiteral("JPY"), -48200}};
    const qint64 nowSecs = now.toSecsSinceEpoch();
    for (int k = 0; k < int(m_accounts.size()); ++k) {
        Account& account = m_accounts[k];
        const int step = k == 0 ? 2 : (k == 1 ? 9 : 5);
        int n = 0;
        // Off the hour and minute, so no transaction sits exactly on a window's edge.
        for (int day = 1; day <= 120; day += step) {
            Transaction t;
            t.accountId = account.id;
            t.id = QStringLiteral("T%1").arg(++n, 4, 10, QLatin1Char('0'));
            t.posted = nowSecs - day * kDay - (3 + k) * 3600 - 17 * 60;
            t.transactedAt = t.posted - 2 * 3600;
            const qint64 size =
                account.currency == u"JPY" ? 100 + (day * 37) % 9000 : 100 + (day * 7919 + k * 104729) % 20000;
            t.amountMinor = n % 4 == 0 ? size * 10 : -size; // mostly spending, a deposit now and then
            t.description =
                n % 4 == 0 ? QStringLiteral("DEPOSIT REF %1").arg(n) : QStringLiteral("CARD PURCHASE %1").arg(n);
            m_transactions << t;
        }
        for (int p = 1; p <= 2; ++p) {
            Transaction t;
            t.accountId = account.id;
            t.id = QStringLiteral("P%1").arg(p);
            t.transactedAt = nowSecs - p * kDay + 3600 + k * 60;
            t.amountMinor = -(1234 * p + k);
            t.description = QStringLiteral("PENDING AUTH %1").arg(p);
            t.pendingFlag = p == 2; // one says so outright, the other only by posted == 0
            m_transactions << t;
        }
    }
}

QString SimpleFinFake::accessUrl() const
{
    QUrl url(baseUrl() + kRoot);
    url.setUserName(kUser);
    url.setPassword(kPassword + suffix(m_generation));
    return url.toString();
}

QString SimpleFinFake::setupToken() const
{
    return QString::fromLatin1(
        (baseUrl() + kRoot + QStringLiteral("/claim/") + kClaimToken + suffix(m_generation)).toUtf8().toBase64());
}

void SimpleFinFake::revokeAccess()
{
    ++m_generation;
    m_claimed = false;
    m_revokeAfter = -1;
}

void SimpleFinFake::inject(const Fault& fault, int times)
{
    for (int i = 0; i < times; ++i)
        m_faults << fault;
}

void SimpleFinFake::failNext(int times, int status, const QByteArray& retryAfter)
{
    Fault fault;
    fault.status = status;
    fault.retryAfter = retryAfter;
    inject(fault, times);
}

QString SimpleFinFake::amountText(qint64 minor, const QString& currency)
{
    if (currency == u"JPY")
        return QString::number(minor);
    const QString sign = minor < 0 ? QStringLiteral("-") : QString();
    const qint64 abs = minor < 0 ? -minor : minor;
    return sign + QString::number(abs / 100) + u'.' + QStringLiteral("%1").arg(abs % 100, 2, 10, QLatin1Char('0'));
}

FakeHttpServer::Answer SimpleFinFake::handle(const FakeHttpServer::Request& received)
{
    Request request;
    static_cast<FakeHttpServer::Request&>(request) = received;
    const QByteArray expected = "Basic " + (kUser + u':' + kPassword + suffix(m_generation)).toUtf8().toBase64();
    request.authorized = received.header("Authorization") == expected;
    m_requests << request;
    const std::optional<Fault> fault = m_faults.isEmpty() ? std::nullopt : std::optional<Fault>(m_faults.takeFirst());
    if (fault && fault->kind == Fault::Kind::Delay) {
        Answer delayed = answer(request, nullptr);
        delayed.delayMs = fault->delayMs;
        return delayed;
    }
    Answer out = answer(request, fault ? &*fault : nullptr);
    if (request.authorized && request.method == "GET" && m_revokeAfter > 0 && --m_revokeAfter == 0)
        revokeAccess(); // this answer still goes out; the next request is refused
    return out;
}

FakeHttpServer::Answer SimpleFinFake::answer(const Request& request, const Fault* fault)
{
    if (fault && fault->kind == Fault::Kind::Status) {
        Answer failure = Answer::json(
            fault->status, QJsonObject{{QStringLiteral("errors"), QJsonArray{QStringLiteral("scripted failure")}},
                                       {QStringLiteral("accounts"), QJsonArray()}});
        if (!fault->retryAfter.isEmpty())
            failure.withHeader("Retry-After", fault->retryAfter);
        return failure;
    }
    if (request.method == "POST" &&
        request.path == kRoot + QStringLiteral("/claim/") + kClaimToken + suffix(m_generation)) {
        if (m_claimed)
            return Answer::text(403, "Forbidden");
        m_claimed = true;
        return Answer::text(200, accessUrl().toUtf8());
    }
    if (request.method == "POST" && request.path.startsWith(kRoot + QStringLiteral("/claim/")))
        return Answer::text(403, "Forbidden");
    if (request.method != "GET" || request.path != kRoot + QStringLiteral("/accounts"))
        return Answer::text(404, "Not Found");
    if (!request.authorized)
        return Answer::text(403, "Forbidden"); // the protocol's "authentication failed"

    QJsonObject set = accountSet(request.query);
    if (fault && fault->kind == Fault::Kind::Rewrite)
        fault->rewrite(set);
    Answer normal = Answer::json(200, set);
    if (fault && fault->kind == Fault::Kind::TruncatedBody)
        normal.body.truncate(normal.body.size() / 2);
    if (fault && fault->kind == Fault::Kind::DropMidBody)
        normal.dropMidBody = true;
    if (fault && fault->kind == Fault::Kind::MalformedJson)
        normal.body = R"({"errors": [], "accounts": [{"id": "ACC-1", "name": 'Everyday Checking'}]})";
    if (fault && fault->kind == Fault::Kind::HugeBody) {
        // Valid JSON all the way: only its size is wrong.
        normal.body = R"({"errors": [], "padding": ")" + QByteArray(20 * 1024 * 1024, 'x') + R"(", "accounts": []})";
        normal.omitLength = true;
    }
    if (fault && fault->kind == Fault::Kind::HugeAnnounced)
        normal.announcedLength = qsizetype(2) * 1024 * 1024 * 1024;
    if (fault && fault->kind == Fault::Kind::WrongType) {
        normal.body = "<html><body>Down for maintenance</body></html>";
        normal.contentType = "text/html; charset=utf-8";
    }
    return normal;
}

QJsonObject SimpleFinFake::accountSet(const QUrlQuery& query) const
{
    const auto number = [&query](const QString& key, qint64 fallback) {
        bool ok = false;
        const qint64 v = query.queryItemValue(key).toLongLong(&ok);
        return ok ? v : fallback;
    };
    const qint64 start = number(QStringLiteral("start-date"), 0);
    const qint64 end = number(QStringLiteral("end-date"), std::numeric_limits<qint64>::max());
    const bool withPending = query.queryItemValue(QStringLiteral("pending")) == u"1";
    const bool balancesOnly = query.queryItemValue(QStringLiteral("balances-only")) == u"1";
    const QStringList only = query.allQueryItemValues(QStringLiteral("account"));

    QJsonArray accounts;
    for (const Account& a : m_accounts) {
        if (!only.isEmpty() && !only.contains(a.id))
            continue;
        QJsonObject account{
            {QStringLiteral("org"),
             QJsonObject{{QStringLiteral("name"), a.org},
                         {QStringLiteral("domain"), QString(a.org.toLower().remove(u' ') + QStringLiteral(".test"))},
                         {QStringLiteral("sfin-url"), QString(baseUrl() + kRoot)}}},
            {QStringLiteral("id"), a.id},
            {QStringLiteral("name"), a.name},
            {QStringLiteral("currency"), a.currency},
            {QStringLiteral("balance"), amountText(a.balanceMinor, a.currency)},
            {QStringLiteral("balance-date"), m_now.toSecsSinceEpoch()}};
        if (!balancesOnly) {
            QJsonArray list;
            for (const Transaction& t : m_transactions) {
                // A pending transaction has no posted date: the server files it by when it happened.
                const qint64 at = t.posted != 0 ? t.posted : t.transactedAt;
                if (t.accountId != a.id || at < start || at >= end || (t.pending() && !withPending))
                    continue;
                QJsonObject record{{QStringLiteral("id"), t.id},
                                   {QStringLiteral("posted"), t.posted},
                                   {QStringLiteral("amount"), amountText(t.amountMinor, a.currency)},
                                   {QStringLiteral("description"), t.description},
                                   {QStringLiteral("transacted_at"), t.transactedAt}};
                if (t.pendingFlag)
                    record.insert(QStringLiteral("pending"), true);
                list << record;
            }
            account.insert(QStringLiteral("transactions"), list);
        }
        accounts << account;
    }
    return QJsonObject{{QStringLiteral("errors"), QJsonArray()}, {QStringLiteral("accounts"), accounts}};
}

} // namespace coffer::test

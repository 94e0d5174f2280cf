#include "PlaidFake.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

#include <algorithm>
#include <array>

namespace coffer::test {

namespace {

const QString kClientId = QStringLiteral("5f0c-fake-client-id");
const QString kSecret = QStringLiteral("fake-secret-0b8e4c2d");
const QString kSyncEndpoint = QStringLiteral("/transactions/sync");
const QString kAccountsEndpoint = QStringLiteral("/accounts/get");
constexpr int kMaxCount = 500;

QJsonValue dateOrNull(const std::optional<QDate>& date)
{
    return date ? QJsonValue(date->toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

// Plaid's amounts are JSON numbers with two decimals: minor / 100 prints exactly that way.
QJsonValue amountValue(qint64 minor)
{
    return double(minor) / 100.0;
}

QString cursorAt(qsizetype position)
{
    return QString::fromLatin1(QByteArray("plaid-fake:" + QByteArray::number(position)).toBase64());
}

std::optional<qsizetype> positionOf(const QString& cursor)
{
    if (cursor.isEmpty())
        return 0;
    const QByteArray text = QByteArray::fromBase64(cursor.toLatin1());
    if (!text.startsWith("plaid-fake:"))
        return std::nullopt;
    bool ok = false;
    const qsizetype position = text.mid(11).toLongLong(&ok);
    return ok && position >= 0 ? std::optional<qsizetype>(position) : std::nullopt;
}

} // namespace

PlaidFake::PlaidFake(const QDate& today, int transactions, QObject* parent)
    : FakeHttpServer(parent)
    , m_accessToken(QStringLiteral("access-sandbox-fake-7d1c9a"))
{
    m_accounts = {{QStringLiteral("acc-checking-0000"), QStringLiteral("Plaid Checking"),
                   QStringLiteral("Plaid Gold Standard 0% Interest Checking"), QStringLiteral("depository"),
                   QStringLiteral("checking"), QStringLiteral("0000"), QStringLiteral("USD"), 11000, 10000},
                  {QStringLiteral("acc-savings-1111"), QStringLiteral("Plaid Saving"),
                   QStringLiteral("Plaid Silver Standard 0.1% Interest Saving"), QStringLiteral("depository"),
                   QStringLiteral("savings"), QStringLiteral("1111"), QStringLiteral("USD"), 21000, 20000},
                  {QStringLiteral("acc-credit-3333"), QStringLiteral("Plaid Credit Card"),
                   QStringLiteral("Plaid Diamond 12.5% APR Interest Credit Card"), QStringLiteral("credit"),
                   QStringLiteral("credit card"), QStringLiteral("3333"), QStringLiteral("USD"), 41000, std::nullopt}};
    static const std::array<const char*, 6> kMerchants{"Starbucks", "Uber", "Costco", "Shell", "Netflix", "Target"};
    static const std::array<const char*, 6> kCategories{"FOOD_AND_DRINK", "TRANSPORTATION", "GENERAL_MERCHANDISE",
                                                        "TRANSPORTATION", "ENTERTAINMENT",  "GENERAL_MERCHANDISE"};
    const int days = 730;
    for (int i = 0; i < transactions; ++i) {
        Transaction t;
        const int pick = i % 5;
        t.accountId = m_accounts[pick < 3 ? 0 : (pick == 3 ? 1 : 2)].id;
        t.id = QStringLiteral("tx-%1").arg(i, 7, 10, QLatin1Char('0'));
        t.date = today.addDays(-qint64(days) * (transactions - 1 - i) / std::max(transactions, 1));
        t.authorizedDate = t.date.addDays(-(i % 3));
        t.currency = QStringLiteral("USD");
        const auto m = size_t(i) % kMerchants.size();
        if (i % 7 == 3) { // a deposit now and then: money in, negative in Plaid's convention
            t.amountMinor = -(100000 + (i * 7919) % 250000);
            t.name = QStringLiteral("PAYROLL DEPOSIT %1").arg(i);
            t.category = QStringLiteral("INCOME");
        } else if (t.accountId == m_accounts[0].id && i % 40 == 0) {
            t.checkNumber = QString::number(1000 + i / 40);
            t.amountMinor = 5000 + (i * 31) % 90000;
            t.name = QStringLiteral("CHECK %1").arg(t.checkNumber);
            t.category = QStringLiteral("GENERAL_SERVICES");
        } else {
            t.amountMinor = 100 + (i * 7919) % 20000;
            t.merchantName = QString::fromLatin1(kMerchants[m]);
            t.name = QStringLiteral("POS DEBIT %1 #%2").arg(t.merchantName.toUpper()).arg(i);
            t.category = QString::fromLatin1(kCategories[m]);
        }
        t.pending = i >= transactions - 2; // the newest are still pending
        m_current.insert(t.id, t);
        m_log.append({Change::Added, t});
    }
    route(kAccountsEndpoint, [this](const Received& r) { return accountsGet(r); });
    route(kSyncEndpoint, [this](const Received& r) { return transactionsSync(r); });
}

QString PlaidFake::clientId()
{
    return kClientId;
}

QString PlaidFake::secret()
{
    return kSecret;
}

QString PlaidFake::credentialsJson() const
{
    const QJsonObject object{{QStringLiteral("client_id"), kClientId},
                             {QStringLiteral("secret"), kSecret},
                             {QStringLiteral("access_token"), m_accessToken}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void PlaidFake::route(const QString& endpoint, Handler handler)
{
    m_routes.insert(endpoint, std::move(handler));
}

void PlaidFake::inject(const Fault& fault, int times)
{
    for (int i = 0; i < times; ++i)
        m_faults << fault;
}

void PlaidFake::failWith(int status, const QString& type, const QString& code, const QString& displayMessage,
                         const QString& endpoint, int skip)
{
    Fault fault;
    fault.status = status;
    fault.endpoint = endpoint;
    fault.skip = skip;
    fault.error = QJsonObject{{QStringLiteral("error_type"), type},
                              {QStringLiteral("error_code"), code},
                              {QStringLiteral("error_message"), QStringLiteral("scripted %1").arg(code)},
                              {QStringLiteral("display_message"), textOrNull(displayMessage)}};
    inject(fault);
}

void PlaidFake::modify(const QString& transactionId, const std::function<void(Transaction&)>& change)
{
    auto it = m_current.find(transactionId);
    if (it == m_current.end())
        return;
    change(*it);
    m_log.append({Change::Modified, *it});
}

void PlaidFake::remove(const QString& transactionId)
{
    const auto it = m_current.constFind(transactionId);
    if (it == m_current.cend())
        return;
    m_log.append({Change::Removed, *it});
    m_current.erase(it);
}

void PlaidFake::add(const Transaction& transaction)
{
    m_current.insert(transaction.id, transaction);
    m_log.append({Change::Added, transaction});
}

int PlaidFake::callsTo(const QString& endpoint) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(),
                             [&endpoint](const Received& r) { return r.endpoint == endpoint; }));
}

QString PlaidFake::requestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).left(15);
}

QString PlaidFake::amountText(qint64 minor)
{
    const qint64 abs = minor < 0 ? -minor : minor;
    return (minor < 0 ? QStringLiteral("-") : QString()) + QString::number(abs / 100) + u'.' +
           QStringLiteral("%1").arg(abs % 100, 2, 10, QLatin1Char('0'));
}

FakeHttpServer::Answer PlaidFake::error(int status, const QString& type, const QString& code, const QString& message,
                                        const QString& displayMessage)
{
    return Answer::json(status, QJsonObject{{QStringLiteral("error_type"), type},
                                            {QStringLiteral("error_code"), code},
                                            {QStringLiteral("error_message"), message},
                                            {QStringLiteral("display_message"), textOrNull(displayMessage)},
                                            {QStringLiteral("request_id"), requestId()}});
}

std::optional<FakeHttpServer::Answer> PlaidFake::checkApp(const Received& request) const
{
    const QByteArray client = request.http.header("PLAID-CLIENT-ID");
    const QByteArray secret = request.http.header("PLAID-SECRET");
    if (client.isEmpty() || secret.isEmpty())
        return error(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("MISSING_FIELDS"),
                     QStringLiteral("the following required fields are missing: client_id, secret"));
    if (client != kClientId.toUtf8() || secret != kSecret.toUtf8())
        return error(400, QStringLiteral("INVALID_INPUT"), QStringLiteral("INVALID_API_KEYS"),
                     QStringLiteral("invalid client_id or secret provided"));
    if (request.http.header("Plaid-Version") != "2020-09-14")
        return error(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("INVALID_HEADERS"),
                     QStringLiteral("Plaid-Version header must be 2020-09-14"));
    return std::nullopt;
}

std::optional<FakeHttpServer::Answer> PlaidFake::checkAccessToken(const Received& request) const
{
    const QJsonValue token = request.body.value(QStringLiteral("access_token"));
    if (!token.isString() || token.toString().isEmpty())
        return error(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("MISSING_FIELDS"),
                     QStringLiteral("the following required fields are missing: access_token"));
    if (token.toString() != m_accessToken)
        return error(400, QStringLiteral("INVALID_INPUT"), QStringLiteral("INVALID_ACCESS_TOKEN"),
                     QStringLiteral("provided access token is invalid"));
    if (m_loginRequired)
        return error(400, QStringLiteral("ITEM_ERROR"), QStringLiteral("ITEM_LOGIN_REQUIRED"),
                     QStringLiteral("the login details of this item have changed (credentials, MFA, or required user "
                                    "action) and a user login is required to update this information. use Link's "
                                    "update mode to restore the item to a good state"));
    return std::nullopt;
}

FakeHttpServer::Answer PlaidFake::handle(const FakeHttpServer::Request& request)
{
    Received received{request, QJsonDocument::fromJson(request.body).object(), request.path};
    m_requests << received;
    if (request.method != "POST")
        return error(405, QStringLiteral("INVALID_REQUEST"), QStringLiteral("INVALID_HTTP_METHOD"),
                     QStringLiteral("only POST is supported"));
    if (!request.header("Content-Type").startsWith("application/json") ||
        !QJsonDocument::fromJson(request.body).isObject())
        return error(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("INVALID_BODY"),
                     QStringLiteral("body could not be parsed as JSON"));
    const auto route = m_routes.constFind(request.path);
    if (route == m_routes.cend())
        return error(404, QStringLiteral("INVALID_REQUEST"), QStringLiteral("NOT_FOUND"),
                     QStringLiteral("unknown endpoint"));
    if (auto refused = checkApp(received))
        return *refused;
    std::optional<Fault> fault = takeFault(request.path);
    if (fault && fault->kind == Fault::Kind::MutationDuringPagination) {
        if (!m_current.isEmpty()) { // the bank changes something while Coffer pages
            const QString id = m_current.constBegin().key();
            modify(id, [](Transaction& t) { t.name += QStringLiteral(" (CORRECTED)"); });
        }
        fault->kind = Fault::Kind::PlaidError;
        fault->status = 400;
        fault->error = QJsonObject{
            {QStringLiteral("error_type"), QStringLiteral("TRANSACTIONS_ERROR")},
            {QStringLiteral("error_code"), QStringLiteral("TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION")},
            {QStringLiteral("error_message"), QStringLiteral("Underlying transaction data changed since last page "
                                                             "was fetched. Please restart pagination from last "
                                                             "update.")},
            {QStringLiteral("display_message"), QJsonValue(QJsonValue::Null)}};
    }
    if (fault && fault->kind == Fault::Kind::PlaidError) {
        QJsonObject body = fault->error;
        body.insert(QStringLiteral("request_id"), requestId());
        Answer failure = Answer::json(fault->status, body);
        if (!fault->retryAfter.isEmpty())
            failure.withHeader("Retry-After", fault->retryAfter);
        return failure;
    }
    Answer normal = (*route)(received);
    return fault ? applyFault(*fault, std::move(normal)) : normal;
}

std::optional<PlaidFake::Fault> PlaidFake::takeFault(const QString& endpoint)
{
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault& fault = m_faults[i];
        if (!fault.endpoint.isEmpty() && fault.endpoint != endpoint)
            continue;
        if (fault.skip > 0) {
            --fault.skip;
            return std::nullopt;
        }
        return m_faults.takeAt(i);
    }
    return std::nullopt;
}

FakeHttpServer::Answer PlaidFake::applyFault(const Fault& fault, Answer normal)
{
    switch (fault.kind) {
    case Fault::Kind::Delay:
        normal.delayMs = fault.delayMs;
        break;
    case Fault::Kind::MalformedJson:
        normal.body = R"({"accounts": [], "added": [{"transaction_id": 'tx-1', "amount": 12.5}], "has_more": false)";
        break;
    case Fault::Kind::TruncatedBody:
        normal.body.truncate(normal.body.size() / 2);
        break;
    case Fault::Kind::DropMidBody:
        normal.dropMidBody = true;
        break;
    case Fault::Kind::WrongContentType:
        normal.contentType = "text/html; charset=utf-8";
        break;
    case Fault::Kind::HugeBody:
        normal.body = R"({"padding": ")" + QByteArray(fault.hugeBytes, 'x') + R"("})";
        break;
    case Fault::Kind::HugeAnnounced:
        normal.announcedLength = fault.hugeBytes;
        normal.body = normal.body.left(64);
        break;
    case Fault::Kind::PlaidError:
    case Fault::Kind::MutationDuringPagination:
        break;
    }
    return normal;
}

QJsonObject PlaidFake::accountJson(const Account& account) const
{
    return QJsonObject{
        {QStringLiteral("account_id"), account.id},
        {QStringLiteral("balances"),
         QJsonObject{{QStringLiteral("available"),
                      account.availableMinor ? amountValue(*account.availableMinor) : QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("current"), amountValue(account.currentMinor)},
                     {QStringLiteral("iso_currency_code"), account.currency},
                     {QStringLiteral("limit"), QJsonValue(QJsonValue::Null)},
                     {QStringLiteral("unofficial_currency_code"), QJsonValue(QJsonValue::Null)}}},
        {QStringLiteral("mask"), account.mask},
        {QStringLiteral("name"), account.name},
        {QStringLiteral("official_name"), account.officialName},
        {QStringLiteral("type"), account.type},
        {QStringLiteral("subtype"), account.subtype}};
}

QJsonObject PlaidFake::transactionJson(const Transaction& t)
{
    return QJsonObject{{QStringLiteral("account_id"), t.accountId},
                       {QStringLiteral("transaction_id"), t.id},
                       {QStringLiteral("amount"), amountValue(t.amountMinor)},
                       {QStringLiteral("iso_currency_code"), textOrNull(t.currency)},
                       {QStringLiteral("unofficial_currency_code"), QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("date"), t.date.toString(Qt::ISODate)},
                       {QStringLiteral("authorized_date"), dateOrNull(t.authorizedDate)},
                       {QStringLiteral("datetime"), QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("authorized_datetime"), QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("name"), t.name},
                       {QStringLiteral("merchant_name"), textOrNull(t.merchantName)},
                       {QStringLiteral("check_number"), textOrNull(t.checkNumber)},
                       {QStringLiteral("pending"), t.pending},
                       {QStringLiteral("pending_transaction_id"), textOrNull(t.pendingTransactionId)},
                       {QStringLiteral("payment_channel"),
                        t.merchantName.isEmpty() ? QStringLiteral("other") : QStringLiteral("in store")},
                       {QStringLiteral("personal_finance_category"),
                        t.category.isEmpty()
                            ? QJsonValue(QJsonValue::Null)
                            : QJsonValue(QJsonObject{{QStringLiteral("primary"), t.category},
                                                     {QStringLiteral("detailed"), QString(t.category + u"_OTHER")},
                                                     {QStringLiteral("confidence_level"), QStringLiteral("HIGH")}})},
                       {QStringLiteral("transaction_code"), QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("account_owner"), QJsonValue(QJsonValue::Null)}};
}

FakeHttpServer::Answer PlaidFake::accountsGet(const Received& request)
{
    if (auto refused = checkAccessToken(request))
        return *refused;
    QJsonArray accounts;
    for (const Account& a : m_accounts)
        accounts << accountJson(a);
    return Answer::json(200, QJsonObject{{QStringLiteral("accounts"), accounts},
                                         {QStringLiteral("item"),
                                          QJsonObject{{QStringLiteral("item_id"), itemId()},
                                                      {QStringLiteral("institution_id"), QStringLiteral("ins_109508")},
                                                      {QStringLiteral("institution_name"), institutionName()},
                                                      {QStringLiteral("webhook"), QString()},
                                                      {QStringLiteral("error"), QJsonValue(QJsonValue::Null)}}},
                                         {QStringLiteral("request_id"), requestId()}});
}

FakeHttpServer::Answer PlaidFake::transactionsSync(const Received& request)
{
    if (auto refused = checkAccessToken(request))
        return *refused;
    const QJsonValue countValue = request.body.value(QStringLiteral("count"));
    const int count = countValue.isUndefined() ? 100 : countValue.toInt(-1);
    if (count < 1 || count > kMaxCount)
        return error(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("INVALID_FIELD"),
                     QStringLiteral("count must be between 1 and 500"));
    const auto start = positionOf(request.body.value(QStringLiteral("cursor")).toString());
    if (!start || *start > m_log.size())
        return error(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("INVALID_FIELD"),
                     QStringLiteral("cursor is not valid"));
    const qsizetype end = std::min<qsizetype>(*start + count, m_log.size());
    QJsonArray added;
    QJsonArray modified;
    QJsonArray removed;
    for (qsizetype i = *start; i < end; ++i) {
        const Event& event = m_log[i];
        if (event.change == Change::Added)
            added << transactionJson(event.snapshot);
        else if (event.change == Change::Modified)
            modified << transactionJson(event.snapshot);
        else
            removed << QJsonObject{{QStringLiteral("account_id"), event.snapshot.accountId},
                                   {QStringLiteral("transaction_id"), event.snapshot.id}};
    }
    QJsonArray accounts;
    for (const Account& a : m_accounts)
        accounts << accountJson(a);
    return Answer::json(200, QJsonObject{{QStringLiteral("transactions_update_status"), m_updateStatus},
                                         {QStringLiteral("accounts"), accounts},
                                         {QStringLiteral("added"), added},
                                         {QStringLiteral("modified"), modified},
                                         {QStringLiteral("removed"), removed},
                                         {QStringLiteral("next_cursor"), cursorAt(end)},
                                         {QStringLiteral("has_more"), end < m_log.size()},
                                         {QStringLiteral("request_id"), requestId()}});
}

} // namespace coffer::test

#include "PlaidFakeLink.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>
#include <QUuid>

namespace coffer::test {

namespace {

using Answer = PlaidFake::Answer;

constexpr qint64 kLinkLifetimeSeconds = 30 * 60; // Hosted Link's default URL (and token) lifetime
const QString kInstitutionId = QStringLiteral("ins_109508");

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString timestamp(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODate);
}

// Plaid refuses fields its API does not define (UNKNOWN_FIELDS) and missing required ones.
std::optional<Answer> checkFields(const QJsonObject& body, const QSet<QString>& known, const QStringList& required)
{
    QStringList unknown;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!known.contains(it.key()))
            unknown << it.key();
    }
    if (!unknown.isEmpty())
        return PlaidFake::error(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("UNKNOWN_FIELDS"),
                                QStringLiteral("the following fields are not recognized by this endpoint: ") +
                                    unknown.join(QStringLiteral(", ")));
    QStringList missing;
    for (const QString& field : required) {
        if (!body.contains(field) || body.value(field).isNull())
            missing << field;
    }
    if (!missing.isEmpty())
        return PlaidFake::error(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("MISSING_FIELDS"),
                                QStringLiteral("the following required fields are missing: ") +
                                    missing.join(QStringLiteral(", ")));
    return std::nullopt;
}

QSet<QString> fieldSet(const QStringList& names)
{
    return QSet<QString>(names.begin(), names.end());
}

const QSet<QString> kCreateFields = fieldSet({QStringLiteral("client_id"),
                                              QStringLiteral("secret"),
                                              QStringLiteral("client_name"),
                                              QStringLiteral("language"),
                                              QStringLiteral("country_codes"),
                                              QStringLiteral("user"),
                                              QStringLiteral("user_id"),
                                              QStringLiteral("products"),
                                              QStringLiteral("required_if_supported_products"),
                                              QStringLiteral("optional_products"),
                                              QStringLiteral("additional_consented_products"),
                                              QStringLiteral("webhook"),
                                              QStringLiteral("access_token"),
                                              QStringLiteral("link_customization_name"),
                                              QStringLiteral("redirect_uri"),
                                              QStringLiteral("account_filters"),
                                              QStringLiteral("update"),
                                              QStringLiteral("hosted_link"),
                                              QStringLiteral("transactions"),
                                              QStringLiteral("user_token")});
const QSet<QString> kCountryCodes = fieldSet(
    {QStringLiteral("US"), QStringLiteral("GB"), QStringLiteral("ES"), QStringLiteral("NL"), QStringLiteral("FR"),
     QStringLiteral("IE"), QStringLiteral("CA"), QStringLiteral("DE"), QStringLiteral("IT"), QStringLiteral("PL"),
     QStringLiteral("DK"), QStringLiteral("NO"), QStringLiteral("SE"), QStringLiteral("EE"), QStringLiteral("LT"),
     QStringLiteral("LV"), QStringLiteral("PT"), QStringLiteral("BE"), QStringLiteral("AT"), QStringLiteral("FI")});

Answer invalidField(const QString& message)
{
    return PlaidFake::error(400, QStringLiteral("INVALID_REQUEST"), QStringLiteral("INVALID_FIELD"), message);
}

} // namespace

PlaidFakeLink::PlaidFakeLink(PlaidFake& fake, const QDateTime& now)
    : m_fake(fake)
    , m_now(now)
{
    m_fake.route(QStringLiteral("/link/token/create"), [this](const PlaidFake::Received& r) { return create(r); });
    m_fake.route(QStringLiteral("/link/token/get"), [this](const PlaidFake::Received& r) { return get(r); });
    m_fake.route(QStringLiteral("/item/public_token/exchange"),
                 [this](const PlaidFake::Received& r) { return exchange(r); });
    m_fake.route(QStringLiteral("/sandbox/public_token/create"),
                 [this](const PlaidFake::Received& r) { return sandboxCreate(r); });
    m_fake.route(QStringLiteral("/item/webhook/update"),
                 [this](const PlaidFake::Received& r) { return webhookUpdate(r); });
}

QString PlaidFakeLink::linkTokenOf(const QString& hostedLinkUrl)
{
    const QString path = QUrl(hostedLinkUrl).path();
    return path.startsWith(kHostedLinkPath) ? path.mid(kHostedLinkPath.size()) : QString();
}

QString PlaidFakeLink::issuePublicToken(const QJsonValue& webhook)
{
    const QString token = QStringLiteral("public-sandbox-") + uuid();
    m_publicTokens.insert(token, webhook);
    return token;
}

void PlaidFakeLink::completeLink(const QString& linkToken)
{
    auto it = m_links.find(linkToken);
    if (it == m_links.end())
        return;
    it->started = true;
    it->finished = true;
    it->publicToken = issuePublicToken(it->request.value(QStringLiteral("webhook")));
}

void PlaidFakeLink::exitLink(const QString& linkToken, const QString& displayMessage)
{
    auto it = m_links.find(linkToken);
    if (it == m_links.end())
        return;
    it->started = true;
    it->finished = true;
    it->exited = true;
    it->exitMessage = displayMessage;
}

Answer PlaidFakeLink::create(const PlaidFake::Received& request)
{
    if (auto refused = m_fake.checkApp(request))
        return *refused;
    const QJsonObject& body = request.body;
    if (auto refused =
            checkFields(body, kCreateFields,
                        {QStringLiteral("client_name"), QStringLiteral("language"), QStringLiteral("country_codes")}))
        return *refused;
    const QJsonArray countries = body.value(QStringLiteral("country_codes")).toArray();
    if (countries.isEmpty())
        return invalidField(QStringLiteral("country_codes must contain at least one country"));
    for (const QJsonValue& c : countries) {
        if (!kCountryCodes.contains(c.toString()))
            return invalidField(QStringLiteral("country_codes contains an unsupported country: ") + c.toString());
    }
    if (body.value(QStringLiteral("user")).toObject().value(QStringLiteral("client_user_id")).toString().isEmpty())
        return invalidField(QStringLiteral("user.client_user_id must be a non-empty string"));
    const bool update = body.contains(QStringLiteral("access_token"));
    if (update) {
        if (body.value(QStringLiteral("access_token")).toString() != m_fake.accessToken())
            return PlaidFake::error(400, QStringLiteral("INVALID_INPUT"), QStringLiteral("INVALID_ACCESS_TOKEN"),
                                    QStringLiteral("provided access token is in an invalid format"));
    } else if (body.value(QStringLiteral("products")).toArray().isEmpty()) {
        return invalidField(QStringLiteral("products must contain at least one product"));
    }
    Link link;
    link.request = body;
    link.createdAt = m_now;
    link.expiresAt = m_now.addSecs(kLinkLifetimeSeconds);
    const QString token = QStringLiteral("link-sandbox-") + uuid();
    m_links.insert(token, link);
    m_lastLinkToken = token;
    QJsonObject answer{{QStringLiteral("link_token"), token},
                       {QStringLiteral("expiration"), timestamp(link.expiresAt)},
                       {QStringLiteral("request_id"), PlaidFake::requestId()}};
    if (body.value(QStringLiteral("hosted_link")).isObject())
        answer.insert(QStringLiteral("hosted_link_url"), QString(m_fake.baseUrl() + kHostedLinkPath + token));
    return Answer::json(200, answer);
}

QJsonObject PlaidFakeLink::session(const QString& linkToken, const Link& link) const
{
    QJsonObject s{{QStringLiteral("link_session_id"), QString(QStringLiteral("session-") + linkToken.right(12))},
                  {QStringLiteral("started_at"), timestamp(link.createdAt)},
                  {QStringLiteral("finished_at"),
                   link.finished ? QJsonValue(timestamp(link.createdAt.addSecs(60))) : QJsonValue(QJsonValue::Null)},
                  {QStringLiteral("events"), QJsonArray{}}};
    if (link.exited) {
        QJsonValue error = QJsonValue::Null;
        if (!link.exitMessage.isEmpty())
            error = QJsonObject{{QStringLiteral("error_type"), QStringLiteral("ITEM_ERROR")},
                                {QStringLiteral("error_code"), QStringLiteral("INVALID_CREDENTIALS")},
                                {QStringLiteral("error_message"), QStringLiteral("the credentials were not correct")},
                                {QStringLiteral("display_message"), link.exitMessage}};
        s.insert(
            QStringLiteral("exit"),
            QJsonObject{{QStringLiteral("error"), error},
                        {QStringLiteral("metadata"),
                         QJsonObject{{QStringLiteral("status"), QStringLiteral("requires_credentials")},
                                     {QStringLiteral("link_session_id"), s.value(QStringLiteral("link_session_id"))},
                                     {QStringLiteral("request_id"), PlaidFake::requestId()}}}});
        return s;
    }
    if (link.publicToken.isEmpty())
        return s;
    QJsonArray accounts;
    for (const PlaidFake::Account& a : m_fake.accounts())
        accounts.append(QJsonObject{{QStringLiteral("id"), a.id},
                                    {QStringLiteral("name"), a.name},
                                    {QStringLiteral("mask"), a.mask},
                                    {QStringLiteral("type"), a.type},
                                    {QStringLiteral("subtype"), a.subtype},
                                    {QStringLiteral("verification_status"), QJsonValue::Null},
                                    {QStringLiteral("class_type"), QJsonValue::Null}});
    const QJsonObject institution{{QStringLiteral("name"), m_fake.institutionName()},
                                  {QStringLiteral("institution_id"), kInstitutionId}};
    s.insert(QStringLiteral("results"),
             QJsonObject{{QStringLiteral("item_add_results"),
                          QJsonArray{QJsonObject{{QStringLiteral("public_token"), link.publicToken},
                                                 {QStringLiteral("accounts"), accounts},
                                                 {QStringLiteral("institution"), institution}}}},
                         {QStringLiteral("cra_item_add_results"), QJsonArray{}},
                         {QStringLiteral("cra_update_results"), QJsonArray{}},
                         {QStringLiteral("bank_income_results"), QJsonArray{}},
                         {QStringLiteral("payroll_income_results"), QJsonArray{}},
                         {QStringLiteral("document_income_results"), QJsonValue::Null}});
    return s;
}

Answer PlaidFakeLink::get(const PlaidFake::Received& request)
{
    if (auto refused = m_fake.checkApp(request))
        return *refused;
    if (auto refused =
            checkFields(request.body,
                        fieldSet({QStringLiteral("client_id"), QStringLiteral("secret"), QStringLiteral("link_token")}),
                        {QStringLiteral("link_token")}))
        return *refused;
    const QString token = request.body.value(QStringLiteral("link_token")).toString();
    const auto it = m_links.constFind(token);
    if (it == m_links.constEnd())
        return PlaidFake::error(400, QStringLiteral("INVALID_INPUT"), QStringLiteral("INVALID_LINK_TOKEN"),
                                QStringLiteral("provided link token is in an invalid format"));
    const QJsonObject& created = it->request;
    QJsonArray sessions;
    if (it->started)
        sessions.append(session(token, *it));
    return Answer::json(
        200, QJsonObject{
                 {QStringLiteral("link_token"), token},
                 {QStringLiteral("created_at"), timestamp(it->createdAt)},
                 {QStringLiteral("expiration"), timestamp(it->expiresAt)},
                 {QStringLiteral("link_sessions"), sessions},
                 {QStringLiteral("metadata"),
                  QJsonObject{{QStringLiteral("initial_products"), created.value(QStringLiteral("products")).toArray()},
                              {QStringLiteral("webhook"), QJsonValue::Null},
                              {QStringLiteral("country_codes"), created.value(QStringLiteral("country_codes"))},
                              {QStringLiteral("language"), created.value(QStringLiteral("language"))},
                              {QStringLiteral("redirect_uri"), QJsonValue::Null},
                              {QStringLiteral("client_name"), created.value(QStringLiteral("client_name"))}}},
                 {QStringLiteral("request_id"), PlaidFake::requestId()}});
}

Answer PlaidFakeLink::exchange(const PlaidFake::Received& request)
{
    if (auto refused = m_fake.checkApp(request))
        return *refused;
    if (auto refused = checkFields(
            request.body,
            fieldSet({QStringLiteral("client_id"), QStringLiteral("secret"), QStringLiteral("public_token")}),
            {QStringLiteral("public_token")}))
        return *refused;
    const QString token = request.body.value(QStringLiteral("public_token")).toString();
    const auto issued = m_publicTokens.constFind(token);
    if (issued == m_publicTokens.constEnd()) // single use
        return PlaidFake::error(400, QStringLiteral("INVALID_INPUT"), QStringLiteral("INVALID_PUBLIC_TOKEN"),
                                QStringLiteral("provided public token is expired. Public tokens expire 30 minutes "
                                               "after creation at which point they can no longer be exchanged"));
    if (issued->isString())
        m_itemWebhooks.insert(m_fake.itemId(), *issued);
    m_publicTokens.erase(issued);
    ++m_exchanges;
    // The Item gets a new access token; the fake requires it from now on.
    m_fake.setAccessToken(QStringLiteral("access-sandbox-") + uuid());
    return Answer::json(200, QJsonObject{{QStringLiteral("access_token"), m_fake.accessToken()},
                                         {QStringLiteral("item_id"), m_fake.itemId()},
                                         {QStringLiteral("request_id"), PlaidFake::requestId()}});
}

Answer PlaidFakeLink::sandboxCreate(const PlaidFake::Received& request)
{
    if (auto refused = m_fake.checkApp(request))
        return *refused;
    if (auto refused =
            checkFields(request.body,
                        fieldSet({QStringLiteral("client_id"), QStringLiteral("secret"),
                                  QStringLiteral("institution_id"), QStringLiteral("initial_products"),
                                  QStringLiteral("options"), QStringLiteral("user_token"), QStringLiteral("user_id")}),
                        {QStringLiteral("institution_id"), QStringLiteral("initial_products")}))
        return *refused;
    if (request.body.value(QStringLiteral("institution_id")).toString() != kInstitutionId)
        return PlaidFake::error(400, QStringLiteral("INVALID_INPUT"), QStringLiteral("INVALID_INSTITUTION"),
                                QStringLiteral("invalid institution_id provided"));
    if (request.body.value(QStringLiteral("initial_products")).toArray().isEmpty())
        return invalidField(QStringLiteral("initial_products must contain at least one product"));
    return Answer::json(200, QJsonObject{{QStringLiteral("public_token"), issuePublicToken()},
                                         {QStringLiteral("request_id"), PlaidFake::requestId()}});
}

Answer PlaidFakeLink::webhookUpdate(const PlaidFake::Received& request)
{
    if (auto refused = m_fake.checkApp(request))
        return *refused;
    if (auto refused = checkFields(request.body,
                                   fieldSet({QStringLiteral("client_id"), QStringLiteral("secret"),
                                             QStringLiteral("access_token"), QStringLiteral("webhook")}),
                                   {QStringLiteral("access_token")}))
        return *refused;
    if (auto refused = m_fake.checkAccessToken(request))
        return *refused;
    const QJsonValue webhook = request.body.value(QStringLiteral("webhook"));
    if (!webhook.isNull() && !webhook.isUndefined() &&
        (!webhook.isString() || !QUrl(webhook.toString(), QUrl::StrictMode).isValid() ||
         QUrl(webhook.toString()).host().isEmpty()))
        return invalidField(QStringLiteral("webhook must be a valid URL"));
    m_itemWebhooks.insert(m_fake.itemId(), webhook.isUndefined() ? QJsonValue() : webhook);
    const QJsonObject item{{QStringLiteral("item_id"), m_fake.itemId()},
                           {QStringLiteral("institution_id"), kInstitutionId},
                           {QStringLiteral("institution_name"), m_fake.institutionName()},
                           {QStringLiteral("webhook"), m_itemWebhooks.value(m_fake.itemId())},
                           {QStringLiteral("error"), QJsonValue::Null},
                           {QStringLiteral("available_products"), QJsonArray{QStringLiteral("balance")}},
                           {QStringLiteral("billed_products"), QJsonArray{QStringLiteral("transactions")}},
                           {QStringLiteral("consent_expiration_time"), QJsonValue::Null},
                           {QStringLiteral("update_type"), QStringLiteral("background")}};
    return Answer::json(
        200, QJsonObject{{QStringLiteral("item"), item}, {QStringLiteral("request_id"), PlaidFake::requestId()}});
}

} // namespace coffer::test

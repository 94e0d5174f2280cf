#include "providers/plaid/PlaidRecords.h"

#include "model/Currency.h"
#include "providers/http/ProviderHttp.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace coffer::providers::plaid {

using model::Error;
using model::Money;
using model::Result;

namespace {

QString text(const QJsonObject& object, const QString& key)
{
    return object.value(key).toString().trimmed();
}

Error unreadable(const QString& what, const QJsonObject& answer)
{
    Error e = Error::invalidData(QStringLiteral("Plaid sent an answer Coffer cannot use: %1.").arg(what),
                                 QStringLiteral("answer incomplete: %1").arg(what));
    e.providerCode = QStringLiteral("INCOMPLETE_ANSWER");
    e.payload = QJsonDocument(answer).toJson(QJsonDocument::Compact).left(http::kMaxKeptPayloadBytes); // never logged
    return e;
}

model::AccountKind kindOf(const QString& type, const QString& subtype)
{
    if (type == u"credit")
        return model::AccountKind::CreditCard;
    if (type == u"depository") {
        if (subtype == u"checking" || subtype == u"paypal" || subtype == u"prepaid" || subtype == u"cash management")
            return model::AccountKind::Checking;
        return model::AccountKind::Savings; // savings, money market, cd, hsa...
    }
    return model::AccountKind::Other;
}

// Credit and loan balances are what is owed: money out of the user's pocket, negative in Coffer.
bool owes(const QString& type)
{
    return type == u"credit" || type == u"loan";
}

QDate dateFrom(const QJsonValue& value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

// Plaid's personal finance category (primary, detailed) in Coffer's categories.
QString categoryFromPersonalFinance(const QString& primary, const QString& detailed)
{
    if (detailed == u"FOOD_AND_DRINK_GROCERIES")
        return QStringLiteral("groceries");
    if (detailed == u"RENT_AND_UTILITIES_RENT")
        return QStringLiteral("housing");
    static const QHash<QString, QString> kPrimary{
        {QStringLiteral("INCOME"), QStringLiteral("income")},
        {QStringLiteral("TRANSFER_IN"), QStringLiteral("transfer")},
        {QStringLiteral("TRANSFER_OUT"), QStringLiteral("transfer")},
        {QStringLiteral("LOAN_PAYMENTS"), QStringLiteral("transfer")},
        {QStringLiteral("FOOD_AND_DRINK"), QStringLiteral("dining")},
        {QStringLiteral("TRANSPORTATION"), QStringLiteral("transport")},
        {QStringLiteral("TRAVEL"), QStringLiteral("travel")},
        {QStringLiteral("RENT_AND_UTILITIES"), QStringLiteral("utilities")},
        {QStringLiteral("HOME_IMPROVEMENT"), QStringLiteral("housing")},
        {QStringLiteral("GENERAL_MERCHANDISE"), QStringLiteral("shopping")},
        {QStringLiteral("MEDICAL"), QStringLiteral("health")},
    };
    return kPrimary.value(primary, QStringLiteral("other"));
}

// The legacy category hierarchy (["Food and Drink", "Restaurants"]) in Coffer's categories.
QString categoryFromLegacy(const QJsonArray& path)
{
    const QString top = path.first().toString();
    const QString sub = path.size() > 1 ? path.at(1).toString() : QString();
    if (sub == u"Supermarkets and Groceries")
        return QStringLiteral("groceries");
    static const QHash<QString, QString> kTop{
        {QStringLiteral("Food and Drink"), QStringLiteral("dining")},
        {QStringLiteral("Travel"), QStringLiteral("travel")},
        {QStringLiteral("Transfer"), QStringLiteral("transfer")},
        {QStringLiteral("Payment"), QStringLiteral("transfer")},
        {QStringLiteral("Shops"), QStringLiteral("shopping")},
        {QStringLiteral("Healthcare"), QStringLiteral("health")},
    };
    return kTop.value(top, QStringLiteral("other"));
}

QString categoryOf(const QJsonObject& record)
{
    const QJsonObject personal = record.value(QStringLiteral("personal_finance_category")).toObject();
    const QString primary = text(personal, QStringLiteral("primary"));
    if (!primary.isEmpty())
        return categoryFromPersonalFinance(primary, text(personal, QStringLiteral("detailed")));
    const QJsonArray legacy = record.value(QStringLiteral("category")).toArray();
    return legacy.isEmpty() ? QString() : categoryFromLegacy(legacy);
}

QList<ProviderTransaction> transactionsIn(const QJsonArray& records)
{
    QList<ProviderTransaction> out;
    out.reserve(records.size());
    for (const QJsonValue& record : records)
        out << transactionFrom(record.toObject());
    return out;
}

} // namespace

Result<Money> amountFrom(const QJsonValue& value, const QString& currency)
{
    if (value.isString())
        return Money::parse(value.toString(), currency);
    if (!value.isDouble())
        return Error::invalidData(QStringLiteral("the amount is missing"));
    return Money::parse(QString::number(value.toDouble(), 'f', QLocale::FloatingPointShortest), currency);
}

Result<Money> balanceFrom(const QJsonValue& value, const QString& currency)
{
    if (!value.isString() && !value.isDouble())
        return Error::invalidData(QStringLiteral("the balance is missing"));
    const QString text = value.isString() ? value.toString().trimmed()
                                          : QString::number(value.toDouble(), 'f', QLocale::FloatingPointShortest);
    const qsizetype point = text.indexOf(u'.');
    const int digits = model::currency::exponent(currency);
    if (point < 0 || text.size() - point - 1 <= digits)
        return Money::parse(text, currency);
    // Cut to the currency's digits, then round on the first digit cut off.
    const QString kept = digits == 0 ? text.left(point) : text.left(point + 1 + digits);
    auto money = Money::parse(kept, currency);
    if (!money.ok() || text.at(point + 1 + digits) < u'5')
        return money;
    return money->plus(Money(text.startsWith(u'-') ? -1 : 1, currency));
}

QString currencyOf(const QJsonObject& object)
{
    const QString iso = text(object, QStringLiteral("iso_currency_code"));
    return iso.isEmpty() ? text(object, QStringLiteral("unofficial_currency_code")) : iso;
}

Result<QList<ProviderAccount>> accountsFrom(const QJsonObject& answer)
{
    const QJsonValue list = answer.value(QStringLiteral("accounts"));
    if (!list.isArray())
        return unreadable(QStringLiteral("its list of accounts is missing"), answer);
    const QString institution =
        text(answer.value(QStringLiteral("item")).toObject(), QStringLiteral("institution_name"));
    QList<ProviderAccount> out;
    for (const QJsonValue& value : list.toArray()) {
        const QJsonObject a = value.toObject();
        ProviderAccount account;
        account.providerId = text(a, QStringLiteral("account_id"));
        if (account.providerId.isEmpty())
            return unreadable(QStringLiteral("an account has no account_id"), answer);
        account.name = text(a, QStringLiteral("name"));
        if (account.name.isEmpty())
            account.name = text(a, QStringLiteral("official_name"));
        account.institution = institution;
        const QString type = text(a, QStringLiteral("type"));
        account.kind = kindOf(type, text(a, QStringLiteral("subtype")));
        account.mask = text(a, QStringLiteral("mask"));
        const QJsonObject balances = a.value(QStringLiteral("balances")).toObject();
        account.currency = currencyOf(balances);
        const QJsonValue current = balances.value(QStringLiteral("current"));
        if (!account.currency.isEmpty() && !current.isNull() && !current.isUndefined()) {
            // A balance is only checked against the transactions: without a readable one, none.
            if (const auto balance = balanceFrom(current, account.currency); balance.ok())
                account.balance = owes(type) ? balance->negated() : balance.value();
        }
        out << account;
    }
    return out;
}

ProviderTransaction transactionFrom(const QJsonObject& record)
{
    ProviderTransaction t;
    t.raw = QJsonDocument(record).toJson(QJsonDocument::Compact);
    t.accountProviderId = text(record, QStringLiteral("account_id"));
    t.providerId = text(record, QStringLiteral("transaction_id"));
    t.pendingProviderId = text(record, QStringLiteral("pending_transaction_id"));
    t.pending = record.value(QStringLiteral("pending")).toBool();
    t.description = text(record, QStringLiteral("name"));
    t.counterparty = text(record, QStringLiteral("merchant_name"));
    t.category = categoryOf(record);
    t.checkNumber = text(record, QStringLiteral("check_number"));
    t.reference = text(record.value(QStringLiteral("payment_meta")).toObject(), QStringLiteral("reference_number"));
    t.bookedOn = dateFrom(record.value(QStringLiteral("date")));
    if (const QDate authorized = dateFrom(record.value(QStringLiteral("authorized_date"))); authorized.isValid())
        t.authorizedOn = authorized;
    // What could not be read: the record is quarantined with this reason (no amounts or names in it).
    const QString currency = currencyOf(record);
    if (t.providerId.isEmpty())
        t.problem = QStringLiteral("it has no transaction_id");
    else if (t.accountProviderId.isEmpty())
        t.problem = QStringLiteral("it has no account_id");
    else if (!t.bookedOn.isValid())
        t.problem = QStringLiteral("its date is missing or not a date");
    else if (currency.isEmpty())
        t.problem = QStringLiteral("it has no currency");
    if (!t.problem.isEmpty())
        return t;
    const auto amount = amountFrom(record.value(QStringLiteral("amount")), currency);
    if (!amount.ok()) {
        t.problem = QStringLiteral("its amount is missing or not an amount in %1").arg(currency);
        return t;
    }
    t.amount = amount->negated(); // Plaid: positive is money out; Coffer: negative is
    return t;
}

Result<Page> pageFrom(const QJsonObject& answer)
{
    for (const QString& list : {QStringLiteral("added"), QStringLiteral("modified"), QStringLiteral("removed")}) {
        if (!answer.value(list).isArray())
            return unreadable(QStringLiteral("the list \"%1\" is missing").arg(list), answer);
    }
    const QJsonValue next = answer.value(QStringLiteral("next_cursor"));
    if (!next.isString() || !answer.value(QStringLiteral("has_more")).isBool())
        return unreadable(QStringLiteral("next_cursor or has_more is missing"), answer);
    Page page;
    page.added = transactionsIn(answer.value(QStringLiteral("added")).toArray());
    page.modified = transactionsIn(answer.value(QStringLiteral("modified")).toArray());
    for (const QJsonValue& value : answer.value(QStringLiteral("removed")).toArray()) {
        const QJsonObject gone = value.toObject();
        page.removed << RemovedTransaction{text(gone, QStringLiteral("account_id")),
                                           text(gone, QStringLiteral("transaction_id"))};
    }
    page.nextCursor = next.toString();
    page.hasMore = answer.value(QStringLiteral("has_more")).toBool();
    page.providerNote = updateStatusNote(text(answer, QStringLiteral("transactions_update_status")));
    return page;
}

QString updateStatusNote(const QString& status)
{
    if (status == u"NOT_READY")
        return QStringLiteral("Plaid has not collected this bank's transactions yet; they will appear after a later "
                              "sync.");
    if (status == u"INITIAL_UPDATE_COMPLETE")
        return QStringLiteral("Plaid is still collecting history: recent transactions are here, older ones will "
                              "follow in a later sync.");
    return {};
}

} // namespace coffer::providers::plaid

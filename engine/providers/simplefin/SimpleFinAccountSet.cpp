#include "providers/simplefin/SimpleFinAccountSet.h"

#include "model/Currency.h"
#include "providers/http/ProviderHttp.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QTimeZone>

#include <algorithm>

namespace coffer::providers::simplefin {

using model::Error;
using model::Result;

namespace {

constexpr qsizetype kMaxMessageChars = 200;
constexpr qsizetype kMaxMessages = 5;

Error unusable(const QString& what, const QString& detail)
{
    Error e = Error::invalidData(QStringLiteral("SimpleFIN sent data Coffer could not use: %1.").arg(what), detail);
    e.providerCode = QStringLiteral("INVALID_DATA");
    return e;
}

Error missing(const QString& where, const QString& field)
{
    return unusable(QStringLiteral("%1 has no valid \"%2\"").arg(where, field),
                    QStringLiteral("%1: missing or mistyped %2").arg(where, field));
}

// A required string member, or nullopt when absent or not a string.
std::optional<QString> text(const QJsonObject& o, const QString& key)
{
    const QJsonValue v = o.value(key);
    return v.isString() ? std::optional<QString>(v.toString()) : std::nullopt;
}

// A UNIX timestamp member: a non-negative integer, or nullopt.
std::optional<qint64> epoch(const QJsonObject& o, const QString& key)
{
    const QJsonValue v = o.value(key);
    const qint64 seconds = v.isDouble() ? v.toInteger(-1) : -1;
    return seconds >= 0 ? std::optional<qint64>(seconds) : std::nullopt;
}

QDate utcDate(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).date();
}

// SimpleFIN has no account type; the name is the only hint.
model::AccountKind guessKind(const QString& name)
{
    const QString n = name.toLower();
    if (n.contains(u"saving"))
        return model::AccountKind::Savings;
    if (n.contains(u"credit") || n.contains(u"card"))
        return model::AccountKind::CreditCard;
    return model::AccountKind::Checking;
}

// The sign-in an errlist code asks for: "gen.auth" and "con.auth" (and their own subcodes).
SignIn signInFor(const QString& code)
{
    if (code == u"gen.auth" || code.startsWith(u"gen.auth."))
        return SignIn::NewSetupToken;
    if (code == u"con.auth" || code.startsWith(u"con.auth."))
        return SignIn::AtBridge;
    return SignIn::None;
}

// The server's messages, sanitized, from the older "errors" (strings) and the newer "errlist"
// ({code, msg, conn_id, account_id}); and what the codes ask of the user.
void readErrors(const QJsonObject& root, AccountSet& set)
{
    const auto add = [&set](const QString& raw) {
        const QString clean = sanitizeMessage(raw);
        if (!clean.isEmpty() && !set.messages.contains(clean) && set.messages.size() < kMaxMessages)
            set.messages << clean;
    };
    for (const QJsonValue v : root.value(QStringLiteral("errors")).toArray())
        add(v.toString());
    for (const QJsonValue v : root.value(QStringLiteral("errlist")).toArray()) {
        if (!v.isObject()) {
            add(v.toString());
            continue;
        }
        const QJsonObject e = v.toObject();
        const QString code = e.value(QStringLiteral("code")).toString().trimmed().toLower();
        // The protocol's table names the text "msg"; its own example says "message".
        QString text = e.value(QStringLiteral("msg")).toString(e.value(QStringLiteral("message")).toString());
        const SignIn signIn = signInFor(code);
        if (text.trimmed().isEmpty() && signIn != SignIn::None)
            text = signIn == SignIn::AtBridge ? QStringLiteral("A bank connection needs you to sign in again.")
                                              : QStringLiteral("SimpleFIN needs you to authenticate again.");
        add(text);
        set.structuredErrors = true;
        set.signIn = std::max(set.signIn, signIn);
    }
}

// Institution names by connection id, from the newer protocol's "connections" list.
QHash<QString, QString> connectionNames(const QJsonObject& root)
{
    QHash<QString, QString> out;
    for (const QJsonValue v : root.value(QStringLiteral("connections")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString id = c.value(QStringLiteral("conn_id")).toString();
        const QString name = c.value(QStringLiteral("org_name")).toString(c.value(QStringLiteral("name")).toString());
        if (!id.isEmpty() && !name.isEmpty())
            out.insert(id, name);
    }
    return out;
}

Result<ProviderTransaction> parseTransaction(const QJsonObject& t, const QString& where, const QString& accountId,
                                             const QString& currency, const QDate& fallbackDate)
{
    const auto id = text(t, QStringLiteral("id"));
    if (!id || id->isEmpty())
        return missing(where, QStringLiteral("id"));
    const auto posted = epoch(t, QStringLiteral("posted"));
    if (!posted)
        return missing(where, QStringLiteral("posted"));
    const auto amountText = text(t, QStringLiteral("amount")); // a number here would have gone through a double
    if (!amountText)
        return missing(where, QStringLiteral("amount"));
    const auto description = text(t, QStringLiteral("description"));
    if (!description)
        return missing(where, QStringLiteral("description"));
    auto amount = model::Money::parse(*amountText, currency);
    if (!amount.ok())
        return unusable(where + QStringLiteral(" has an unreadable amount"),
                        where +
                            QStringLiteral(": amount is not a decimal in the account's currency")); // no amount in logs

    ProviderTransaction out;
    out.accountProviderId = accountId;
    out.providerId = *id;
    // SimpleFIN: "positive numbers indicate money being deposited into the account", which is
    // Coffer's convention (negative = money out): the amount passes through unchanged.
    out.amount = amount.value();
    out.description = *description;
    const auto transactedAt = epoch(t, QStringLiteral("transacted_at"));
    if (transactedAt && *transactedAt > 0)
        out.authorizedOn = utcDate(*transactedAt);
    // posted == 0 is the protocol's mark of a pending transaction; "pending": true says so outright.
    out.pending = *posted == 0 || t.value(QStringLiteral("pending")).toBool();
    out.bookedOn = *posted > 0 ? utcDate(*posted) : out.authorizedOn.value_or(fallbackDate);
    out.category = t.value(QStringLiteral("extra")).toObject().value(QStringLiteral("category")).toString();
    out.raw = QJsonDocument(t).toJson(QJsonDocument::Compact);
    return out;
}

// Adds one account (and its transactions) to set; custom currencies are counted and skipped.
model::Status parseAccount(const QJsonObject& a, int index, const QDate& fallbackDate,
                           const QHash<QString, QString>& institutions, AccountSet& set)
{
    const QString where = QStringLiteral("account %1").arg(index + 1); // never the account's id: logs see this
    const auto id = text(a, QStringLiteral("id"));
    if (!id || id->isEmpty())
        return missing(where, QStringLiteral("id"));
    const auto name = text(a, QStringLiteral("name"));
    if (!name)
        return missing(where, QStringLiteral("name"));
    const auto currencyText = text(a, QStringLiteral("currency"));
    if (!currencyText)
        return missing(where, QStringLiteral("currency"));
    const auto balanceText = text(a, QStringLiteral("balance"));
    if (!balanceText)
        return missing(where, QStringLiteral("balance"));
    if (!epoch(a, QStringLiteral("balance-date")))
        return missing(where, QStringLiteral("balance-date"));
    // The older protocol names the institution in "org"; the newer one through the account's connection.
    const QJsonObject org = a.value(QStringLiteral("org")).toObject();
    const QString institution =
        org.value(QStringLiteral("name"))
            .toString(org.value(QStringLiteral("domain"))
                          .toString(institutions.value(a.value(QStringLiteral("conn_id")).toString())));
    if (institution.isEmpty())
        return missing(where, QStringLiteral("org"));

    const QString trimmed = currencyText->trimmed();
    if (trimmed.startsWith(u"http://") || trimmed.startsWith(u"https://")) {
        ++set.skippedAccounts; // points, miles: a custom currency has no minor unit Coffer can store
        return model::Ok{};
    }
    const QString currency = trimmed.toUpper();
    if (!model::currency::isValidCode(currency))
        return unusable(where + QStringLiteral(" has an unknown currency"), QStringLiteral("currency not ISO 4217"));
    auto balance = model::Money::parse(*balanceText, currency);
    if (!balance.ok())
        return unusable(where + QStringLiteral(" has an unreadable balance"),
                        where + QStringLiteral(": balance is not a decimal in the account's currency"));

    ProviderAccount account;
    account.providerId = *id;
    account.name = *name;
    account.institution = institution;
    account.kind = guessKind(*name);
    account.currency = currency;
    account.balance = balance.value();
    set.accounts << account;

    const QJsonValue transactions = a.value(QStringLiteral("transactions"));
    if (transactions.isUndefined() || transactions.isNull())
        return model::Ok{};
    if (!transactions.isArray())
        return missing(where, QStringLiteral("transactions"));
    QHash<QString, qsizetype> seen; // ids are unique per account; a repeat replaces the earlier record
    const QJsonArray list = transactions.toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString at = QStringLiteral("%1, transaction %2").arg(where).arg(i + 1);
        auto t = list[i].isObject()
                     ? parseTransaction(list[i].toObject(), at, *id, currency, fallbackDate)
                     : Result<ProviderTransaction>(unusable(at + QStringLiteral(" is not an object"),
                                                            QStringLiteral("transaction not an object")));
        if (!t.ok()) {
            // One unreadable record is quarantined by the store; it never costs the rest of the page.
            ProviderTransaction bad;
            bad.accountProviderId = *id;
            bad.providerId = list[i].toObject().value(QStringLiteral("id")).toString();
            bad.problem = t.error().userMessage;
            bad.raw = list[i].isObject() ? QJsonDocument(list[i].toObject()).toJson(QJsonDocument::Compact)
                                         : QJsonDocument(QJsonArray{list[i]}).toJson(QJsonDocument::Compact);
            set.transactions << bad;
            continue;
        }
        if (const auto it = seen.constFind(t->providerId); it != seen.cend()) {
            set.transactions[it.value()] = t.value();
        } else {
            seen.insert(t->providerId, set.transactions.size());
            set.transactions << t.value();
        }
    }
    return model::Ok{};
}

} // namespace

QString sanitizeMessage(const QString& text)
{
    QString out;
    out.reserve(std::min(text.size(), kMaxMessageChars + 1));
    for (const QChar c : text) {
        switch (c.category()) {
        case QChar::Other_Control:
        case QChar::Other_Format: // includes bidi overrides that could disguise a message
        case QChar::Other_PrivateUse:
        case QChar::Other_NotAssigned:
        case QChar::Separator_Line:
        case QChar::Separator_Paragraph:
            out += u' ';
            break;
        default:
            out += c;
        }
    }
    out = out.simplified();
    if (out.size() > kMaxMessageChars)
        out = out.left(kMaxMessageChars - 1) + u'\x2026';
    return out;
}

Result<AccountSet> parseAccountSet(const QByteArray& body, const QDate& fallbackDate)
{
    const auto result = [&]() -> Result<AccountSet> {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return unusable(QStringLiteral("the answer is not valid JSON (it may have been cut off)"),
                            QStringLiteral("JSON error at byte %1 of %2: %3")
                                .arg(parseError.offset)
                                .arg(body.size())
                                .arg(parseError.errorString()));
        if (!doc.isObject())
            return unusable(QStringLiteral("the answer is not an Account Set"),
                            QStringLiteral("top level not an object"));
        const QJsonObject root = doc.object();
        if (!root.value(QStringLiteral("accounts")).isArray())
            return missing(QStringLiteral("the answer"), QStringLiteral("accounts"));
        AccountSet set;
        readErrors(root, set);
        const QHash<QString, QString> institutions = connectionNames(root);
        const QJsonArray accounts = root.value(QStringLiteral("accounts")).toArray();
        for (qsizetype i = 0; i < accounts.size(); ++i) {
            if (!accounts[i].isObject())
                return unusable(QStringLiteral("account %1 is not an object").arg(i + 1),
                                QStringLiteral("account not an object"));
            if (auto s = parseAccount(accounts[i].toObject(), int(i), fallbackDate, institutions, set); !s.ok())
                return s.error();
        }
        return set;
    }();
    if (result.ok())
        return result;
    Error error = result.error();
    error.payload = body.left(http::kMaxKeptPayloadBytes); // kept for inspection, never logged
    return error;
}

} // namespace coffer::providers::simplefin

#include "sync/Normalizer.h"

#include "model/Currency.h"

#include <QRegularExpression>
#include <QStringList>

namespace coffer::sync {

namespace {

// A token that identifies a card, store, terminal or reference rather than the payee.
bool isNoise(const QString& token)
{
    static const QRegularExpression noise(QStringLiteral(
        R"(^(#\d+|\d{3,}|[xX*]{2,}\d*|\.{2,}\d+|[A-Z0-9]*\d[A-Z0-9]*\d[A-Z0-9]*|\w*\*\w*\d\w*|\S+\.(COM|NET|ORG|DE|FR)|QPS|PPD|ID|WEBONLINE|AUTOPAY|SQ|TST)$)"));
    return noise.match(token).hasMatch();
}

QString titleCase(const QString& word)
{
    if (word.size() <= 1)
        return word;
    return word.left(1).toUpper() + word.mid(1).toLower();
}

} // namespace

QString cleanDescription(const QString& raw)
{
    const QStringList tokens = raw.simplified().split(u' ', Qt::SkipEmptyParts);
    QStringList kept;
    for (const QString& token : tokens) {
        if (isNoise(token))
            continue;
        // "*TRIP" after a processor prefix: the star is noise, the word is not.
        kept << (token.startsWith(u'*') ? token.mid(1) : token);
    }
    if (kept.isEmpty())
        return raw.simplified();
    QString joined = kept.join(u' ');
    if (joined != joined.toUpper())
        return joined; // mixed case already: the provider cleaned it
    QStringList words;
    for (const QString& w : kept)
        words << titleCase(w);
    return words.join(u' ');
}

QString mapCategory(const QString& providerCategory)
{
    static const QStringList known{
        QStringLiteral("income"),        QStringLiteral("housing"),   QStringLiteral("groceries"),
        QStringLiteral("dining"),        QStringLiteral("transport"), QStringLiteral("travel"),
        QStringLiteral("utilities"),     QStringLiteral("shopping"),  QStringLiteral("health"),
        QStringLiteral("subscriptions"), QStringLiteral("transfer")};
    const QString lower = providerCategory.trimmed().toLower();
    return known.contains(lower) ? lower : QStringLiteral("other");
}

QString problemWith(const providers::ProviderTransaction& in)
{
    if (!in.problem.isEmpty())
        return in.problem;
    if (in.providerId.trimmed().isEmpty())
        return QStringLiteral("it has no transaction id");
    // Real ledgers start after 1900; a date far in the future is a provider bug, not a plan.
    if (!in.bookedOn.isValid() || in.bookedOn.year() < 1900 || in.bookedOn.year() > 2200)
        return QStringLiteral("its date is missing or impossible");
    if (in.authorizedOn && (!in.authorizedOn->isValid() || in.authorizedOn->year() < 1900))
        return QStringLiteral("its authorization date is impossible");
    if (in.amount.currency().isEmpty())
        return QStringLiteral("it has no amount");
    if (!model::currency::isKnownCode(in.amount.currency()))
        return QStringLiteral("its currency \"%1\" is not an ISO 4217 currency").arg(in.amount.currency().left(8));
    if (in.originalAmount && !model::currency::isKnownCode(in.originalAmount->currency()))
        return QStringLiteral("its original currency \"%1\" is not an ISO 4217 currency")
            .arg(in.originalAmount->currency().left(8));
    return {};
}

model::Transaction normalize(const providers::ProviderTransaction& in, qint64 accountId, const QString& source)
{
    model::Transaction t;
    t.accountId = accountId;
    t.source = source;
    t.providerId = in.providerId.trimmed();
    t.pendingProviderId = in.pendingProviderId;
    t.bookedOn = in.bookedOn;
    t.authorizedOn = in.authorizedOn;
    t.amount = in.amount;
    if (in.originalAmount && in.originalAmount->currency() != in.amount.currency())
        t.originalAmount = in.originalAmount;
    t.descriptionRaw = in.description;
    t.description = cleanDescription(in.description); // the counterparty keeps the provider's own spelling
    t.counterparty = in.counterparty.simplified();
    t.category = mapCategory(in.category);
    t.checkNumber = in.checkNumber.trimmed();
    t.reference = in.reference.trimmed();
    t.status = in.pending ? model::TransactionStatus::Pending : model::TransactionStatus::Posted;
    return t;
}

} // namespace coffer::sync

#include "sync/Normalizer.h"

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

model::Transaction normalize(const providers::ProviderTransaction& in, qint64 accountId)
{
    model::Transaction t;
    t.accountId = accountId;
    t.providerId = in.providerId;
    t.pendingProviderId = in.pendingProviderId;
    t.bookedOn = in.bookedOn;
    t.authorizedOn = in.authorizedOn;
    t.amount = in.amount;
    t.descriptionRaw = in.description;
    t.description = cleanDescription(in.description); // the counterparty keeps the provider's own spelling
    t.counterparty = in.counterparty;
    t.category = mapCategory(in.category);
    t.checkNumber = in.checkNumber;
    t.reference = in.reference;
    t.status = in.pending ? model::TransactionStatus::Pending : model::TransactionStatus::Posted;
    return t;
}

} // namespace coffer::sync

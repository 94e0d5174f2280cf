#include "sync/Normalizer.h"

#include "model/Currency.h"

#include <QStringList>

#include <algorithm>
#include <array>

namespace coffer::sync {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isWordChar(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool allDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isDigit);
}

// "HELP.UBER.COM" -> "UBER"; empty when the token is not a web address.
QStringView domainLabel(QStringView token)
{
    if (!token.contains(u'.'))
        return {};
    static const std::array<QStringView, 5> kSuffixes{u".COM", u".NET", u".ORG", u".DE", u".FR"};
    for (QStringView suffix : kSuffixes) {
        const qsizetype at = token.indexOf(suffix, 0, Qt::CaseInsensitive);
        const qsizetype end = at + suffix.size();
        // The suffix ends the token or is followed by a path ("AMZN.COM/BILL").
        if (at > 0 && (end == token.size() || token[end] == u'/')) {
            const QStringView host = token.left(at);
            return host.mid(host.lastIndexOf(u'.') + 1);
        }
    }
    return {};
}

// A token that identifies a card, store, terminal or reference rather than the payee. Written
// out rather than as a regular expression: this runs for every word of every transaction.
bool isNoise(QStringView t)
{
    static const std::array<QStringView, 7> kWords{u"QPS", u"PPD", u"ID", u"WEBONLINE", u"AUTOPAY", u"SQ", u"TST"};
    if (std::find(kWords.begin(), kWords.end(), t) != kWords.end())
        return true;
    if (t.startsWith(u'#') && allDigits(t.mid(1)))
        return true; // #10234
    if (t.size() >= 3 && allDigits(t))
        return true; // 4411
    qsizetype masked = 0;
    while (masked < t.size() && (t[masked] == u'x' || t[masked] == u'X' || t[masked] == u'*'))
        ++masked;
    if (masked >= 2 && (masked == t.size() || allDigits(t.mid(masked))))
        return true; // XXXX1234, **
    qsizetype dots = 0;
    while (dots < t.size() && t[dots] == u'.')
        ++dots;
    if (dots >= 2 && allDigits(t.mid(dots)))
        return true; // ...1234
    const auto digits = std::count_if(t.begin(), t.end(), isDigit);
    if (digits >= 2 && std::all_of(t.begin(), t.end(), [](QChar c) { return isDigit(c) || (c >= u'A' && c <= u'Z'); }))
        return true; // A1B2C3, store and terminal codes
    const auto stars = std::count(t.begin(), t.end(), u'*');
    if (stars == 1 && digits >= 1 &&
        std::all_of(t.begin(), t.end(), [](QChar c) { return c == u'*' || isWordChar(c); }))
        return true; // AMZN*2K4L1
    return !domainLabel(t).isEmpty();
}

// Appends "Word" for "WORD", one character at a time: no temporary strings per word.
void appendTitleCase(QString& out, QStringView word)
{
    for (qsizetype i = 0; i < word.size(); ++i)
        out += i == 0 ? word[i].toUpper() : word[i].toLower();
}

bool hasRealWord(const QList<QStringView>& words)
{
    return std::any_of(words.cbegin(), words.cend(), [](QStringView w) {
        return std::count_if(w.begin(), w.end(), [](QChar c) { return c.isLetter(); }) >= 3;
    });
}

} // namespace

QString cleanDescription(const QString& raw)
{
    const QString simple = raw.simplified();
    QList<QStringView> kept;
    QList<QStringView> domains;
    for (QStringView token : QStringView(simple).split(u' ', Qt::SkipEmptyParts)) {
        if (const QStringView label = domainLabel(token); !label.isEmpty())
            domains << label;
        if (isNoise(token))
            continue;
        // "*TRIP" after a processor prefix: the star is noise, the word is not.
        kept << (token.startsWith(u'*') ? token.mid(1) : token);
    }
    // "NETFLIX.COM NETFLIX.COM CA": when the web address is all there is, it names the payee.
    if (!hasRealWord(kept) && !domains.isEmpty())
        kept.prepend(domains.first());
    if (kept.isEmpty())
        return simple;
    QString joined;
    bool shouting = true;
    for (QStringView w : std::as_const(kept)) {
        if (!joined.isEmpty())
            joined += u' ';
        joined += w;
        shouting = shouting && std::none_of(w.begin(), w.end(), [](QChar c) { return c.isLower(); });
    }
    if (!shouting)
        return joined; // mixed case already: the provider cleaned it
    QString words;
    words.reserve(joined.size());
    for (QStringView w : std::as_const(kept)) {
        if (!words.isEmpty())
            words += u' ';
        appendTitleCase(words, w);
    }
    return words;
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

#include "sync/MatchScore.h"

#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cstdlib>

namespace coffer::sync {

using model::Transaction;

namespace {

// Lower-case letters and digits, words separated by single spaces.
QString fold(const QString& text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += u' ';
            out += c.toLower();
            space = false;
        } else {
            space = true;
        }
    }
    return out;
}

// Over the letters and digits alone, so "PG&E WEBONLINE" and "PGANDE WEB ONLINE" compare well.
double bigramDice(const QString& a, const QString& b)
{
    if (a.size() < 2 || b.size() < 2)
        return a == b && !a.isEmpty() ? 1.0 : 0.0;
    QList<quint32> left;
    QList<quint32> right;
    auto grams = [](const QString& s, QList<quint32>& out) {
        out.reserve(s.size());
        QChar previous;
        for (const QChar c : s) {
            if (c == u' ')
                continue;
            if (!previous.isNull())
                out.append((quint32(previous.unicode()) << 16) | c.unicode());
            previous = c;
        }
        std::sort(out.begin(), out.end());
    };
    grams(a, left);
    grams(b, right);
    if (left.isEmpty() || right.isEmpty())
        return 0.0;
    qsizetype common = 0;
    for (qsizetype i = 0, j = 0; i < left.size() && j < right.size();) {
        if (left[i] == right[j]) {
            ++common;
            ++i;
            ++j;
        } else if (left[i] < right[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return 2.0 * double(common) / double(left.size() + right.size());
}

// Whether two words name the same thing: equal, one a prefix of the other ("amzn" is not, "amaz"
// is), or the shorter an abbreviation of the longer - its letters in order, same first letter
// ("mktplace" ~ "marketplace", "pmts" ~ "payments").
bool sameWord(const QString& a, const QString& b)
{
    if (a == b)
        return true;
    const QString& shorter = a.size() <= b.size() ? a : b;
    const QString& longer = a.size() <= b.size() ? b : a;
    if (shorter.size() < 3 || shorter[0] != longer[0])
        return false;
    if (longer.startsWith(shorter))
        return true;
    qsizetype at = 1;
    for (qsizetype i = 1; i < shorter.size(); ++i) {
        at = longer.indexOf(shorter[i], at);
        if (at < 0)
            return false;
        ++at;
    }
    return true;
}

// Share of the shorter text's words (of 3+ characters) found in the longer one.
double containment(const QString& a, const QString& b)
{
    const QStringList wa = a.split(u' ', Qt::SkipEmptyParts);
    const QStringList wb = b.split(u' ', Qt::SkipEmptyParts);
    const QStringList& shorter = wa.size() <= wb.size() ? wa : wb;
    const QStringList& longer = wa.size() <= wb.size() ? wb : wa;
    // Words that say how, not who.
    static const QStringList kGeneric{QStringLiteral("card"),     QStringLiteral("pos"),    QStringLiteral("purchase"),
                                      QStringLiteral("debit"),    QStringLiteral("credit"), QStringLiteral("payment"),
                                      QStringLiteral("online"),   QStringLiteral("web"),    QStringLiteral("www"),
                                      QStringLiteral("com"),      QStringLiteral("the"),    QStringLiteral("inc"),
                                      QStringLiteral("llc"),      QStringLiteral("ltd"),    QStringLiteral("store"),
                                      QStringLiteral("recurring"), QStringLiteral("visa"),  QStringLiteral("ach")};
    int counted = 0;
    int found = 0;
    for (const QString& w : shorter) {
        if (w.size() < 3 || kGeneric.contains(w))
            continue;
        ++counted;
        if (std::any_of(longer.cbegin(), longer.cend(), [&](const QString& other) { return sameWord(w, other); }))
            ++found;
    }
    return counted == 0 ? 0.0 : 0.95 * double(found) / double(counted);
}

double similarity(const QString& a, const QString& b)
{
    if (a.isEmpty() || b.isEmpty())
        return 0.0;
    if (a == b)
        return 1.0;
    return std::max(bigramDice(a, b), containment(a, b));
}

int daysBetween(const QDate& from, const QDate& to)
{
    return int(from.daysTo(to));
}

QString percent(double share)
{
    return QString::number(qRound(share * 100)) + u'%';
}

} // namespace

double payeeSimilarity(const Transaction& a, const Transaction& b)
{
    const QString da = fold(a.description.isEmpty() ? a.descriptionRaw : a.description);
    const QString db = fold(b.description.isEmpty() ? b.descriptionRaw : b.description);
    const QString ca = fold(a.counterparty);
    const QString cb = fold(b.counterparty);
    double best = similarity(da, db);
    if (best >= 1.0)
        return best;
    // Cleaning can cut what tells two spellings apart ("PG&E WEBONLINE" ~ "PGANDE WEB ONLINE").
    best = std::max(best, similarity(fold(a.descriptionRaw), fold(b.descriptionRaw)));
    if (!ca.isEmpty())
        best = std::max({best, similarity(ca, cb), similarity(ca, db)});
    if (!cb.isEmpty())
        best = std::max(best, similarity(da, cb));
    return best;
}

std::pair<qint64, qint64> pendingAmountRange(qint64 postedMinor)
{
    const qint64 magnitude = std::llabs(postedMinor);
    // |pending| * (100 + kTipPercent) >= |posted| * 100, rounded so the bound is never too tight.
    const qint64 smallest = (magnitude * 100 + (100 + kTipPercent) - 1) / (100 + kTipPercent);
    if (postedMinor < 0)
        return {-magnitude, -smallest};
    return {smallest, magnitude};
}

bool takesTips(const Transaction& t)
{
    return t.category == u"dining" || t.category == u"transport";
}

std::optional<MatchScore> scorePendingToPosted(const Transaction& pending, const Transaction& posted)
{
    if (pending.amount.currency() != posted.amount.currency() || pending.accountId != posted.accountId)
        return std::nullopt;
    const auto [low, high] = pendingAmountRange(posted.amount.minorUnits());
    const qint64 p = pending.amount.minorUnits();
    if (p < low || p > high || p == 0)
        return std::nullopt;
    // A different final amount is a tip: only where people tip (restaurants, cafes, taxis).
    // Elsewhere the same merchant's next purchase must not take this one's place.
    if (p != posted.amount.minorUnits() && !takesTips(pending) && !takesTips(posted))
        return std::nullopt;
    // A tip is rarely under 10 %: a few percent more at the same place is another purchase.
    const qint64 increase = std::llabs(posted.amount.minorUnits()) - std::llabs(p);
    if (increase > 0 && increase * 100 < std::llabs(p) * kMinTipPercent)
        return std::nullopt;
    const int days = daysBetween(pending.bookedOn, posted.bookedOn);
    if (days < 0 || days > kPendingWindowDays)
        return std::nullopt;
    const double payee = payeeSimilarity(pending, posted);
    if (payee < 0.5)
        return std::nullopt;
    const double extra = double(std::llabs(posted.amount.minorUnits()) - std::llabs(p)) / double(std::llabs(p));
    const double amountScore = 1.0 - extra / (kTipPercent / 100.0) * 0.5; // 1 exact .. 0.5 at +30 %
    // The bank's authorization date says which pending it was. Without it, no preference by
    // date: equal candidates go oldest first, as authorizations post in order.
    const bool sameDay = posted.authorizedOn && *posted.authorizedOn == pending.bookedOn;
    const double dateScore = sameDay ? 1.0 : 0.5;
    const double score = 0.5 * payee + 0.3 * amountScore + 0.2 * dateScore;
    if (score < 0.65)
        return std::nullopt;
    QStringList why;
    why << (extra == 0 ? QStringLiteral("same amount") : QStringLiteral("amount %1 higher (tip)").arg(percent(extra)));
    why << (days == 0 ? QStringLiteral("same day") : QStringLiteral("posted %1 day(s) later").arg(days));
    why << QStringLiteral("payee %1 alike").arg(percent(payee));
    return MatchScore{score, QStringLiteral("Pending transaction replaced by its posted one: ") + why.join(u", ")};
}

std::optional<MatchScore> scoreCrossSource(const Transaction& stored, const Transaction& incoming)
{
    if (stored.amount != incoming.amount || stored.accountId != incoming.accountId ||
        stored.source == incoming.source)
        return std::nullopt;
    const int days = std::abs(daysBetween(stored.bookedOn, incoming.bookedOn));
    if (days > kCrossSourceWindowDays)
        return std::nullopt;
    const bool bothChecks = !stored.checkNumber.isEmpty() && !incoming.checkNumber.isEmpty();
    if (bothChecks && stored.checkNumber != incoming.checkNumber)
        return std::nullopt;
    const bool sameCheck = bothChecks;
    const bool sameReference = !stored.reference.isEmpty() && stored.reference == incoming.reference;
    const double payee = payeeSimilarity(stored, incoming);
    const double dateScore = 1.0 - double(days) / (kCrossSourceWindowDays + 1);
    double score = 0;
    if (sameCheck || sameReference) {
        // The bank's own number on both sides, with the exact amount: the payee text hardly matters.
        score = 0.7 + 0.2 * dateScore + 0.1 * payee;
    } else {
        if (payee < 0.45)
            return std::nullopt;
        score = 0.6 * payee + 0.4 * dateScore;
        if (score < 0.6)
            return std::nullopt;
    }
    QStringList why;
    why << QStringLiteral("same amount");
    why << (days == 0 ? QStringLiteral("same day") : QStringLiteral("%1 day(s) apart").arg(days));
    if (sameCheck)
        why << QStringLiteral("same check number");
    if (sameReference)
        why << QStringLiteral("same reference");
    why << QStringLiteral("payee %1 alike").arg(percent(payee));
    return MatchScore{score, QStringLiteral("Same transaction from two sources: ") + why.join(u", ")};
}

int sourceQuality(const QString& source)
{
    if (source.startsWith(u"connection:"))
        return 2;
    if (source.startsWith(u"import:"))
        return 1;
    return 0;
}

} // namespace coffer::sync

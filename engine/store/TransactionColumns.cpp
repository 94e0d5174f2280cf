#include "store/TransactionColumns.h"

#include "store/SqliteStatement.h"

#include <QVariant>

namespace coffer::store {

namespace {

// Reads the columns through whichever row accessor the query type has.
template <typename Int, typename Text, typename Real, typename Null>
model::Transaction mapRow(Int int64, Text text, Real real, Null isNull)
{
    model::Transaction t;
    t.id = int64(0);
    t.accountId = int64(1);
    t.providerId = text(2);
    t.pendingProviderId = text(3);
    t.bookedOn = parseIsoDate(text(4));
    if (!isNull(5))
        t.authorizedOn = parseIsoDate(text(5));
    t.amount = model::Money(int64(6), text(7));
    t.descriptionRaw = text(8);
    t.description = text(9);
    t.counterparty = text(10);
    t.category = text(11);
    t.checkNumber = text(12);
    t.reference = text(13);
    t.status = model::transactionStatusFromName(text(14));
    t.source = text(15);
    t.matchedTo = isNull(16) ? 0 : int64(16);
    t.matchReason = text(17);
    t.matchScore = isNull(18) ? 0.0 : real(18);
    if (!isNull(19))
        t.originalAmount = model::Money(int64(19), text(20));
    return t;
}

} // namespace

model::Transaction transactionFromRow(const QSqlQuery& q)
{
    return mapRow([&](int c) { return q.value(c).toLongLong(); }, [&](int c) { return q.value(c).toString(); },
                  [&](int c) { return q.value(c).toDouble(); }, [&](int c) { return q.value(c).isNull(); });
}

model::Transaction transactionFromRow(const SqliteStatement& s)
{
    return mapRow([&](int c) { return s.int64(c); }, [&](int c) { return s.text(c); },
                  [&](int c) { return s.real(c); }, [&](int c) { return s.isNull(c); });
}

QDate parseIsoDate(const QString& text)
{
    if (text.size() != 10 || text[4] != u'-' || text[7] != u'-')
        return QDate::fromString(text, Qt::ISODate);
    int parts[3] = {0, 0, 0};
    const int starts[3] = {0, 5, 8};
    const int lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (int i = starts[p]; i < starts[p] + lengths[p]; ++i) {
            const char16_t c = text[i].unicode();
            if (c < u'0' || c > u'9')
                return {};
            parts[p] = parts[p] * 10 + (c - u'0');
        }
    }
    return QDate(parts[0], parts[1], parts[2]);
}

QString formatIsoDate(const QDate& date)
{
    int y = 0;
    int m = 0;
    int d = 0;
    date.getDate(&y, &m, &d);
    if (!date.isValid() || y < 1000 || y > 9999)
        return date.toString(Qt::ISODate);
    char16_t out[10];
    for (int i = 3; i >= 0; --i, y /= 10)
        out[i] = char16_t(u'0' + y % 10);
    out[4] = u'-';
    out[5] = char16_t(u'0' + m / 10);
    out[6] = char16_t(u'0' + m % 10);
    out[7] = u'-';
    out[8] = char16_t(u'0' + d / 10);
    out[9] = char16_t(u'0' + d % 10);
    return QString(reinterpret_cast<const QChar*>(out), 10);
}

} // namespace coffer::store

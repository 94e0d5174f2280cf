#include "importers/qif/QifRecord.h"

#include "importers/RecordId.h"
#include "importers/qif/QifDate.h"

#include <QList>
#include <QSet>

namespace coffer::importers::qif {

using providers::ProviderTransaction;

namespace {

struct Split {
    QByteArrayView category, memo, amount; // null when the split has no such line
    qint64 line = 0;
};

// What one pass over the record's lines finds. Views point into the record's raw bytes.
struct Fields {
    QByteArrayView date, total, payee, memo, number, category;
    qint64 dateLine = 0, totalLine = 0;
    QList<Split> splits;
};

QByteArrayView trimmed(QByteArrayView v)
{
    return v.trimmed();
}

// An empty line value still says the line was there.
QByteArrayView nonNull(QByteArrayView v)
{
    return v.isNull() ? QByteArrayView("", 0) : v;
}

// Quicken writes "Category/Class" and "[Account]/Class": the class is Quicken's own tag.
QByteArrayView withoutClass(QByteArrayView category)
{
    const qsizetype slash = category.indexOf('/');
    return trimmed(slash < 0 ? category : category.first(slash));
}

Fields fieldsOf(const QifRecord& record, QByteArrayView raw)
{
    Fields f;
    QByteArrayView totalU;
    qint64 totalULine = 0;
    qint64 line = record.firstLine;
    for (qsizetype start = 0; start <= raw.size(); ++line) {
        qsizetype end = raw.indexOf('\n', start);
        if (end < 0)
            end = raw.size();
        const QByteArrayView text = raw.sliced(start, end - start);
        start = end + 1;
        if (text.isEmpty())
            continue;
        const QByteArrayView value = trimmed(text.sliced(1));
        switch (text[0]) {
        case 'D':
            // A second D comes after splits in some exporters' files (a split's own date): the
            // record's date is the first.
            if (f.dateLine == 0) {
                f.date = value;
                f.dateLine = line;
            }
            break;
        case 'T':
            f.total = value;
            f.totalLine = line;
            break;
        case 'U':
            totalU = value;
            totalULine = line;
            break;
        case 'P':
            f.payee = value;
            break;
        case 'M':
            f.memo = value;
            break;
        case 'N':
            f.number = value;
            break;
        case 'L':
            f.category = value;
            break;
        case 'S':
            f.splits.append({withoutClass(value), {}, {}, line});
            break;
        case 'E': // a memo or amount without its S line, or a second one, starts a split of its own
            if (f.splits.isEmpty() || !f.splits.last().memo.isNull())
                f.splits.append({{}, {}, {}, line});
            f.splits.last().memo = nonNull(value);
            break;
        case '$':
            if (f.splits.isEmpty() || !f.splits.last().amount.isNull())
                f.splits.append({{}, {}, {}, line});
            f.splits.last().amount = nonNull(value);
            f.splits.last().line = line;
            break;
        default: // C (cleared), A (address), F, % and other codes: kept in raw only
            break;
        }
    }
    if (f.totalLine == 0) {
        f.total = totalU;
        f.totalLine = totalULine;
    }
    return f;
}

model::Result<qint64> amountOf(QByteArrayView text, const QifReading& reading)
{
    if (!text.contains('$'))
        return text::parseMinorUnits(text, reading.fractionDigits, reading.numberStyle);
    QByteArray plain = text.toByteArray(); // "$1,234.56": a currency symbol some exporters write
    plain.replace('$', QByteArray());
    return text::parseMinorUnits(plain, reading.fractionDigits, reading.numberStyle);
}

QString problemAt(qint64 line, const QString& why)
{
    return QStringLiteral("line %1: %2").arg(line).arg(why);
}

bool allDigits(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

// Payee, memo and splits as description, counterparty and category (see transactionOf). Like the
// OFX parser's NAME and MEMO: one of payee and memo alone when it holds the other.
void describe(const Fields& f, text::Charset charset, ProviderTransaction& t)
{
    const auto decoded = [&](QByteArrayView v) { return text::decode(v, charset); };
    t.counterparty = decoded(f.payee);
    const QString memo = decoded(f.memo);
    if (memo.isEmpty() || t.counterparty.contains(memo, Qt::CaseInsensitive))
        t.description = t.counterparty;
    else if (t.counterparty.isEmpty() || memo.contains(t.counterparty, Qt::CaseInsensitive))
        t.description = memo;
    else
        t.description = t.counterparty + QStringLiteral(" - ") + memo;

    QStringList splitMemos, splitCategories; // each once, in file order
    QSet<QString> seenMemos, seenCategories;
    for (const Split& s : f.splits) {
        if (QString m = decoded(s.memo); !m.isEmpty() && !seenMemos.contains(m)) {
            seenMemos.insert(m);
            splitMemos << std::move(m);
        }
        if (QString c = decoded(s.category); !c.isEmpty() && !seenCategories.contains(c)) {
            seenCategories.insert(c);
            splitCategories << std::move(c);
        }
    }
    if (!splitMemos.isEmpty())
        t.description += (t.description.isEmpty() ? QString() : QStringLiteral(" - ")) + splitMemos.join(u"; ");
    const QByteArrayView category = withoutClass(f.category);
    t.category = category.isEmpty() || category == "--Split--" ? splitCategories.join(u", ") : decoded(category);
}

} // namespace

ProviderTransaction transactionOf(const QifRecord& record, QByteArrayView raw, const QifReading& reading,
                                  RecordIdMaker& ids)
{
    const auto decoded = [&](QByteArrayView v) { return text::decode(v, reading.charset); };
    ProviderTransaction t;
    t.accountProviderId = reading.accountId;
    t.raw = raw.toByteArray();
    const Fields f = fieldsOf(record, raw);

    describe(f, reading.charset, t);
    if (allDigits(f.number))
        t.checkNumber = QString::fromLatin1(f.number);
    else
        t.reference = decoded(f.number);

    if (!record.problem.isEmpty()) {
        t.problem = record.problem;
        return t;
    }
    if (f.dateLine == 0) {
        t.problem = problemAt(record.firstLine, QStringLiteral("the record has no date (D line)"));
        return t;
    }
    t.bookedOn = resolveDate(scanDate(f.date), reading.dateOrder);
    if (!t.bookedOn.isValid()) {
        const QString order =
            reading.dateOrder == DateOrder::DayMonth ? QStringLiteral("day/month") : QStringLiteral("month/day");
        t.problem = problemAt(f.dateLine, QStringLiteral("\"%1\" is not a date (read as %2)")
                                              .arg(decoded(f.date.first(qMin<qsizetype>(f.date.size(), 40))), order));
        return t;
    }
    if (f.totalLine == 0) {
        t.problem = problemAt(record.firstLine, QStringLiteral("the record has no amount (T line)"));
        return t;
    }
    const auto total = amountOf(f.total, reading);
    if (!total.ok()) {
        t.problem = problemAt(f.totalLine, total.error().userMessage);
        return t;
    }
    t.amount = model::Money(total.value(), reading.currency);

    qint64 splitSum = 0;
    bool splitAmounts = false;
    for (const Split& s : f.splits) {
        if (s.amount.isNull())
            continue;
        const auto part = amountOf(s.amount, reading);
        if (!part.ok()) {
            t.problem = problemAt(s.line, QStringLiteral("split: ") + part.error().userMessage);
            return t;
        }
        if (qAddOverflow(splitSum, part.value(), &splitSum)) {
            t.problem = problemAt(s.line, QStringLiteral("the splits add up to more than Coffer can hold"));
            return t;
        }
        splitAmounts = true;
    }
    if (splitAmounts && splitSum != total.value()) {
        t.problem = problemAt(f.totalLine, QStringLiteral("the splits add up to %1, not to the total %2")
                                               .arg(model::Money(splitSum, reading.currency).toDecimalString(),
                                                    t.amount.toDecimalString()));
        return t;
    }
    t.providerId =
        ids.idFor(reading.accountId, t.bookedOn, t.amount, t.counterparty.isEmpty() ? t.description : t.counterparty);
    return t;
}

} // namespace coffer::importers::qif

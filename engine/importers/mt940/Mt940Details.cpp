#include "importers/mt940/Mt940Details.h"

#include <QStringList>

namespace coffer::importers::mt940 {

namespace {

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// "166?00..." (also with a leading space): the separator after the three-digit transaction code,
// or a null QChar when the details are free text.
QChar structuredSeparator(QStringView text)
{
    text = text.trimmed();
    if (text.size() < 6 || !isDigit(text[0]) || !isDigit(text[1]) || !isDigit(text[2]))
        return {};
    const QChar sep = text[3];
    if (sep.isLetterOrNumber() || sep.isSpace() || !isDigit(text[4]) || !isDigit(text[5]))
        return {};
    return sep;
}

constexpr QStringView kSepaKeys[] = {u"EREF", u"KREF", u"MREF", u"CRED", u"DEBT", u"SVWZ",
                                     u"ABWA", u"ABWE", u"COAM", u"OAMT", u"IBAN", u"BIC"};

// SEPA keys ("EREF+...SVWZ+...") in remittance text, found in one pass: where each value starts.
struct SepaFields {
    struct Field {
        QStringView key;
        qsizetype keyAt = 0;
        qsizetype valueAt = 0;
    };
    QList<Field> fields;

    explicit SepaFields(QStringView text)
    {
        for (qsizetype plus = text.indexOf(u'+'); plus >= 0; plus = text.indexOf(u'+', plus + 1)) {
            for (const QStringView key : kSepaKeys) {
                if (plus >= key.size() && text.sliced(plus - key.size(), key.size()) == key) {
                    fields.append({key, plus - key.size(), plus + 1});
                    break;
                }
            }
        }
    }
    // The value of `key`, up to the next key; empty when absent.
    QString value(QStringView text, QStringView key) const
    {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (fields[i].key != key)
                continue;
            const qsizetype end = i + 1 < fields.size() ? fields[i + 1].keyAt : text.size();
            return text.sliced(fields[i].valueAt, end - fields[i].valueAt).toString().simplified();
        }
        return {};
    }
};

} // namespace

Details parseDetails(const QString& field)
{
    Details d;
    const QChar sep = structuredSeparator(field);
    if (sep.isNull()) {
        d.description = field.simplified();
        return d;
    }
    // Subfields: separator + two digits + text up to the next separator and two digits. The bank
    // wraps lines at a fixed width, often mid-word: line breaks are removed, not made spaces.
    QString joined = field;
    joined.remove(u'\n');
    QStringList remittance;
    QString name;
    qsizetype i = joined.indexOf(sep);
    while (i >= 0 && i + 2 < joined.size()) {
        const QStringView key = QStringView(joined).mid(i + 1, 2);
        qsizetype next = i + 3;
        while ((next = joined.indexOf(sep, next)) >= 0 &&
               !(next + 2 < joined.size() && isDigit(joined[next + 1]) && isDigit(joined[next + 2])))
            ++next;
        const QString value = joined.mid(i + 3, (next < 0 ? joined.size() : next) - i - 3);
        if (isDigit(key[0]) && isDigit(key[1])) {
            const int k = key.toInt();
            if (k == 0)
                d.postingText = value.simplified();
            else if ((k >= 20 && k <= 29) || (k >= 60 && k <= 63))
                remittance.append(value);
            else if (k == 32 || k == 33)
                name += value;
        }
        i = next;
    }
    d.counterparty = name.simplified();
    const QString text = remittance.join(QString());
    const SepaFields sepa(text);
    if (!sepa.fields.isEmpty()) {
        d.reference = sepa.value(text, u"EREF");
        if (d.reference == QLatin1String("NOTPROVIDED"))
            d.reference.clear();
        d.description = sepa.value(text, u"SVWZ");
        if (d.description.isEmpty())
            d.description = text.simplified();
    } else {
        d.description = remittance.join(u' ').simplified();
    }
    return d;
}

} // namespace coffer::importers::mt940

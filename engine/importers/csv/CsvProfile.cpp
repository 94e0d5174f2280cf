#include "importers/csv/CsvProfile.h"

#include "importers/csv/CsvDate.h"

#include <QSet>

namespace coffer::importers::csv {

using model::Error;

namespace {

const QString kEncoding = QStringLiteral("encoding");
const QString kDelimiter = QStringLiteral("delimiter");
const QString kSkipRows = QStringLiteral("skipRows");
const QString kHasHeader = QStringLiteral("hasHeader");
const QString kHeaders = QStringLiteral("headers");
const QString kDateColumn = QStringLiteral("dateColumn");
const QString kDateFormat = QStringLiteral("dateFormat");
const QString kDateOrderAmbiguous = QStringLiteral("dateOrderAmbiguous");
const QString kValueDateColumn = QStringLiteral("valueDateColumn");
const QString kAmountColumn = QStringLiteral("amountColumn");
const QString kDebitColumn = QStringLiteral("debitColumn");
const QString kCreditColumn = QStringLiteral("creditColumn");
const QString kDecimalMark = QStringLiteral("decimalMark");
const QString kThousandsSeparator = QStringLiteral("thousandsSeparator");
const QString kAmountSign = QStringLiteral("amountSign");
const QString kDirectionColumn = QStringLiteral("directionColumn");
const QString kDirectionDebitValue = QStringLiteral("directionDebitValue");
const QString kDescriptionColumns = QStringLiteral("descriptionColumns");
const QString kCounterpartyColumn = QStringLiteral("counterpartyColumn");
const QString kReferenceColumn = QStringLiteral("referenceColumn");
const QString kCheckNumberColumn = QStringLiteral("checkNumberColumn");
const QString kCurrencyColumn = QStringLiteral("currencyColumn");
const QString kIdColumn = QStringLiteral("idColumn");

constexpr int kMaxColumn = 999; // CsvReader::kMaxFields - 1
constexpr int kMaxSkipRows = 10000;

QString signName(AmountSign sign)
{
    switch (sign) {
    case AmountSign::AsIs:
        return QStringLiteral("as-is");
    case AmountSign::Negated:
        return QStringLiteral("negated");
    case AmountSign::Direction:
        return QStringLiteral("direction");
    }
    return {};
}

Error badKey(const QString& key, const QString& why)
{
    return Error::invalidData(QStringLiteral("CSV profile: \"%1\" %2").arg(key, why));
}

// Reads the map's keys one by one; the first problem is kept and names its key.
class Reader {
public:
    explicit Reader(const QVariantMap& map)
        : m_map(map)
    {
    }

    std::optional<Error> error;

    bool has(const QString& key) const { return m_map.contains(key); }

    void column(const QString& key, int& out)
    {
        if (!m_map.contains(key) || error)
            return;
        bool ok = false;
        const int v = m_map.value(key).toInt(&ok);
        if (!ok || v < -1 || v > kMaxColumn)
            error =
                badKey(key, QStringLiteral("must be a column number from 0 to %1 (or -1 for none)").arg(kMaxColumn));
        else
            out = v;
    }
    void integer(const QString& key, int& out, int max)
    {
        if (!m_map.contains(key) || error)
            return;
        bool ok = false;
        const int v = m_map.value(key).toInt(&ok);
        if (!ok || v < 0 || v > max)
            error = badKey(key, QStringLiteral("must be a number from 0 to %1").arg(max));
        else
            out = v;
    }
    void boolean(const QString& key, bool& out)
    {
        if (!m_map.contains(key) || error)
            return;
        const QVariant v = m_map.value(key);
        if (v.typeId() != QMetaType::Bool)
            error = badKey(key, QStringLiteral("must be true or false"));
        else
            out = v.toBool();
    }
    // One character from `allowed` ("" allowed when `allowed` holds a 0).
    void character(const QString& key, char& out, QByteArrayView allowed)
    {
        if (!m_map.contains(key) || error)
            return;
        const QString v = m_map.value(key).toString();
        if (v.isEmpty() && allowed.contains('\0')) {
            out = 0;
            return;
        }
        if (v.size() != 1 || v[0].unicode() == 0 || v[0].unicode() > 0x7e || !allowed.contains(char(v[0].unicode())))
            error = badKey(key, QStringLiteral("must be one of: %1").arg(describe(allowed)));
        else
            out = char(v[0].unicode());
    }
    QString string(const QString& key)
    {
        if (!m_map.contains(key) || error)
            return {};
        if (!m_map.value(key).canConvert<QString>()) {
            error = badKey(key, QStringLiteral("must be text"));
            return {};
        }
        return m_map.value(key).toString();
    }

private:
    static QString describe(QByteArrayView allowed)
    {
        QStringList names;
        for (const char c : allowed) {
            names.append(c == 0      ? QStringLiteral("\"\"")
                         : c == '\t' ? QStringLiteral("\"\\t\"")
                                     : QStringLiteral("\"%1\"").arg(QChar::fromLatin1(c)));
        }
        return names.join(QStringLiteral(", "));
    }

    const QVariantMap& m_map;
};

} // namespace

QString charsetName(text::Charset charset)
{
    switch (charset) {
    case text::Charset::Utf8:
        return QStringLiteral("UTF-8");
    case text::Charset::Latin1:
        return QStringLiteral("ISO-8859-1");
    case text::Charset::Windows1252:
        return QStringLiteral("windows-1252");
    case text::Charset::Utf16LE:
        return QStringLiteral("UTF-16LE");
    case text::Charset::Utf16BE:
        return QStringLiteral("UTF-16BE");
    }
    return {};
}

QVariantMap CsvProfile::toVariantMap() const
{
    QVariantMap map;
    map[kEncoding] = charsetName(charset);
    map[kDelimiter] = QString(QChar::fromLatin1(delimiter));
    map[kSkipRows] = skipRows;
    map[kHasHeader] = hasHeader;
    if (!headers.isEmpty())
        map[kHeaders] = headers;
    map[kDateColumn] = dateColumn;
    map[kDateFormat] = dateFormat;
    map[kDateOrderAmbiguous] = dateOrderAmbiguous;
    map[kValueDateColumn] = valueDateColumn;
    map[kAmountColumn] = amountColumn;
    map[kDebitColumn] = debitColumn;
    map[kCreditColumn] = creditColumn;
    map[kDecimalMark] = QString(QChar::fromLatin1(decimalMark));
    map[kThousandsSeparator] = thousandsSeparator ? QString(QChar::fromLatin1(thousandsSeparator)) : QString();
    map[kAmountSign] = signName(amountSign);
    map[kDirectionColumn] = directionColumn;
    map[kDirectionDebitValue] = directionDebitValue;
    QVariantList description;
    for (const int c : descriptionColumns)
        description.append(c);
    map[kDescriptionColumns] = description;
    map[kCounterpartyColumn] = counterpartyColumn;
    map[kReferenceColumn] = referenceColumn;
    map[kCheckNumberColumn] = checkNumberColumn;
    map[kCurrencyColumn] = currencyColumn;
    map[kIdColumn] = idColumn;
    return map;
}

model::Result<CsvProfile> CsvProfile::fromVariantMap(const QVariantMap& map)
{
    static const QSet<QString> known = {kEncoding,
                                        kDelimiter,
                                        kSkipRows,
                                        kHasHeader,
                                        kHeaders,
                                        kDateColumn,
                                        kDateFormat,
                                        kDateOrderAmbiguous,
                                        kValueDateColumn,
                                        kAmountColumn,
                                        kDebitColumn,
                                        kCreditColumn,
                                        kDecimalMark,
                                        kThousandsSeparator,
                                        kAmountSign,
                                        kDirectionColumn,
                                        kDirectionDebitValue,
                                        kDescriptionColumns,
                                        kCounterpartyColumn,
                                        kReferenceColumn,
                                        kCheckNumberColumn,
                                        kCurrencyColumn,
                                        kIdColumn};
    for (auto it = map.cbegin(); it != map.cend(); ++it) {
        if (!known.contains(it.key()))
            return badKey(it.key(), QStringLiteral("is not a CSV profile setting"));
    }

    CsvProfile p;
    Reader r(map);
    if (r.has(kEncoding)) {
        const QString name = r.string(kEncoding);
        const auto charset = text::charsetFromName(name.toLatin1());
        if (!charset)
            return badKey(kEncoding, QStringLiteral("names no character set Coffer reads (\"%1\")").arg(name.left(40)));
        p.charset = *charset;
    }
    r.character(kDelimiter, p.delimiter, ",;\t|: ");
    r.integer(kSkipRows, p.skipRows, kMaxSkipRows);
    r.boolean(kHasHeader, p.hasHeader);
    if (r.has(kHeaders)) {
        const QVariant v = map.value(kHeaders);
        if (!v.canConvert<QStringList>())
            return badKey(kHeaders, QStringLiteral("must be a list of column names"));
        p.headers = v.toStringList();
        if (p.headers.size() > kMaxColumn + 1)
            return badKey(kHeaders, QStringLiteral("has more than %1 columns").arg(kMaxColumn + 1));
    }
    r.column(kDateColumn, p.dateColumn);
    p.dateFormat = r.string(kDateFormat);
    if (!r.error && !p.dateFormat.isEmpty() && !CsvDateFormat::fromString(p.dateFormat))
        return badKey(kDateFormat, QStringLiteral("is not a date format Coffer reads (\"%1\"; e.g. \"dd.MM.yyyy\")")
                                       .arg(p.dateFormat.left(40)));
    r.boolean(kDateOrderAmbiguous, p.dateOrderAmbiguous);
    r.column(kValueDateColumn, p.valueDateColumn);
    r.column(kAmountColumn, p.amountColumn);
    r.column(kDebitColumn, p.debitColumn);
    r.column(kCreditColumn, p.creditColumn);
    r.character(kDecimalMark, p.decimalMark, ".,");
    r.character(kThousandsSeparator, p.thousandsSeparator, QByteArrayView(",. '\0", 5));
    if (r.has(kAmountSign) && !r.error) {
        const QString sign = r.string(kAmountSign);
        if (sign == signName(AmountSign::AsIs))
            p.amountSign = AmountSign::AsIs;
        else if (sign == signName(AmountSign::Negated))
            p.amountSign = AmountSign::Negated;
        else if (sign == signName(AmountSign::Direction))
            p.amountSign = AmountSign::Direction;
        else
            return badKey(kAmountSign, QStringLiteral("must be \"as-is\", \"negated\" or \"direction\""));
    }
    r.column(kDirectionColumn, p.directionColumn);
    p.directionDebitValue = r.string(kDirectionDebitValue);
    if (r.has(kDescriptionColumns) && !r.error) {
        const QVariant v = map.value(kDescriptionColumns);
        if (v.typeId() != QMetaType::QVariantList && v.typeId() != QMetaType::QStringList)
            return badKey(kDescriptionColumns, QStringLiteral("must be a list of column numbers"));
        for (const QVariant& item : v.toList()) {
            bool ok = false;
            const int c = item.toInt(&ok);
            if (!ok || c < 0 || c > kMaxColumn)
                return badKey(kDescriptionColumns,
                              QStringLiteral("must be a list of column numbers from 0 to %1").arg(kMaxColumn));
            p.descriptionColumns.append(c);
        }
    }
    r.column(kCounterpartyColumn, p.counterpartyColumn);
    r.column(kReferenceColumn, p.referenceColumn);
    r.column(kCheckNumberColumn, p.checkNumberColumn);
    r.column(kCurrencyColumn, p.currencyColumn);
    r.column(kIdColumn, p.idColumn);
    if (r.error)
        return *r.error;
    if (p.thousandsSeparator == p.decimalMark)
        return badKey(kThousandsSeparator, QStringLiteral("cannot be the decimal mark too"));
    return p;
}

model::Status CsvProfile::validate() const
{
    if (dateColumn < 0)
        return badKey(kDateColumn, QStringLiteral("is not set: which column holds the date?"));
    if (!CsvDateFormat::fromString(dateFormat))
        return badKey(kDateFormat, QStringLiteral("is not set: how are dates written?"));
    const bool pair = debitColumn >= 0 && creditColumn >= 0;
    if (amountColumn < 0 && !pair) {
        if (debitColumn >= 0 || creditColumn >= 0)
            return badKey(debitColumn < 0 ? kDebitColumn : kCreditColumn,
                          QStringLiteral("is not set: money out and money in need a column each"));
        return badKey(kAmountColumn, QStringLiteral("is not set: which column holds the amount?"));
    }
    if (amountSign == AmountSign::Direction) {
        if (directionColumn < 0)
            return badKey(kDirectionColumn, QStringLiteral("is not set: which column says money in or out?"));
        if (directionDebitValue.trimmed().isEmpty())
            return badKey(kDirectionDebitValue, QStringLiteral("is not set: which value means money out?"));
    }
    return model::Ok{};
}

bool CsvProfile::resolveDateOrder(DateOrder order)
{
    auto format = CsvDateFormat::fromString(dateFormat);
    if (!dateOrderAmbiguous || order == DateOrder::Auto || !format ||
        format->order == CsvDateFormat::Order::YearMonthDay)
        return false;
    format->order =
        order == DateOrder::DayMonth ? CsvDateFormat::Order::DayMonthYear : CsvDateFormat::Order::MonthDayYear;
    dateFormat = format->toString();
    dateOrderAmbiguous = false;
    return true;
}

} // namespace coffer::importers::csv

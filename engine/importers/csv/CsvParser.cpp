#include "importers/csv/CsvParser.h"

#include "importers/RecordId.h"
#include "importers/csv/CsvAmount.h"
#include "importers/csv/CsvDate.h"
#include "importers/csv/CsvHeaderNames.h"
#include "importers/csv/CsvInput.h"
#include "importers/csv/CsvReader.h"
#include "importers/csv/CsvSniffer.h"
#include "model/Currency.h"

#include <algorithm>

namespace coffer::importers::csv {

using model::Error;
using model::Money;

namespace {

QByteArrayView cellAt(const CsvRecord& record, int column)
{
    if (column < 0 || column >= record.fields.size())
        return {};
    return QByteArrayView(record.fields[column]).trimmed();
}

QString textAt(const CsvRecord& record, int column)
{
    return QString::fromUtf8(cellAt(record, column)).simplified();
}

QString quoted(QByteArrayView cell)
{
    QString shown = QString::fromUtf8(cell.first(qMin<qsizetype>(cell.size(), 40)));
    if (cell.size() > 40)
        shown += QStringLiteral("…");
    return QStringLiteral("\"%1\"").arg(shown);
}

bool namesATotal(const CsvRecord& record)
{
    static const QStringList words = {
        QStringLiteral("total"),        QStringLiteral("totals"),  QStringLiteral("summe"),
        QStringLiteral("saldo"),        QStringLiteral("balance"), QStringLiteral("totaal"),
        QStringLiteral("solde"),        QStringLiteral("gesamt"),  QStringLiteral("endsaldo"),
        QStringLiteral("anfangssaldo"), QStringLiteral("closing"), QStringLiteral("opening"),
        QStringLiteral("kontostand")};
    for (const QByteArray& field : record.fields) {
        const QByteArray cell = field.trimmed();
        if (cell.isEmpty() || cell.size() > 80)
            continue;
        const QStringList folded = foldedName(QString::fromUtf8(cell)).split(u' ', Qt::SkipEmptyParts);
        for (const QString& word : folded) {
            if (words.contains(word))
                return true;
        }
    }
    return false;
}

class RowReader {
public:
    RowReader(const CsvProfile& profile, const CsvDateFormat& dates, const ParseOptions& options)
        : m_p(profile)
        , m_dates(dates)
        , m_options(options)
        , m_style{profile.decimalMark, profile.thousandsSeparator}
    {
    }

    enum class Kind { Transaction, Skipped };

    // A transaction (maybe with a problem), or a row to skip with `notice`.
    Kind read(const CsvRecord& record, int expectedFields, providers::ProviderTransaction& t, QString& notice)
    {
        t = {};
        t.raw = record.raw;
        const QByteArrayView dateCell = cellAt(record, m_p.dateColumn);
        const QDate date = m_dates.parse(dateCell);
        const QString currency = currencyOf(record);
        const int digits = model::currency::exponent(currency.isEmpty() ? QStringLiteral("XXX") : currency);
        qint64 minor = 0;
        const QString amountProblem = amountOf(record, digits, minor);

        if (!date.isValid() && (!amountProblem.isEmpty() || namesATotal(record))) {
            notice = QStringLiteral("line %1: skipped a row without a date (a total or a note)").arg(record.line);
            return Kind::Skipped;
        }
        QString problem;
        if (record.fields.size() != expectedFields)
            problem = QStringLiteral("%1 fields where the %2 has %3")
                          .arg(record.fields.size())
                          .arg(m_p.hasHeader ? QStringLiteral("header") : QStringLiteral("file"))
                          .arg(expectedFields);
        else if (!date.isValid())
            problem = dateCell.isEmpty()
                          ? QStringLiteral("no date")
                          : QStringLiteral("%1 is not a date written %2").arg(quoted(dateCell), m_p.dateFormat);
        else if (!amountProblem.isEmpty())
            problem = amountProblem;
        else if (currency.isEmpty())
            problem = QStringLiteral("no currency");
        else if (currency.size() != 3 ||
                 !std::all_of(currency.begin(), currency.end(), [](QChar c) { return c >= u'A' && c <= u'Z'; }))
            problem = QStringLiteral("%1 is not a currency code").arg(quoted(cellAt(record, m_p.currencyColumn)));

        t.bookedOn = date;
        if (m_p.valueDateColumn >= 0) {
            const QDate value = m_dates.parse(cellAt(record, m_p.valueDateColumn));
            if (value.isValid())
                t.authorizedOn = value;
        }
        t.amount = Money(minor, currency);
        QStringList description;
        for (const int c : m_p.descriptionColumns) {
            const QString text = textAt(record, c);
            if (!text.isEmpty())
                description.append(text);
        }
        t.description = description.join(u' ');
        t.counterparty = textAt(record, m_p.counterpartyColumn);
        t.reference = textAt(record, m_p.referenceColumn);
        t.checkNumber = textAt(record, m_p.checkNumberColumn);
        if (t.description.isEmpty())
            t.description = t.counterparty;
        if (!problem.isEmpty()) {
            t.problem = QStringLiteral("line %1: %2").arg(record.line).arg(problem);
            return Kind::Transaction;
        }
        t.providerId = idOf(record, t);
        return Kind::Transaction;
    }

private:
    QString currencyOf(const CsvRecord& record) const
    {
        const QString cell = textAt(record, m_p.currencyColumn).toUpper();
        return cell.isEmpty() ? m_options.defaultCurrency.toUpper() : cell;
    }

    // Empty on success.
    QString amountOf(const CsvRecord& record, int digits, qint64& minor) const
    {
        if (m_p.amountColumn >= 0) {
            const QByteArrayView cell = cellAt(record, m_p.amountColumn);
            auto value = readAmount(cell, digits, m_style);
            if (!value)
                return value.error().userMessage;
            minor = value.value();
            if (m_p.amountSign == AmountSign::Negated) {
                minor = -minor;
            } else if (m_p.amountSign == AmountSign::Direction) {
                const QString direction = textAt(record, m_p.directionColumn);
                const bool out = direction.compare(m_p.directionDebitValue, Qt::CaseInsensitive) == 0;
                minor = out ? -qAbs(minor) : qAbs(minor);
            }
            return {};
        }
        const QByteArrayView debit = cellAt(record, m_p.debitColumn);
        const QByteArrayView credit = cellAt(record, m_p.creditColumn);
        if (debit.isEmpty() && credit.isEmpty())
            return QStringLiteral("neither money out nor money in");
        qint64 out = 0;
        qint64 in = 0;
        if (!debit.isEmpty()) {
            auto value = readAmount(debit, digits, m_style);
            if (!value)
                return value.error().userMessage;
            out = qAbs(value.value());
        }
        if (!credit.isEmpty()) {
            auto value = readAmount(credit, digits, m_style);
            if (!value)
                return value.error().userMessage;
            in = qAbs(value.value());
        }
        minor = in - out;
        return {};
    }

    // The id column's value the first time the file uses it; made from the record otherwise (no
    // id column, an empty cell, or a bank that reuses an id).
    QString idOf(const CsvRecord& record, const providers::ProviderTransaction& t)
    {
        const QString text = t.counterparty.isEmpty() ? t.description : t.description + u'\x1f' + t.counterparty;
        const QString id = textAt(record, m_p.idColumn);
        if (id.isEmpty())
            return m_ids.idFor(QStringView(), t.bookedOn, t.amount, text);
        return m_ids.fileIdOrMade(QStringView(), id, t.bookedOn, t.amount, text);
    }

    const CsvProfile& m_p;
    CsvDateFormat m_dates;
    const ParseOptions& m_options;
    text::NumberStyle m_style;
    RecordIdMaker m_ids;
};

model::Result<CsvProfile> profileFor(QIODevice& in, const ParseOptions& options)
{
    if (options.formatOptions.isEmpty()) {
        auto sniff = CsvSniffer::sniff(in);
        if (!sniff)
            return sniff.error();
        return sniff.value().profile;
    }
    return CsvProfile::fromVariantMap(options.formatOptions);
}

model::Result<CsvDateFormat> dateFormatFor(CsvProfile profile, DateOrder order)
{
    profile.resolveDateOrder(order);
    auto format = CsvDateFormat::fromString(profile.dateFormat);
    if (!format)
        return Error::invalidData(QStringLiteral("CSV profile: \"dateFormat\" is not a date format Coffer reads"));
    if (profile.dateOrderAmbiguous && format->order != CsvDateFormat::Order::YearMonthDay) {
        Error e = Error::invalidData(QStringLiteral(
            "every date in the file fits both day/month and month/day order (such as 03/04/2024): which is it?"));
        e.providerCode = kAskDateOrderCode;
        return e;
    }
    return *format;
}

// The header as the file has it, against the profile's.
model::Status checkHeader(const CsvRecord& header, const CsvProfile& profile)
{
    if (profile.headers.isEmpty())
        return model::Ok{};
    for (int c = 0; c < qMax(profile.headers.size(), header.fields.size()); ++c) {
        const QString expected = c < profile.headers.size() ? profile.headers[c].trimmed() : QString();
        const QString found = textAt(header, c);
        if (foldedName(expected) != foldedName(found))
            return Error::invalidData(QStringLiteral("line %1: the columns are not the ones the CSV profile expects: "
                                                     "column %2 is \"%3\" in the profile but \"%4\" here")
                                          .arg(header.line)
                                          .arg(c + 1)
                                          .arg(expected, found));
    }
    return model::Ok{};
}

} // namespace

model::Status CsvParser::parse(QIODevice& in, const ParseOptions& options, StatementSink& sink)
{
    auto profileResult = profileFor(in, options);
    if (!profileResult)
        return profileResult.error();
    const CsvProfile& profile = profileResult.value();
    if (auto valid = profile.validate(); !valid)
        return valid.error();
    auto dates = dateFormatFor(profile, options.dateOrder);
    if (!dates)
        return dates.error();
    if (profile.currencyColumn < 0 && options.defaultCurrency.isEmpty())
        return Error::invalidData(
            QStringLiteral("the CSV file names no currency: choose the account (or the currency) it is for"));

    CsvInput input(in, profile.charset);
    if (input.error())
        return *input.error();
    CsvReader reader(input.stream(), profile.delimiter);
    CsvRecord record;
    for (int skipped = 0; skipped < profile.skipRows && reader.next(record); ++skipped) {
    }
    // The profile's header says how many fields a row has (a header may be one short of its rows).
    int expectedFields = profile.headers.size();
    if (profile.hasHeader && reader.next(record)) {
        if (auto s = checkHeader(record, profile); !s)
            return s;
        if (expectedFields == 0)
            expectedFields = record.fields.size();
    }

    // The file does not state its account's currency (rows may name theirs): the import decides.
    sink.account(StatementAccount{});

    RowReader rows(profile, *dates, options);
    providers::ProviderTransaction t;
    QString notice;
    int good = 0;
    int bad = 0;
    QString firstProblem;
    while (reader.next(record)) {
        if (record.isBlank())
            continue;
        if (expectedFields == 0)
            expectedFields = record.fields.size();
        if (rows.read(record, expectedFields, t, notice) == RowReader::Kind::Skipped) {
            sink.notice(notice);
            continue;
        }
        if (t.problem.isEmpty()) {
            ++good;
        } else {
            if (++bad == 1)
                firstProblem = t.problem;
        }
        sink.transaction(std::move(t));
    }
    if (reader.error())
        return *reader.error();
    if (good == 0 && bad > 0)
        return Error::invalidData(
            QStringLiteral("no row of the file fits the CSV profile (%1 rows tried; the first: %2)")
                .arg(bad)
                .arg(firstProblem));
    return model::Ok{};
}

} // namespace coffer::importers::csv

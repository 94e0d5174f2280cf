#include "importers/csv/CsvSniffer.h"

#include "importers/csv/CsvColumnStats.h"
#include "importers/csv/CsvHeaderNames.h"
#include "importers/csv/CsvInput.h"
#include "importers/csv/CsvReader.h"

#include <QHash>
#include <QIODevice>

#include <array>

namespace coffer::importers::csv {

using model::Error;

namespace {

constexpr std::array<char, 4> kDelimiters = {',', ';', '\t', '|'};

QString delimiterName(char d)
{
    switch (d) {
    case ',':
        return QStringLiteral("comma");
    case ';':
        return QStringLiteral("semicolon");
    case '\t':
        return QStringLiteral("tab");
    case '|':
        return QStringLiteral("vertical bar");
    }
    return QString(QChar::fromLatin1(d));
}

// Counts fields per record for one candidate delimiter, quote-aware, without keeping the cells.
struct DelimiterCount {
    char delimiter = ',';
    bool inQuotes = false;
    bool fieldStart = true;
    int fields = 1;
    QHash<int, int> histogram; // fields -> records
    int records = 0;

    void line(QByteArrayView text)
    {
        if (!inQuotes && text.trimmed().isEmpty())
            return;
        const qsizetype n = text.size();
        for (qsizetype i = 0; i < n; ++i) {
            const char c = text[i];
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text[i + 1] == '"')
                        ++i;
                    else
                        inQuotes = false;
                }
            } else if (c == delimiter) {
                if (fields < CsvReader::kMaxFields)
                    ++fields;
                fieldStart = true;
            } else if (c == '"' && fieldStart) {
                inQuotes = true;
                fieldStart = false;
            } else if (c != ' ') {
                fieldStart = false;
            }
        }
        if (inQuotes)
            return; // the record goes on on the next line
        ++histogram[fields];
        ++records;
        fields = 1;
        fieldStart = true;
    }

    // The most common field count and how many records have it.
    std::pair<int, int> mode() const
    {
        std::pair<int, int> best{0, 0};
        for (auto it = histogram.cbegin(); it != histogram.cend(); ++it) {
            if (it.value() > best.second || (it.value() == best.second && it.key() > best.first))
                best = {it.key(), it.value()};
        }
        return best;
    }
};

// What the first rows with the right number of fields are: names, data (a date among two or more
// cells), or neither (a preamble padded with delimiters: "Umsätze Girokonto;;;;;").
enum class RowShape { Header, Data, Other };

RowShape shapeOf(const CsvRecord& record)
{
    int names = 0;
    int filled = 0;
    bool date = false;
    bool number = false;
    for (const QByteArray& field : record.fields) {
        const QByteArray cell = field.trimmed();
        if (cell.isEmpty())
            continue;
        ++filled;
        CsvColumnStats probe;
        probe.add(cell);
        date = date || probe.dates.dates() > 0;
        number = number || (probe.amounts.amounts() > 0 && probe.withLetters == 0);
        names += probe.withLetters > 0;
    }
    if (filled >= 2 && date)
        return RowShape::Data;
    if (!number && filled * 2 >= record.fields.size() && names * 2 >= filled && names > 0)
        return RowShape::Header;
    return RowShape::Other;
}

QString columnName(const CsvProfile& p, int column)
{
    if (column >= 0 && column < p.headers.size() && !p.headers[column].trimmed().isEmpty())
        return QStringLiteral("\"%1\"").arg(p.headers[column].trimmed());
    return QStringLiteral("column %1").arg(column + 1);
}

// What the two passes found, before the decisions.
struct Findings {
    CsvProfile profile;
    int records = 0;
    int modalFields = 0;
    int modalRecords = 0;
    int dataRows = 0;
    QList<CsvRole> roles;
    QList<CsvColumnStats> columns;
};

class Decider {
public:
    explicit Decider(Findings& f)
        : m_f(f)
        , m_p(f.profile)
    {
    }

    QStringList explanation;

    void run()
    {
        chooseDates();
        chooseAmounts();
        chooseText();
        chooseSign();
    }

private:
    int firstWithRole(CsvRole role) const
    {
        for (int c = 0; c < m_f.roles.size(); ++c) {
            if (m_f.roles[c] == role && !m_used.contains(c))
                return c;
        }
        return -1;
    }
    int take(int column)
    {
        if (column >= 0)
            m_used.insert(column);
        return column;
    }
    const CsvColumnStats& stats(int c) const { return m_f.columns[c]; }

    void chooseDates()
    {
        // Header names first, checked against the values; "Valuta" can also be a currency.
        for (int c = 0; c < m_f.roles.size(); ++c) {
            if ((m_f.roles[c] == CsvRole::Date || m_f.roles[c] == CsvRole::ValueDate) && !stats(c).isDates())
                m_f.roles[c] = stats(c).isCurrencyCodes() ? CsvRole::Currency : CsvRole::None;
        }
        m_p.dateColumn = take(firstWithRole(CsvRole::Date));
        m_p.valueDateColumn = take(firstWithRole(CsvRole::ValueDate));
        if (m_p.dateColumn < 0 && m_p.valueDateColumn >= 0)
            std::swap(m_p.dateColumn, m_p.valueDateColumn);
        for (int c = 0; c < m_f.columns.size() && (m_p.dateColumn < 0 || m_p.valueDateColumn < 0); ++c) {
            if (m_used.contains(c) || !stats(c).isDates() ||
                (m_f.roles[c] != CsvRole::None && m_f.roles[c] != CsvRole::Date))
                continue;
            (m_p.dateColumn < 0 ? m_p.dateColumn : m_p.valueDateColumn) = take(c);
        }
        if (m_p.dateColumn < 0) {
            explanation.append(QStringLiteral("Date: no column holds dates in one format; choose it"));
            return;
        }
        bool ambiguous = false;
        auto format = stats(m_p.dateColumn).dates.format(&ambiguous);
        if (ambiguous && m_p.valueDateColumn >= 0) {
            bool valueAmbiguous = false;
            const auto valueFormat = stats(m_p.valueDateColumn).dates.format(&valueAmbiguous);
            if (valueFormat && !valueAmbiguous && valueFormat->swapped() == *format) {
                format = valueFormat;
                ambiguous = false;
            }
        }
        m_p.dateFormat = format->toString();
        m_p.dateOrderAmbiguous = ambiguous;
        const CsvDateEvidence& e = stats(m_p.dateColumn).dates;
        QString line = QStringLiteral("Date: %1, written %2").arg(columnName(m_p, m_p.dateColumn), m_p.dateFormat);
        if (ambiguous)
            line += QStringLiteral(" (every date fits both day/month and month/day: which is it?)");
        else if (e.others() > 0)
            line += QStringLiteral(" (%1 of %2 values are dates)").arg(e.dates()).arg(e.dates() + e.others());
        explanation.append(line);
        if (m_p.valueDateColumn >= 0)
            explanation.append(QStringLiteral("Value date: %1").arg(columnName(m_p, m_p.valueDateColumn)));
    }

    void chooseAmounts()
    {
        for (int c = 0; c < m_f.roles.size(); ++c) {
            const CsvRole r = m_f.roles[c];
            if ((r == CsvRole::Amount || r == CsvRole::Debit || r == CsvRole::Credit) && !stats(c).isAmounts() &&
                stats(c).filled > 0)
                m_f.roles[c] = CsvRole::None;
        }
        const int debit = firstWithRole(CsvRole::Debit);
        const int credit = firstWithRole(CsvRole::Credit);
        m_p.amountColumn = take(firstWithRole(CsvRole::Amount));
        if (m_p.amountColumn < 0 && debit >= 0 && credit >= 0) {
            m_p.debitColumn = take(debit);
            m_p.creditColumn = take(credit);
        }
        if (m_p.amountColumn < 0 && m_p.debitColumn < 0)
            amountsByContent();
        QList<int> columns;
        for (const int c : {m_p.amountColumn, m_p.debitColumn, m_p.creditColumn}) {
            if (c >= 0)
                columns.append(c);
        }
        if (columns.isEmpty()) {
            explanation.append(QStringLiteral("Amount: no column holds amounts; choose it"));
            return;
        }
        int withDecimals = 0;
        CsvAmountEvidence merged;
        for (const int c : columns) {
            merged.merge(stats(c).amounts);
            withDecimals += stats(c).amounts.withDecimals();
        }
        const bool dayFirst = m_p.dateFormat.startsWith(u'd');
        const char fallback = m_p.delimiter == ';' || (dayFirst && m_p.dateFormat.contains(u'.')) ? ',' : '.';
        const text::NumberStyle style = merged.style(fallback);
        m_p.decimalMark = style.decimalMark;
        m_p.thousandsSeparator = style.groupMark;
        if (m_p.amountColumn >= 0)
            explanation.append(QStringLiteral("Amount: %1").arg(columnName(m_p, m_p.amountColumn)));
        else
            explanation.append(QStringLiteral("Amount: money out in %1, money in in %2")
                                   .arg(columnName(m_p, m_p.debitColumn), columnName(m_p, m_p.creditColumn)));
        QString marks = QStringLiteral("Numbers: decimal mark \"%1\"").arg(QChar::fromLatin1(m_p.decimalMark));
        if (m_p.thousandsSeparator)
            marks += QStringLiteral(", thousands separator \"%1\"").arg(QChar::fromLatin1(m_p.thousandsSeparator));
        marks += withDecimals > 0 ? QStringLiteral(" (from %1 amounts with decimals)").arg(withDecimals)
                                  : QStringLiteral(" (no amount shows decimals; assumed)");
        explanation.append(marks);
    }

    void amountsByContent()
    {
        QList<int> numeric;
        for (int c = 0; c < m_f.columns.size(); ++c) {
            const CsvRole r = m_f.roles[c];
            if (m_used.contains(c) || !stats(c).isAmounts() ||
                (r != CsvRole::None && r != CsvRole::Amount && r != CsvRole::Debit && r != CsvRole::Credit))
                continue;
            numeric.append(c);
        }
        // Two columns filled in turn, each row one of them: money out and money in.
        if (numeric.size() >= 2) {
            const int a = numeric[0];
            const int b = numeric[1];
            if (stats(a).filled < m_f.dataRows && stats(b).filled < m_f.dataRows &&
                stats(a).filled + stats(b).filled == m_f.dataRows) {
                m_p.debitColumn = take(a);
                m_p.creditColumn = take(b);
                return;
            }
        }
        // Otherwise the first with decimals or signs (whole numbers alone are ids and counts).
        for (const int c : numeric) {
            if (stats(c).amounts.withDecimals() > 0 || stats(c).amounts.negatives() > 0) {
                m_p.amountColumn = take(c);
                return;
            }
        }
        if (!numeric.isEmpty())
            m_p.amountColumn = take(numeric.first());
    }

    void chooseText()
    {
        m_p.currencyColumn = take(firstWithRole(CsvRole::Currency));
        if (m_p.currencyColumn >= 0 && !stats(m_p.currencyColumn).isCurrencyCodes() &&
            stats(m_p.currencyColumn).filled > 0) {
            m_used.remove(m_p.currencyColumn);
            m_p.currencyColumn = -1;
        }
        for (int c = 0; c < m_f.columns.size() && m_p.currencyColumn < 0; ++c) {
            if (!m_used.contains(c) && m_f.roles[c] == CsvRole::None && stats(c).isCurrencyCodes())
                m_p.currencyColumn = take(c);
        }
        m_p.counterpartyColumn = take(firstWithRole(CsvRole::Counterparty));
        m_p.referenceColumn = take(firstWithRole(CsvRole::Reference));
        m_p.checkNumberColumn = take(firstWithRole(CsvRole::CheckNumber));
        for (const CsvRole role : {CsvRole::Description, CsvRole::Memo}) {
            for (int c = firstWithRole(role); c >= 0; c = firstWithRole(role))
                m_p.descriptionColumns.append(take(c));
        }
        if (m_p.descriptionColumns.isEmpty()) {
            // The column with the longest text.
            int best = -1;
            for (int c = 0; c < m_f.columns.size(); ++c) {
                if (m_used.contains(c) || m_f.roles[c] != CsvRole::None || stats(c).withLetters == 0)
                    continue;
                if (best < 0 || stats(c).averageLength() > stats(best).averageLength())
                    best = c;
            }
            if (best >= 0)
                m_p.descriptionColumns.append(take(best));
        }
        if (!m_p.descriptionColumns.isEmpty()) {
            QStringList names;
            for (const int c : std::as_const(m_p.descriptionColumns))
                names.append(columnName(m_p, c));
            explanation.append(QStringLiteral("Description: %1").arg(names.join(QStringLiteral(", "))));
        }
        if (m_p.counterpartyColumn >= 0)
            explanation.append(QStringLiteral("Payee: %1").arg(columnName(m_p, m_p.counterpartyColumn)));
        if (m_p.referenceColumn >= 0) {
            const CsvColumnStats& s = stats(m_p.referenceColumn);
            const bool ids = s.unique && s.filled == m_f.dataRows && s.filled > 0;
            if (ids)
                m_p.idColumn = m_p.referenceColumn;
            explanation.append(
                QStringLiteral("Reference: %1%2")
                    .arg(columnName(m_p, m_p.referenceColumn),
                         ids ? QStringLiteral(" (unique in every row: used to recognise rows imported before)")
                             : QString()));
        }
        if (m_p.checkNumberColumn >= 0)
            explanation.append(QStringLiteral("Check number: %1").arg(columnName(m_p, m_p.checkNumberColumn)));
        if (m_p.currencyColumn >= 0)
            explanation.append(QStringLiteral("Currency: %1").arg(columnName(m_p, m_p.currencyColumn)));
    }

    void chooseSign()
    {
        if (m_p.debitColumn >= 0 || m_p.amountColumn < 0)
            return;
        if (stats(m_p.amountColumn).amounts.negatives() > 0) {
            explanation.append(QStringLiteral("Sign: negative amounts are money out"));
            return;
        }
        // Unsigned amounts: a column saying in or out.
        int direction = -1;
        QString debitValue;
        for (int c = 0; c < m_f.columns.size() && direction < 0; ++c) {
            const CsvColumnStats& s = stats(c);
            if (m_used.contains(c) || s.manyDistinct || s.filled < m_f.dataRows || s.distinct.isEmpty())
                continue;
            if (m_f.roles[c] != CsvRole::None && m_f.roles[c] != CsvRole::Direction)
                continue;
            bool known = true;
            QString out;
            for (const QString& v : s.distinct) {
                const int d = directionOf(v);
                known = known && d != 0;
                if (d < 0)
                    out = v;
            }
            if (known && (!out.isEmpty() || m_f.roles[c] == CsvRole::Direction)) {
                direction = c;
                debitValue = out;
            }
        }
        if (direction >= 0 && !debitValue.isEmpty()) {
            m_p.amountSign = AmountSign::Direction;
            m_p.directionColumn = take(direction);
            m_p.directionDebitValue = debitValue.toUpper();
            explanation.append(QStringLiteral("Sign: amounts are unsigned; %1 says money out with \"%2\"")
                                   .arg(columnName(m_p, direction), m_p.directionDebitValue));
            return;
        }
        explanation.append(QStringLiteral(
            "Sign: no amount is negative, so all are money in; choose \"negated\" if they are money out"));
    }

    Findings& m_f;
    CsvProfile& m_p;
    QSet<int> m_used;
};

// Pass 1: encoding and delimiter, from every line.
model::Status firstPass(QIODevice& in, CsvProfile& p, Findings& f, QStringList& explanation)
{
    const auto head = CsvInput::charsetFromHead(in);
    const bool utf16 = head && *head != text::Charset::Utf8;
    CsvInput input(in, head.value_or(text::Charset::Utf8));
    if (input.error())
        return *input.error();
    std::array<DelimiterCount, kDelimiters.size()> counts;
    for (size_t i = 0; i < kDelimiters.size(); ++i)
        counts[i].delimiter = kDelimiters[i];
    bool utf8 = true;
    QByteArray line;
    while (input.stream().readLine(line)) {
        if (utf8 && !utf16)
            utf8 = text::isValidUtf8(line);
        for (DelimiterCount& c : counts)
            c.line(line);
    }
    if (input.stream().error())
        return *input.stream().error();

    p.charset = utf16 ? input.charset() : (utf8 ? text::Charset::Utf8 : text::Charset::Windows1252);
    explanation.append(QStringLiteral("Encoding: %1%2")
                           .arg(charsetName(p.charset), head   ? QString()
                                                        : utf8 ? QStringLiteral(" (every line is valid UTF-8)")
                                                               : QStringLiteral(" (not valid UTF-8)")));

    const DelimiterCount* best = nullptr;
    for (const DelimiterCount& c : counts) {
        const auto [fields, records] = c.mode();
        if (fields < 2)
            continue;
        if (!best) {
            best = &c;
            continue;
        }
        const auto [bestFields, bestRecords] = best->mode();
        // Near ties (a comma inside every amount also splits rows evenly): more fields win.
        const bool nearTie = records * 10 >= bestRecords * 9 && bestRecords * 10 >= records * 9;
        if ((nearTie && fields > bestFields) || (!nearTie && records > bestRecords))
            best = &c;
    }
    if (!best)
        return Error::invalidData(QStringLiteral("this is not a CSV file Coffer can read: no comma, semicolon, tab or "
                                                 "vertical bar splits its rows into columns"));
    p.delimiter = best->delimiter;
    f.records = best->records;
    std::tie(f.modalFields, f.modalRecords) = best->mode();
    explanation.append(
        QStringLiteral("Delimiter: %1 (%2)")
            .arg(delimiterName(p.delimiter), f.modalRecords == f.records
                                                 ? QStringLiteral("every row has %1 fields").arg(f.modalFields)
                                                 : QStringLiteral("%1 of %2 rows have %3 fields")
                                                       .arg(f.modalRecords)
                                                       .arg(f.records)
                                                       .arg(f.modalFields)));
    return model::Ok{};
}

// Pass 2: header and the columns' values.
model::Status secondPass(QIODevice& in, Findings& f, QStringList& explanation)
{
    CsvProfile& p = f.profile;
    CsvInput input(in, p.charset);
    if (input.error())
        return *input.error();
    CsvReader reader(input.stream(), p.delimiter);
    CsvRecord record;
    CsvRecord previous; // the last record before the data, when it came right before
    int index = 0;
    bool started = false;
    f.columns.resize(f.modalFields);
    f.roles.fill(CsvRole::None, f.modalFields);
    auto takeHeader = [&](const CsvRecord& header) {
        p.hasHeader = true;
        for (int c = 0; c < f.modalFields; ++c) {
            p.headers.append(QString::fromUtf8(header.fields.value(c)).trimmed());
            f.roles[c] = roleForHeader(p.headers.last());
            f.columns[c].trackUnique = f.roles[c] == CsvRole::Reference;
        }
    };
    // A header one field short of the rows (rows ending in a delimiter: Chase), or one longer
    // with an empty last cell, still names the columns.
    auto nearlyHeader = [&](const CsvRecord& header) {
        const qsizetype n = header.fields.size();
        return (n == f.modalFields - 1 || (n == f.modalFields + 1 && header.fields.last().trimmed().isEmpty())) &&
               shapeOf(header) == RowShape::Header;
    };
    for (; reader.next(record); ++index) {
        if (record.isBlank()) {
            if (!started) {
                p.skipRows = index + 1;
                previous.fields.clear();
            }
            continue;
        }
        if (record.fields.size() != f.modalFields) {
            if (!started) {
                p.skipRows = index + 1;
                previous = record;
            }
            continue;
        }
        if (!started) {
            const RowShape shape = shapeOf(record);
            if (shape == RowShape::Other) {
                p.skipRows = index + 1;
                previous.fields.clear();
                continue;
            }
            started = true;
            p.skipRows = index;
            if (shape == RowShape::Header) {
                takeHeader(record);
                continue;
            }
            p.hasHeader = false;
            if (!previous.fields.isEmpty() && nearlyHeader(previous)) {
                p.skipRows = index - 1;
                takeHeader(previous);
            }
        }
        ++f.dataRows;
        for (int c = 0; c < f.modalFields; ++c) {
            const QByteArrayView cell = QByteArrayView(record.fields[c]).trimmed();
            if (!cell.isEmpty())
                f.columns[c].add(cell);
        }
    }
    if (reader.error())
        return *reader.error();
    if (p.skipRows > 0)
        explanation.append(QStringLiteral("Skipped: the first %1 rows (before the %2)")
                               .arg(p.skipRows)
                               .arg(p.hasHeader ? QStringLiteral("header") : QStringLiteral("first transaction")));
    explanation.append(p.hasHeader ? QStringLiteral("Header: row %1 names the columns").arg(p.skipRows + 1)
                                   : QStringLiteral("Header: none (the columns are told by their values)"));
    return model::Ok{};
}

} // namespace

model::Result<CsvSniff> CsvSniffer::sniff(QIODevice& in)
{
    if (in.isSequential())
        return Error::invalidData(
            QStringLiteral("the CSV file must be read twice to detect its columns, and this one cannot be"));
    Findings f;
    CsvSniff sniff;
    if (auto s = firstPass(in, f.profile, f, sniff.explanation); !s)
        return s.error();
    if (auto s = secondPass(in, f, sniff.explanation); !s)
        return s.error();
    Decider decider(f);
    decider.run();
    sniff.explanation.append(decider.explanation);
    sniff.profile = f.profile;
    return sniff;
}

} // namespace coffer::importers::csv

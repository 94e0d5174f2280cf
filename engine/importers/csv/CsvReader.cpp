#include "importers/csv/CsvReader.h"

#include "importers/text/ByteStream.h"

namespace coffer::importers::csv {

bool CsvRecord::isBlank() const
{
    for (const QByteArray& field : fields) {
        for (const char c : field) {
            if (c != ' ' && c != '\t')
                return false;
        }
    }
    return true;
}

CsvReader::CsvReader(text::ByteStream& in, char delimiter)
    : m_in(in)
    , m_delimiter(delimiter)
{
}

bool CsvReader::fail(qint64 line, const QString& why)
{
    m_error = model::Error::invalidData(QStringLiteral("line %1: %2").arg(line).arg(why));
    return false;
}

bool CsvReader::next(CsvRecord& record)
{
    record.fields.clear();
    record.raw.clear();
    if (m_error)
        return false;
    record.line = m_in.lineNumber();
    if (!m_in.readLine(m_line)) {
        if (m_in.error())
            m_error = m_in.error();
        return false;
    }

    QByteArray field;
    bool inQuotes = false;
    bool afterQuote = false; // the current field's closing quote was read
    for (;;) {
        record.raw.append(m_line);
        const char* p = m_line.constData();
        const qsizetype n = m_line.size();
        qsizetype i = 0;
        while (i < n) {
            if (inQuotes) {
                qsizetype j = i;
                while (j < n && p[j] != '"')
                    ++j;
                field.append(p + i, j - i);
                if (j == n) {
                    i = n;
                    break;
                }
                if (j + 1 < n && p[j + 1] == '"') {
                    field.append('"');
                    i = j + 2;
                } else {
                    inQuotes = false;
                    afterQuote = true;
                    i = j + 1;
                }
                continue;
            }
            const char c = p[i];
            if (c == m_delimiter) {
                if (record.fields.size() >= kMaxFields)
                    return fail(record.line, QStringLiteral("more than %1 fields").arg(kMaxFields));
                record.fields.append(field);
                field.clear();
                afterQuote = false;
                ++i;
                continue;
            }
            if (c == '"' && !afterQuote && field.trimmed().isEmpty()) {
                field.clear();
                inQuotes = true;
                ++i;
                continue;
            }
            if (afterQuote && (c == ' ' || c == '\t')) {
                ++i;
                continue;
            }
            qsizetype j = i + 1;
            while (j < n && p[j] != m_delimiter && p[j] != '"')
                ++j;
            field.append(p + i, j - i);
            i = j;
        }
        if (!inQuotes)
            break;
        // A line break inside quotes belongs to the field.
        const qint64 opened = record.line;
        if (!m_in.readLine(m_line)) {
            if (m_in.error()) {
                m_error = m_in.error();
                return false;
            }
            return fail(opened, QStringLiteral("a quoted field is never closed"));
        }
        field.append('\n');
        record.raw.append('\n');
        if (record.raw.size() > text::ByteStream::kMaxRecordBytes)
            return fail(opened, QStringLiteral("a quoted field longer than %1 MiB")
                                    .arg(text::ByteStream::kMaxRecordBytes / (1024 * 1024)));
    }
    if (record.fields.size() >= kMaxFields)
        return fail(record.line, QStringLiteral("more than %1 fields").arg(kMaxFields));
    record.fields.append(field);
    return true;
}

} // namespace coffer::importers::csv

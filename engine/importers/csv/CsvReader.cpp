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

bool CsvReader::fail(CsvRecord& record, qint64 line, const QString& why)
{
    m_error = model::Error::invalidData(QStringLiteral("line %1: %2").arg(line).arg(why));
    return endRecord(record, 0, false);
}

bool CsvReader::next(CsvRecord& record)
{
    // The record's field buffers are reused from one record to the next: no allocation per cell.
    qsizetype count = 0;
    auto field = [&]() -> QByteArray& {
        if (count == record.fields.size())
            record.fields.emplaceBack();
        return record.fields[count];
    };
    auto finishField = [&]() {
        ++count;
        if (count < record.fields.size())
            record.fields[count].truncate(0);
    };
    record.raw.truncate(0);
    if (!record.fields.isEmpty())
        record.fields[0].truncate(0);
    if (m_error)
        return endRecord(record, 0, false);
    record.line = m_in.lineNumber();
    if (!m_in.readLine(m_line)) {
        if (m_in.error())
            m_error = m_in.error();
        return endRecord(record, 0, false);
    }

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
                field().append(p + i, j - i);
                if (j == n) {
                    i = n;
                    break;
                }
                if (j + 1 < n && p[j + 1] == '"') {
                    field().append('"');
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
                if (count + 1 >= kMaxFields)
                    return fail(record, record.line, QStringLiteral("more than %1 fields").arg(kMaxFields));
                field(); // an empty field still counts
                finishField();
                afterQuote = false;
                ++i;
                continue;
            }
            if (c == '"' && !afterQuote && field().trimmed().isEmpty()) {
                field().truncate(0);
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
            field().append(p + i, j - i);
            i = j;
        }
        if (!inQuotes)
            break;
        // A line break inside quotes belongs to the field.
        const qint64 opened = record.line;
        if (!m_in.readLine(m_line)) {
            if (m_in.error()) {
                m_error = m_in.error();
                return endRecord(record, 0, false);
            }
            return fail(record, opened, QStringLiteral("a quoted field is never closed"));
        }
        field().append('\n');
        record.raw.append('\n');
        if (record.raw.size() > text::ByteStream::kMaxRecordBytes)
            return fail(record, opened,
                        QStringLiteral("a quoted field longer than %1 MiB")
                            .arg(text::ByteStream::kMaxRecordBytes / (1024 * 1024)));
    }
    field();
    return endRecord(record, count + 1, true);
}

bool CsvReader::endRecord(CsvRecord& record, qsizetype fields, bool ok)
{
    record.fields.resize(fields);
    return ok;
}

} // namespace coffer::importers::csv

#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QList>

#include <optional>

namespace coffer::importers::text {
class ByteStream;
}

namespace coffer::importers::csv {

// One record of a CSV file: its fields (quotes removed, "" unescaped, line breaks inside quotes
// kept as LF), the bytes it was read from, and the line it starts on.
struct CsvRecord {
    QList<QByteArray> fields;
    QByteArray raw;
    qint64 line = 0;

    // True when every field is empty or white space (a blank line, ";;;;").
    bool isBlank() const;
};

// Reads CSV records (RFC 4180) from a ByteStream, with the quirks real exports have: any
// one-byte delimiter, LF, CRLF or CR line ends, a missing final line end, quoted fields holding
// delimiters, "" and line breaks, spaces before an opening quote or after a closing one, and a
// quote inside an unquoted field taken literally (5" screen). Strict where guessing would lose
// data: a quoted field still open at the end of the file is an error naming the line it began
// on. Bounded: a record of more than kMaxFields fields or ByteStream::kMaxRecordBytes bytes is an
// error. Linear in the file's size. A BOM is the caller's business (the stream starts after it).
// Thread affinity: the caller's; one parse.
class CsvReader {
public:
    static constexpr int kMaxFields = 1000;

    CsvReader(text::ByteStream& in, char delimiter);

    // The next record; false at the end of the file or on an error (see error()).
    bool next(CsvRecord& record);
    const std::optional<model::Error>& error() const { return m_error; }

private:
    bool fail(CsvRecord& record, qint64 line, const QString& why);
    static bool endRecord(CsvRecord& record, qsizetype fields, bool ok);

    text::ByteStream& m_in;
    char m_delimiter;
    QByteArray m_line;
    std::optional<model::Error> m_error;
};

} // namespace coffer::importers::csv

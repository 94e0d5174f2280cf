#pragma once

#include "model/Result.h"

#include <QByteArray>

class QIODevice;

namespace coffer::importers::text {

// Reads a device front to back in fixed chunks, so a parser never holds more of a file than one
// chunk plus the record it is reading, and counts lines for error messages. Line ends: LF, CRLF,
// and a lone CR (old Macs). A last line without its line end is a line. A record longer than
// kMaxRecordBytes is an error (a binary file or a hostile one), not a reason to buffer forever.
// Thread affinity: the caller's; one parse.
class ByteStream {
public:
    static constexpr qsizetype kChunkBytes = 256 * 1024;
    static constexpr qsizetype kMaxRecordBytes = 4 * 1024 * 1024;

    explicit ByteStream(QIODevice& in);

    // The next byte without consuming it, or -1 at the end.
    int peek();
    // The next byte, or -1 at the end.
    int get();
    bool atEnd() { return peek() < 0; }

    // The next line without its line end; false at the end of the file (or on an error: see
    // error()). `line` is replaced, not appended to.
    bool readLine(QByteArray& line);
    // Bytes up to (not including) `stop`, which stays unread; at the end of the file, what is left.
    // False when nothing was read and the file is at its end, or on an error.
    bool readUntil(char stop, QByteArray& out);
    // The same without a copy where it can: `out` views the stream's own buffer when the bytes lie
    // in the chunk already read, else `spill`, which then holds them. The view is valid until the
    // next call that reads from the stream.
    bool readUntil(char stop, QByteArrayView& out, QByteArray& spill);
    // Skips spaces, tabs and line ends.
    void skipSpace();

    // The 1-based line number of the next unread byte.
    qint64 lineNumber() const { return m_line; }
    qint64 bytesRead() const { return m_consumed + m_pos; }
    // Set when a record was too long or the device failed; parsers stop and return it.
    const std::optional<model::Error>& error() const { return m_error; }

private:
    bool fill();
    void countLineEnd(char c);

    QIODevice& m_in;
    QByteArray m_buf;
    qsizetype m_pos = 0;
    qint64 m_consumed = 0;
    qint64 m_line = 1;
    bool m_lastWasCr = false;
    bool m_eof = false;
    std::optional<model::Error> m_error;
};

} // namespace coffer::importers::text

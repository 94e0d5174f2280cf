#include "importers/text/ByteStream.h"

#include <QIODevice>

namespace coffer::importers::text {

using model::Error;

ByteStream::ByteStream(QIODevice& in)
    : m_in(in)
{
}

bool ByteStream::fill()
{
    if (m_pos < m_buf.size())
        return true;
    if (m_eof || m_error)
        return false;
    m_consumed += m_buf.size();
    m_buf.resize(kChunkBytes);
    const qint64 n = m_in.read(m_buf.data(), kChunkBytes);
    m_pos = 0;
    if (n < 0) {
        m_buf.clear();
        m_error = Error::invalidData(QStringLiteral("the file could not be read (%1)").arg(m_in.errorString()));
        return false;
    }
    m_buf.resize(n);
    if (n == 0) {
        m_eof = true;
        return false;
    }
    return true;
}

void ByteStream::countLineEnd(char c)
{
    if (c == '\n') {
        if (!m_lastWasCr)
            ++m_line;
        m_lastWasCr = false;
    } else if (c == '\r') {
        ++m_line;
        m_lastWasCr = true;
    } else {
        m_lastWasCr = false;
    }
}

int ByteStream::peek()
{
    if (!fill())
        return -1;
    return static_cast<unsigned char>(m_buf[m_pos]);
}

int ByteStream::get()
{
    if (!fill())
        return -1;
    const char c = m_buf[m_pos++];
    countLineEnd(c);
    return static_cast<unsigned char>(c);
}

bool ByteStream::readUntil(char stop, QByteArray& out)
{
    out.resize(0); // keeps the capacity: no allocation per call once the buffer has grown
    bool any = false;
    while (fill()) {
        any = true;
        const qsizetype start = m_pos;
        const qsizetype found = m_buf.indexOf(stop, start);
        const qsizetype end = found < 0 ? m_buf.size() : found;
        for (qsizetype i = start; i < end; ++i)
            countLineEnd(m_buf[i]);
        out.append(m_buf.constData() + start, end - start);
        m_pos = end;
        if (out.size() > kMaxRecordBytes) {
            m_error = Error::invalidData(QStringLiteral("line %1: a record longer than %2 MiB")
                                             .arg(m_line)
                                             .arg(kMaxRecordBytes / (1024 * 1024)));
            return false;
        }
        if (found >= 0)
            return true;
    }
    return any && !m_error;
}

bool ByteStream::readUntil(char stop, QByteArrayView& out, QByteArray& spill)
{
    if (fill()) {
        const qsizetype start = m_pos;
        const qsizetype found = m_buf.indexOf(stop, start);
        if (found >= 0 && found - start <= kMaxRecordBytes) {
            for (qsizetype i = start; i < found; ++i)
                countLineEnd(m_buf[i]);
            m_pos = found;
            out = QByteArrayView(m_buf).sliced(start, found - start);
            return true;
        }
    }
    const bool read = readUntil(stop, spill);
    out = spill;
    return read;
}

bool ByteStream::readLine(QByteArray& line)
{
    line.resize(0); // keeps its capacity: clear() would free it and every line would allocate again
    if (!fill())
        return false;
    // A CRLF split across the previous call: the LF belongs to the line already returned.
    if (m_lastWasCr && m_buf[m_pos] == '\n') {
        ++m_pos;
        m_lastWasCr = false;
        if (!fill())
            return false;
    }
    while (fill()) {
        const qsizetype start = m_pos;
        qsizetype i = start;
        const qsizetype n = m_buf.size();
        while (i < n && m_buf[i] != '\n' && m_buf[i] != '\r')
            ++i;
        line.append(m_buf.constData() + start, i - start);
        m_pos = i;
        if (line.size() > kMaxRecordBytes) {
            m_error = Error::invalidData(
                QStringLiteral("line %1: longer than %2 MiB").arg(m_line).arg(kMaxRecordBytes / (1024 * 1024)));
            return false;
        }
        if (i < n) {
            const char end = m_buf[m_pos++];
            countLineEnd(end);
            if (end == '\r' && fill() && m_buf[m_pos] == '\n') {
                ++m_pos;
                m_lastWasCr = false;
            }
            return true;
        }
    }
    return !m_error;
}

void ByteStream::skipSpace()
{
    for (int c = peek(); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = peek())
        get();
}

} // namespace coffer::importers::text

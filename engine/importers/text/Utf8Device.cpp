#include "importers/text/Utf8Device.h"

#include <cstring>

namespace coffer::importers::text {

namespace {

QStringDecoder decoderFor(Charset charset)
{
    switch (charset) {
    case Charset::Utf16LE:
        return QStringDecoder(QStringDecoder::Utf16LE);
    case Charset::Utf16BE:
        return QStringDecoder(QStringDecoder::Utf16BE);
    default:
        return QStringDecoder(QStringDecoder::Utf8); // unused: single-byte charsets have no state
    }
}

} // namespace

Utf8Device::Utf8Device(QIODevice& source, Charset charset)
    : m_source(source)
    , m_charset(charset)
    , m_decoder(decoderFor(charset))
{
    open(QIODevice::ReadOnly);
}

qint64 Utf8Device::readData(char* data, qint64 maxSize)
{
    while (m_pendingPos >= m_pending.size() && !m_sourceDone) {
        QByteArray chunk(kChunkBytes, Qt::Uninitialized);
        const qint64 n = m_source.read(chunk.data(), kChunkBytes);
        if (n < 0) {
            setErrorString(m_source.errorString());
            return -1;
        }
        chunk.resize(n);
        if (n == 0)
            m_sourceDone = true;
        const bool utf16 = m_charset == Charset::Utf16LE || m_charset == Charset::Utf16BE;
        if (utf16) {
            // A surrogate pair split by the chunk waits for its second half.
            QString decoded = m_carry + QString(m_decoder.decode(chunk));
            m_carry.clear();
            if (!m_sourceDone && !decoded.isEmpty() && decoded.back().isHighSurrogate()) {
                m_carry = decoded.back();
                decoded.chop(1);
            }
            m_pending = decoded.toUtf8();
        } else {
            m_pending = decode(chunk, m_charset).toUtf8();
        }
        m_sourceBytes += n;
        if (m_sourceDone && utf16 && m_sourceBytes % 2 != 0)
            m_pending.append("\xEF\xBF\xBD"); // a last odd byte
        m_pendingPos = 0;
    }
    const qint64 n = qMin<qint64>(maxSize, m_pending.size() - m_pendingPos);
    if (n <= 0)
        return 0; // the end (ByteStream reads 0 as the end of the file)
    std::memcpy(data, m_pending.constData() + m_pendingPos, size_t(n));
    m_pendingPos += n;
    return n;
}

} // namespace coffer::importers::text

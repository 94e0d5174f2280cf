#include "webhooks/HttpRequestReader.h"

namespace coffer::webhooks {

namespace {

const QByteArray kHeadEnd = QByteArrayLiteral("\r\n\r\n");
constexpr int kMaxContentLengthDigits = 18; // fits qint64; anything longer is over every limit anyway

// RFC 9110 tchar: what a method or a header name may consist of.
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(const QByteArray& text)
{
    if (text.isEmpty())
        return false;
    for (char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

bool hasControlCharacters(const QByteArray& text)
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t') || u == 0x7f)
            return true;
    }
    return false;
}

} // namespace

QByteArray HttpRequest::header(const QByteArray& name) const
{
    const QByteArray wanted = name.toLower();
    for (const auto& [key, value] : headers) {
        if (key == wanted)
            return value;
    }
    return {};
}

HttpRequestReader::HttpRequestReader(HttpLimits limits)
    : m_limits(limits)
{
}

HttpRequestReader::State HttpRequestReader::feed(const QByteArray& bytes)
{
    if (m_state != State::Incomplete)
        return m_state;
    QByteArray rest;
    if (m_bodyLength < 0) {
        m_buffer += bytes;
        const qsizetype end = m_buffer.indexOf(kHeadEnd);
        if (end < 0) {
            if (m_buffer.size() > m_limits.maxHeadBytes)
                return fail(
                    431,
                    QStringLiteral("the request line and headers are longer than %1 bytes").arg(m_limits.maxHeadBytes));
            return State::Incomplete;
        }
        if (end > m_limits.maxHeadBytes)
            return fail(
                431,
                QStringLiteral("the request line and headers are longer than %1 bytes").arg(m_limits.maxHeadBytes));
        if (parseHead(m_buffer.left(end)) == State::Failed)
            return m_state;
        rest = m_buffer.mid(end + kHeadEnd.size());
        m_buffer.clear();
    } else {
        rest = bytes;
    }
    const qint64 missing = m_bodyLength - m_request.body.size();
    m_request.body += rest.left(qsizetype(missing));
    if (m_request.body.size() == m_bodyLength)
        m_state = State::Complete;
    return m_state;
}

HttpRequestReader::State HttpRequestReader::fail(int status, const QString& reason)
{
    m_state = State::Failed;
    m_errorStatus = status;
    m_errorReason = reason;
    m_buffer.clear();
    m_request = {};
    return m_state;
}

HttpRequestReader::State HttpRequestReader::parseHead(const QByteArray& head)
{
    const QList<QByteArray> lines = head.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        // Every line but the last ends in CRLF; split() left the CR on it. A bare LF or CR is refused.
        QByteArray line = lines[i];
        if (i + 1 < lines.size()) {
            if (!line.endsWith('\r'))
                return fail(400, QStringLiteral("a header line ends without CRLF"));
            line.chop(1);
        }
        if (line.contains('\r'))
            return fail(400, QStringLiteral("a header line holds a bare CR"));
        if (i == 0) {
            if (parseRequestLine(line) == State::Failed)
                return m_state;
        } else if (parseHeaderLine(line) == State::Failed) {
            return m_state;
        }
    }
    return checkFraming();
}

HttpRequestReader::State HttpRequestReader::parseRequestLine(const QByteArray& line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3 || !isToken(parts[0]) || !parts[1].startsWith('/') || hasControlCharacters(parts[1]))
        return fail(400, QStringLiteral("the request line is not \"METHOD /path HTTP/1.1\""));
    if (parts[2] != "HTTP/1.1" && parts[2] != "HTTP/1.0")
        return fail(parts[2].startsWith("HTTP/") ? 505 : 400,
                    QStringLiteral("only HTTP/1.1 (and 1.0) requests are understood"));
    m_request.method = parts[0];
    const qsizetype query = parts[1].indexOf('?');
    m_request.path = query < 0 ? parts[1] : parts[1].left(query);
    m_request.headers.clear();
    m_http11 = parts[2] == "HTTP/1.1";
    return State::Incomplete;
}

HttpRequestReader::State HttpRequestReader::parseHeaderLine(const QByteArray& line)
{
    if (line.startsWith(' ') || line.startsWith('\t'))
        return fail(400, QStringLiteral("folded header lines are not accepted"));
    const qsizetype colon = line.indexOf(':');
    const QByteArray name = colon < 0 ? QByteArray() : line.left(colon);
    if (!isToken(name))
        return fail(400, QStringLiteral("a header line is not \"Name: value\""));
    const QByteArray value = line.mid(colon + 1).trimmed();
    if (hasControlCharacters(value))
        return fail(400, QStringLiteral("the header %1 holds control characters").arg(QString::fromLatin1(name)));
    if (m_request.headers.size() >= m_limits.maxHeaders)
        return fail(431, QStringLiteral("more than %1 headers").arg(m_limits.maxHeaders));
    m_request.headers.append({name.toLower(), value});
    return State::Incomplete;
}

HttpRequestReader::State HttpRequestReader::checkFraming()
{
    m_bodyLength = 0;
    QList<QByteArray> lengths;
    bool hasHost = false;
    for (const auto& [name, value] : m_request.headers) {
        if (name == "transfer-encoding")
            return fail(501, QStringLiteral("Transfer-Encoding is not supported; send Content-Length"));
        if (name == "content-length")
            lengths << value;
        hasHost = hasHost || name == "host";
    }
    if (m_http11 && !hasHost)
        return fail(400, QStringLiteral("an HTTP/1.1 request without a Host header"));
    if (lengths.size() > 1)
        return fail(400, QStringLiteral("more than one Content-Length header"));
    if (lengths.isEmpty()) {
        if (m_request.method == "POST" || m_request.method == "PUT")
            return fail(
                411,
                QStringLiteral("a %1 request must send Content-Length").arg(QString::fromLatin1(m_request.method)));
        return State::Incomplete;
    }
    const QByteArray& text = lengths.first();
    bool digits = !text.isEmpty() && text.size() <= kMaxContentLengthDigits;
    for (char c : text)
        digits = digits && c >= '0' && c <= '9';
    if (!digits)
        return fail(400, QStringLiteral("Content-Length is not a number"));
    const qint64 length = text.toLongLong();
    if (length > m_limits.maxBodyBytes)
        return fail(413, QStringLiteral("the body is longer than %1 bytes").arg(m_limits.maxBodyBytes));
    m_bodyLength = length;
    m_request.body.reserve(qsizetype(length));
    return State::Incomplete;
}

} // namespace coffer::webhooks

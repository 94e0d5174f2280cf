#include "importers/text/XmlPullReader.h"

namespace coffer::importers::text {

using model::Error;

namespace {

constexpr qsizetype kMaxMarkupBytes = ByteStream::kMaxRecordBytes;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isNameChar(char c, bool first)
{
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || c == '_' || c == ':' || u >= 0x80)
        return true;
    return !first && ((u >= '0' && u <= '9') || c == '-' || c == '.');
}

bool isName(QByteArrayView name)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (!isNameChar(name[i], i == 0))
            return false;
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView v)
{
    while (!v.isEmpty() && isSpace(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && isSpace(v.back()))
        v.chop(1);
    return v;
}

QString shown(QByteArrayView bytes)
{
    return QString::fromUtf8(bytes.first(std::min<qsizetype>(bytes.size(), 40)));
}

// The code point of a character reference's digits ("#233", "#xE9"), or -1.
char32_t codePoint(QByteArrayView ref)
{
    const bool hex = ref.startsWith("#x");
    const QByteArrayView digits = ref.sliced(hex ? 2 : 1);
    if (digits.isEmpty() || digits.size() > 8)
        return 0;
    char32_t value = 0;
    for (const char c : digits) {
        int d = -1;
        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
            d = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
            d = c - 'A' + 10;
        if (d < 0)
            return 0;
        value = value * (hex ? 16 : 10) + static_cast<char32_t>(d);
    }
    const bool allowed = value == 0x9 || value == 0xA || value == 0xD || (value >= 0x20 && value <= 0xD7FF) ||
                         (value >= 0xE000 && value <= 0xFFFD) || (value >= 0x10000 && value <= 0x10FFFF);
    return allowed ? value : 0;
}

} // namespace

XmlPullReader::XmlPullReader(QIODevice& in)
    : m_bytes(in)
{
}

QStringView XmlPullReader::attribute(QStringView localName) const
{
    for (const Attribute& a : attributes()) {
        if (a.name == localName)
            return a.value;
    }
    return {};
}

XmlPullReader::Token XmlPullReader::next()
{
    m_token = read();
    return m_token;
}

XmlPullReader::Token XmlPullReader::read()
{
    if (m_error)
        return Token::Error;
    if (!m_started) {
        m_started = true;
        if (!readBom())
            return Token::Error;
    }
    if (m_pendingEnd) { // <Empty/>: its end follows its start
        m_pendingEnd = false;
        m_open.truncate(m_openStarts.takeLast());
        if (--m_depth == 0)
            m_rootClosed = true;
        return Token::EndElement;
    }
    for (;;) {
        const int c = m_bytes.peek();
        if (c < 0)
            return m_rootClosed && !m_bytes.error() ? Token::End : failEnd();
        if (c == '<') {
            if (const std::optional<Token> token = readMarkup())
                return *token;
            continue;
        }
        QByteArrayView text;
        if (!m_bytes.readUntil('<', text, m_spill))
            return failEnd();
        m_whitespace = std::all_of(text.begin(), text.end(), isSpace);
        if (m_depth == 0) {
            if (!m_whitespace)
                return failXml(m_rootClosed ? QStringLiteral("text after the root element")
                                            : QStringLiteral("text outside the root element"));
            continue;
        }
        m_text.resize(0);
        if (!appendDecoded(m_text, text))
            return Token::Error;
        return Token::Text;
    }
}

XmlPullReader::Token XmlPullReader::fail(const QString& what)
{
    if (!m_error)
        m_error = Error::invalidData(QStringLiteral("line %1: %2").arg(m_bytes.lineNumber()).arg(what));
    return Token::Error;
}

XmlPullReader::Token XmlPullReader::failEnd()
{
    if (m_bytes.error()) {
        m_error = m_bytes.error();
        return Token::Error;
    }
    if (m_depth > 0) {
        const QByteArrayView open = QByteArrayView(m_open).sliced(m_openStarts.last());
        return fail(QStringLiteral("the file ends inside <%1>").arg(shown(open.sliced(open.lastIndexOf(':') + 1))));
    }
    if (!m_rootSeen && m_bytes.bytesRead() <= m_bomLength)
        return fail(QStringLiteral("the file is empty"));
    return fail(m_rootSeen ? QStringLiteral("the file ends inside a tag")
                           : QStringLiteral("the file ends before its root element"));
}

bool XmlPullReader::readBom()
{
    const int first = m_bytes.peek();
    if (first == 0xFE || first == 0xFF || first == 0x00) {
        fail(QStringLiteral("the file is in UTF-16 or binary; XML statements are read in UTF-8 or ISO-8859-1"));
        return false;
    }
    if (first != 0xEF)
        return true;
    const char expected[] = {'\xEF', '\xBB', '\xBF'};
    for (const char byte : expected) {
        if (m_bytes.get() != static_cast<unsigned char>(byte)) {
            failXml(QStringLiteral("the file starts with bytes that are not a UTF-8 byte-order mark"));
            return false;
        }
    }
    m_bomLength = 3;
    return true;
}

std::optional<XmlPullReader::Token> XmlPullReader::readMarkup()
{
    const qint64 at = m_bytes.bytesRead();
    m_bytes.get(); // '<'
    const int c = m_bytes.peek();
    if (c == '/') {
        m_bytes.get();
        return readEndTag();
    }
    if (c == '!') {
        m_bytes.get();
        return readSpecial();
    }
    if (c != '?')
        return readStartTag();
    m_bytes.get();
    if (!readUntilEnd("?>"))
        return Token::Error;
    const QByteArrayView content = m_markup;
    const bool declaration = content.startsWith("xml") && (content.size() == 3 || isSpace(content[3]));
    if (!declaration)
        return std::nullopt; // a processing instruction: skipped
    if (at != m_bomLength)
        return failXml(QStringLiteral("the XML declaration is not at the start of the file"));
    return readDeclaration(content);
}

std::optional<XmlPullReader::Token> XmlPullReader::readDeclaration(QByteArrayView content)
{
    const qsizetype key = content.indexOf("encoding");
    if (key < 0)
        return std::nullopt;
    QByteArrayView rest = trimmed(content.sliced(key + 8));
    if (!rest.startsWith('='))
        return failXml(QStringLiteral("the XML declaration's encoding has no value"));
    rest = trimmed(rest.sliced(1));
    const char quote = rest.isEmpty() ? '\0' : rest.front();
    const qsizetype close = quote == '"' || quote == '\'' ? rest.indexOf(quote, 1) : -1;
    if (close < 0)
        return failXml(QStringLiteral("the XML declaration's encoding is not quoted"));
    const QByteArrayView name = rest.sliced(1, close - 1);
    const std::optional<Charset> charset = charsetFromName(name);
    if (!charset || *charset == Charset::Utf16LE || *charset == Charset::Utf16BE)
        return fail(QStringLiteral("the encoding \"%1\" is not supported").arg(shown(name)));
    m_charset = *charset;
    return std::nullopt;
}

std::optional<XmlPullReader::Token> XmlPullReader::readSpecial()
{
    const int c = m_bytes.get();
    if (c == '-') {
        if (m_bytes.get() != '-')
            return failXml(QStringLiteral("\"<!-\" starts no comment"));
        if (!readUntilEnd("-->"))
            return Token::Error;
        return std::nullopt; // a comment
    }
    if (c == '[') {
        for (const char expected : QByteArrayView("CDATA[")) {
            if (m_bytes.get() != static_cast<unsigned char>(expected))
                return m_bytes.atEnd() ? failEnd() : failXml(QStringLiteral("\"<![\" starts no CDATA section"));
        }
        if (!readUntilEnd("]]>"))
            return Token::Error;
        if (m_depth == 0)
            return failXml(QStringLiteral("a CDATA section outside the root element"));
        m_text.resize(0);
        appendChars(m_text, m_markup);
        m_whitespace = false;
        return Token::Text;
    }
    if (c == 'D')
        return fail(QStringLiteral("the file declares a DTD (<!DOCTYPE>), which is not accepted"));
    return c < 0 ? failEnd() : failXml(QStringLiteral("\"<!\" starts no comment or CDATA section"));
}

bool XmlPullReader::readUntilEnd(QByteArrayView terminator)
{
    const QByteArrayView before = terminator.chopped(1); // the terminator up to its '>'
    m_markup.resize(0);
    for (;;) {
        QByteArrayView part;
        if (!m_bytes.readUntil('>', part, m_spill) || m_bytes.get() != '>') {
            failEnd();
            return false;
        }
        m_markup.append(part);
        if (m_markup.endsWith(before)) {
            m_markup.chop(before.size());
            return true;
        }
        m_markup.append('>');
        if (m_markup.size() > kMaxMarkupBytes) {
            fail(QStringLiteral("a comment or CDATA section longer than %1 MiB").arg(kMaxMarkupBytes / (1024 * 1024)));
            return false;
        }
    }
}

XmlPullReader::Token XmlPullReader::readStartTag()
{
    // The tag up to its '>'; a '>' inside a quoted attribute value does not end it.
    QByteArrayView tag;
    if (!m_bytes.readUntil('>', tag, m_spill) || m_bytes.get() != '>')
        return failEnd();
    char quote = 0;
    for (const char c : tag) {
        if (quote ? c == quote : (c == '"' || c == '\''))
            quote = quote ? 0 : c;
    }
    if (quote) {
        m_markup = tag.toByteArray();
        while (quote) {
            m_markup.append('>');
            QByteArrayView part;
            if (!m_bytes.readUntil('>', part, m_spill) || m_bytes.get() != '>')
                return failEnd();
            for (const char c : part) {
                if (c == quote)
                    quote = 0;
                else if (!quote && (c == '"' || c == '\''))
                    quote = c;
            }
            m_markup.append(part);
            if (m_markup.size() > kMaxMarkupBytes)
                return fail(QStringLiteral("a tag longer than %1 MiB").arg(kMaxMarkupBytes / (1024 * 1024)));
        }
        tag = m_markup;
    }
    const bool empty = tag.endsWith('/');
    if (empty)
        tag.chop(1);
    qsizetype nameEnd = 0;
    while (nameEnd < tag.size() && !isSpace(tag[nameEnd]))
        ++nameEnd;
    const QByteArrayView qualified = tag.first(nameEnd);
    if (!isName(qualified))
        return failXml(QStringLiteral("\"<%1\" is not a tag").arg(shown(qualified)));
    if (m_rootClosed)
        return failXml(QStringLiteral("a second root element <%1>").arg(shown(qualified)));
    if (m_depth >= kMaxDepth)
        return fail(QStringLiteral("elements nested more than %1 deep").arg(kMaxDepth));
    const bool root = !m_rootSeen;
    m_rootSeen = true;
    if (root) {
        const qsizetype colon = qualified.indexOf(':');
        m_rootPrefix = colon < 0 ? QByteArray("xmlns") : "xmlns:" + qualified.first(colon).toByteArray();
    }
    if (!setName(qualified) || !parseAttributes(tag.sliced(nameEnd), root))
        return Token::Error;
    m_openStarts.append(m_open.size());
    m_open.append(qualified);
    ++m_depth;
    m_pendingEnd = empty;
    return Token::StartElement;
}

bool XmlPullReader::parseAttributes(QByteArrayView rest, bool root)
{
    m_attributeCount = 0;
    qsizetype i = 0;
    const qsizetype n = rest.size();
    for (;;) {
        const qsizetype spaceStart = i;
        while (i < n && isSpace(rest[i]))
            ++i;
        if (i == n)
            break;
        if (i == spaceStart) {
            failXml(QStringLiteral("attributes must be separated by white space"));
            return false;
        }
        const qsizetype nameStart = i;
        while (i < n && rest[i] != '=' && !isSpace(rest[i]))
            ++i;
        const QByteArrayView name = rest.sliced(nameStart, i - nameStart);
        while (i < n && isSpace(rest[i]))
            ++i;
        if (!isName(name) || i == n || rest[i] != '=') {
            failXml(QStringLiteral("\"%1\" is not an attribute (name=\"value\")").arg(shown(name)));
            return false;
        }
        ++i;
        while (i < n && isSpace(rest[i]))
            ++i;
        const char quote = i < n ? rest[i] : '\0';
        const qsizetype close = quote == '"' || quote == '\'' ? rest.indexOf(quote, i + 1) : -1;
        if (close < 0) {
            failXml(QStringLiteral("the value of the attribute %1 is not quoted").arg(shown(name)));
            return false;
        }
        const QByteArrayView value = rest.sliced(i + 1, close - i - 1);
        i = close + 1;
        if (value.contains('<')) {
            failXml(QStringLiteral("the value of the attribute %1 holds a '<'").arg(shown(name)));
            return false;
        }
        const bool declaration = name == "xmlns" || name.startsWith("xmlns:");
        if (declaration) {
            // Only the root's declarations are kept: they name the document's namespace.
            if (root && name == m_rootPrefix && !appendDecoded(m_rootNamespace, value))
                return false;
            continue;
        }
        if (m_attributes.size() <= m_attributeCount)
            m_attributes.resize(m_attributeCount + 1);
        Attribute& slot = m_attributes[m_attributeCount++];
        slot.name.resize(0);
        appendChars(slot.name, name.sliced(name.indexOf(':') + 1));
        slot.value.resize(0);
        if (!appendDecoded(slot.value, value))
            return false;
    }
    return true;
}

XmlPullReader::Token XmlPullReader::readEndTag()
{
    QByteArrayView tag;
    if (!m_bytes.readUntil('>', tag, m_spill) || m_bytes.get() != '>')
        return failEnd();
    const QByteArrayView qualified = trimmed(tag);
    if (m_depth == 0)
        return failXml(QStringLiteral("</%1> closes no open element").arg(shown(qualified)));
    const QByteArrayView open = QByteArrayView(m_open).sliced(m_openStarts.last());
    if (qualified != open)
        return failXml(QStringLiteral("</%1> does not close <%2>").arg(shown(qualified), shown(open)));
    if (!setName(qualified))
        return Token::Error;
    m_open.truncate(m_openStarts.takeLast());
    if (--m_depth == 0)
        m_rootClosed = true;
    return Token::EndElement;
}

bool XmlPullReader::setName(QByteArrayView qualified)
{
    const qsizetype colon = qualified.indexOf(':');
    const QByteArrayView local = qualified.sliced(colon + 1);
    if (colon == 0 || local.isEmpty() || local.contains(':')) {
        failXml(QStringLiteral("\"%1\" is not an element name").arg(shown(qualified)));
        return false;
    }
    if (local != m_nameBytes) { // an end tag names what the start tag named: decoded once
        m_nameBytes.resize(0);
        m_nameBytes.append(local);
        m_name.resize(0);
        appendChars(m_name, local);
    }
    return true;
}

bool XmlPullReader::appendDecoded(QString& out, QByteArrayView bytes)
{
    for (;;) {
        const qsizetype amp = bytes.indexOf('&');
        if (amp < 0) {
            appendChars(out, bytes);
            return true;
        }
        appendChars(out, bytes.first(amp));
        const qsizetype semi = bytes.indexOf(';', amp);
        const QByteArrayView ref = bytes.sliced(amp + 1, semi < 0 ? 0 : semi - amp - 1);
        if (semi < 0 || ref.size() > 10) {
            failXml(QStringLiteral("a '&' that starts no entity (write &amp;)"));
            return false;
        }
        if (ref == "lt")
            out += u'<';
        else if (ref == "gt")
            out += u'>';
        else if (ref == "amp")
            out += u'&';
        else if (ref == "quot")
            out += u'"';
        else if (ref == "apos")
            out += u'\'';
        else if (const char32_t cp = ref.startsWith('#') ? codePoint(ref) : 0) {
            const char32_t one[] = {cp};
            out += QStringView(QString::fromUcs4(one, 1));
        } else {
            failXml(QStringLiteral("an unknown entity &%1;").arg(shown(ref)));
            return false;
        }
        bytes = bytes.sliced(semi + 1);
    }
}

void XmlPullReader::appendChars(QString& out, QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    switch (m_charset) {
    case Charset::Utf8: {
        // Almost all of a statement is ASCII: copied as Latin-1, without the decoder.
        if (std::all_of(bytes.begin(), bytes.end(), [](char c) { return static_cast<signed char>(c) >= 0; })) {
            out += QLatin1StringView(bytes.data(), bytes.size());
            break;
        }
        const qsizetype old = out.size();
        out.resize(old + bytes.size()); // UTF-8 never yields more UTF-16 units than bytes
        QChar* end = m_utf8.appendToBuffer(out.data() + old, bytes);
        out.truncate(end - out.constData());
        break;
    }
    case Charset::Latin1:
        out += QLatin1StringView(bytes.data(), bytes.size());
        break;
    default:
        out += decode(bytes, m_charset);
        break;
    }
}

} // namespace coffer::importers::text

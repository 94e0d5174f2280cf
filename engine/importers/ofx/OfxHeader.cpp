#include "importers/ofx/OfxHeader.h"

namespace coffer::importers::ofx {

using model::Error;
using model::Result;
using text::Charset;

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

Error notOfx(qint64 line, const QString& why)
{
    return Error::invalidData(QStringLiteral("line %1: not an OFX file (%2)").arg(line).arg(why));
}

bool isKeyChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

// The value of name="..." (or '...') in an instruction's text; empty when absent.
QByteArrayView attribute(QByteArrayView text, QByteArrayView name)
{
    for (qsizetype at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        if (at > 0 && isKeyChar(text[at - 1]))
            continue;
        qsizetype i = at + name.size();
        while (i < text.size() && isSpace(text[i]))
            ++i;
        if (i >= text.size() || text[i] != '=')
            continue;
        ++i;
        while (i < text.size() && isSpace(text[i]))
            ++i;
        if (i >= text.size() || (text[i] != '"' && text[i] != '\''))
            continue;
        const char quote = text[i++];
        const qsizetype end = text.indexOf(quote, i);
        if (end < 0)
            return {};
        return text.sliced(i, end - i);
    }
    return {};
}

struct SgmlHeader {
    QByteArray ofxHeader;
    QByteArray encoding;
    QByteArray charset;
    QByteArray version;
};

// "KEY:VALUE" lines; blank lines allowed. The first line that is not one makes the file not OFX.
std::optional<Error> readSgmlHeader(QByteArrayView text, qint64 firstLine, SgmlHeader& out)
{
    qint64 line = firstLine;
    qsizetype start = 0;
    while (start <= text.size()) {
        qsizetype end = start;
        while (end < text.size() && text[end] != '\n' && text[end] != '\r')
            ++end;
        const QByteArrayView content = text.sliced(start, end - start).trimmed();
        if (!content.isEmpty()) {
            const qsizetype colon = content.indexOf(':');
            qsizetype k = 0;
            while (k < content.size() && isKeyChar(content[k]))
                ++k;
            if (colon <= 0 || k != colon)
                return notOfx(line, QStringLiteral("it does not start with an OFX header or <OFX>"));
            const QByteArray key = content.first(colon).toByteArray().toUpper();
            const QByteArray value = content.sliced(colon + 1).trimmed().toByteArray();
            if (key == "OFXHEADER")
                out.ofxHeader = value;
            else if (key == "ENCODING")
                out.encoding = value.toUpper();
            else if (key == "CHARSET")
                out.charset = value;
            else if (key == "VERSION")
                out.version = value;
        }
        if (end >= text.size())
            break;
        // CRLF is one line end; CR or LF alone is one too.
        if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n')
            ++end;
        ++line;
        start = end + 1;
    }
    if (out.ofxHeader.isEmpty())
        return notOfx(firstLine, QStringLiteral("its header has no OFXHEADER line"));
    return std::nullopt;
}

} // namespace

Result<OfxHeader> OfxHeader::read(OfxTokenizer& tokens, OfxToken& first)
{
    OfxHeader header;
    bool sawText = false;
    bool sawSgml = false;
    QByteArray xmlEncoding;
    for (;;) {
        if (!tokens.next(first))
            return *tokens.error();
        switch (first.kind) {
        case OfxToken::Kind::Text: {
            QByteArrayView text = first.text;
            if (!sawText) {
                const text::Bom bom = text::detectBom(text);
                if (bom.charset && *bom.charset != Charset::Utf8)
                    return notOfx(first.line, QStringLiteral("it is written in UTF-16, which OFX does not use"));
                text = text.sliced(bom.length);
            }
            sawText = true;
            if (text.trimmed().isEmpty())
                continue;
            if (sawSgml || header.xml)
                return notOfx(first.line, QStringLiteral("text between the header and <OFX>"));
            SgmlHeader sgml;
            if (const auto error = readSgmlHeader(text, first.line, sgml))
                return *error;
            sawSgml = true;
            header.version = sgml.version;
            QByteArray name = sgml.charset;
            if (sgml.encoding == "UTF-8" || sgml.encoding == "UTF8" || sgml.encoding == "UNICODE")
                name = "UTF-8";
            if (!name.isEmpty() && name.toUpper() != "NONE") {
                if (const auto charset = text::charsetFromName(name))
                    header.charset = *charset;
                else
                    header.notice = QStringLiteral("the file's character set \"%1\" is unknown; its text is read as "
                                                   "Windows-1252")
                                        .arg(QString::fromLatin1(name.left(40)));
            }
            continue;
        }
        case OfxToken::Kind::Comment:
            sawText = true;
            continue;
        case OfxToken::Kind::Instruction: {
            sawText = true;
            const QByteArrayView text = first.raw;
            if (text.startsWith("?xml") || text.startsWith("?XML")) {
                header.xml = true;
                xmlEncoding = attribute(text, "encoding").toByteArray();
            } else if (text.startsWith("?OFX") || text.startsWith("?ofx")) {
                header.xml = true;
                header.version = attribute(text, "VERSION").toByteArray();
            }
            continue;
        }
        case OfxToken::Kind::Open:
        case OfxToken::Kind::Close:
        case OfxToken::Kind::Empty:
        case OfxToken::Kind::End:
            break;
        }
        break;
    }
    if (header.xml && !sawSgml) {
        header.charset = Charset::Utf8;
        if (!xmlEncoding.isEmpty()) {
            if (const auto charset = text::charsetFromName(xmlEncoding))
                header.charset = *charset;
            else
                header.notice = QStringLiteral("the file's encoding \"%1\" is unknown; its text is read as UTF-8")
                                    .arg(QString::fromLatin1(xmlEncoding.left(40)));
        }
    }
    if (header.charset == Charset::Utf16LE || header.charset == Charset::Utf16BE)
        return notOfx(first.line, QStringLiteral("it says it is UTF-16, which OFX does not use"));
    return header;
}

} // namespace coffer::importers::ofx

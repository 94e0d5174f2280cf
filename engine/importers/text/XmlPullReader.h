#pragma once

#include "importers/text/ByteStream.h"
#include "importers/text/Charset.h"
#include "model/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringDecoder>

#include <span>

class QIODevice;

namespace coffer::importers::text {

// A small streaming XML pull reader over ByteStream, for bank files written as XML (CAMT.053):
// elements by local name (prefixes stripped), their attributes, and text with the five entities
// and numeric character references decoded; CDATA is text; comments and processing instructions
// are skipped. The XML declaration's encoding is honoured (UTF-8 when none; ISO-8859-1 and
// windows-1252 through Charset). Strict about what it reads: a mismatched or unclosed tag, text
// outside the root element, a DTD (refused: no entity expansion), nesting deeper than kMaxDepth
// or a truncated file end the read with an InvalidData error "line N: ...".
// Buffers are reused: reading a token allocates nothing once they have grown.
// Thread affinity: the caller's; one parse.
class XmlPullReader {
public:
    static constexpr int kMaxDepth = 64;

    enum class Token { StartElement, EndElement, Text, End, Error };

    struct Attribute {
        QString name; // local name
        QString value;
    };

    explicit XmlPullReader(QIODevice& in);

    // The next token; End after the root element closed and only white space, comments and
    // processing instructions followed; Error (see error()) on anything else.
    Token next();

    // The local name of the element a StartElement or EndElement token is about.
    QStringView name() const { return m_name; }
    // The namespace the root element is in (from its xmlns or xmlns:prefix attribute), once its
    // StartElement was read; empty when it declares none.
    QStringView rootNamespace() const { return m_rootNamespace; }
    // The token next() returned last.
    Token token() const { return m_token; }
    // A StartElement's attributes, namespace declarations left out (valid until the next token).
    std::span<const Attribute> attributes() const
    {
        return {m_attributes.constData(), static_cast<std::size_t>(m_attributeCount)};
    }
    // An attribute's value by local name, or an empty view.
    QStringView attribute(QStringView localName) const;
    // A Text token's characters, decoded.
    QStringView text() const { return m_text; }
    // True when the Text token is only XML white space (space, tab, CR, LF).
    bool isWhitespace() const { return m_whitespace; }
    // Elements open now (after a StartElement, including it).
    int depth() const { return m_depth; }
    // The line the reader is on (at the end of the token just read).
    qint64 lineNumber() const { return m_bytes.lineNumber(); }
    const std::optional<model::Error>& error() const { return m_error; }

private:
    Token read();
    Token fail(const QString& what);
    Token failXml(const QString& what) { return fail(QStringLiteral("not well-formed XML: ") + what); }
    Token failEnd();
    bool readBom();
    std::optional<Token> readMarkup();
    std::optional<Token> readSpecial();
    std::optional<Token> readDeclaration(QByteArrayView content);
    Token readStartTag();
    Token readEndTag();
    bool readUntilEnd(QByteArrayView terminator);
    bool parseAttributes(QByteArrayView rest, bool root);
    bool appendDecoded(QString& out, QByteArrayView bytes);
    void appendChars(QString& out, QByteArrayView bytes);
    bool setName(QByteArrayView qualified);

    ByteStream m_bytes;
    Charset m_charset = Charset::Utf8;
    QStringDecoder m_utf8{QStringDecoder::Utf8};
    Token m_token = Token::End;
    bool m_started = false;
    bool m_rootSeen = false;
    bool m_rootClosed = false;
    bool m_pendingEnd = false;
    qint64 m_bomLength = 0;
    bool m_whitespace = false;
    int m_depth = 0;
    QByteArray m_open; // qualified names of the open elements, each followed by '\0'
    QList<qsizetype> m_openStarts;
    QByteArray m_spill, m_markup, m_rootPrefix, m_nameBytes;
    QString m_name, m_text, m_rootNamespace;
    QList<Attribute> m_attributes; // slots reused: the first m_attributeCount are this token's
    qsizetype m_attributeCount = 0;
    std::optional<model::Error> m_error;
};

} // namespace coffer::importers::text

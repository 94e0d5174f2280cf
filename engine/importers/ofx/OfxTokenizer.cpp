#include "importers/ofx/OfxTokenizer.h"

#include "importers/ofx/OfxText.h"

#include <algorithm>

namespace coffer::importers::ofx {

using model::Error;

namespace {

// Longest comment or processing instruction read before the file is taken for a broken one.
constexpr qsizetype kMaxMarkupBytes = 1024 * 1024;

bool isNameChar(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
           c == '-';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

} // namespace

OfxTokenizer::OfxTokenizer(QIODevice& in)
    : m_stream(in)
{
}

bool OfxTokenizer::fail(qint64 line, const QString& why)
{
    m_error = Error::invalidData(QStringLiteral("line %1: %2").arg(line).arg(why));
    return false;
}

bool OfxTokenizer::next(OfxToken& token)
{
    if (m_error)
        return false;
    token.line = m_stream.lineNumber();
    token.name = {};
    token.text = {};
    token.markup = {};
    const int c = m_stream.peek();
    if (c < 0) {
        if (m_stream.error()) {
            m_error = m_stream.error();
            return false;
        }
        token.kind = OfxToken::Kind::End;
        token.raw.resize(0);
        return true;
    }
    if (c != '<') {
        token.kind = OfxToken::Kind::Text;
        if (!m_stream.readUntil('<', token.text, token.raw) && m_stream.error()) {
            m_error = m_stream.error();
            return false;
        }
        return true;
    }
    m_stream.get();
    return readTag(token);
}

// Reads up to and including `marker` (e.g. "-->"), for comments and instructions, which may hold
// '>' and line ends. token.raw gets everything between '<' and the final '>'.
bool OfxTokenizer::readUntilMarker(OfxToken& token, const char* marker, const QString& what)
{
    const QByteArrayView end(marker); // ends with '>'
    const QByteArrayView before = end.first(end.size() - 1);
    const qsizetype opening = token.raw.size(); // "!--" or "?": the marker may not overlap it
    for (;;) {
        if (!m_stream.readUntil('>', m_chunk) && m_stream.error()) {
            m_error = m_stream.error();
            return false;
        }
        token.raw.append(m_chunk);
        if (m_stream.peek() != '>')
            return fail(token.line, QStringLiteral("the file ends inside %1").arg(what));
        m_stream.get();
        if (token.raw.size() >= opening + before.size() && token.raw.endsWith(before)) {
            token.markup = token.raw;
            return true;
        }
        token.raw.append('>');
        if (token.raw.size() > kMaxMarkupBytes)
            return fail(token.line, QStringLiteral("%1 that never ends").arg(what));
    }
}

bool OfxTokenizer::readTag(OfxToken& token)
{
    token.raw.resize(0);
    if (m_stream.peek() == '!') {
        // "<!--" starts a comment; any other "<!" a declaration such as <!DOCTYPE ...>.
        token.raw.append(char(m_stream.get()));
        if (m_stream.peek() == '-') {
            token.raw.append(char(m_stream.get()));
            if (m_stream.peek() != '-')
                return fail(token.line, QStringLiteral("\"<!-\" starts neither a comment nor a tag"));
            token.raw.append(char(m_stream.get()));
            token.kind = OfxToken::Kind::Comment;
            return readUntilMarker(token, "-->", QStringLiteral("a comment"));
        }
        token.kind = OfxToken::Kind::Instruction;
        return readUntilMarker(token, ">", QStringLiteral("a declaration"));
    }
    if (m_stream.peek() == '?') {
        token.raw.append(char(m_stream.get()));
        token.kind = OfxToken::Kind::Instruction;
        return readUntilMarker(token, "?>", QStringLiteral("a processing instruction"));
    }

    if (!m_stream.readUntil('>', token.markup, token.raw) && m_stream.error()) {
        m_error = m_stream.error();
        return false;
    }
    if (m_stream.peek() != '>')
        return fail(token.line, QStringLiteral("the file ends inside a tag"));
    m_stream.get(); // the '>' is in the buffer already: the view stays valid

    const QByteArrayView raw = token.markup;
    qsizetype i = 0;
    const qsizetype n = raw.size();
    token.kind = OfxToken::Kind::Open;
    if (i < n && raw[i] == '/') {
        token.kind = OfxToken::Kind::Close;
        ++i;
    }
    const qsizetype nameStart = i;
    while (i < n && isNameChar(raw[i]))
        ++i;
    if (i == nameStart)
        return fail(token.line, raw.contains('<') ? QStringLiteral("a '<' inside a tag (a tag without its '>')")
                                                  : QStringLiteral("a tag without a name"));
    const QByteArrayView name = raw.sliced(nameStart, i - nameStart);
    const bool upper = std::none_of(name.begin(), name.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
    if (token.kind == OfxToken::Kind::Close && upper) {
        token.name = name; // compared at once, never kept: no copy
    } else {
        // An opening tag is still needed once the next token is read (its name, its bytes for a
        // record's raw text): the token keeps its own copy.
        assignBytes(token.nameBuffer, name);
        for (char& ch : token.nameBuffer) {
            if (ch >= 'a' && ch <= 'z')
                ch = char(ch - 'a' + 'A');
        }
        token.name = token.nameBuffer;
    }
    while (i < n && isSpace(raw[i]))
        ++i;
    if (i < n && raw[i] == '/' && token.kind == OfxToken::Kind::Open) {
        token.kind = OfxToken::Kind::Empty;
        ++i;
    }
    if (i != n)
        return fail(token.line, raw.contains('<') ? QStringLiteral("a '<' inside a tag (a tag without its '>')")
                                                  : QStringLiteral("a tag with more than a name in it"));
    if (token.kind != OfxToken::Kind::Close && token.markup.data() != token.raw.constData()) {
        assignBytes(token.raw, token.markup);
        token.markup = token.raw;
    }
    return true;
}

} // namespace coffer::importers::ofx

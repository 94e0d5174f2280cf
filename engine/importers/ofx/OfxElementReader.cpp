#include "importers/ofx/OfxElementReader.h"

#include "importers/ofx/OfxText.h"

namespace coffer::importers::ofx {

using model::Error;
using model::Ok;
using model::Status;
using Kind = OfxToken::Kind;

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isBlankText(const OfxToken& token)
{
    return token.kind == Kind::Text && token.text.trimmed().isEmpty();
}

// The line of the first character of `token` (text) that is not a space.
qint64 firstTextLine(const OfxToken& token)
{
    qint64 line = token.line;
    const QByteArrayView text = token.text;
    for (qsizetype i = 0; i < text.size() && isSpace(text[i]); ++i) {
        const char c = text[i];
        if (c == '\r' || (c == '\n' && (i == 0 || text[i - 1] != '\r')))
            ++line;
    }
    return line;
}

QString tagText(QByteArrayView name, bool closing = false)
{
    return (closing ? QStringLiteral("</") : QStringLiteral("<")) + QString::fromLatin1(name) + QLatin1Char('>');
}

} // namespace

OfxElementReader::OfxElementReader(OfxTokenizer& tokens, OfxElementHandler& handler)
    : m_tokens(tokens)
    , m_handler(handler)
{
}

Status OfxElementReader::fail(qint64 line, const QString& why) const
{
    return Error::invalidData(QStringLiteral("line %1: %2").arg(line).arg(why));
}

Status OfxElementReader::tokenError() const
{
    return m_tokens.error().value_or(Error::invalidData(QStringLiteral("the file could not be read")));
}

bool OfxElementReader::advance()
{
    if (m_haveAhead) {
        std::swap(m_token, m_ahead);
        m_haveAhead = false;
    } else if (!m_tokens.next(m_token)) {
        return false;
    }
    if (m_capturing) {
        if (m_token.kind == Kind::Text) {
            m_capture.append(m_token.text);
        } else if (m_token.kind != Kind::End) {
            m_capture.append('<');
            m_capture.append(m_token.markup);
            m_capture.append('>');
        }
    }
    return true;
}

bool OfxElementReader::peek()
{
    if (!m_haveAhead) {
        if (!m_tokens.next(m_ahead))
            return false;
        m_haveAhead = true;
    }
    return true;
}

void OfxElementReader::startCapture()
{
    m_capturing = true;
    m_captureLine = m_token.line;
    m_capture.resize(0);
    m_capture.append('<');
    m_capture.append(m_token.markup);
    m_capture.append('>');
}

QByteArray OfxElementReader::takeCapture()
{
    m_capturing = false;
    return m_capture;
}

Status OfxElementReader::run(OfxToken& first)
{
    std::swap(m_token, first);
    if (m_token.kind == Kind::End)
        return fail(m_token.line, QStringLiteral("not an OFX file (it has no <OFX> element)"));
    if (m_token.kind != Kind::Open || m_token.name != "OFX")
        return fail(m_token.line, QStringLiteral("not an OFX file (its first element is %1, not <OFX>)")
                                      .arg(tagText(m_token.name, m_token.kind == Kind::Close)));
    if (const Status opened = openElement(); !opened.ok())
        return opened;
    for (;;) {
        if (!advance())
            return tokenError();
        if (m_capturing && m_capture.size() > kMaxCaptureBytes)
            return fail(m_captureLine, QStringLiteral("a record longer than %1 MiB").arg(kMaxCaptureBytes >> 20));
        Status step = Ok{};
        switch (m_token.kind) {
        case Kind::End:
            if (m_depth > 0) {
                const Open& open = m_stack[m_depth - 1];
                return fail(m_token.line, QStringLiteral("the file ends before %1 (opened on line %2)")
                                              .arg(tagText(open.name, true))
                                              .arg(open.line));
            }
            return Ok{};
        case Kind::Comment:
        case Kind::Instruction:
            continue;
        case Kind::Text:
            if (isBlankText(m_token))
                continue;
            return fail(firstTextLine(m_token), m_rootClosed
                                                    ? QStringLiteral("text after </OFX>")
                                                    : QStringLiteral("text between elements, outside any value"));
        case Kind::Open:
        case Kind::Empty:
            if (m_rootClosed)
                return fail(m_token.line, QStringLiteral("%1 after </OFX>").arg(tagText(m_token.name)));
            step = openElement();
            break;
        case Kind::Close:
            step = closeElement();
            break;
        }
        if (!step.ok())
            return step;
    }
}

Status OfxElementReader::push(OfxTag tag)
{
    if (m_depth >= kMaxDepth)
        return fail(m_token.line, QStringLiteral("elements nested more than %1 deep").arg(kMaxDepth));
    if (m_stack.size() <= m_depth)
        m_stack.resize(m_depth + 1);
    Open& open = m_stack[m_depth++];
    open.tag = tag;
    assignBytes(open.name, m_token.name); // the slot's own buffer: sharing the token's would copy it later
    open.line = m_token.line;
    open.hasChildren = false;
    return Ok{};
}

Status OfxElementReader::pop()
{
    const Open& open = m_stack[--m_depth];
    if (m_depth == 0)
        m_rootClosed = true;
    return m_handler.end(open.tag, m_token.line);
}

Status OfxElementReader::openElement()
{
    const OfxTag tag = tagOf(m_token.name);
    const OfxTag parent = parentTag();
    const qint64 line = m_token.line;
    if (m_depth > 0)
        m_stack[m_depth - 1].hasChildren = true;

    if (m_token.kind == Kind::Empty) {
        if (!isAggregate(tag))
            return m_handler.value(tag, parent, {}, line);
        if (const Status begun = m_handler.begin(tag, m_token.name, parent, line); !begun.ok())
            return begun;
        return m_handler.end(tag, line);
    }

    if (!peek())
        return tokenError();
    const bool textFollows = m_ahead.kind == Kind::Text && !isBlankText(m_ahead);
    if (isAggregate(tag) || (tag == OfxTag::Unknown && !textFollows)) {
        if (textFollows)
            return fail(line, QStringLiteral("%1 holds text where its elements belong").arg(tagText(m_token.name)));
        if (const Status pushed = push(tag); !pushed.ok())
            return pushed;
        return m_handler.begin(tag, m_token.name, parent, line);
    }

    // A value: its text (none for an empty one), then its closing tag if the file writes one.
    // Blank text is an empty value ("<MEMO>\n<NAME>...", "<MEMO> </MEMO>").
    if (m_ahead.kind == Kind::Text) {
        // Keep the element's name: advancing reuses the token that holds it.
        assignBytes(m_valueName, m_token.name);
        if (!advance())
            return tokenError();
        if (const Status given = m_handler.value(tag, parent, m_token.text.trimmed(), line); !given.ok())
            return given;
        if (!peek())
            return tokenError();
        if (m_ahead.kind == Kind::Close && m_ahead.name == m_valueName && !advance())
            return tokenError();
        return Ok{};
    }
    if (m_ahead.kind == Kind::Close && m_ahead.name == m_token.name && !advance())
        return tokenError();
    return m_handler.value(tag, parent, {}, line);
}

Status OfxElementReader::closeElement()
{
    const QByteArrayView shown = m_token.markup.sliced(1);
    int found = m_depth - 1;
    while (found >= 0 && m_stack[found].name != m_token.name)
        --found;
    if (found < 0)
        return fail(m_token.line, QStringLiteral("%1 closes nothing that is open").arg(tagText(shown, true)));
    while (m_depth - 1 > found) {
        const Open& open = m_stack[m_depth - 1];
        if (isAggregate(open.tag) || open.hasChildren)
            return fail(m_token.line, QStringLiteral("%1 comes before %2 (opened on line %3)")
                                          .arg(tagText(shown, true), tagText(open.name, true))
                                          .arg(open.line));
        if (const Status ended = pop(); !ended.ok())
            return ended;
    }
    return pop();
}

} // namespace coffer::importers::ofx

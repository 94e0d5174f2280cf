#include "importers/camt/RawEntryWriter.h"

#include "importers/text/XmlPullReader.h"

namespace coffer::importers::camt {

namespace {

void appendEscaped(QString& out, QStringView text)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        const char* entity = c == u'<'   ? "&lt;"
                             : c == u'>' ? "&gt;"
                             : c == u'&' ? "&amp;"
                             : c == u'"' ? "&quot;"
                                         : nullptr;
        if (!entity)
            continue;
        out += text.sliced(start, i - start);
        out += QLatin1String(entity);
        start = i + 1;
    }
    out += text.sliced(start);
}

} // namespace

void RawEntryWriter::write(const text::XmlPullReader& xml)
{
    if (m_text.size() > kMaxChars)
        return;
    using Token = text::XmlPullReader::Token;
    switch (xml.token()) {
    case Token::StartElement: {
        m_text += u'<';
        m_text += xml.name();
        for (const text::XmlPullReader::Attribute& a : xml.attributes()) {
            m_text += u' ';
            m_text += a.name;
            m_text += QLatin1String("=\"");
            appendEscaped(m_text, a.value);
            m_text += u'"';
        }
        m_text += u'>';
        break;
    }
    case Token::EndElement:
        m_text += QLatin1String("</");
        m_text += xml.name();
        m_text += u'>';
        break;
    case Token::Text:
        if (!xml.isWhitespace())
            appendEscaped(m_text, xml.text());
        break;
    default:
        break;
    }
}

QByteArray RawEntryWriter::take()
{
    QByteArray out = m_text.toUtf8();
    m_text.resize(0);
    return out;
}

} // namespace coffer::importers::camt

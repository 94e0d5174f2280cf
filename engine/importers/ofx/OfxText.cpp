#include "importers/ofx/OfxText.h"

namespace coffer::importers::ofx {

using text::Charset;

namespace {

bool isAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return false;
    }
    return true;
}

// The code point of the entity whose name (between '&' and ';') is `name`; 0 when unknown.
char32_t entityValue(QStringView name)
{
    if (name == u"amp")
        return '&';
    if (name == u"lt")
        return '<';
    if (name == u"gt")
        return '>';
    if (name == u"quot")
        return '"';
    if (name == u"apos")
        return '\'';
    if (name == u"nbsp")
        return 0xA0;
    if (name.size() < 2 || name.front() != u'#')
        return 0;
    const bool hex = name[1] == u'x' || name[1] == u'X';
    const QStringView digits = name.sliced(hex ? 2 : 1);
    if (digits.isEmpty() || digits.size() > 8)
        return 0;
    bool ok = false;
    const uint value = digits.toUInt(&ok, hex ? 16 : 10);
    // Not a character: NUL, surrogates, beyond Unicode.
    if (!ok || value == 0 || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF)
        return 0;
    return char32_t(value);
}

} // namespace

QString resolveEntities(const QString& text)
{
    qsizetype amp = text.indexOf(u'&');
    if (amp < 0)
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype copied = 0;
    for (; amp >= 0; amp = text.indexOf(u'&', amp + 1)) {
        const qsizetype semicolon = text.indexOf(u';', amp + 1);
        if (semicolon < 0)
            break;
        if (semicolon - amp - 1 > 10)
            continue;
        const char32_t value = entityValue(QStringView(text).sliced(amp + 1, semicolon - amp - 1));
        if (value == 0)
            continue;
        out.append(QStringView(text).sliced(copied, amp - copied));
        const char32_t units[1] = {value};
        out.append(QString::fromUcs4(units, 1));
        copied = semicolon + 1;
        amp = semicolon;
    }
    out.append(QStringView(text).sliced(copied));
    return out;
}

QString OfxTextDecoder::decode(QByteArrayView value) const
{
    QString out;
    if (isAscii(value)) {
        out = QString::fromLatin1(value);
    } else if (m_charset == Charset::Utf8) {
        out = text::decode(value, text::isValidUtf8(value) ? Charset::Utf8 : Charset::Windows1252);
    } else {
        out = text::decode(value, text::isValidUtf8(value) ? Charset::Utf8 : m_charset);
    }
    return value.contains('&') ? resolveEntities(out) : out;
}

} // namespace coffer::importers::ofx

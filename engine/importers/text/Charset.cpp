#include "importers/text/Charset.h"

#include <QStringDecoder>

namespace coffer::importers::text {

namespace {

// Windows-1252's 0x80..0x9F (the rest is Latin-1). Unassigned positions map to themselves, as
// Windows itself does.
constexpr char16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

QByteArray normalizedName(QByteArrayView name)
{
    QByteArray out;
    out.reserve(name.size());
    for (const char c : name) {
        if (c == '-' || c == '_' || c == ' ' || c == '"' || c == '\'')
            continue;
        out.append(c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c);
    }
    return out;
}

} // namespace

std::optional<Charset> charsetFromName(QByteArrayView name)
{
    const QByteArray n = normalizedName(name);
    if (n == "utf8" || n == "usascii" || n == "ascii" || n == "none")
        return Charset::Utf8;
    if (n == "iso88591" || n == "88591" || n == "latin1" || n == "l1" || n == "iso885915" || n == "885915")
        return Charset::Latin1;
    if (n == "1252" || n == "windows1252" || n == "cp1252" || n == "win1252" || n == "ansi")
        return Charset::Windows1252;
    if (n == "utf16le" || n == "utf16" || n == "ucs2")
        return Charset::Utf16LE;
    if (n == "utf16be")
        return Charset::Utf16BE;
    return std::nullopt;
}

QString decode(QByteArrayView bytes, Charset charset)
{
    switch (charset) {
    case Charset::Utf8:
        return QString::fromUtf8(bytes);
    case Charset::Latin1:
        return QString::fromLatin1(bytes);
    case Charset::Windows1252: {
        QString out(bytes.size(), Qt::Uninitialized);
        QChar* p = out.data();
        for (const char c : bytes) {
            const auto b = static_cast<unsigned char>(c);
            *p++ = QChar(b >= 0x80 && b < 0xA0 ? kWindows1252High[b - 0x80] : char16_t(b));
        }
        return out;
    }
    case Charset::Utf16LE:
        return QStringDecoder(QStringDecoder::Utf16LE, QStringDecoder::Flag::Stateless).decode(bytes);
    case Charset::Utf16BE:
        return QStringDecoder(QStringDecoder::Utf16BE, QStringDecoder::Flag::Stateless).decode(bytes);
    }
    return {};
}

Bom detectBom(QByteArrayView head)
{
    if (head.startsWith("\xEF\xBB\xBF"))
        return {Charset::Utf8, 3};
    if (head.startsWith("\xFF\xFE"))
        return {Charset::Utf16LE, 2};
    if (head.startsWith("\xFE\xFF"))
        return {Charset::Utf16BE, 2};
    return {};
}

bool isValidUtf8(QByteArrayView bytes)
{
    qsizetype i = 0;
    const qsizetype n = bytes.size();
    while (i < n) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        int more = 0;
        char32_t cp = 0;
        if ((b & 0xE0) == 0xC0) {
            more = 1;
            cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            more = 2;
            cp = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            more = 3;
            cp = b & 0x07;
        } else {
            return false;
        }
        for (int k = 1; k <= more; ++k) {
            if (i + k >= n)
                return false;
            const auto c = static_cast<unsigned char>(bytes[i + k]);
            if ((c & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (c & 0x3F);
        }
        if ((more == 1 && cp < 0x80) || (more == 2 && cp < 0x800) || (more == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += more + 1;
    }
    return true;
}

} // namespace coffer::importers::text

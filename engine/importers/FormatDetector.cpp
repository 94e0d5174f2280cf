#include "importers/FormatDetector.h"

#include "importers/text/Charset.h"

#include <QFileInfo>

namespace coffer::importers {

namespace {

bool containsNoCase(QByteArrayView haystack, QByteArrayView needle)
{
    if (needle.isEmpty() || haystack.size() < needle.size())
        return false;
    for (qsizetype i = 0; i + needle.size() <= haystack.size(); ++i) {
        qsizetype k = 0;
        while (k < needle.size() && QChar::toLower(char16_t(uchar(haystack[i + k]))) == char16_t(needle[k]))
            ++k;
        if (k == needle.size())
            return true;
    }
    return false;
}

bool startsWithNoCase(QByteArrayView text, QByteArrayView prefix)
{
    return text.size() >= prefix.size() && containsNoCase(text.first(prefix.size()), prefix);
}

QByteArrayView skipSpace(QByteArrayView text)
{
    while (!text.isEmpty() &&
           (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n'))
        text = text.sliced(1);
    return text;
}

// Lines of MT940 start with a tag such as ":20:" or ":61:".
bool hasLineStartingWith(QByteArrayView text, QByteArrayView tag)
{
    for (qsizetype at = text.indexOf(tag); at >= 0; at = text.indexOf(tag, at + 1)) {
        if (at == 0 || text[at - 1] == '\n' || text[at - 1] == '\r' || text[at - 1] == '}')
            return true;
    }
    return false;
}

bool looksBinary(QByteArrayView text)
{
    int controls = 0;
    for (const char c : text) {
        const auto b = static_cast<unsigned char>(c);
        if (b == 0)
            return true;
        if (b < 0x20 && b != '\t' && b != '\r' && b != '\n' && b != '\f')
            ++controls;
    }
    return controls > text.size() / 100 + 2;
}

std::optional<Format> byExtension(const QString& fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    if (suffix == u"ofx" || suffix == u"qfx")
        return Format::Ofx;
    if (suffix == u"qif")
        return Format::Qif;
    if (suffix == u"sta" || suffix == u"mt940" || suffix == u"940" || suffix == u"mt942")
        return Format::Mt940;
    if (suffix == u"csv" || suffix == u"tsv" || suffix == u"txt" || suffix == u"tab")
        return Format::Csv;
    return std::nullopt;
}

} // namespace

std::optional<Format> detectFormat(QByteArrayView head, const QString& fileName)
{
    const text::Bom bom = text::detectBom(head);
    if (bom.charset == text::Charset::Utf16LE || bom.charset == text::Charset::Utf16BE)
        return Format::Csv; // of the formats, only spreadsheets' exports come in UTF-16
    const QByteArrayView body = skipSpace(head.sliced(bom.length));
    if (body.isEmpty())
        return std::nullopt;
    // A UTF-16 file without a byte-order mark: every other byte is zero.
    if (body.size() >= 4 && (body[1] == '\0' || body[0] == '\0') && (body[3] == '\0' || body[2] == '\0'))
        return Format::Csv;
    if (looksBinary(body.first(qMin<qsizetype>(body.size(), 4096))))
        return std::nullopt;

    if (startsWithNoCase(body, "ofxheader") || containsNoCase(body, "<ofx>") || containsNoCase(body, "<?ofx"))
        return Format::Ofx;
    if (body.startsWith('<')) {
        if (containsNoCase(body, "urn:iso:std:iso:20022:tech:xsd:camt.") || containsNoCase(body, "<bktocstmrstmt"))
            return Format::Camt053;
        if (containsNoCase(body, "<ofx"))
            return Format::Ofx;
        return byExtension(fileName) == Format::Ofx ? std::optional(Format::Ofx) : std::optional(Format::Camt053);
    }
    if (body.startsWith('!') && (startsWithNoCase(body, "!type") || startsWithNoCase(body, "!account") ||
                                 startsWithNoCase(body, "!option") || startsWithNoCase(body, "!clear")))
        return Format::Qif;
    if (hasLineStartingWith(body, ":20:") && (hasLineStartingWith(body, ":25:") || hasLineStartingWith(body, ":61:")))
        return Format::Mt940;
    if (body.startsWith("{1:"))
        return Format::Mt940;
    const auto guessed = byExtension(fileName);
    return guessed ? guessed : std::optional(Format::Csv);
}

} // namespace coffer::importers

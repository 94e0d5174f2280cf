#include "importers/csv/CsvInput.h"

#include <QIODevice>

namespace coffer::importers::csv {

std::optional<text::Charset> CsvInput::charsetFromHead(QIODevice& in)
{
    const QByteArray head = in.peek(4096);
    if (const text::Bom bom = text::detectBom(head); bom.charset)
        return bom.charset;
    // UTF-16 without a BOM: text in Latin script has a zero byte in every other position.
    int zeroEven = 0;
    int zeroOdd = 0;
    const qsizetype pairs = head.size() / 2;
    for (qsizetype i = 0; i + 1 < head.size(); i += 2) {
        zeroEven += head[i] == 0;
        zeroOdd += head[i + 1] == 0;
    }
    if (pairs >= 2 && zeroOdd * 2 >= pairs && zeroEven * 10 < pairs)
        return text::Charset::Utf16LE;
    if (pairs >= 2 && zeroEven * 2 >= pairs && zeroOdd * 10 < pairs)
        return text::Charset::Utf16BE;
    return std::nullopt;
}

CsvInput::CsvInput(QIODevice& in, text::Charset charset)
    : m_charset(charset)
{
    if (!in.isSequential() && !in.seek(0))
        m_error = model::Error::invalidData(QStringLiteral("the file could not be read from its start"));
    const text::Bom bom = text::detectBom(in.peek(4));
    if (bom.charset) {
        m_charset = *bom.charset;
        in.skip(bom.length);
    }
    if (m_charset == text::Charset::Utf8) {
        m_stream = std::make_unique<text::ByteStream>(in);
    } else {
        m_decoded = std::make_unique<text::Utf8Device>(in, m_charset);
        m_stream = std::make_unique<text::ByteStream>(*m_decoded);
    }
}

} // namespace coffer::importers::csv

#pragma once

#include "importers/text/ByteStream.h"
#include "importers/text/Charset.h"
#include "importers/text/Utf8Device.h"

#include <memory>

class QIODevice;

namespace coffer::importers::csv {

// A CSV file as the reader takes it: from its start, after any byte-order mark, as UTF-8 bytes.
// A BOM decides the charset whatever `charset` says (it cannot be wrong; a profile can).
// Thread affinity: the caller's; one pass over the file.
class CsvInput {
public:
    CsvInput(QIODevice& in, text::Charset charset);

    text::ByteStream& stream() { return *m_stream; }
    text::Charset charset() const { return m_charset; }
    // Set when the device could not be rewound to its start.
    const std::optional<model::Error>& error() const { return m_error; }

    // A BOM at the device's current position, or UTF-16 without one (its zero bytes), looking at
    // the first bytes only; nullopt when neither.
    static std::optional<text::Charset> charsetFromHead(QIODevice& in);

private:
    text::Charset m_charset;
    std::unique_ptr<text::Utf8Device> m_decoded;
    std::unique_ptr<text::ByteStream> m_stream;
    std::optional<model::Error> m_error;
};

} // namespace coffer::importers::csv

#pragma once

#include "importers/text/ByteStream.h"
#include "model/Result.h"

#include <QByteArray>

#include <optional>

class QIODevice;

namespace coffer::importers::ofx {

// One piece of an OFX file: the text between tags, or a tag.
struct OfxToken {
    enum class Kind {
        Text,        // bytes up to the next '<' (may be only spaces and line ends)
        Open,        // <NAME>
        Close,       // </NAME>
        Empty,       // <NAME/> (XML)
        Comment,     // <!-- ... -->
        Instruction, // <?xml ...?>, <?OFX ...?>, <!DOCTYPE ...>
        End,         // the end of the file
    };
    Kind kind = Kind::End;
    // A tag, comment or instruction: what stands between '<' and '>'. For Close it views the
    // stream's buffer (valid until the next token is read); for the others it views `raw`.
    QByteArrayView markup;
    // Text: the bytes, viewing the stream's buffer (or `raw`, for text that spans two chunks):
    // valid until the next token is read.
    QByteArrayView text;
    // For Open, Close and Empty: the element's name in upper case (for Close, like markup, a view
    // of the stream's buffer when the file writes it in upper case).
    QByteArrayView name;
    // The token's own buffers behind the views above.
    QByteArray raw;
    QByteArray nameBuffer;
    // The 1-based line the token starts on.
    qint64 line = 1;
};

// Splits OFX 1.x SGML and 2.x XML alike into tokens, reading the device front to back in chunks
// (text::ByteStream). Strict about what a tag may be: a name of letters, digits, '.', '_' or '-',
// nothing else inside the brackets, and every '<' closed by a '>'. Reuses the token's buffers and
// does not copy text, so reading a token allocates nothing once the buffers have grown.
// Thread affinity: the caller's; one parse.
class OfxTokenizer {
public:
    explicit OfxTokenizer(QIODevice& in);

    // Reads the next token into `token`; false on an error (then error() says what and where).
    bool next(OfxToken& token);
    const std::optional<model::Error>& error() const { return m_error; }

private:
    bool readTag(OfxToken& token);
    bool readUntilMarker(OfxToken& token, const char* marker, const QString& what);
    bool fail(qint64 line, const QString& why);

    text::ByteStream m_stream;
    QByteArray m_chunk;
    std::optional<model::Error> m_error;
};

} // namespace coffer::importers::ofx

#pragma once

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace coffer::importers::text {

// The character sets bank files are written in. Windows-1252 is decoded by our own table (Qt's
// built-in codecs have only UTF-8/16/32 and Latin-1; the rest depends on how Qt was built).
enum class Charset { Utf8, Latin1, Windows1252, Utf16LE, Utf16BE };

// From a name as files write it: "UTF-8", "utf8", "ISO-8859-1", "8859-1", "LATIN1", "1252",
// "windows-1252", "CP1252", "UTF-16LE"...; nullopt for a name we do not know. OFX 1.x's
// "CHARSET:1252" and "CHARSET:ISO-8859-1" and XML's encoding="..." all come through here.
std::optional<Charset> charsetFromName(QByteArrayView name);

// Decodes bytes. Invalid UTF-8 becomes U+FFFD (never a failure); UTF-16 needs an even count.
QString decode(QByteArrayView bytes, Charset charset);

// A byte-order mark at the start of `head`: its charset and length (0 when none).
struct Bom {
    std::optional<Charset> charset;
    int length = 0;
};
Bom detectBom(QByteArrayView head);

// True when the bytes are valid UTF-8 (ASCII included).
bool isValidUtf8(QByteArrayView bytes);

} // namespace coffer::importers::text

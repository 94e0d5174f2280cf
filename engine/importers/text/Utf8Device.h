#pragma once

#include "importers/text/Charset.h"

#include <QByteArray>
#include <QIODevice>
#include <QStringDecoder>

namespace coffer::importers::text {

// Presents a device written in another charset (UTF-16, Windows-1252, Latin-1) as UTF-8, chunk by
// chunk, so a byte parser (ByteStream) reads every file the same way. Line ends map one to one,
// so line numbers stay right. A character split across two chunks is kept whole; bytes that cannot be decoded become
// U+FFFD. Read-only and sequential. Thread affinity: the caller's; one parse.
class Utf8Device final : public QIODevice {
public:
    Utf8Device(QIODevice& source, Charset charset);

    bool isSequential() const override { return true; }

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    static constexpr qint64 kChunkBytes = 64 * 1024;

    QIODevice& m_source;
    Charset m_charset;
    QStringDecoder m_decoder; // UTF-16 only: stateful across chunks
    QString m_carry;          // UTF-16: a high surrogate whose pair is in the next chunk
    QByteArray m_pending;     // UTF-8 decoded but not yet read
    qsizetype m_pendingPos = 0;
    qint64 m_sourceBytes = 0;
    bool m_sourceDone = false;
};

} // namespace coffer::importers::text

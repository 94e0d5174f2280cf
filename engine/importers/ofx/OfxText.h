#pragma once

#include "importers/text/Charset.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace coffer::importers::ofx {

// Decodes an OFX value: the file's character set, then the entities OFX and HTML write
// (&amp; &lt; &gt; &quot; &apos; &nbsp; and numeric &#233; &#xE9;; an unknown one, or a lone '&'
// as SGML files write it in "AT&T", stays as it is). Forgiving about a mislabelled file: in a
// file said to be UTF-8, a value that is not valid UTF-8 is read as Windows-1252; in a file said
// to be Windows-1252 or Latin-1, a value that is valid UTF-8 with non-ASCII letters is UTF-8 (a
// real Windows-1252 text is almost never valid UTF-8).
class OfxTextDecoder {
public:
    explicit OfxTextDecoder(text::Charset charset = text::Charset::Windows1252)
        : m_charset(charset)
    {
    }
    QString decode(QByteArrayView value) const;

private:
    text::Charset m_charset;
};

// Replaces the entities in `text` (see OfxTextDecoder).
QString resolveEntities(const QString& text);

// Replaces `to`'s bytes with `from`, reusing its buffer: values are kept this way record after
// record without an allocation each.
inline void assignBytes(QByteArray& to, QByteArrayView from)
{
    to.resize(0);
    to.append(from);
}

} // namespace coffer::importers::ofx

#pragma once

#include <QByteArray>
#include <QString>

namespace coffer::importers::text {
class XmlPullReader;
}

namespace coffer::importers::camt {

// Writes the tokens of one element as compact XML (white space between elements left out), for a
// transaction's `raw`: the reader hands it each token while inside the element. Bounded: past
// kMaxChars the rest is left out. Thread affinity: the caller's.
class RawEntryWriter {
public:
    static constexpr qsizetype kMaxChars = 64 * 1024;

    void write(const text::XmlPullReader& xml);
    // The element written so far, as UTF-8; starts over.
    QByteArray take();

private:
    QString m_text;
};

} // namespace coffer::importers::camt

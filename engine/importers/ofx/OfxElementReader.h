#pragma once

#include "importers/ofx/OfxTags.h"
#include "importers/ofx/OfxTokenizer.h"
#include "model/Result.h"

#include <QByteArray>
#include <QList>

namespace coffer::importers::ofx {

// What the element reader finds, in file order. `parent` is the innermost open element's tag
// (Unknown at the top or inside an element the table does not know). A non-OK status stops the read.
class OfxElementHandler {
public:
    virtual ~OfxElementHandler() = default;
    virtual model::Status begin(OfxTag tag, QByteArrayView name, OfxTag parent, qint64 line) = 0;
    // A leaf's value, trimmed, as the file's bytes (not decoded): valid only during the call.
    virtual model::Status value(OfxTag tag, OfxTag parent, QByteArrayView value, qint64 line) = 0;
    virtual model::Status end(OfxTag tag, qint64 line) = 0;
};

// Turns the token stream into elements, for OFX 1.x SGML and 2.x XML alike:
// - a tag followed by text is a value; its closing tag may follow (XML) or not (SGML);
// - a known leaf (OfxTags) followed by a tag is an empty value ("<MEMO><NAME>...");
// - any other tag opens an aggregate, which must be closed. A closing tag may close, along with
//   its own element, unknown elements above it that stayed empty (SGML values without text);
//   a known aggregate, or one that holds elements, left open is a broken file.
// Refused with an InvalidData error "line N: ...": a first element other than <OFX>, a closing tag
// that closes nothing open, text where elements belong, nesting deeper than kMaxDepth, anything
// but comments after </OFX>, and a file that ends with elements open.
// Thread affinity: the caller's; one parse.
class OfxElementReader {
public:
    static constexpr int kMaxDepth = 64;
    static constexpr qsizetype kMaxCaptureBytes = 1024 * 1024;

    OfxElementReader(OfxTokenizer& tokens, OfxElementHandler& handler);

    // Reads from `first` (the file's first element, already read) to the end of the file.
    model::Status run(OfxToken& first);

    // Called from begin(): from the element being opened on, the bytes read are kept as they are
    // in the file (a record's raw text), until takeCapture().
    void startCapture();
    QByteArray takeCapture();

private:
    struct Open {
        OfxTag tag = OfxTag::Unknown;
        QByteArray name;
        qint64 line = 0;
        bool hasChildren = false;
    };

    bool advance();
    bool peek();
    model::Status tokenError() const;
    model::Status fail(qint64 line, const QString& why) const;
    model::Status openElement();
    model::Status closeElement();
    model::Status push(OfxTag tag);
    model::Status pop();
    OfxTag parentTag() const { return m_depth > 0 ? m_stack[m_depth - 1].tag : OfxTag::Unknown; }

    OfxTokenizer& m_tokens;
    OfxElementHandler& m_handler;
    OfxToken m_token;
    OfxToken m_ahead;
    bool m_haveAhead = false;
    QByteArray m_valueName;
    QList<Open> m_stack; // slots reused: m_depth of them are open
    int m_depth = 0;
    bool m_rootClosed = false;
    bool m_capturing = false;
    QByteArray m_capture;
    qint64 m_captureLine = 0;
};

} // namespace coffer::importers::ofx

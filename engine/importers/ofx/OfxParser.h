#pragma once

#include "importers/StatementParser.h"

namespace coffer::importers::ofx {

// OFX and QFX (Quicken's OFX; its INTU.* elements are skipped): OFX 1.x SGML (a header of
// "KEY:VALUE" lines, values without closing tags, CRLF, LF or CR line ends, or the whole file on
// one line) and 2.x XML, read by one tokenizer in one streaming pass, in time linear in the file.
// What is read: see OfxStatementReader; how the tags become elements: OfxElementReader; the
// header and character sets: OfxHeader.
class OfxParser final : public StatementParser {
public:
    Format format() const override { return Format::Ofx; }
    model::Status parse(QIODevice& in, const ParseOptions& options, StatementSink& sink) override;
};

} // namespace coffer::importers::ofx

#include "importers/ofx/OfxParser.h"

#include "importers/ofx/OfxElementReader.h"
#include "importers/ofx/OfxHeader.h"
#include "importers/ofx/OfxStatementReader.h"
#include "importers/ofx/OfxTokenizer.h"

namespace coffer::importers::ofx {

model::Status OfxParser::parse(QIODevice& in, const ParseOptions& options, StatementSink& sink)
{
    OfxTokenizer tokens(in);
    OfxToken first;
    const auto header = OfxHeader::read(tokens, first);
    if (!header.ok())
        return header.error();
    if (!header->notice.isEmpty())
        sink.notice(header->notice);
    OfxStatementReader statements(sink, options, OfxTextDecoder(header->charset));
    OfxElementReader elements(tokens, statements);
    statements.setElementReader(elements);
    if (const model::Status read = elements.run(first); !read.ok())
        return read;
    statements.finish();
    return model::Ok{};
}

} // namespace coffer::importers::ofx

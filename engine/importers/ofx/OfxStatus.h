#pragma once

#include "importers/ofx/OfxTags.h"
#include "importers/ofx/OfxText.h"
#include "model/Result.h"

#include <QByteArray>

namespace coffer::importers::ofx {

// A <STATUS> aggregate: what the bank says about the sign-on (in SONRS) or a statement (in
// STMTTRNRS, CCSTMTTRNRS, INVSTMTTRNRS).
struct OfxStatus {
    OfxTag parent = OfxTag::Unknown;
    qint64 line = 0;
    QByteArray code;
    QByteArray severity;
    QByteArray message;

    // A value inside the STATUS.
    void set(OfxTag tag, QByteArrayView value);
    // CODE 0 (or none), or a status of something not imported: an empty string. A non-zero CODE
    // with SEVERITY INFO: a notice to show ("line 14: the bank says: ..."). Any other non-zero
    // CODE: an InvalidData error quoting the bank's MESSAGE, CODE and SEVERITY.
    model::Result<QString> verdict(const OfxTextDecoder& text) const;
};

} // namespace coffer::importers::ofx

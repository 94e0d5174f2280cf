#pragma once

#include "importers/text/Charset.h"
#include "providers/Connector.h"

#include <QByteArray>
#include <QString>

namespace coffer::importers {
class RecordIdMaker;
}

namespace coffer::importers::mt940 {

// One :61: with the :86: lines after it, as the file has them.
struct Entry {
    qint64 line = 0;
    QByteArray statementLine; // the :61: text, its lines joined by '\n'
    QByteArray details;       // the :86: text, likewise
    QByteArray raw;
};

// Where the entry is: its statement's account and currency, whether it is an MT942 (pending).
struct EntryContext {
    QString accountId;
    QString currency;
    bool interim = false;
    text::Charset charset = text::Charset::Utf8;
};

// The entry as a transaction; `problem` set ("line N: ...") when its :61: cannot be read.
providers::ProviderTransaction toTransaction(Entry entry, const EntryContext& context, RecordIdMaker& ids);

} // namespace coffer::importers::mt940

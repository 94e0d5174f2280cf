#pragma once

#include "importers/StatementParser.h"
#include "importers/text/Charset.h"
#include "importers/text/Decimal.h"
#include "providers/Connector.h"

#include <QByteArray>
#include <QString>

namespace coffer::importers {
class RecordIdMaker;
}

namespace coffer::importers::qif {

// One transaction record of a !Type: block, held until the file's conventions are known: where
// its bytes are in the reader's store (its lines joined by '\n', blank lines inside it kept so
// line numbers can be counted from the first), the account it belongs to, and a problem the
// reader already found with its place in the file (before any !Type: header, under an unknown one).
struct QifRecord {
    qint64 firstLine = 0;
    qsizetype offset = 0;
    qsizetype size = 0;
    int account = -1; // index into the parse's accounts; -1: the file's only, unnamed account
    QString problem;
};

// How the whole file is read, decided once the reader has seen all of it.
struct QifReading {
    QString accountId;
    DateOrder dateOrder = DateOrder::MonthDay;
    text::NumberStyle numberStyle;
    text::Charset charset = text::Charset::Utf8;
    QString currency;
    int fractionDigits = 2;
};

// The transaction a record stands for. The total (T, or U when there is no T) is the amount; P is
// the counterparty and starts the description, M follows it ("Payee - memo"; one
// alone when it holds the other); L is the category
// without its "/class" part. Splits (S category, E memo, $ amount) do not become transactions of
// their own - the bank moved the total once - but they say what the money was for: without a
// category of its own (no L, or "--Split--") the record takes the splits' distinct categories
// ("Food, Transport"), and the splits' memos follow the description. Splits whose amounts do not
// add up to the total are a problem. N is the check number when it is a number, else the
// reference ("ATM", "EFT"). Any problem comes back in `problem`, starting "line N: ".
providers::ProviderTransaction transactionOf(const QifRecord& record, QByteArrayView raw, const QifReading& reading,
                                             RecordIdMaker& ids);

} // namespace coffer::importers::qif

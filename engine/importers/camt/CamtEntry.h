#pragma once

#include "model/Money.h"
#include "model/Result.h"
#include "providers/Connector.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>

namespace coffer::importers {
class RecordIdMaker;
}

namespace coffer::importers::camt {

// What one <Ntry> says, gathered while it is read (CamtParser fills it element by element).
struct EntryFields {
    qint64 line = 0;
    QString amount;            // <Amt> text
    QString currency;          // <Amt Ccy="...">
    QString indicator;         // <CdtDbtInd>: CRDT or DBIT
    QString status;            // <Sts> text (v2-v7) or <Sts><Cd> (v8): BOOK, PDNG, INFO, FUTR
    QString bookingDate;       // <BookgDt><Dt> or <DtTm>
    QString valueDate;         // <ValDt><Dt> or <DtTm>
    QString servicerReference; // <AcctSvcrRef> of the entry
    QString additionalInfo;    // <AddtlNtryInf>
    int details = 0;           // how many <TxDtls>
    // From the first <TxDtls> (used only when there is exactly one: see toTransaction()).
    QString endToEndId;
    QString detailServicerReference; // <TxDtls><Refs><AcctSvcrRef>
    QString creditorName;
    QString debtorName;
    QStringList remittance;   // <RmtInf><Ustrd>, each
    QString additionalTxInfo; // <AddtlTxInf>
    QByteArray raw;
};

// A CAMT amount ("18.150", always unsigned) with its CRDT/DBIT indicator in Coffer's sign
// (DBIT is money out). An error names the amount or the indicator.
model::Result<model::Money> signedAmount(const QString& amount, const QString& currency, const QString& indicator);

// The day of an ISODate <Dt> ("2024-05-03", also with a zone suffix) or <DtTm>
// ("2024-05-03T10:00:00+02:00": the day as the bank wrote it).
std::optional<QDate> camtDate(const QString& text);

// The entry as a transaction of `accountId`, `problem` set ("line N: ...") when it cannot be
// used. `defaultCurrency` for an <Amt> without Ccy.
providers::ProviderTransaction toTransaction(EntryFields entry, const QString& accountId,
                                             const QString& defaultCurrency, RecordIdMaker& ids);

} // namespace coffer::importers::camt

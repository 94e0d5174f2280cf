#pragma once

#include "importers/StatementParser.h"

namespace coffer::importers::camt {

// CAMT.053, the ISO 20022 bank-to-customer statement, versions 02 to 08 (told apart by the
// document's namespace; camt.052 reports, camt.054 notifications, pain messages and other
// versions are refused, saying what they are). Read with QXmlStreamReader straight from the device:
// no DOM, one pass, memory bounded by one entry.
//
// Each <Stmt> is an account (<Acct><Id><IBAN> or <Othr><Id>, <Ccy>, <Nm>, the servicer's BIC as
// institution) with its CLBD (ledger) and CLAV (available) balances. Each <Ntry> is one
// transaction: <Amt> and <CdtDbtInd> (DBIT is money out), <Sts> PDNG/FUTR as pending (a code in
// v2-v7, <Sts><Cd> in v8), <BookgDt> (or <ValDt> when there is none) and <ValDt> as the value
// date, <AcctSvcrRef> as its id, else <EndToEndId>, else one made from its fields (RecordId.h);
// the party on the other side (the creditor of a debit, the debtor of a credit) and <Ustrd> or
// <AddtlNtryInf> as text; an INFO entry (not booked) is a notice, not a transaction. An entry
// missing its amount, indicator or dates is handed on with a problem; a file that is not
// well-formed XML, not a statement, or an entry before its account stops the parse ("line N: ...").
class CamtParser final : public StatementParser {
public:
    Format format() const override { return Format::Camt053; }
    model::Status parse(QIODevice& in, const ParseOptions& options, StatementSink& sink) override;
};

} // namespace coffer::importers::camt

#pragma once

#include "importers/StatementParser.h"

namespace coffer::importers::mt940 {

// SWIFT MT940 customer statements and MT942 interim reports (whose transactions are pending), read
// line by line through ByteStream: one pass, memory bounded by one tag.
//
// Each statement (:20: to :62F:, several per file, with or without SWIFT blocks {1:..}{2:..}{4:
// .. -}, with '-' lines between them) is an account: :25: ("BLZ/account", an IBAN, a trailing
// currency), the currency of :60F:/:60M:, :62F:/:62M: as the ledger balance, :64: as the
// available one. Each :61: (with the :86: lines after it) is a transaction: value date and entry
// date (its year taken across a year end), C/D/RC/RD, amount, the bank reference after // as its
// id (else one made from its fields: RecordId.h); :86: as German ?NN subfields with SEPA keys or
// as free text (Mt940Details.h). Forgiving about what banks write: header lines before the first
// tag (ABN AMRO, ING, Rabobank), tags continuing on the next lines, a tag broken after its ':'
// (Sparkassen), CRLF or LF and no final line end, UTF-8 or, where a line is not valid UTF-8,
// Windows-1252 for the rest of the file. A :61: that cannot be read is handed on with a problem;
// a file without any statement tag, an unreadable opening balance, or amounts without a currency
// (the file names none and ParseOptions::defaultCurrency is empty) stop the parse ("line N: ...").
class Mt940Parser final : public StatementParser {
public:
    Format format() const override { return Format::Mt940; }
    model::Status parse(QIODevice& in, const ParseOptions& options, StatementSink& sink) override;
};

} // namespace coffer::importers::mt940

#pragma once

#include "importers/StatementParser.h"

namespace coffer::importers::qif {

// Quicken Interchange Format. Reads !Type:Bank, Cash, CCard, Oth A and Oth L blocks, each
// belonging to the account the !Account record before it names (none: the file is one account,
// id ""). Investment blocks (!Type:Invst) and lists (categories, classes, memorized transactions,
// securities, prices) are skipped with a notice saying what was not imported.
//
// Whole-file decisions, made after reading the file once (records are held until then):
// - day/month order (see QifConventions): a file whose dates all fit both orders fails with
//   kAskDateOrderCode unless ParseOptions::dateOrder says which;
// - number style: "1,234.56" or, in a file that writes only decimal commas, "1.234,56";
// - encoding: UTF-8 when every line is valid UTF-8, else Windows-1252.
// QIF has no currency: amounts are in ParseOptions::defaultCurrency (empty: an error). QIF has no
// ids either: each transaction's is made from its account, date, amount and payee (RecordId.h).
// A zero-byte or blank file is an error (a failed download, the wrong file: "nothing imported"
// would hide that); a QIF file with headers but no transactions parses to none, with a notice.
class QifParser final : public StatementParser {
public:
    Format format() const override { return Format::Qif; }
    model::Status parse(QIODevice& in, const ParseOptions& options, StatementSink& sink) override;
};

} // namespace coffer::importers::qif

#pragma once

#include "importers/StatementParser.h"

namespace coffer::importers::csv {

// CSV bank exports: one account (StatementAccount::id empty), read with the profile in
// ParseOptions::formatOptions (CsvProfile::toVariantMap), or with the one CsvSniffer detects
// when that is empty (the device must then be seekable: detection reads the whole file first).
// Per row: a bad date or amount, or a row with the wrong number of fields, is a transaction with
// `problem` ("line N: ...") and the rest goes on; blank rows are skipped; a row with neither a date
// nor an amount, or without a date and naming a total ("Total", "Summe", "Saldo"...), is skipped
// with a notice. Errors: a profile that cannot read the file (a header that differs from the
// profile's, a file where no row fits it), dates whose day/month order only the user can tell
// (providerCode kAskDateOrderCode, unless ParseOptions::dateOrder says), no currency (neither a
// currency column nor ParseOptions::defaultCurrency). providerId: the profile's id column the
// first time the file uses a value, else made by RecordIdMaker from date, amount, description
// and payee.
class CsvParser final : public StatementParser {
public:
    Format format() const override { return Format::Csv; }
    model::Status parse(QIODevice& in, const ParseOptions& options, StatementSink& sink) override;
};

} // namespace coffer::importers::csv

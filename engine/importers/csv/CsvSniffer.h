#pragma once

#include "importers/csv/CsvProfile.h"
#include "model/Result.h"

#include <QStringList>

class QIODevice;

namespace coffer::importers::csv {

// A detected profile and why: one line per decision, for the user to confirm in the preview
// ("Delimiter: semicolon (every row has 7 fields)").
struct CsvSniff {
    CsvProfile profile;
    QStringList explanation;
};

// Detects how a CSV file is written from all of it, not a sample: it reads the device twice,
// front to back in chunks (first bytes and delimiters, then cells), so every decision holds for
// every row. Encoding: a BOM, else UTF-16 by its zero bytes, else UTF-8 when every line is valid
// UTF-8, else Windows-1252. Delimiter (, ; tab |): the one that splits the most rows into the
// same number of fields (two at least; more fields win a near tie). Header: the first row with
// that many fields, when its cells are names rather than dates and amounts; rows before it are a
// preamble. Columns: by header names (see CsvHeaderNames.h), checked against their values, and by
// their values when there is no header. Date format and day/month order from every date; decimal
// mark and thousands separator from every amount; sign convention from a debit/credit pair, a
// direction column next to unsigned amounts, or signed amounts.
// A file that is not CSV at all is an error; a profile that lacks something (no date column
// found) comes back with what was found, and CsvProfile::validate() says what is missing.
// The device must be seekable (a file, a buffer); it is left at its end.
// Thread affinity: none.
class CsvSniffer {
public:
    static model::Result<CsvSniff> sniff(QIODevice& in);
};

} // namespace coffer::importers::csv

#pragma once

#include "importers/StatementParser.h"
#include "importers/text/Charset.h"
#include "model/Result.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace coffer::importers::csv {

// How amounts carry their sign.
enum class AmountSign {
    AsIs,      // "as-is": negative is money out, as Coffer counts
    Negated,   // "negated": positive is money out (some card exports)
    Direction, // "direction": amounts are unsigned; directionColumn says which are money out
};

// Everything needed to read one bank's CSV export: what CsvSniffer detects, what the user
// confirms in the preview, and what is saved per account (store/ImportProfileRepository).
//
// As a QVariantMap (ParseOptions::formatOptions, model::ImportRequest::csvProfile, the saved
// JSON), keys are stable; columns are 0-based indices, -1 or absent for "none":
//   "encoding"            "UTF-8" | "UTF-16LE" | "UTF-16BE" | "windows-1252" | "ISO-8859-1"
//   "delimiter"           "," | ";" | "\t" | "|" (any one ASCII character)
//   "skipRows"            records before the header (or before the first data row): a preamble
//   "hasHeader"           bool: the record after skipRows names the columns
//   "headers"             the header's cells as detected; when set, a file whose header differs
//                         is refused ("column 3 is 'Betrag' in the profile but 'Saldo' here")
//   "dateColumn"          required
//   "dateFormat"          "yyyy-MM-dd", "dd.MM.yyyy", "MM/dd/yyyy", "d/M/yy", "yyyyMMdd", "dd MMM yyyy"...:
//                         d/dd day, M/MM month (1 or 2 digits either way) or MMM its name,
//                         yy/yyyy year, and one separator; a time after the date is ignored
//   "dateOrderAmbiguous"  bool: every date fits both day/month orders; the parse asks
//                         (kAskDateOrderCode) unless ParseOptions::dateOrder says
//   "valueDateColumn"
//   "amountColumn"        one signed (or directed) amount; or both of:
//   "debitColumn", "creditColumn"  money out and money in, each unsigned
//   "decimalMark"         "." | ","
//   "thousandsSeparator"  "" | "," | "." | " " | "'"
//   "amountSign"          "as-is" | "negated" | "direction"
//   "directionColumn", "directionDebitValue"  with "direction": the column, and its value for
//                         money out ("DR", "S", "Af", "Debit"; compared ignoring case)
//   "descriptionColumns"  list of columns joined with " " (may be empty)
//   "counterpartyColumn", "referenceColumn", "checkNumberColumn", "currencyColumn"
//   "idColumn"            a column whose values identify records (unique in the file): the
//                         transaction's providerId; absent: ids are made from the record
// Unknown keys and wrong values are errors naming the key.
struct CsvProfile {
    text::Charset charset = text::Charset::Utf8;
    char delimiter = ',';
    int skipRows = 0;
    bool hasHeader = true;
    QStringList headers;
    int dateColumn = -1;
    QString dateFormat;
    bool dateOrderAmbiguous = false;
    int valueDateColumn = -1;
    int amountColumn = -1;
    int debitColumn = -1;
    int creditColumn = -1;
    char decimalMark = '.';
    char thousandsSeparator = 0;
    AmountSign amountSign = AmountSign::AsIs;
    int directionColumn = -1;
    QString directionDebitValue;
    QList<int> descriptionColumns;
    int counterpartyColumn = -1;
    int referenceColumn = -1;
    int checkNumberColumn = -1;
    int currencyColumn = -1;
    int idColumn = -1;

    QVariantMap toVariantMap() const;
    static model::Result<CsvProfile> fromVariantMap(const QVariantMap& map);

    // Whether the profile can read a file: a date column and format, an amount column or a
    // debit/credit pair, a direction column when the sign needs one. The error says what is missing.
    model::Status validate() const;
    // The user's answer to an ambiguous day/month order: dateFormat takes that order and the
    // profile is no longer ambiguous (so a saved profile does not ask again). Nothing changes
    // for an unambiguous profile or DateOrder::Auto. Returns whether it changed.
    bool resolveDateOrder(DateOrder order);

    friend bool operator==(const CsvProfile&, const CsvProfile&) = default;
};

QString charsetName(text::Charset charset);

} // namespace coffer::importers::csv

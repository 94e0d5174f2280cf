#pragma once

#include "importers/StatementSink.h"
#include "model/Result.h"

#include <QString>

#include <memory>
#include <optional>

class QIODevice;

namespace coffer::importers {

// The bank file formats Coffer reads.
enum class Format { Ofx, Qif, Csv, Camt053, Mt940 };

// "ofx", "qif", "csv", "camt053", "mt940": the import source's name ("import:ofx") and the CLI's.
QString formatId(Format format);
// "OFX/QFX", "QIF", "CSV", "CAMT.053", "MT940": for people.
QString formatDisplayName(Format format);
// The format a formatId() names; nullopt for any other text.
std::optional<Format> formatFromId(QStringView id);

// Day and month order of numeric dates such as 03/04/2024, for formats that do not say
// (QIF, CSV). Auto: decided from the whole file; a file where both orders fit every date asks.
enum class DateOrder { Auto, DayMonth, MonthDay };

// The error code (model::Error::providerCode) of a parse that cannot go on without the user
// choosing the date order: every date in the file fits both. The UI and the CLI ask and parse again.
inline const QString kAskDateOrderCode = QStringLiteral("ASK_DATE_ORDER");

// What the user (or a saved profile) decided about a file before it is parsed.
struct ParseOptions {
    // The currency of amounts the file does not give one for (QIF, CSV, some MT940 lines):
    // the target account's. Empty: such a file fails, naming the missing currency.
    QString defaultCurrency;
    DateOrder dateOrder = DateOrder::Auto;
    // Format-specific choices as key/value pairs (the CSV column mapping: see csv/CsvProfile.h).
    QVariantMap formatOptions;
};

// One per format. Reads the whole device once, front to back, in bounded chunks (never the whole
// file in memory at once, never a tree of it), and hands what it finds to the sink as it goes.
// Strict about structure (an unclosed element, a tag where a value must be, a file that is not
// the format at all) and forgiving about the quirks real banks write (see each parser's header).
// A record that cannot be used (an amount that is not a number, a missing date) is handed to the
// sink with `problem` set, naming the line, and the rest goes on; a broken structure stops the
// parse with an InvalidData error whose message starts with "line N: " (the caller adds the file
// name). Never throws, never crashes or loops on any input: every parser has a fuzz target.
// Thread affinity: none (a parser holds no state between calls).
class StatementParser {
public:
    virtual ~StatementParser() = default;
    virtual Format format() const = 0;
    virtual model::Status parse(QIODevice& in, const ParseOptions& options, StatementSink& sink) = 0;
};

std::unique_ptr<StatementParser> makeParser(Format format);

} // namespace coffer::importers

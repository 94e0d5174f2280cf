#include "importers/StatementParser.h"

#include "importers/camt/CamtParser.h"
#include "importers/csv/CsvParser.h"
#include "importers/mt940/Mt940Parser.h"
#include "importers/ofx/OfxParser.h"
#include "importers/qif/QifParser.h"

namespace coffer::importers {

QString formatId(Format format)
{
    switch (format) {
    case Format::Ofx:
        return QStringLiteral("ofx");
    case Format::Qif:
        return QStringLiteral("qif");
    case Format::Csv:
        return QStringLiteral("csv");
    case Format::Camt053:
        return QStringLiteral("camt053");
    case Format::Mt940:
        return QStringLiteral("mt940");
    }
    return {};
}

QString formatDisplayName(Format format)
{
    switch (format) {
    case Format::Ofx:
        return QStringLiteral("OFX/QFX");
    case Format::Qif:
        return QStringLiteral("QIF");
    case Format::Csv:
        return QStringLiteral("CSV");
    case Format::Camt053:
        return QStringLiteral("CAMT.053");
    case Format::Mt940:
        return QStringLiteral("MT940");
    }
    return {};
}

std::optional<Format> formatFromId(QStringView id)
{
    for (const Format f : {Format::Ofx, Format::Qif, Format::Csv, Format::Camt053, Format::Mt940}) {
        if (formatId(f) == id)
            return f;
    }
    return std::nullopt;
}

std::unique_ptr<StatementParser> makeParser(Format format)
{
    switch (format) {
    case Format::Ofx:
        return std::make_unique<ofx::OfxParser>();
    case Format::Qif:
        return std::make_unique<qif::QifParser>();
    case Format::Csv:
        return std::make_unique<csv::CsvParser>();
    case Format::Camt053:
        return std::make_unique<camt::CamtParser>();
    case Format::Mt940:
        return std::make_unique<mt940::Mt940Parser>();
    }
    return nullptr;
}

} // namespace coffer::importers

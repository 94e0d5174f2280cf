#include "export/LedgerExporter.h"

#include "export/BeancountWriter.h"
#include "export/CsvWriter.h"
#include "export/LedgerSource.h"
#include "export/LedgerWriter.h"
#include "export/OfxWriter.h"

namespace coffer::exporting {

model::Result<ExportSummary> LedgerExporter::run(ExportFormat format, const QString& databasePath,
                                                 const QString& outputPath, const ExportFilter& filter)
{
    if (filter.from.isValid() && filter.to.isValid() && filter.from > filter.to)
        return model::Error::permanent(QStringLiteral("The export starts on %1, after it ends (%2).")
                                           .arg(filter.from.toString(Qt::ISODate), filter.to.toString(Qt::ISODate)));
    const auto opened = LedgerSource::open(databasePath);
    if (!opened.ok())
        return opened.error();
    const LedgerSource& source = *opened.value();
    switch (format) {
    case ExportFormat::Csv: {
        // A missing account is named here too, as the other formats do.
        if (filter.accountId != 0) {
            if (const auto accounts = source.accounts(filter); !accounts.ok())
                return accounts.error();
        }
        return CsvWriter::write(outputPath, source.rowSource(filter));
    }
    case ExportFormat::Ofx:
        return OfxWriter::write(outputPath, source, filter);
    case ExportFormat::Ledger:
        return LedgerWriter::write(outputPath, source, filter);
    case ExportFormat::Beancount:
        return BeancountWriter::write(outputPath, source, filter);
    }
    return model::Error::permanent(QStringLiteral("Unknown export format."));
}

} // namespace coffer::exporting

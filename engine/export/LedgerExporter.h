#pragma once

#include "export/ExportTypes.h"

namespace coffer::exporting {

// One call for a whole-ledger export in any format: opens its own read-only connection to
// databasePath, writes outputPath atomically, and says what it wrote. Blocking: the UI runs it
// on a worker thread (QtConcurrent); cofferctl runs it directly. Thread affinity: any thread,
// one call per thread at a time.
class LedgerExporter {
public:
    static model::Result<ExportSummary> run(ExportFormat format, const QString& databasePath, const QString& outputPath,
                                            const ExportFilter& filter = {});
};

} // namespace coffer::exporting

#pragma once

#include "model/Import.h"

#include <QList>
#include <QString>

namespace coffer::cli {

// What an import did (or, for a dry run, would do): the counts in one line, where each of the
// file's accounts went, what matched and why, what was invalid and why, what was not imported.
QString importReportText(const model::ImportReport& report);
// Why a file could not be imported, with what to do about it (the date order to choose).
QString importFailureText(const model::ImportFailure& failure);
QString importsTable(const QList<model::ImportRecord>& imports);

} // namespace coffer::cli

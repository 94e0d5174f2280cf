#pragma once

#include "model/Result.h"

#include <QString>

namespace coffer::store {

// The default data folder (QStandardPaths::AppDataLocation for "Coffer").
QString defaultDataDirectory();

// Creates dir when missing and checks that Coffer can write there. The error names the folder
// and what to do.
model::Status prepareDataDirectory(const QString& dir);

} // namespace coffer::store

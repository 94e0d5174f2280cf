#pragma once

#include "model/Import.h"
#include "model/Result.h"

#include <QStringList>
#include <QVariantMap>

class QIODevice;

namespace coffer::store {
class Database;
}

namespace coffer::importers {

// How a CSV file is read, and where that came from.
struct CsvProfileChoice {
    QVariantMap profile;     // csv/CsvProfile.h's map
    QString name;            // the saved profile's name, if it is one
    QStringList explanation; // why, when it was detected ("Delimiter: semicolon (every row has 7 fields)")
    bool remembered = false; // the account's last one: when the file no longer fits it, detect instead
};

// In order: the profile the user confirmed in the preview (request.csvProfile), the saved one
// named by request.profileName, the one the chosen account was last imported with, or one
// detected from the whole file (the device is read and then rewound). Thread affinity: the
// Database's thread.
model::Result<CsvProfileChoice> chooseCsvProfile(store::Database& db, QIODevice& file,
                                                 const model::ImportRequest& request);
// The profile detected from the whole file (rewound afterwards).
model::Result<CsvProfileChoice> detectCsvProfile(QIODevice& file);

// After a CSV import: the account remembers the profile (with the user's answer to an ambiguous
// date order, so it is not asked again), and a name given with saveProfile keeps it for other
// accounts too. Inside the import's transaction.
model::Status rememberCsvProfile(store::Database& db, qint64 accountId, const CsvProfileChoice& choice,
                                 const model::ImportRequest& request);

} // namespace coffer::importers

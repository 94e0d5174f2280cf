#pragma once

#include "model/Result.h"

#include <QString>

namespace coffer::schedule {
class Clock;
}
namespace coffer::store {
class Database;
}

namespace coffer {

// What the user asks of the stored data itself, outside any sync: undo a match, apply the
// retention policy now, restore an archive, read and change settings. Each answer is a message
// in plain words for the UI or CLI, or an error that says what went wrong.
// Thread affinity: the engine thread (the Database's).
class DataMaintenance {
public:
    DataMaintenance(store::Database& db, const schedule::Clock& clock)
        : m_db(db)
        , m_clock(clock)
    {
    }

    model::Result<QString> undoMatch(qint64 transactionId);
    model::Result<QString> applyRetention();
    model::Result<QString> restoreArchive(const QString& file);
    model::Result<QString> setSetting(const QString& key, const QString& value);
    QString describeSettings();

private:
    store::Database& m_db;
    const schedule::Clock& m_clock;
};

} // namespace coffer

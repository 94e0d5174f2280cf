#pragma once

#include "store/ReadOnlyConnection.h"

#include "model/Result.h"

#include <QMap>
#include <QString>

#include <memory>

namespace coffer::store {

// Read-only queries the desktop needs beside the transaction list: the user settings (as
// `cofferctl settings` shows them) and what started a sync run. Its own SQLite connection, so the
// engine's writer is never blocked. Thread affinity: use from the thread that created it.
class EngineStateReader {
public:
    static model::Result<std::shared_ptr<EngineStateReader>> open(const QString& databasePath);
    ~EngineStateReader();
    EngineStateReader(const EngineStateReader&) = delete;
    EngineStateReader& operator=(const EngineStateReader&) = delete;

    // Opens, reads the user settings and closes: for one look at them.
    static model::Result<QMap<QString, QString>> readUserSettings(const QString& databasePath);

    // Every known user setting (store::userSettings()) -> its value, defaults filled in.
    model::Result<QMap<QString, QString>> userSettings() const;
    // The trigger a sync run was started by ("manual", "scheduled", "backfill", ...).
    model::Result<QString> runTrigger(qint64 syncRunId) const;

private:
    explicit EngineStateReader(std::unique_ptr<ReadOnlyConnection> connection);
    std::unique_ptr<ReadOnlyConnection> m_connection;
};

} // namespace coffer::store

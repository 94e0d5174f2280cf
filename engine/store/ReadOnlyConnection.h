#pragma once

#include "model/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace coffer::store {

// A read-only SQLite connection of a reader's own (a unique Qt SQL connection name), beside the
// engine's writer: WAL keeps the two from blocking each other. Closed and removed when destroyed.
// Thread affinity: use and destroy it on the thread that opened it.
class ReadOnlyConnection {
public:
    // An error naming the file when it does not exist or cannot be opened.
    static model::Result<std::unique_ptr<ReadOnlyConnection>> open(const QString& databasePath);
    ~ReadOnlyConnection();
    ReadOnlyConnection(const ReadOnlyConnection&) = delete;
    ReadOnlyConnection& operator=(const ReadOnlyConnection&) = delete;

    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }

private:
    explicit ReadOnlyConnection(QString name);
    QString m_name;
};

} // namespace coffer::store

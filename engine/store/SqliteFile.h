#pragma once

// Low-level SQLite file facts that Qt SQL does not expose: the file header, the backup API,
// and the wording used when a database file is damaged.

#include "model/Result.h"

#include <QSqlDatabase>
#include <QString>

struct sqlite3;

namespace coffer::store {

// Fails with a clear message when path exists but is not an SQLite 3 database. A missing or
// empty file is fine (it becomes a new database).
model::Status checkSqliteHeader(const QString& path, const QString& dataDir);

// The error for a database that failed its integrity check: names the file, says it was kept,
// and points at the newest backup when there is one.
model::Error integrityProblem(const QString& path, const QString& dataDir, const QString& detail);

// The sqlite3 connection behind a Qt SQL connection, or nullptr.
sqlite3* sqliteHandle(const QSqlDatabase& db);

// Copies the open database into targetPath with SQLite's online backup API.
model::Status backupSqlite(const QSqlDatabase& source, const QString& targetPath);

} // namespace coffer::store

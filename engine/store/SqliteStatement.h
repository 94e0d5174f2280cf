#pragma once

#include "model/Result.h"

#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace coffer::store {

class Database;

// A statement prepared once on the Database's own SQLite handle and reused, without Qt SQL's
// per-call bookkeeping: for the few hot paths (the job queue) where that bookkeeping costs
// more than SQLite itself. Bind with 1-based indexes, then run(). Honors the Database's
// fault injection like every other write. Thread affinity: the Database's thread.
class SqliteStatement {
public:
    SqliteStatement(Database& db, const char* sql);
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    SqliteStatement& bind(int index, qint64 value);
    SqliteStatement& bind(int index, const QString& text); // a null QString binds as empty text
    SqliteStatement& bindNull(int index);

    // Steps to completion, then resets the statement and its bindings for the next use.
    model::Status run(const char* what);
    qint64 lastInsertId() const;

private:
    Database& m_db;
    sqlite3* m_handle = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    QString m_prepareError;
};

} // namespace coffer::store

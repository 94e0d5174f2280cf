#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringEncoder>

#include <vector>

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

    SqliteStatement& bind(int index, double value);
    // Text already in UTF-8, bound without a copy: utf8 must outlive the run() or next() that uses it.
    SqliteStatement& bindUtf8(int index, const QByteArray& utf8);

    // Steps to completion, then resets the statement and its bindings for the next use.
    model::Status run(const char* what);
    qint64 lastInsertId() const;
    // Rows changed by the last run().
    int changes() const;

    // For queries: steps once. True with a row to read through the column accessors (0-based);
    // false when there are no more rows, after which the statement is reset for the next use.
    // Call reset() to stop reading early.
    model::Result<bool> next(const char* what);
    void reset();
    qint64 int64(int column) const;
    double real(int column) const;
    QString text(int column) const;
    QByteArray rawBytes(int column) const; // a TEXT or BLOB column as stored
    bool isNull(int column) const;

private:
    Database& m_db;
    sqlite3* m_handle = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    QString m_prepareError;
    std::vector<QByteArray> m_text; // per parameter: the UTF-8 of the text bound there
    QStringEncoder m_encoder{QStringEncoder::Utf8};
};

} // namespace coffer::store

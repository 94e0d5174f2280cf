#pragma once

#include "model/Result.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>

class QSqlQuery;
struct sqlite3;

namespace coffer::store {

// The engine's read-write SQLite connection. Thread affinity: the thread that opened it
// (the engine thread); Qt SQL connections must not cross threads.
class Database {
public:
    static constexpr const char* kFileName = "coffer.sqlite3";

    // Opens <dataDir>/coffer.sqlite3, creating the folder and the file when missing: busy timeout,
    // quick_check, WAL (verified), synchronous=NORMAL, foreign keys, then migrations in one
    // transaction after a backup. A file that fails its check, or that a newer Coffer wrote, is
    // left untouched and reported.
    static model::Result<std::unique_ptr<Database>> open(const QString& dataDir);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    QSqlDatabase handle() const;
    const QString& path() const { return m_path; }
    const QString& dataDir() const { return m_dataDir; }

    // Runs body inside BEGIN IMMEDIATE ... COMMIT; rolls back when body fails or a statement fails.
    // Inside another one (a file import commits its pages inside the import's transaction) it is
    // a savepoint: a failure takes back only body's work, and the outer transaction decides.
    model::Status inTransaction(const std::function<model::Status()>& body);
    // Runs body inside a transaction that is always rolled back: what it would do, without doing
    // it (an import's preview). Returns body's outcome.
    model::Status rehearse(const std::function<model::Status()>& body);

    // Executes a prepared query. Every write goes through here, so tests can fail the Nth call.
    model::Status exec(QSqlQuery& query, const char* what);
    model::Status exec(const QString& sql, const char* what);

    // Test seam ("fail the Nth database call"): the Nth statement from now fails; 0 turns it off.
    void failNthStatement(int n) { m_failCountdown = n; }
    // An error when the fault injection says this statement must fail, Ok otherwise.
    model::Status injectedFailure(const char* what);

    // The SQLite connection under Qt SQL, for SqliteStatement and the backup API.
    sqlite3* nativeHandle() const;

    // The folder holding pre-migration backups, and the newest backup file if any.
    // Where the database of a data folder is.
    static QString filePathIn(const QString& dataDir);
    static QString backupDirectory(const QString& dataDir);
    static QString latestBackup(const QString& dataDir);

private:
    Database(QString connectionName, QString path, QString dataDir);
    model::Status configure();
    model::Status migrate();
    model::Status backup(int fromVersion);

    QString m_connectionName;
    QString m_path;
    QString m_dataDir;
    int m_failCountdown = 0;
    int m_transactionDepth = 0; // nested inTransaction() calls in progress
};

// Helpers shared by the repositories.
QString toIsoUtc(const QDateTime& when);
QDateTime fromIsoUtc(const QString& text);

} // namespace coffer::store

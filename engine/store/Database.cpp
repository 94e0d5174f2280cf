#include "store/Database.h"

#include "log/Log.h"
#include "store/DataDirectory.h"
#include "store/Migrations.h"
#include "store/SqliteFile.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QUuid>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <sqlite3.h>

namespace coffer::store {

using model::Error;
using model::Ok;
using model::Result;
using model::Status;

namespace {

auto logger()
{
    return log::get("engine.store");
}

Error sqlError(const char* what, const QSqlError& error)
{
    // SQL text and bound values can hold amounts or names: log only the statement's purpose.
    return Error::storage(QStringLiteral("The database could not %1: %2").arg(QString::fromLatin1(what), error.text()),
                          QString::fromLatin1(what));
}

} // namespace

QString toIsoUtc(const QDateTime& when)
{
    return when.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIsoUtc(const QString& text)
{
    if (text.isEmpty())
        return {};
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    when.setTimeSpec(Qt::UTC);
    return when;
}

Database::Database(QString connectionName, QString path, QString dataDir)
    : m_connectionName(std::move(connectionName))
    , m_path(std::move(path))
    , m_dataDir(std::move(dataDir))
{
}

Database::~Database()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

QSqlDatabase Database::handle() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

QString Database::filePathIn(const QString& dataDir)
{
    return QDir(dataDir).filePath(QString::fromLatin1(kFileName));
}

QString Database::backupDirectory(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("backups"));
}

QString Database::latestBackup(const QString& dataDir)
{
    const QFileInfoList backups =
        QDir(backupDirectory(dataDir)).entryInfoList({QStringLiteral("*.sqlite3")}, QDir::Files, QDir::Time);
    return backups.isEmpty() ? QString() : backups.first().absoluteFilePath();
}

namespace {
// SQLite's page cache and statement memory are freed and taken again at the top of the heap on
// every transaction; glibc hands that memory back to the kernel each time (brk) once more than
// 128 KB is free there. Keeping up to 32 MB triples the job queue's throughput (coffer-bench
// jobs: ~27,000 -> ~80,000 jobs/s) for memory the page cache uses anyway.
void keepHeapTopOnce()
{
#if defined(__GLIBC__)
    static const bool done = [] { return mallopt(M_TRIM_THRESHOLD, 32 * 1024 * 1024) == 1; }();
    (void)done;
#endif
}
// Before SQLite's first use in the process: every connection stays on one thread (Qt SQL's rule),
// so SQLite's per-connection mutexes only cost time; and it need not count its memory use.
// Measured on the ingest benchmark: libc mutexes and malloc bookkeeping were a quarter of the CPU.
void configureSqliteOnce()
{
    static const bool done = [] {
        sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
        sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
        return true;
    }();
    (void)done;
}
} // namespace

Result<std::unique_ptr<Database>> Database::open(const QString& dataDir)
{
    keepHeapTopOnce();
    configureSqliteOnce();
    if (auto prepared = prepareDataDirectory(dataDir); !prepared.ok())
        return prepared.error();
    const QString path = filePathIn(dataDir);
    if (auto header = checkSqliteHeader(path, dataDir); !header.ok())
        return header.error();

    const QString name = QStringLiteral("coffer-rw-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<Database> db(new Database(name, path, dataDir));
    QSqlDatabase sql = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    sql.setDatabaseName(path);
    sql.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!sql.open())
        return Error::storage(QStringLiteral("Cannot open the database %1: %2").arg(path, sql.lastError().text()));

    if (auto configured = db->configure(); !configured.ok())
        return configured.error();
    if (auto migrated = db->migrate(); !migrated.ok())
        return migrated.error();
    logger()->info("database open, schema version {}", latestSchemaVersion());
    return db;
}

Status Database::configure()
{
    // A larger per-connection pool for SQLite's small allocations (500 slots instead of the
    // default handful), before any statement holds one: fewer trips to malloc on every row.
    if (sqlite3* native = nativeHandle())
        sqlite3_db_config(native, SQLITE_DBCONFIG_LOOKASIDE, nullptr, 1200, 500);
    QSqlQuery q(handle());
    if (!q.exec(QStringLiteral("PRAGMA quick_check")))
        return integrityProblem(m_path, m_dataDir, q.lastError().text());
    QStringList problems;
    while (q.next())
        problems << q.value(0).toString();
    if (problems != QStringList{QStringLiteral("ok")})
        return integrityProblem(m_path, m_dataDir, problems.mid(0, 3).join(QStringLiteral("; ")));

    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError("read its schema version", q.lastError());
    const int version = q.value(0).toInt();
    if (version > latestSchemaVersion())
        return Error::storage(
            QStringLiteral("The database %1 was written by a newer version of Coffer (schema %2; this version "
                           "understands up to %3). Update Coffer; the file was left untouched.")
                .arg(m_path)
                .arg(version)
                .arg(latestSchemaVersion()));

    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next())
        return sqlError("switch to write-ahead logging", q.lastError());
    if (q.value(0).toString().compare(QStringLiteral("wal"), Qt::CaseInsensitive) != 0)
        return Error::storage(
            QStringLiteral("The database %1 could not use write-ahead logging (journal mode is \"%2\"); "
                           "it may be on a network or read-only file system.")
                .arg(m_path, q.value(0).toString()));
    if (!q.exec(QStringLiteral("PRAGMA synchronous=NORMAL")))
        return sqlError("set synchronous mode", q.lastError());
    // 32 MB of page cache (the default is 2 MB): the whole working set of a household ledger.
    if (!q.exec(QStringLiteral("PRAGMA cache_size=-32768")))
        return sqlError("size its page cache", q.lastError());
    // Checkpoint every 8,000 pages (32 MB) instead of 1,000: each checkpoint waits for the disk,
    // and a first sync writes a lot at once. The WAL is truncated back after a checkpoint.
    if (!q.exec(QStringLiteral("PRAGMA wal_autocheckpoint=8000")) ||
        !q.exec(QStringLiteral("PRAGMA journal_size_limit=67108864")))
        return sqlError("tune its write-ahead log", q.lastError());
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys=ON")) || !q.exec(QStringLiteral("PRAGMA foreign_keys")) ||
        !q.next() || q.value(0).toInt() != 1)
        return sqlError("turn on foreign keys", q.lastError());
    return Ok{};
}

Status Database::migrate()
{
    QSqlQuery q(handle());
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError("read its schema version", q.lastError());
    const int current = q.value(0).toInt();
    q.finish();
    if (current == latestSchemaVersion())
        return Ok{};
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM sqlite_master")) || !q.next())
        return sqlError("list its tables", q.lastError());
    const bool holdsData = q.value(0).toInt() > 0;
    q.finish();
    if (holdsData) { // a brand-new file has nothing worth a backup
        if (auto saved = backup(current); !saved.ok())
            return saved;
    }
    return inTransaction([&]() -> Status {
        for (const Migration& m : migrations()) {
            if (m.version <= current)
                continue;
            logger()->info("applying migration {} ({})", m.version, m.description.toStdString());
            for (const QString& statement : m.statements) {
                if (auto done = exec(statement, "apply a schema migration"); !done.ok())
                    return done;
            }
            if (auto done =
                    exec(QStringLiteral("PRAGMA user_version = %1").arg(m.version), "record the schema version");
                !done.ok())
                return done;
        }
        return Ok{};
    });
}

Status Database::backup(int fromVersion)
{
    const QString dir = backupDirectory(m_dataDir);
    if (!QDir().mkpath(dir))
        return Error::storage(
            QStringLiteral("Cannot create the backup folder %1 before upgrading the database.").arg(dir));
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString target = QDir(dir).filePath(QStringLiteral("coffer-v%1-%2.sqlite3").arg(fromVersion).arg(stamp));
    logger()->info("backing up the database before migrating from schema {}", fromVersion);
    return backupSqlite(handle(), target);
}

Status Database::inTransaction(const std::function<Status()>& body)
{
    const bool nested = m_transactionDepth > 0;
    const QString savepoint = QStringLiteral("nested_%1").arg(m_transactionDepth);
    if (auto begun = exec(nested ? QStringLiteral("SAVEPOINT ") + savepoint : QStringLiteral("BEGIN IMMEDIATE"),
                          "start a transaction");
        !begun.ok())
        return begun;
    ++m_transactionDepth;
    Status result = body();
    --m_transactionDepth;
    if (result.ok())
        result =
            exec(nested ? QStringLiteral("RELEASE ") + savepoint : QStringLiteral("COMMIT"), "commit a transaction");
    if (!result.ok()) {
        QSqlQuery rollback(handle());
        const QString sql = nested ? QStringLiteral("ROLLBACK TO ") + savepoint : QStringLiteral("ROLLBACK");
        if (!rollback.exec(sql))
            logger()->error("rollback failed: {}", rollback.lastError().text().toStdString());
        if (nested && !rollback.exec(QStringLiteral("RELEASE ") + savepoint))
            logger()->error("releasing a rolled-back savepoint failed: {}", rollback.lastError().text().toStdString());
    }
    return result;
}

Status Database::rehearse(const std::function<Status()>& body)
{
    if (m_transactionDepth > 0)
        return Error::storage(QStringLiteral("A rehearsal cannot run inside another transaction."));
    if (auto begun = exec(QStringLiteral("BEGIN IMMEDIATE"), "start a transaction"); !begun.ok())
        return begun;
    ++m_transactionDepth;
    const Status result = body();
    --m_transactionDepth;
    QSqlQuery rollback(handle());
    if (!rollback.exec(QStringLiteral("ROLLBACK")))
        logger()->error("rollback failed: {}", rollback.lastError().text().toStdString());
    return result;
}

Status Database::exec(QSqlQuery& query, const char* what)
{
    if (auto injected = injectedFailure(what); !injected.ok())
        return injected;
    // Coffer's text columns are NOT NULL and Qt binds a null QString as SQL NULL: treat it as
    // empty text. A deliberate SQL NULL is bound as an invalid QVariant().
    const QVariantList bound = query.boundValues();
    for (qsizetype i = 0; i < bound.size(); ++i) {
        if (bound[i].typeId() == QMetaType::QString && bound[i].toString().isNull())
            query.bindValue(int(i), QStringLiteral(""));
    }
    if (!query.exec()) {
        logger()->error("statement failed: {}: {}", what, query.lastError().text().toStdString());
        return sqlError(what, query.lastError());
    }
    return Ok{};
}

Status Database::injectedFailure(const char* what)
{
    if (m_failCountdown > 0 && --m_failCountdown == 0)
        return Error::storage(
            QStringLiteral("The database could not %1: injected failure").arg(QString::fromLatin1(what)));
    return Ok{};
}

sqlite3* Database::nativeHandle() const
{
    return sqliteHandle(handle());
}

Status Database::exec(const QString& sql, const char* what)
{
    QSqlQuery q(handle());
    if (!q.prepare(sql))
        return sqlError(what, q.lastError());
    return exec(q, what);
}

} // namespace coffer::store

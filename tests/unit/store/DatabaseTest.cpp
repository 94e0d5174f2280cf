// The SQLite store: created and migrated on first open, reopened as is, and never destroyed
// when something is wrong with it.

#include "store/Database.h"
#include "store/Migrations.h"
#include "store/SqliteFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using coffer::store::Database;

namespace {

QString dbPath(const QTemporaryDir& dir)
{
    return QDir(dir.path()).filePath(QStringLiteral("coffer.sqlite3"));
}

QByteArray fileHash(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

QVariant scalar(const Database& db, const QString& sql)
{
    QSqlQuery q(db.handle());
    if (!q.exec(sql) || !q.next())
        return {};
    return q.value(0);
}

// Writes a database file with raw SQL outside of Coffer (as another version might have).
void writeForeignDatabase(const QString& path, const QStringList& statements)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(path);
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        for (const QString& s : statements)
            ASSERT_TRUE(q.exec(s)) << s.toStdString();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
}

} // namespace

TEST(Database, FirstOpenCreatesTheLatestSchema)
{
    QTemporaryDir dir;
    auto db = Database::open(dir.path());
    ASSERT_TRUE(db.ok()) << db.error().userMessage.toStdString();
    EXPECT_EQ(scalar(*db.value(), QStringLiteral("PRAGMA user_version")).toInt(), coffer::store::latestSchemaVersion());
    EXPECT_EQ(scalar(*db.value(), QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    EXPECT_EQ(scalar(*db.value(), QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    EXPECT_EQ(scalar(*db.value(), QStringLiteral("PRAGMA synchronous")).toInt(), 1) << "NORMAL";
    for (const char* table :
         {"connections", "accounts", "transactions", "transaction_events", "sync_runs", "settings", "balances"}) {
        EXPECT_EQ(
            scalar(*db.value(), QStringLiteral("SELECT COUNT(*) FROM sqlite_master WHERE type='table' AND name='%1'")
                                    .arg(QString::fromLatin1(table)))
                .toInt(),
            1)
            << table;
    }
}

TEST(Database, ReopenKeepsDataAndSchema)
{
    QTemporaryDir dir;
    {
        auto db = Database::open(dir.path());
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(db.value()
                        ->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('theme', 'dark')"), "test")
                        .ok());
    }
    auto again = Database::open(dir.path());
    ASSERT_TRUE(again.ok()) << again.error().userMessage.toStdString();
    EXPECT_EQ(scalar(*again.value(), QStringLiteral("SELECT value FROM settings WHERE key='theme'")).toString(),
              QStringLiteral("dark"));
    EXPECT_TRUE(Database::latestBackup(dir.path()).isEmpty()) << "no migration ran, so no backup was needed";
}

TEST(Database, OlderSchemaIsBackedUpThenMigrated)
{
    QTemporaryDir dir;
    // An empty database that claims schema 0 but holds a user table: it must be backed up first.
    writeForeignDatabase(dbPath(dir), {QStringLiteral("CREATE TABLE notes (x TEXT)"),
                                       QStringLiteral("INSERT INTO notes VALUES ('keep me')")});
    auto db = Database::open(dir.path());
    ASSERT_TRUE(db.ok()) << db.error().userMessage.toStdString();
    EXPECT_EQ(scalar(*db.value(), QStringLiteral("SELECT x FROM notes")).toString(), QStringLiteral("keep me"));
    const QString backup = Database::latestBackup(dir.path());
    ASSERT_FALSE(backup.isEmpty());
    QTemporaryDir restored;
    ASSERT_TRUE(QFile::copy(backup, dbPath(restored)));
    auto old = Database::open(restored.path()); // opening migrates the copy too; the note must be there
    ASSERT_TRUE(old.ok());
    EXPECT_EQ(scalar(*old.value(), QStringLiteral("SELECT x FROM notes")).toString(), QStringLiteral("keep me"));
}

TEST(Database, BackupApiCopiesTheWholeDatabase)
{
    QTemporaryDir dir;
    auto db = Database::open(dir.path());
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db.value()->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('a', 'b')"), "test").ok());
    const QString target = QDir(dir.path()).filePath(QStringLiteral("copy.sqlite3"));
    ASSERT_TRUE(coffer::store::backupSqlite(db.value()->handle(), target).ok());
    QTemporaryDir other;
    ASSERT_TRUE(QFile::copy(target, dbPath(other)));
    auto copy = Database::open(other.path());
    ASSERT_TRUE(copy.ok()) << copy.error().userMessage.toStdString();
    EXPECT_EQ(scalar(*copy.value(), QStringLiteral("SELECT value FROM settings WHERE key='a'")).toString(),
              QStringLiteral("b"));
}

TEST(Database, CorruptedFileIsReportedAndKept)
{
    QTemporaryDir dir;
    {
        QFile f(dbPath(dir));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("this is not a database, but it is the user's file").repeated(200));
    }
    const QByteArray before = fileHash(dbPath(dir));
    auto db = Database::open(dir.path());
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().userMessage.contains(dbPath(dir)));
    EXPECT_TRUE(db.error().userMessage.contains(QStringLiteral("damaged")));
    EXPECT_TRUE(db.error().userMessage.contains(QStringLiteral("untouched")));
    EXPECT_EQ(fileHash(dbPath(dir)), before);
}

TEST(Database, DamagedPagesFailTheIntegrityCheck)
{
    QTemporaryDir dir;
    {
        auto db = Database::open(dir.path());
        ASSERT_TRUE(db.ok());
        for (int i = 0; i < 400; ++i) {
            ASSERT_TRUE(db.value()
                            ->exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('k%1', '%2')")
                                       .arg(i)
                                       .arg(QString(200, u'x')),
                                   "test")
                            .ok());
        }
        ASSERT_TRUE(db.value()->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"), "test").ok());
    }
    {
        // Scribble over the middle of the file, past the header: the header still says SQLite.
        QFile f(dbPath(dir));
        ASSERT_TRUE(f.open(QIODevice::ReadWrite));
        ASSERT_GT(f.size(), 16384);
        f.seek(8192);
        f.write(QByteArray(8192, '\xAB'));
    }
    const QByteArray before = fileHash(dbPath(dir));
    auto db = Database::open(dir.path());
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().userMessage.contains(QStringLiteral("damaged"))) << db.error().userMessage.toStdString();
    EXPECT_EQ(fileHash(dbPath(dir)), before);
}

TEST(Database, NewerSchemaIsRefusedAndKept)
{
    QTemporaryDir dir;
    writeForeignDatabase(dbPath(dir),
                         {QStringLiteral("CREATE TABLE future (x)"), QStringLiteral("PRAGMA user_version = 999")});
    const QByteArray before = fileHash(dbPath(dir));
    auto db = Database::open(dir.path());
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().userMessage.contains(QStringLiteral("newer version of Coffer")));
    EXPECT_EQ(fileHash(dbPath(dir)), before);
}

TEST(Database, UnwritableFolderIsNamed)
{
    QTemporaryDir dir;
    // A regular file where the folder should be: fails for root too.
    const QString blocker = QDir(dir.path()).filePath(QStringLiteral("blocker"));
    QFile f(blocker);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.close();
    auto db = Database::open(QDir(blocker).filePath(QStringLiteral("data")));
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().userMessage.contains(blocker));
    EXPECT_TRUE(db.error().userMessage.contains(QStringLiteral("--data-dir")));
}

TEST(Database, FailedTransactionLeavesNoTrace)
{
    QTemporaryDir dir;
    auto db = Database::open(dir.path());
    ASSERT_TRUE(db.ok());
    Database& d = *db.value();
    d.failNthStatement(3); // BEGIN, first insert, then the second insert fails
    const auto result = d.inTransaction([&]() -> coffer::model::Status {
        if (auto s = d.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('one', '1')"), "test"); !s.ok())
            return s;
        return d.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('two', '2')"), "test");
    });
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(scalar(d, QStringLiteral("SELECT COUNT(*) FROM settings WHERE key IN ('one', 'two')")).toInt(), 0);
}

TEST(Database, ANestedTransactionFailingTakesBackOnlyItsOwnWork)
{
    QTemporaryDir dir;
    auto db = Database::open(dir.path());
    ASSERT_TRUE(db.ok());
    Database& d = *db.value();
    const auto write = [&](const char* key) {
        return d.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('%1', 'x')").arg(QLatin1String(key)),
                      "write a setting");
    };
    const auto outer = d.inTransaction([&]() -> coffer::model::Status {
        if (auto s = write("outer"); !s.ok())
            return s;
        const auto inner = d.inTransaction([&]() -> coffer::model::Status {
            if (auto s = write("inner"); !s.ok())
                return s;
            return coffer::model::Error::storage(QStringLiteral("the page failed"));
        });
        EXPECT_FALSE(inner.ok());
        return d.inTransaction([&] { return write("second"); });
    });
    ASSERT_TRUE(outer.ok());
    EXPECT_EQ(scalar(d, QStringLiteral("SELECT group_concat(key) FROM settings WHERE value = 'x' ORDER BY key")),
              QVariant(QStringLiteral("outer,second")));
}

TEST(Database, ARehearsalLeavesNothingBehindButSeesItsOwnWork)
{
    QTemporaryDir dir;
    auto db = Database::open(dir.path());
    ASSERT_TRUE(db.ok());
    Database& d = *db.value();
    QVariant seenInside;
    const auto rehearsed = d.rehearse([&]() -> coffer::model::Status {
        const auto page = d.inTransaction([&] {
            return d.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('preview', 'y')"), "write");
        });
        seenInside = scalar(d, QStringLiteral("SELECT value FROM settings WHERE key = 'preview'"));
        return page;
    });
    ASSERT_TRUE(rehearsed.ok());
    EXPECT_EQ(seenInside, QVariant(QStringLiteral("y")));
    EXPECT_FALSE(scalar(d, QStringLiteral("SELECT value FROM settings WHERE key = 'preview'")).isValid());
    // And the connection is usable for a real transaction afterwards.
    EXPECT_TRUE(d.inTransaction([&] {
                     return d.exec(QStringLiteral("INSERT INTO settings (key, value) VALUES ('after', 'z')"), "write");
                 }).ok());
}

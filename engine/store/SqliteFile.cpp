#include "store/SqliteFile.h"

#include "store/Database.h"

#include <QFile>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace coffer::store {

using model::Error;
using model::Ok;
using model::Status;

Status checkSqliteHeader(const QString& path, const QString& dataDir)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return Ok{};
    if (!file.open(QIODevice::ReadOnly))
        return Error::storage(QStringLiteral("Cannot read the database %1: %2").arg(path, file.errorString()));
    static const QByteArray kMagic("SQLite format 3\0", 16);
    if (file.read(16) != kMagic)
        return integrityProblem(path, dataDir, QStringLiteral("the file is not an SQLite database"));
    return Ok{};
}

Error integrityProblem(const QString& path, const QString& dataDir, const QString& detail)
{
    QString message = QStringLiteral("The database %1 is damaged (%2). Coffer left it untouched.").arg(path, detail);
    const QString backup = dataDir.isEmpty() ? QString() : Database::latestBackup(dataDir);
    if (!backup.isEmpty())
        message +=
            QStringLiteral(" The newest backup is %1: quit Coffer and copy it over the damaged file to restore it.")
                .arg(backup);
    else
        message += QStringLiteral(
            " Move the file elsewhere to start with an empty database, or restore it from your own backup.");
    return Error::storage(message, detail);
}

sqlite3* sqliteHandle(const QSqlDatabase& db)
{
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3* const*>(v.constData());
}

Status backupSqlite(const QSqlDatabase& source, const QString& targetPath)
{
    sqlite3* from = sqliteHandle(source);
    if (from == nullptr)
        return Error::storage(QStringLiteral("Cannot back up the database: the SQLite driver gave no native handle."));
    sqlite3* to = nullptr;
    const QByteArray target = QFile::encodeName(targetPath);
    int rc = sqlite3_open_v2(target.constData(), &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc == SQLITE_OK) {
        sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
        if (backup == nullptr) {
            rc = sqlite3_errcode(to);
        } else {
            rc = sqlite3_backup_step(backup, -1);
            const int finishRc = sqlite3_backup_finish(backup);
            rc = rc == SQLITE_DONE ? finishRc : rc;
        }
    }
    const QString why = QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_close(to);
    if (rc != SQLITE_OK) {
        QFile::remove(targetPath);
        return Error::storage(QStringLiteral("Cannot back up the database to %1 (%2): the upgrade was not started.")
                                  .arg(targetPath, why));
    }
    return Ok{};
}

} // namespace coffer::store

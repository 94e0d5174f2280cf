#include "store/DataDirectory.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryFile>

namespace coffer::store {

QString defaultDataDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

model::Status prepareDataDirectory(const QString& dir)
{
    if (dir.isEmpty())
        return model::Error::storage(QStringLiteral("No data folder is set: pass one with --data-dir."));
    if (!QDir().mkpath(dir))
        return model::Error::storage(
            QStringLiteral("Cannot create the data folder %1: choose another with --data-dir or check its permissions.")
                .arg(dir));
    // isWritable() can be wrong for root and ACLs: actually try to create a file.
    QTemporaryFile probe(QDir(dir).filePath(QStringLiteral(".coffer-write-test-XXXXXX")));
    if (!QFileInfo(dir).isDir() || !probe.open())
        return model::Error::storage(
            QStringLiteral("The data folder %1 is not writable: choose another with --data-dir or fix its permissions.")
                .arg(dir));
    return model::Ok{};
}

} // namespace coffer::store

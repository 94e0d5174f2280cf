#pragma once

// cofferctl driven as a user would: real process, real data folder, real keychain.

#include "TestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace coffer::test {

struct Outcome {
    int exitCode = -1;
    QString out;
    QString err;
};

class Cofferctl : public ::testing::Test {
protected:
    Outcome run(const QStringList& args, const QProcessEnvironment& extraEnv = {}, bool withDataDir = true) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COFFER_KEYCHAIN_SERVICE"), m_service);
        for (const QString& k : extraEnv.keys())
            env.insert(k, extraEnv.value(k));
        p.setProcessEnvironment(env);
        QStringList all = withDataDir ? QStringList{QStringLiteral("--data-dir"), m_dir.path()} : QStringList{};
        all += args;
        p.start(QStringLiteral(COFFERCTL_PATH), all);
        EXPECT_TRUE(p.waitForFinished(60000)) << args.join(u' ').toStdString();
        Outcome r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    static int lines(const QString& text) { return int(text.trimmed().split(u'\n', Qt::SkipEmptyParts).size()); }

    QString dbPath() const { return QDir(m_dir.path()).filePath(QStringLiteral("coffer.sqlite3")); }

    // Transactions a user sees (not removed, not folded into another), with an extra condition
    // ("AND account_id = 1"), read from the data folder's database.
    qint64 count(const QString& where) const
    {
        qint64 n = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
            db.setDatabaseName(dbPath());
            EXPECT_TRUE(db.open());
            QSqlQuery q(db);
            EXPECT_TRUE(q.exec(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE status != 'removed' AND "
                                              "matched_to IS NULL ") +
                               where));
            if (q.next())
                n = q.value(0).toLongLong();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("count"));
        return n;
    }

    QTemporaryDir m_dir;
    QString m_service = coffer::test::uniqueKeychainService();
};

inline QByteArray hashOf(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

} // namespace coffer::test

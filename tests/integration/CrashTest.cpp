// Kill -9 during syncs, at random moments, and check that nothing was lost or duplicated:
// every stored row belongs to a committed page, and a final sync completes the ledger.

#include "TestSupport.h"

#include <QDir>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <gtest/gtest.h>

#include <csignal>

namespace {

class CrashTest : public ::testing::Test {
protected:
    QProcess* start(const QStringList& args)
    {
        auto* p = new QProcess;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COFFER_KEYCHAIN_SERVICE"), m_service);
        p->setProcessEnvironment(env);
        p->start(QStringLiteral(COFFERCTL_PATH), QStringList{QStringLiteral("--data-dir"), m_dir.path()} + args);
        EXPECT_TRUE(p->waitForStarted());
        return p;
    }

    int runToEnd(const QStringList& args)
    {
        std::unique_ptr<QProcess> p(start(args));
        if (p->state() != QProcess::NotRunning) {
            EXPECT_TRUE(p->waitForFinished(60000));
        }
        return p->exitCode();
    }

    // Runs a SQL statement on the data folder's database from outside, returns the first column.
    QStringList query(const QString& sql)
    {
        const QString name = QUuid::createUuid().toString();
        QStringList out;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(QDir(m_dir.path()).filePath(QStringLiteral("coffer.sqlite3")));
            EXPECT_TRUE(db.open());
            QSqlQuery q(db);
            EXPECT_TRUE(q.exec(sql)) << sql.toStdString();
            while (q.next())
                out << q.value(0).toString();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }
    qint64 number(const QString& sql) { return query(sql).value(0).toLongLong(); }

    QTemporaryDir m_dir;
    QString m_service = coffer::test::uniqueKeychainService();
};

} // namespace

TEST_F(CrashTest, KilledSyncsLoseAndDuplicateNothing)
{
    ASSERT_EQ(runToEnd({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("demo"),
                        QStringLiteral("--seed"), QStringLiteral("17")}),
              0);
    // Slow the demo bank down so kills land mid-sync, between and during page commits: a sync takes
    // about 0.7 s here (Debug build), so kills spread over that whole time.
    query(QStringLiteral("UPDATE connections SET options = json_set(options, '$.latencyMs', 40)"));

    int killed = 0;
    for (int attempt = 0; attempt < 8; ++attempt) {
        // From the second attempt on, walk the whole history again: every page is re-delivered and
        // committed (changing nothing), so each attempt is a full-length sync for a kill to cut.
        if (attempt > 0)
            query(QStringLiteral("UPDATE connections SET cursor = ''"));
        std::unique_ptr<QProcess> p(start({QStringLiteral("sync")}));
        QTest::qWait(int(QRandomGenerator::global()->bounded(60, 700)));
        if (p->state() == QProcess::Running) {
            ::kill(pid_t(p->processId()), SIGKILL);
            ++killed;
        }
        if (p->state() != QProcess::NotRunning) {
            ASSERT_TRUE(p->waitForFinished(10000));
        }

        // After every kill: the file passes its check, and rows match the committed pages exactly.
        EXPECT_EQ(query(QStringLiteral("PRAGMA quick_check")), QStringList{QStringLiteral("ok")});
        EXPECT_EQ(number(QStringLiteral("SELECT COUNT(*) FROM transactions")),
                  number(QStringLiteral("SELECT COALESCE(SUM(added), 0) FROM sync_runs")));
        EXPECT_EQ(number(QStringLiteral("SELECT COUNT(*) FROM transaction_events")),
                  number(QStringLiteral("SELECT COALESCE(SUM(added + modified + removed + 2 * matched + pending_expired), 0) FROM sync_runs")));
        EXPECT_EQ(number(QStringLiteral("SELECT COUNT(*) FROM (SELECT transaction_id FROM transaction_events "
                                        "WHERE kind = 'added' GROUP BY transaction_id HAVING COUNT(*) > 1)")),
                  0);
    }
    EXPECT_GT(killed, 0) << "no sync was ever interrupted: the test proved nothing";

    ASSERT_EQ(runToEnd({QStringLiteral("sync")}), 0);
    EXPECT_EQ(query(QStringLiteral("SELECT status FROM sync_runs ORDER BY id DESC LIMIT 1")),
              QStringList{QStringLiteral("succeeded")});
    EXPECT_EQ(number(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'running'")), 0)
        << "runs cut short by a kill are marked interrupted on the next start";
    EXPECT_GT(number(QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE status = 'interrupted' AND pages > 0")), 0)
        << "no kill landed between committed pages of a run";
    EXPECT_EQ(number(QStringLiteral("SELECT COUNT(*) FROM transactions")),
              number(QStringLiteral("SELECT SUM(added) FROM sync_runs")));
    EXPECT_GT(number(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE status != 'removed'")), 100);
}

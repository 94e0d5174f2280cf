// cofferctl driven as a user would: real process, real data folder, real keychain.

#include "CofferctlFixture.h"

#include <QDirIterator>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>

using coffer::test::Cofferctl;
using coffer::test::hashOf;
using coffer::test::Outcome;

TEST_F(Cofferctl, VersionAndHelp)
{
    const Outcome version = run({QStringLiteral("--version")}, {}, false);
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith(QStringLiteral("cofferctl 0."))) << version.out.toStdString();
    const Outcome help = run({QStringLiteral("--help")}, {}, false);
    EXPECT_EQ(help.exitCode, 0);
    for (const char* word : {"connections add demo", "sync", "transactions list", "status", "--data-dir"})
        EXPECT_TRUE(help.out.contains(QString::fromLatin1(word))) << word;
}

TEST_F(Cofferctl, UsageErrorsAreOneLineAndExitTwo)
{
    for (const QStringList& args : {QStringList{QStringLiteral("--frobnicate")}, QStringList{QStringLiteral("sing")},
                                    QStringList{QStringLiteral("sync"), QStringLiteral("--limit"), QStringLiteral("3")},
                                    QStringList{QStringLiteral("transactions"), QStringLiteral("list"),
                                                QStringLiteral("--limit"), QStringLiteral("lots")},
                                    QStringList{}}) {
        const Outcome r = run(args);
        EXPECT_EQ(r.exitCode, 2) << args.join(u' ').toStdString();
        EXPECT_EQ(lines(r.err), 1) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(QStringLiteral("--help")));
        EXPECT_TRUE(r.out.isEmpty());
    }
}

TEST_F(Cofferctl, AddSyncListAsAUserWould)
{
    const Outcome add =
        run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("demo"), QStringLiteral("--name"),
             QStringLiteral("My Demo"), QStringLiteral("--seed"), QStringLiteral("4")});
    ASSERT_EQ(add.exitCode, 0) << add.err.toStdString();
    EXPECT_TRUE(add.out.contains(QStringLiteral("#1")));

    const Outcome sync = run({QStringLiteral("sync"), QStringLiteral("--all")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    const QRegularExpression counts(QStringLiteral(R"(My Demo \(#1\): (\d+) added, (\d+) modified, (\d+) removed)"));
    const auto first = counts.match(sync.out);
    ASSERT_TRUE(first.hasMatch()) << sync.out.toStdString();
    EXPECT_GT(first.captured(1).toInt(), 0);

    const Outcome again = run({QStringLiteral("sync"), QStringLiteral("--connection"), QStringLiteral("1")});
    ASSERT_EQ(again.exitCode, 0);
    EXPECT_TRUE(again.out.contains(QStringLiteral("My Demo (#1): 0 added, 0 modified, 0 removed")))
        << again.out.toStdString();

    const Outcome list =
        run({QStringLiteral("transactions"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("5")});
    ASSERT_EQ(list.exitCode, 0);
    EXPECT_EQ(lines(list.out), 6) << "a header and five transactions";
    const QRegularExpression amountWithCurrency(QStringLiteral(R"(-?[\d,]+(\.\d+)? [A-Z]{3} (posted|pending) )"));
    for (const QString& line : list.out.trimmed().split(u'\n').mid(1))
        EXPECT_TRUE(amountWithCurrency.match(line).hasMatch()) << line.toStdString();

    const Outcome connections = run({QStringLiteral("connections"), QStringLiteral("list")});
    ASSERT_EQ(connections.exitCode, 0);
    EXPECT_TRUE(connections.out.contains(QStringLiteral("My Demo")));
    EXPECT_TRUE(connections.out.contains(QStringLiteral("idle")));

    const Outcome status = run({QStringLiteral("status")});
    EXPECT_EQ(status.exitCode, 0);
    EXPECT_TRUE(status.out.contains(dbPath()));

    // The demo token lives in the keychain only: not in the database, its WAL, or the logs.
    const QRegularExpression token(QStringLiteral("demo-[0-9a-f]{12}"));
    QDirIterator files(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile f(files.next());
        ASSERT_TRUE(f.open(QIODevice::ReadOnly));
        EXPECT_FALSE(token.match(QString::fromLatin1(f.readAll())).hasMatch()) << f.fileName().toStdString();
    }

    const Outcome remove = run({QStringLiteral("connections"), QStringLiteral("remove"), QStringLiteral("1")});
    EXPECT_EQ(remove.exitCode, 0) << remove.err.toStdString();
    EXPECT_TRUE(remove.out.contains(QStringLiteral("kept")));
}

TEST_F(Cofferctl, AProviderThatNeedsASignInIsNotAddedWithoutOne)
{
    for (const QString& provider : {QStringLiteral("plaid"), QStringLiteral("simplefin")}) {
        const Outcome add = run({QStringLiteral("connections"), QStringLiteral("add"), provider});
        EXPECT_EQ(add.exitCode, 1) << provider.toStdString();
        EXPECT_TRUE(add.err.contains(QStringLiteral("needs its sign-in"))) << add.err.toStdString();
    }
    const Outcome list = run({QStringLiteral("connections"), QStringLiteral("list")});
    EXPECT_EQ(list.exitCode, 0);
    EXPECT_FALSE(list.out.contains(QStringLiteral("Plaid"))) << "a Plaid connection without keys was kept";
}

TEST_F(Cofferctl, FailedSyncExitsNonZeroAndSaysWhy)
{
    ASSERT_EQ(run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("demo"),
                   QStringLiteral("--inject-failure"), QStringLiteral("reauth")})
                  .exitCode,
              0);
    const Outcome sync = run({QStringLiteral("sync")});
    EXPECT_EQ(sync.exitCode, 1);
    EXPECT_TRUE(sync.err.contains(QStringLiteral("sign in again"))) << sync.err.toStdString();
    const Outcome status = run({QStringLiteral("status")});
    EXPECT_EQ(status.exitCode, 1);
    EXPECT_TRUE(status.out.contains(QStringLiteral("re-authentication required")));
    const Outcome unknown = run({QStringLiteral("sync"), QStringLiteral("--connection"), QStringLiteral("99")});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("no connection with id 99")));
}

TEST_F(Cofferctl, MissingKeychainSavesNothing)
{
    QProcessEnvironment noBus;
    noBus.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/coffer-test-bus"));
    const Outcome add = run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("demo")}, noBus);
    EXPECT_EQ(add.exitCode, 1);
    EXPECT_EQ(lines(add.err), 1) << add.err.toStdString();
    EXPECT_TRUE(add.err.contains(QStringLiteral("keychain"))) << add.err.toStdString();
    EXPECT_TRUE(add.err.contains(QStringLiteral("gnome-keyring")));
    const Outcome list = run({QStringLiteral("connections"), QStringLiteral("list")});
    EXPECT_TRUE(list.out.contains(QStringLiteral("No connections"))) << list.out.toStdString();
}

TEST_F(Cofferctl, UnwritableDataFolderIsNamed)
{
    const QString blocker = QDir(m_dir.path()).filePath(QStringLiteral("a-file"));
    QFile f(blocker);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.close();
    const QString dataDir = QDir(blocker).filePath(QStringLiteral("data"));
    const Outcome r = run({QStringLiteral("--data-dir"), dataDir, QStringLiteral("status")}, {}, false);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(lines(r.err), 1);
    EXPECT_TRUE(r.err.contains(dataDir)) << r.err.toStdString();
}

TEST_F(Cofferctl, DamagedOrNewerDatabaseIsReportedAndKept)
{
    {
        QFile f(dbPath());
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'z'));
    }
    const QByteArray before = hashOf(dbPath());
    const Outcome damaged = run({QStringLiteral("status")});
    EXPECT_EQ(damaged.exitCode, 1);
    EXPECT_EQ(lines(damaged.err), 1);
    EXPECT_TRUE(damaged.err.contains(QStringLiteral("damaged"))) << damaged.err.toStdString();
    EXPECT_EQ(hashOf(dbPath()), before);

    ASSERT_TRUE(QFile::remove(dbPath()));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(dbPath());
        ASSERT_TRUE(db.open());
        QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 42"));
        QSqlQuery(db).exec(QStringLiteral("CREATE TABLE t (x)"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    const QByteArray newerBefore = hashOf(dbPath());
    const Outcome newer = run({QStringLiteral("status")});
    EXPECT_EQ(newer.exitCode, 1);
    EXPECT_TRUE(newer.err.contains(QStringLiteral("newer version of Coffer"))) << newer.err.toStdString();
    EXPECT_EQ(hashOf(dbPath()), newerBefore);
}

TEST_F(Cofferctl, SchedulesAreValidatedAndExplained)
{
    ASSERT_EQ(run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("demo")}).exitCode, 0);
    const Outcome bad =
        run({QStringLiteral("connections"), QStringLiteral("schedule"), QStringLiteral("1"), QStringLiteral("cron"),
             QStringLiteral("61"), QStringLiteral("*"), QStringLiteral("*"), QStringLiteral("*"), QStringLiteral("*")});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_EQ(lines(bad.err), 1);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("minute"))) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains(QStringLiteral("61")));

    const Outcome zero = run({QStringLiteral("connections"), QStringLiteral("schedule"), QStringLiteral("1"),
                              QStringLiteral("every"), QStringLiteral("0h")});
    EXPECT_EQ(zero.exitCode, 1);
    EXPECT_TRUE(zero.err.contains(QStringLiteral("at least one minute"))) << zero.err.toStdString();

    const Outcome daily = run({QStringLiteral("connections"), QStringLiteral("schedule"), QStringLiteral("1"),
                               QStringLiteral("daily"), QStringLiteral("06:30"), QStringLiteral("Europe/Paris")});
    EXPECT_EQ(daily.exitCode, 0) << daily.err.toStdString();
    EXPECT_TRUE(daily.out.contains(QStringLiteral("Daily at 06:30 (Europe/Paris)"))) << daily.out.toStdString();
    EXPECT_TRUE(daily.out.contains(QStringLiteral("Next runs:")));
}

TEST_F(Cofferctl, QueueAndJobsCanBeInspectedAndControlled)
{
    ASSERT_EQ(run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("demo"),
                   QStringLiteral("--inject-failure"), QStringLiteral("transient")})
                  .exitCode,
              0);
    EXPECT_EQ(run({QStringLiteral("sync")}).exitCode, 1);

    const Outcome list = run({QStringLiteral("jobs"), QStringLiteral("list")});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_TRUE(list.out.contains(QStringLiteral("sync-connection")));
    EXPECT_TRUE(list.out.contains(QStringLiteral("delayed"))) << "a retryable failure waits to be retried\n"
                                                              << list.out.toStdString();
    const Outcome show = run({QStringLiteral("jobs"), QStringLiteral("show"), QStringLiteral("1")});
    ASSERT_EQ(show.exitCode, 0);
    EXPECT_TRUE(show.out.contains(QStringLiteral("Error history:")));
    EXPECT_TRUE(show.out.contains(QStringLiteral("temporarily unavailable")));

    EXPECT_EQ(run({QStringLiteral("queue"), QStringLiteral("pause")}).exitCode, 0);
    const Outcome paused = run({QStringLiteral("queue"), QStringLiteral("stats")});
    EXPECT_TRUE(paused.out.contains(QStringLiteral("Queue: paused"))) << "pausing outlives the command";
    EXPECT_TRUE(paused.out.contains(QStringLiteral("delayed 1")));
    const Outcome refused = run({QStringLiteral("sync")});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("paused")));
    EXPECT_EQ(run({QStringLiteral("queue"), QStringLiteral("resume")}).exitCode, 0);

    const Outcome cancel = run({QStringLiteral("jobs"), QStringLiteral("cancel"), QStringLiteral("1")});
    EXPECT_EQ(cancel.exitCode, 0) << cancel.err.toStdString();
    const Outcome retry = run({QStringLiteral("jobs"), QStringLiteral("retry"), QStringLiteral("1")});
    EXPECT_EQ(retry.exitCode, 0) << retry.err.toStdString();
    EXPECT_EQ(run({QStringLiteral("jobs"), QStringLiteral("retry"), QStringLiteral("77")}).exitCode, 1);
}

TEST_F(Cofferctl, MatchesAreExplainedAndCanBeUndone)
{
    ASSERT_EQ(run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("demo"),
                   QStringLiteral("--seed"), QStringLiteral("6")})
                  .exitCode,
              0);
    const Outcome sync = run({QStringLiteral("sync")});
    ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    EXPECT_TRUE(sync.out.contains(QStringLiteral("duplicates caught"))) << sync.out.toStdString();

    QString folded;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("match-check"));
        db.setDatabaseName(dbPath());
        ASSERT_TRUE(db.open());
        QSqlQuery q(db);
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT id FROM transactions WHERE matched_to IS NOT NULL LIMIT 1")) &&
                    q.next());
        folded = q.value(0).toString();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("match-check"));

    const Outcome show = run({QStringLiteral("transactions"), QStringLiteral("show"), folded});
    ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
    EXPECT_TRUE(show.out.contains(QStringLiteral("matched into #"))) << show.out.toStdString();
    EXPECT_TRUE(show.out.contains(QStringLiteral("linked by the bank")));
    EXPECT_TRUE(show.out.contains(QStringLiteral("audit trail:")));
    EXPECT_TRUE(show.out.contains(QStringLiteral("raw record: {")));

    const Outcome undo = run({QStringLiteral("transactions"), QStringLiteral("undo-match"), folded});
    ASSERT_EQ(undo.exitCode, 0) << undo.err.toStdString();
    EXPECT_TRUE(undo.out.contains(QStringLiteral("will not be matched again")));
    const Outcome after = run({QStringLiteral("transactions"), QStringLiteral("show"), folded});
    EXPECT_FALSE(after.out.contains(QStringLiteral("matched into #")));
    EXPECT_TRUE(after.out.contains(QStringLiteral("unmatched")));
    const Outcome twice = run({QStringLiteral("transactions"), QStringLiteral("undo-match"), folded});
    EXPECT_EQ(twice.exitCode, 1);
    EXPECT_TRUE(twice.err.contains(QStringLiteral("is not matched"))) << twice.err.toStdString();
    const Outcome missing = run({QStringLiteral("transactions"), QStringLiteral("show"), QStringLiteral("999999")});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("There is no transaction 999999.")));
}

TEST_F(Cofferctl, BackfillSettingsAndArchives)
{
    ASSERT_EQ(run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("demo")}).exitCode, 0);
    const QString from = QDate::currentDate().addDays(-120).toString(Qt::ISODate);
    const Outcome backfill = run({QStringLiteral("backfill"), QStringLiteral("--connection"), QStringLiteral("1"),
                                  QStringLiteral("--from"), from});
    ASSERT_EQ(backfill.exitCode, 0) << backfill.err.toStdString();
    EXPECT_TRUE(backfill.out.contains(QStringLiteral("arrives newest first"))) << backfill.out.toStdString();
    EXPECT_TRUE(QRegularExpression(QStringLiteral(R"(\(#1\): [1-9]\d* added)")).match(backfill.out).hasMatch())
        << backfill.out.toStdString();
    const Outcome badDate = run({QStringLiteral("backfill"), QStringLiteral("--connection"), QStringLiteral("1"),
                                 QStringLiteral("--from"), QStringLiteral("last year")});
    EXPECT_EQ(badDate.exitCode, 2);

    const Outcome settings = run({QStringLiteral("settings")});
    ASSERT_EQ(settings.exitCode, 0);
    EXPECT_TRUE(settings.out.contains(QStringLiteral("retention_archive_years = 0"))) << settings.out.toStdString();
    const Outcome wrong = run({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("pending_expiry_days"),
                               QStringLiteral("0")});
    EXPECT_EQ(wrong.exitCode, 1);
    EXPECT_TRUE(wrong.err.contains(QStringLiteral("pending_expiry_days takes a whole number from 1 to 90")));

    const Outcome nothing = run({QStringLiteral("archive"), QStringLiteral("run")});
    ASSERT_EQ(nothing.exitCode, 0);
    EXPECT_TRUE(nothing.out.contains(QStringLiteral("No transaction is old enough to archive.")));
    ASSERT_EQ(run({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("retention_archive_years"),
                   QStringLiteral("0")})
                  .exitCode,
              0);
    const Outcome absent =
        run({QStringLiteral("archive"), QStringLiteral("restore"), QStringLiteral("no-such.coffer-archive")});
    EXPECT_EQ(absent.exitCode, 1);
    EXPECT_TRUE(absent.err.contains(QStringLiteral("cannot read the archive"))) << absent.err.toStdString();
}

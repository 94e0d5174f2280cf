// `cofferctl export` as a user runs it: after a real demo sync, each format lands in the file
// asked for, the counts printed match the database, and mistakes are named.

#include "CofferctlFixture.h"

#include <QRegularExpression>

using coffer::test::Cofferctl;
using coffer::test::hashOf;
using coffer::test::Outcome;

namespace {

class CofferctlExport : public Cofferctl {
protected:
    void SetUp() override
    {
        ASSERT_EQ(run({QStringLiteral("connections"), QStringLiteral("add"), QStringLiteral("demo"),
                       QStringLiteral("--seed"), QStringLiteral("11")})
                      .exitCode,
                  0);
        const Outcome sync = run({QStringLiteral("sync")});
        ASSERT_EQ(sync.exitCode, 0) << sync.err.toStdString();
    }

    QString file(const QString& name) const { return QDir(m_dir.path()).filePath(name); }
};

} // namespace

TEST_F(CofferctlExport, EachFormatIsWrittenAndCounted)
{
    const QRegularExpression said(
        QStringLiteral(R"(^Exported (\d+) transactions from (\d+) accounts to (.+) \((\w+)\)\.)"));
    for (const char* format : {"csv", "ofx", "ledger", "beancount"}) {
        const QString path = file(QStringLiteral("coffer.") + QString::fromLatin1(format));
        const Outcome r = run({QStringLiteral("export"), QStringLiteral("--format"), QString::fromLatin1(format),
                               QStringLiteral("--output"), path});
        ASSERT_EQ(r.exitCode, 0) << format << ": " << r.err.toStdString();
        const auto m = said.match(r.out);
        ASSERT_TRUE(m.hasMatch()) << r.out.toStdString();
        const qint64 expected =
            QByteArray(format) == "ofx" ? count(QStringLiteral("AND status = 'posted'")) : count({});
        EXPECT_EQ(m.captured(1).toLongLong(), expected) << format;
        EXPECT_GE(m.captured(2).toInt(), 2) << format;
        EXPECT_EQ(m.captured(3), path);
        EXPECT_GT(QFileInfo(path).size(), 100) << format;
        if (QByteArray(format) == "ofx" && count(QStringLiteral("AND status = 'pending'")) > 0) {
            EXPECT_TRUE(r.out.contains(QStringLiteral("left out: OFX statements carry posted transactions only")));
        }
    }
}

TEST_F(CofferctlExport, OneAccountAndADateRange)
{
    // A month inside the demo bank's history, which ends today.
    const QString from = QDate::currentDate().addDays(-40).toString(Qt::ISODate);
    const QString to = QDate::currentDate().addDays(-10).toString(Qt::ISODate);
    const QString path = file(QStringLiteral("month.csv"));
    const Outcome r = run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("CSV"),
                           QStringLiteral("--output"), path, QStringLiteral("--account"), QStringLiteral("1"),
                           QStringLiteral("--from"), from, QStringLiteral("--to"), to});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const qint64 expected =
        count(QStringLiteral("AND account_id = 1 AND booked_on BETWEEN '%1' AND '%2'").arg(from, to));
    ASSERT_GT(expected, 1);
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("Exported %1 transactions from 1 account to").arg(expected)))
        << r.out.toStdString();
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(QString::fromUtf8(f.readAll()).count(QStringLiteral("\r\n")), expected + 1) << "header and rows";
}

TEST_F(CofferctlExport, MistakesAreNamedAndTheOldFileKept)
{
    const QString kept = file(QStringLiteral("kept.ledger"));
    {
        QFile f(kept);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("; my own notes\n");
    }
    const QByteArray before = hashOf(kept);
    const Outcome noAccount =
        run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ledger"), QStringLiteral("--output"),
             kept, QStringLiteral("--account"), QStringLiteral("77")});
    EXPECT_EQ(noAccount.exitCode, 1);
    EXPECT_TRUE(noAccount.err.contains(QStringLiteral("There is no account 77. The accounts are: 1 ")))
        << noAccount.err.toStdString();
    EXPECT_EQ(hashOf(kept), before);

    const QString nowhere = file(QStringLiteral("missing/out.ofx"));
    const Outcome unwritable = run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("ofx"),
                                    QStringLiteral("--output"), nowhere});
    EXPECT_EQ(unwritable.exitCode, 1);
    EXPECT_EQ(lines(unwritable.err), 1);
    EXPECT_TRUE(unwritable.err.contains(nowhere)) << unwritable.err.toStdString();

    const Outcome ontoFolder = run({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                                    QStringLiteral("--output"), m_dir.path()});
    EXPECT_EQ(ontoFolder.exitCode, 1);
    EXPECT_TRUE(ontoFolder.err.contains(QStringLiteral("is a folder"))) << ontoFolder.err.toStdString();
}

TEST_F(Cofferctl, ExportUsageErrorsExitTwo)
{
    const QString out = QStringLiteral("out.csv");
    const QList<std::pair<QStringList, QString>> cases = {
        {{QStringLiteral("export"), QStringLiteral("--output"), out}, QStringLiteral("needs --format")},
        {{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xls"), QStringLiteral("--output"), out},
         QStringLiteral("not \"xls\"")},
        {{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv")}, QStringLiteral("--output")},
        {{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), out,
          QStringLiteral("--from"), QStringLiteral("2026-13-01")},
         QStringLiteral("2026-13-01")},
        {{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), out,
          QStringLiteral("--from"), QStringLiteral("2026-11-02"), QStringLiteral("--to"), QStringLiteral("2026-11-01")},
         QStringLiteral("--from must not be after --to")},
        {{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), out,
          QStringLiteral("--account"), QStringLiteral("checking")},
         QStringLiteral("--account")},
        {{QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), out,
          QStringLiteral("--limit"), QStringLiteral("3")},
         QStringLiteral("--limit does not apply")},
        {{QStringLiteral("sync"), QStringLiteral("--format"), QStringLiteral("csv")},
         QStringLiteral("--format does not apply")},
    };
    for (const auto& [args, why] : cases) {
        const Outcome r = run(args);
        EXPECT_EQ(r.exitCode, 2) << args.join(u' ').toStdString();
        EXPECT_EQ(lines(r.err), 1) << r.err.toStdString();
        EXPECT_TRUE(r.err.contains(why)) << r.err.toStdString();
        EXPECT_FALSE(QFile::exists(QDir(m_dir.path()).filePath(out)));
    }
    const Outcome help = run({QStringLiteral("--help")}, {}, false);
    EXPECT_TRUE(help.out.contains(QStringLiteral("export --format csv|ofx|ledger|beancount --output FILE")));
}

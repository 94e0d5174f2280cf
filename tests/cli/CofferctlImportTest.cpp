// `cofferctl import`, `imports` and `undo-import` as a user runs them: a real process importing
// real files into a real data folder. The counts printed are the store's, a second import of the
// same file adds nothing, a dry run writes nothing, a broken file is named with its line, a file
// whose dates fit both orders says which flag to pass, and an import is undone as a whole.

#include "CofferctlFixture.h"

#include <QRegularExpression>

using coffer::test::Cofferctl;
using coffer::test::Outcome;

namespace {

// Two usable records and one whose amount is not a number (line 11).
const QByteArray kStatement = "!Type:Bank\n"
                              "D03/15/2026\nT-12.50\nPCoffee Shop\n^\n"
                              "D03/16/2026\nT1,250.00\nPSalary\n^\n"
                              "D03/17/2026\nTabc\nPBroken\n^\n";

class CofferctlImport : public Cofferctl {
protected:
    QString write(const QString& name, const QByteArray& bytes) const
    {
        const QString path = QDir(m_dir.path()).filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(bytes);
        return path;
    }

    Outcome import(const QString& path, QStringList options = {}) const
    {
        return run(QStringList{QStringLiteral("import"), path, QStringLiteral("--currency"), QStringLiteral("EUR")} +
                   options);
    }
};

} // namespace

TEST_F(CofferctlImport, PrintsTheCountsAndImportingAgainAddsNothing)
{
    const QString path = write(QStringLiteral("march.qif"), kStatement);
    const Outcome first = import(path);
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    const QRegularExpression said(QStringLiteral(
        R"(^Imported march\.qif \(QIF\) as run #(\d+): 2 added, 0 matched, 0 skipped \(already imported\), 1 invalid\.)"));
    const auto m = said.match(first.out);
    ASSERT_TRUE(m.hasMatch()) << first.out.toStdString();
    EXPECT_TRUE(first.out.contains(QRegularExpression(QStringLiteral("\n  the file's transactions \\(EUR, 3 "
                                                                     "transactions\\) -> new account #\\d+ march\n"))))
        << first.out.toStdString();
    EXPECT_TRUE(first.out.contains(QStringLiteral("\n  line 11: "))) << "the invalid record's reason, with its line";
    EXPECT_TRUE(first.out.contains(QStringLiteral("cofferctl undo-import ") + m.captured(1)));
    EXPECT_EQ(count({}), 2);
    EXPECT_EQ(count(QStringLiteral("AND booked_on = '2026-03-16' AND amount_minor = 125000")), 1);

    const Outcome again = import(path);
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_TRUE(again.out.contains(QStringLiteral(": 0 added, 0 matched, 2 skipped (already imported), 1 invalid.")))
        << again.out.toStdString();
    EXPECT_TRUE(again.out.contains(QStringLiteral("-> account #"))) << "the account of the first import, not a new one";
    EXPECT_EQ(count({}), 2);

    const Outcome listed = run({QStringLiteral("imports")});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.toStdString();
    EXPECT_EQ(lines(listed.out), 3) << listed.out.toStdString(); // a header and both runs
    EXPECT_TRUE(listed.out.contains(
        QRegularExpression(QStringLiteral("\n%1 +march\\.qif +QIF .* 2 +0 +0 +1 +no").arg(m.captured(1)))))
        << listed.out.toStdString();
}

TEST_F(CofferctlImport, ADryRunShowsWhatWouldHappenAndWritesNothing)
{
    const QString path = write(QStringLiteral("march.qif"), kStatement);
    const Outcome dry = import(path, {QStringLiteral("--dry-run")});
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_TRUE(dry.out.startsWith(QStringLiteral("Dry run, nothing written: march.qif (QIF) would give 2 added, 0 "
                                                  "matched, 0 skipped (already imported), 1 invalid.")))
        << dry.out.toStdString();
    EXPECT_TRUE(dry.out.contains(QStringLiteral("-> a new account \"march\""))) << dry.out.toStdString();
    EXPECT_FALSE(dry.out.contains(QStringLiteral("undo-import")));
    EXPECT_EQ(count({}), 0);
    EXPECT_EQ(count(QStringLiteral("OR 1")), 0) << "not even a removed or folded row";
    const Outcome listed = run({QStringLiteral("imports")});
    EXPECT_TRUE(listed.out.startsWith(QStringLiteral("No imports yet."))) << listed.out.toStdString();
}

TEST_F(CofferctlImport, ABrokenFileIsNamedWithItsLineAndNothingIsStored)
{
    const QString path =
        write(QStringLiteral("broken.xml"), "<?xml version=\"1.0\"?>\n"
                                            "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">\n"
                                            "<BkToCstmrStmt><Stmt><Id>1</Id>\n"
                                            "<Ntry><Amt Ccy=\"EUR\">1.00</Amt></Stmt>\n");
    const Outcome r = import(path);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QRegularExpression(QStringLiteral("^cofferctl: broken\\.xml, line \\d+: \\S"))))
        << r.err.toStdString();
    EXPECT_EQ(count(QStringLiteral("OR 1")), 0);

    const Outcome missing = import(QDir(m_dir.path()).filePath(QStringLiteral("nowhere.ofx")));
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("nowhere.ofx"))) << missing.err.toStdString();
}

TEST_F(CofferctlImport, DatesThatFitBothOrdersAskForTheFlag)
{
    const QString path = write(QStringLiteral("ambiguous.qif"), "!Type:Bank\nD03/04/2026\nT-1.00\nPA\n^\n"
                                                                "D05/06/2026\nT-2.00\nPB\n^\n");
    const Outcome asked = import(path);
    EXPECT_NE(asked.exitCode, 0);
    EXPECT_TRUE(asked.err.contains(QStringLiteral("--date-order day-month"))) << asked.err.toStdString();
    EXPECT_TRUE(asked.err.contains(QStringLiteral("--date-order month-day"))) << asked.err.toStdString();
    EXPECT_EQ(count(QStringLiteral("OR 1")), 0);

    const Outcome answered = import(path, {QStringLiteral("--date-order"), QStringLiteral("day-month")});
    ASSERT_EQ(answered.exitCode, 0) << answered.err.toStdString();
    EXPECT_EQ(count(QStringLiteral("AND booked_on IN ('2026-04-03', '2026-06-05')")), 2);
}

TEST_F(CofferctlImport, UndoTakesTheWholeImportBack)
{
    const Outcome imported = import(write(QStringLiteral("march.qif"), kStatement));
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    const QString runId = QRegularExpression(QStringLiteral("as run #(\\d+)")).match(imported.out).captured(1);
    ASSERT_FALSE(runId.isEmpty()) << imported.out.toStdString();
    ASSERT_EQ(count({}), 2);

    const Outcome undone = run({QStringLiteral("undo-import"), runId});
    ASSERT_EQ(undone.exitCode, 0) << undone.err.toStdString();
    EXPECT_TRUE(undone.out.contains(QStringLiteral("march.qif"))) << undone.out.toStdString();
    EXPECT_EQ(count({}), 0);
    const Outcome listed = run({QStringLiteral("imports")});
    EXPECT_TRUE(listed.out.contains(QRegularExpression(QStringLiteral("\n%1 .* yes$").arg(runId))))
        << listed.out.toStdString();

    const Outcome twice = run({QStringLiteral("undo-import"), runId});
    EXPECT_EQ(twice.exitCode, 1);
    EXPECT_TRUE(twice.err.contains(QStringLiteral("already undone"))) << twice.err.toStdString();
}

TEST_F(Cofferctl, ImportUsageErrorsExitTwo)
{
    const QList<std::pair<QStringList, QString>> cases = {
        {{QStringLiteral("import")}, QStringLiteral("import needs one file")},
        {{QStringLiteral("import"), QStringLiteral("a.qif"), QStringLiteral("--currency"), QStringLiteral("euro")},
         QStringLiteral("not \"euro\"")},
        {{QStringLiteral("import"), QStringLiteral("a.qif"), QStringLiteral("--date-order"), QStringLiteral("ymd")},
         QStringLiteral("--date-order takes day-month")},
        {{QStringLiteral("import"), QStringLiteral("a.qif"), QStringLiteral("--seed"), QStringLiteral("1")},
         QStringLiteral("--seed does not apply to \"import\"")},
        {{QStringLiteral("undo-import"), QStringLiteral("last")}, QStringLiteral("run id")},
        {{QStringLiteral("imports"), QStringLiteral("--dry-run")}, QStringLiteral("--dry-run does not apply")},
    };
    for (const auto& [args, expected] : cases) {
        const Outcome r = run(args);
        EXPECT_EQ(r.exitCode, 2) << args.join(u' ').toStdString();
        EXPECT_TRUE(r.err.contains(expected)) << args.join(u' ').toStdString() << ": " << r.err.toStdString();
    }
}

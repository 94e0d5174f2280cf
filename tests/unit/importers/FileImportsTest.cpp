// The import flow on a real SQLite file, without the engine thread: an import stopped by the
// user or by a failing disk leaves nothing behind, whatever page it had reached.

#include "importers/FileImports.h"
#include "importers/ImportCancellation.h"
#include "schedule/Clock.h"
#include "store/Database.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace coffer;

namespace {

// A CAMT.053 statement of `count` entries: three pages of the import's 2,000.
QString writeStatement(const QTemporaryDir& dir, int count)
{
    QByteArray xml = "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">"
                     "<BkToCstmrStmt><Stmt><Id>S</Id><Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy>"
                     "</Acct>";
    for (int i = 0; i < count; ++i)
        xml += QStringLiteral("<Ntry><Amt Ccy=\"EUR\">%1.25</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>"
                              "<BookgDt><Dt>2024-03-%2</Dt></BookgDt><AcctSvcrRef>REF%3</AcctSvcrRef></Ntry>")
                   .arg(i % 97 + 1)
                   .arg(i % 28 + 1, 2, 10, QLatin1Char('0'))
                   .arg(i)
                   .toUtf8();
    xml += "</Stmt></BkToCstmrStmt></Document>";
    const QString path = QDir(dir.path()).filePath(QStringLiteral("big.xml"));
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(xml);
    return path;
}

qint64 count(store::Database& db, const char* table)
{
    QSqlQuery q(db.handle());
    EXPECT_TRUE(q.exec(QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table)));
    return q.next() ? q.value(0).toLongLong() : -1;
}

class FileImportsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto opened = store::Database::open(dir.path());
        ASSERT_TRUE(opened.ok());
        db = std::move(opened).value();
        imports = std::make_unique<importers::FileImports>(*db, clock, cancellation);
    }

    QTemporaryDir dir;
    schedule::ManualClock clock{test::fixedNow()};
    std::shared_ptr<importers::ImportCancellation> cancellation = std::make_shared<importers::ImportCancellation>();
    std::unique_ptr<store::Database> db;
    std::unique_ptr<importers::FileImports> imports;
};

} // namespace

TEST_F(FileImportsTest, CancellingAfterTheFirstPageWritesNothing)
{
    model::ImportRequest request;
    request.requestId = 7;
    request.path = writeStatement(dir, 5000);
    request.dryRun = false;
    QList<qint64> progress;
    const auto outcome = imports->run(request, [&](const model::ImportProgress& p) {
        progress << p.done;
        cancellation->cancel(7); // the user presses Cancel while page 1 is reported
    });
    ASSERT_FALSE(outcome.ok());
    EXPECT_EQ(outcome.error().providerCode, QStringLiteral("CANCELLED"));
    EXPECT_TRUE(outcome.error().userMessage.contains(QStringLiteral("big.xml")));
    EXPECT_EQ(progress, (QList<qint64>{2000}));
    for (const char* table : {"transactions", "accounts", "connections", "sync_runs", "imports", "raw_payloads"})
        EXPECT_EQ(count(*db, table), 0) << table;

    // The same request id can import later: a cancellation is forgotten once its import ends.
    const auto again = imports->run(request, {});
    ASSERT_TRUE(again.ok()) << again.error().userMessage.toStdString();
    EXPECT_EQ(again.value().counts.added, 5000);
    EXPECT_EQ(count(*db, "transactions"), 5000);
}

TEST_F(FileImportsTest, ADiskFailureOnAnyPageLeavesNothingAndNamesTheFile)
{
    model::ImportRequest request;
    request.path = writeStatement(dir, 5000);
    request.dryRun = false;
    // Far enough in to be inside the second page's writes.
    db->failNthStatement(9000);
    const auto outcome = imports->run(request, {});
    ASSERT_FALSE(outcome.ok());
    EXPECT_TRUE(outcome.error().userMessage.startsWith(QStringLiteral("big.xml was not imported")))
        << outcome.error().userMessage.toStdString();
    EXPECT_TRUE(outcome.error().userMessage.contains(QStringLiteral("Nothing of it was stored")));
    for (const char* table : {"transactions", "accounts", "connections", "sync_runs", "imports"})
        EXPECT_EQ(count(*db, table), 0) << table;
    db->failNthStatement(0);
    const auto retried = imports->run(request, {});
    ASSERT_TRUE(retried.ok()) << retried.error().userMessage.toStdString();
    EXPECT_EQ(count(*db, "transactions"), 5000);
}

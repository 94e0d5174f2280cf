// Importing bank files through the engine: a preview that writes nothing, an import that is one
// run in the audit trail, re-imports and overlaps with synced data that add nothing twice, and
// undo as a whole. Real engine, real SQLite file, real keychain (for the synced connection).

#include "EngineHarness.h"
#include "importers/csv/CsvProfile.h"

#include <QFile>

using namespace coffer;
using coffer::test::EngineUnderTest;
using coffer::test::Inspector;

namespace {

// A CAMT.053 statement of one account with the given entries (amount in minor units, negative = out).
struct Entry {
    QString date;
    qint64 minor;
    QString text;
    QString reference;
};

QByteArray camt(const QString& iban, const QString& currency, const QList<Entry>& entries)
{
    QString xml =
        QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                       "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>"
                       "<GrpHdr><MsgId>T</MsgId><CreDtTm>2024-05-04T06:00:00</CreDtTm></GrpHdr><Stmt><Id>S1</Id>"
                       "<Acct><Id><IBAN>%1</IBAN></Id><Ccy>%2</Ccy></Acct>")
            .arg(iban, currency);
    for (const Entry& e : entries) {
        const qint64 a = qAbs(e.minor);
        xml += QStringLiteral("<Ntry><Amt Ccy=\"%1\">%2.%3</Amt><CdtDbtInd>%4</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>"
                              "<BookgDt><Dt>%5</Dt></BookgDt>%6<AddtlNtryInf>%7</AddtlNtryInf></Ntry>")
                   .arg(currency)
                   .arg(a / 100)
                   .arg(a % 100, 2, 10, QLatin1Char('0'))
                   .arg(e.minor < 0 ? QStringLiteral("DBIT") : QStringLiteral("CRDT"), e.date,
                        e.reference.isEmpty() ? QString()
                                              : QStringLiteral("<AcctSvcrRef>%1</AcctSvcrRef>").arg(e.reference),
                        e.text.toHtmlEscaped());
    }
    xml += QStringLiteral("</Stmt></BkToCstmrStmt></Document>\n");
    return xml.toUtf8();
}

class FileImportTest : public ::testing::Test {
protected:
    FileImportTest()
        : engine(dir.path(), test::clockAtFixedNow(), false)
    {
        QObject::connect(&engine.host(), &EngineHost::importPreviewed, &context,
                         [this](const model::ImportReport& r) { reports << r; });
        QObject::connect(&engine.host(), &EngineHost::importFinished, &context,
                         [this](const model::ImportReport& r) { reports << r; });
        QObject::connect(&engine.host(), &EngineHost::importFailed, &context,
                         [this](const model::ImportFailure& f) { importFailures << f; });
        QObject::connect(&engine.host(), &EngineHost::importsListed, &context,
                         [this](const QList<model::ImportRecord>& l) { listed = l, ++listings; });
        QObject::connect(&engine.host(), &EngineHost::importUndone, &context,
                         [this](qint64, const QString& m) { undone << m; });
    }

    QString write(const QString& name, const QByteArray& content)
    {
        const QString path = QDir(dir.path()).filePath(name);
        QFile f(path);
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(content);
        return path;
    }

    // Runs a preview or an import and waits for its answer; the report, or an empty one on failure.
    model::ImportReport run(model::ImportRequest request)
    {
        const auto reportsBefore = reports.size();
        const auto before = reports.size() + importFailures.size();
        if (request.dryRun)
            engine.host().previewImport(request);
        else
            engine.host().importFile(request);
        EXPECT_TRUE(test::waitFor([&] { return reports.size() + importFailures.size() > before; }, 60000));
        // A failed request answers with an empty report, never the one before it.
        return reports.size() > reportsBefore ? reports.last() : model::ImportReport{};
    }

    model::ImportReport importFile(const QString& path, bool dryRun, qint64 accountId = 0)
    {
        model::ImportRequest r;
        r.path = path;
        r.accountId = accountId;
        r.dryRun = dryRun;
        return run(r);
    }

    QList<model::ImportRecord> imports()
    {
        const int before = listings;
        engine.host().listImports(50);
        EXPECT_TRUE(test::waitFor([&] { return listings > before; }));
        return listed;
    }

    Inspector db() const { return Inspector(engine.databasePath); }

    QTemporaryDir dir;
    EngineUnderTest engine;
    QObject context;
    QList<model::ImportReport> reports;
    QList<model::ImportFailure> importFailures;
    QList<model::ImportRecord> listed;
    int listings = 0;
    QStringList undone;
};

const QList<Entry> kThree = {
    {QStringLiteral("2024-05-01"), -4250, QStringLiteral("Grocer"), QStringLiteral("R1")},
    {QStringLiteral("2024-05-02"), 250000, QStringLiteral("Salary May"), QStringLiteral("R2")},
    {QStringLiteral("2024-05-03"), -1999, QStringLiteral("Streaming"), QStringLiteral("R3")},
};

} // namespace

TEST_F(FileImportTest, APreviewSaysWhatTheImportWillDoAndWritesNothing)
{
    const QString path =
        write(QStringLiteral("may.xml"), camt(QStringLiteral("DE89370400440532013000"), QStringLiteral("EUR"), kThree));
    const model::ImportReport preview = importFile(path, true);
    ASSERT_TRUE(importFailures.isEmpty()) << importFailures.value(0).message.toStdString();
    EXPECT_EQ(preview.format, QStringLiteral("CAMT.053"));
    EXPECT_EQ(preview.counts.added, 3);
    EXPECT_EQ(preview.counts.total(), 3);
    ASSERT_EQ(preview.accounts.size(), 1);
    EXPECT_EQ(preview.accounts[0].accountId, 0); // to be created
    EXPECT_EQ(preview.accounts[0].accountName, QStringLiteral("Checking \u20263000"));
    ASSERT_EQ(preview.items.size(), 3);
    EXPECT_EQ(preview.items[1].amount->minorUnits(), 250000);
    EXPECT_EQ(preview.items[1].outcome, model::ImportOutcome::Added);

    const Inspector inspector = db();
    EXPECT_EQ(inspector.number(QStringLiteral("SELECT COUNT(*) FROM transactions")), 0);
    EXPECT_EQ(inspector.number(QStringLiteral("SELECT COUNT(*) FROM accounts")), 0);
    EXPECT_EQ(inspector.number(QStringLiteral("SELECT COUNT(*) FROM sync_runs")), 0);
    EXPECT_TRUE(imports().isEmpty());
}

TEST_F(FileImportTest, AnImportIsOneRunAndImportingItAgainAddsNothing)
{
    const QString path =
        write(QStringLiteral("may.xml"), camt(QStringLiteral("DE89370400440532013000"), QStringLiteral("EUR"), kThree));
    const model::ImportReport done = importFile(path, false);
    ASSERT_TRUE(importFailures.isEmpty()) << importFailures.value(0).message.toStdString();
    EXPECT_EQ(done.counts.added, 3);
    EXPECT_GT(done.runId, 0);
    EXPECT_EQ(
        db().rows(QStringLiteral("SELECT t.booked_on, t.amount_minor, t.currency, t.source, a.name FROM transactions t "
                                 "JOIN accounts a ON a.id = t.account_id ORDER BY t.booked_on")),
        (QStringList{QStringLiteral("2024-05-01|-4250|EUR|import:camt053|Checking \u20263000"),
                     QStringLiteral("2024-05-02|250000|EUR|import:camt053|Checking \u20263000"),
                     QStringLiteral("2024-05-03|-1999|EUR|import:camt053|Checking \u20263000")}));
    const QList<model::ImportRecord> history = imports();
    ASSERT_EQ(history.size(), 1);
    EXPECT_EQ(history[0].file, QStringLiteral("may.xml"));
    EXPECT_EQ(history[0].runId, done.runId);
    EXPECT_EQ(history[0].counts.added, 3);

    // The same file again, and a June statement overlapping it by one day: the account is
    // remembered, nothing is added twice.
    const model::ImportReport again = importFile(path, false);
    EXPECT_EQ(again.counts.added, 0);
    EXPECT_EQ(again.counts.duplicates, 3);
    QList<Entry> june = {kThree[2],
                         {QStringLiteral("2024-06-01"), -900, QStringLiteral("Bakery"), QStringLiteral("R4")}};
    const model::ImportReport next = importFile(
        write(QStringLiteral("june.xml"), camt(QStringLiteral("DE89370400440532013000"), QStringLiteral("EUR"), june)),
        false);
    EXPECT_EQ(next.counts.added, 1);
    EXPECT_EQ(next.counts.duplicates, 1);
    EXPECT_EQ(db().number(QStringLiteral("SELECT COUNT(*) FROM transactions")), 4);
    EXPECT_EQ(db().number(QStringLiteral("SELECT COUNT(*) FROM accounts")), 1);
}

TEST_F(FileImportTest, AFileOverlappingSyncedDataMatchesItAndSaysWhy)
{
    const qint64 demo = engine.addDemo(7);
    engine.sync(demo);
    const QStringList synced = db().rows(
        QStringLiteral("SELECT t.account_id, t.booked_on, t.amount_minor, t.currency, t.description_raw, a.provider_id "
                       "FROM transactions t "
                       "JOIN accounts a ON a.id = t.account_id WHERE t.status = 'posted' AND t.amount_minor < 0 "
                       "ORDER BY t.booked_on DESC LIMIT 1"));
    ASSERT_EQ(synced.size(), 1);
    const QStringList f = synced[0].split(u'|');
    const qint64 accountId = f[0].toLongLong();
    const QString path =
        write(QStringLiteral("statement.xml"),
              camt(QStringLiteral("DE00ACCOUNT"), f[3],
                   {{f[1], f[2].toLongLong(), f[4], QStringLiteral("BANK-1")},
                    {f[1], -123456, QStringLiteral("Something else entirely"), QStringLiteral("BANK-2")}}));

    const model::ImportReport preview = importFile(path, true, accountId);
    ASSERT_TRUE(importFailures.isEmpty()) << importFailures.value(0).message.toStdString();
    ASSERT_EQ(preview.items.size(), 2);
    EXPECT_EQ(preview.items[0].outcome, model::ImportOutcome::Matched);
    EXPECT_GT(preview.items[0].matchedTransactionId, 0);
    EXPECT_TRUE(preview.items[0].reason.contains(QStringLiteral("from the bank's sync")))
        << preview.items[0].reason.toStdString();
    EXPECT_EQ(preview.items[1].outcome, model::ImportOutcome::Added);

    const qint64 visibleBefore = db().number(
        QStringLiteral("SELECT COUNT(*) FROM transactions WHERE matched_to IS NULL AND status != 'removed'"));
    const model::ImportReport done = importFile(path, false, accountId);
    EXPECT_EQ(done.counts.matched, 1);
    EXPECT_EQ(done.counts.added, 1);
    // The user sees one more transaction, not two.
    EXPECT_EQ(db().number(
                  QStringLiteral("SELECT COUNT(*) FROM transactions WHERE matched_to IS NULL AND status != 'removed'")),
              visibleBefore + 1);

    // Undo takes both back: the synced one stays, unmatched.
    engine.host().undoImport(done.runId);
    ASSERT_TRUE(test::waitFor([&] { return !undone.isEmpty() || !engine.failures.isEmpty(); }));
    ASSERT_TRUE(engine.failures.isEmpty()) << engine.failures.value(0).toStdString();
    EXPECT_TRUE(undone[0].contains(QStringLiteral("2 transaction(s) taken back"))) << undone[0].toStdString();
    EXPECT_EQ(db().number(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE source LIKE 'import:%'")), 0);
    EXPECT_EQ(db().number(
                  QStringLiteral("SELECT COUNT(*) FROM transactions WHERE matched_to IS NULL AND status != 'removed'")),
              visibleBefore);
    const QList<model::ImportRecord> history = imports();
    ASSERT_EQ(history.size(), 1);
    EXPECT_TRUE(history[0].undone);

    // Undoing twice is refused, naming the file.
    engine.host().undoImport(done.runId);
    ASSERT_TRUE(test::waitFor([&] { return !engine.failures.isEmpty(); }));
    EXPECT_TRUE(engine.failures[0].contains(QStringLiteral("statement.xml")));
}

TEST_F(FileImportTest, AFileThatIsNoBankFileIsRefusedNamingIt)
{
    importFile(write(QStringLiteral("notes.pdf"), QByteArray("%PDF-1.7\n\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e")),
               false);
    ASSERT_EQ(importFailures.size(), 1);
    EXPECT_TRUE(importFailures[0].message.contains(QStringLiteral("notes.pdf is not a bank file")));
    importFile(write(QStringLiteral("broken.xml"),
                     camt(QStringLiteral("DE1"), QStringLiteral("EUR"), kThree).replace("</Stmt>", "")),
               false);
    ASSERT_EQ(importFailures.size(), 2);
    EXPECT_TRUE(importFailures[1].message.startsWith(QStringLiteral("broken.xml, line ")))
        << importFailures[1].message.toStdString();
    EXPECT_EQ(db().number(QStringLiteral("SELECT COUNT(*) FROM transactions")), 0);
    EXPECT_EQ(db().number(QStringLiteral("SELECT COUNT(*) FROM accounts")), 0);
}

TEST_F(FileImportTest, ACsvFileIsReadAsDetectedAndTheAccountRemembersHow)
{
    const QString first = write(QStringLiteral("jan.csv"), QByteArray("Buchungstag;Verwendungszweck;Betrag\n"
                                                                      "02.01.2024;Miete Januar;-850,00\n"
                                                                      "15.01.2024;Gehalt;2.450,10\n"
                                                                      "20.01.2024;Supermarkt;-63,49\n"));
    model::ImportRequest request;
    request.path = first;
    request.currency = QStringLiteral("EUR");
    request.dryRun = false;
    const model::ImportReport done = run(request);
    ASSERT_TRUE(importFailures.isEmpty()) << importFailures.value(0).message.toStdString();
    EXPECT_EQ(done.format, QStringLiteral("CSV"));
    EXPECT_EQ(done.counts.added, 3);
    EXPECT_FALSE(done.csvExplanation.isEmpty()); // detected, and the preview can say how
    EXPECT_EQ(done.csvProfile.value(QStringLiteral("delimiter")).toString(), QStringLiteral(";"));
    EXPECT_EQ(
        db().rows(QStringLiteral("SELECT booked_on, amount_minor, currency FROM transactions ORDER BY booked_on")),
        (QStringList{QStringLiteral("2024-01-02|-85000|EUR"), QStringLiteral("2024-01-15|245010|EUR"),
                     QStringLiteral("2024-01-20|-6349|EUR")}));
    ASSERT_EQ(done.accounts.size(), 1);
    const qint64 account = done.accounts[0].accountId;

    // February's file into the same account: read with the remembered profile, not detected again.
    request.path = write(QStringLiteral("feb.csv"), QByteArray("Buchungstag;Verwendungszweck;Betrag\n"
                                                               "01.02.2024;Miete Februar;-850,00\n"));
    request.accountId = account;
    request.currency.clear();
    const model::ImportReport next = run(request);
    ASSERT_EQ(importFailures.size(), 0) << importFailures.value(0).message.toStdString();
    EXPECT_EQ(next.counts.added, 1);
    EXPECT_TRUE(next.csvExplanation.isEmpty());
    const auto remembered = importers::csv::CsvProfile::fromVariantMap(next.csvProfile);
    const auto detected = importers::csv::CsvProfile::fromVariantMap(done.csvProfile);
    ASSERT_TRUE(remembered.ok() && detected.ok());
    EXPECT_TRUE(remembered.value() == detected.value());
    EXPECT_EQ(db().number(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE account_id = %1").arg(account)), 4);

    // The bank changes its export (other columns, other order): read afresh, not refused.
    request.path = write(QStringLiteral("mar.csv"), QByteArray("Datum;Betrag;Empfänger;Verwendungszweck\n"
                                                               "15.03.2024;-850,00;Vermieter;Miete März\n"));
    const model::ImportReport changed = run(request);
    ASSERT_EQ(importFailures.size(), 0) << importFailures.value(0).message.toStdString();
    EXPECT_EQ(changed.counts.added, 1);
    EXPECT_FALSE(changed.csvExplanation.isEmpty());
    EXPECT_EQ(db().number(QStringLiteral("SELECT amount_minor FROM transactions WHERE booked_on = '2024-03-15'")),
              -85000);
}

TEST_F(FileImportTest, TheAnsweredDateOrderOfACsvIsNotAskedAgainForTheAccount)
{
    model::ImportRequest request;
    request.path = write(QStringLiteral("q1.csv"), QByteArray("Date,Payee,Amount\n03/04/2024,Bakery,-12.00\n"
                                                              "05/06/2024,Garage,-30.00\n"));
    request.currency = QStringLiteral("GBP");
    request.dryRun = false;
    run(request);
    ASSERT_EQ(importFailures.size(), 1);
    EXPECT_EQ(importFailures[0].code, QStringLiteral("ASK_DATE_ORDER"));
    request.dateOrder = QStringLiteral("day-month");
    const model::ImportReport done = run(request);
    ASSERT_EQ(importFailures.size(), 1) << importFailures.last().message.toStdString();
    ASSERT_EQ(done.accounts.size(), 1);

    request.path = write(QStringLiteral("q2.csv"), QByteArray("Date,Payee,Amount\n07/08/2024,Bakery,-4.00\n"));
    request.accountId = done.accounts[0].accountId;
    request.dateOrder.clear();
    request.currency.clear();
    const model::ImportReport next = run(request);
    ASSERT_EQ(importFailures.size(), 1) << importFailures.last().message.toStdString();
    EXPECT_EQ(next.counts.added, 1);
    EXPECT_EQ(db().number(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE booked_on = '2024-08-07'")), 1);
}

TEST_F(FileImportTest, AFileWhoseDatesFitBothOrdersAsksAndImportsOnceAnswered)
{
    const QString path = write(QStringLiteral("old.qif"), QByteArray("!Type:Bank\nD03/04/2024\nT-12.00\nPBakery\n^\n"
                                                                     "D05/06/2024\nT-30.00\nPGarage\n^\n"));
    model::ImportRequest request;
    request.path = path;
    request.currency = QStringLiteral("GBP");
    run(request);
    ASSERT_EQ(importFailures.size(), 1);
    EXPECT_EQ(importFailures[0].code, QStringLiteral("ASK_DATE_ORDER"));
    EXPECT_TRUE(importFailures[0].message.startsWith(QStringLiteral("old.qif")))
        << importFailures[0].message.toStdString();

    request.dateOrder = QStringLiteral("day-month");
    request.dryRun = false;
    const model::ImportReport done = run(request);
    EXPECT_EQ(done.counts.added, 2);
    EXPECT_EQ(
        db().rows(QStringLiteral("SELECT booked_on, amount_minor, currency FROM transactions ORDER BY booked_on")),
        (QStringList{QStringLiteral("2024-04-03|-1200|GBP"), QStringLiteral("2024-06-05|-3000|GBP")}));
}

TEST_F(FileImportTest, AFileWithoutACurrencyTakesThatOfTheAccountItIsMappedTo)
{
    const model::ImportReport euros = importFile(
        write(QStringLiteral("may.xml"), camt(QStringLiteral("DE89370400440532013000"), QStringLiteral("EUR"), kThree)),
        false);
    ASSERT_EQ(euros.accounts.size(), 1);
    const qint64 account = euros.accounts[0].accountId;

    model::ImportRequest request;
    request.path = write(QStringLiteral("cash.qif"), QByteArray("!Type:Bank\nD25/12/2024\nT-7.50\nPMarket\n^\n"));
    request.accountMap.insert(QString(), account); // chosen in the preview's account list
    request.currency = QStringLiteral("JPY");      // what a new account would have been in
    request.dryRun = false;
    const model::ImportReport done = run(request);
    ASSERT_TRUE(importFailures.isEmpty()) << importFailures.value(0).message.toStdString();
    EXPECT_EQ(done.counts.added, 1);
    EXPECT_EQ(db().rows(QStringLiteral("SELECT account_id, amount_minor, currency FROM transactions WHERE booked_on = "
                                       "'2024-12-25'")),
              QStringList{QStringLiteral("%1|-750|EUR").arg(account)});
    // The import's run belongs to "Bank files", never to a synced connection's quota or status.
    EXPECT_EQ(
        db().rows(QStringLiteral("SELECT c.provider FROM sync_runs r JOIN connections c ON c.id = r.connection_id "
                                 "WHERE r.id = %1")
                      .arg(done.runId)),
        QStringList{QStringLiteral("file")});
}

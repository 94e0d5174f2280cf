#include "ParserTestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace coffer::importers;

namespace {

using namespace coffer::importers::parsertest;

std::unique_ptr<Parsed> parseBytes(const QByteArray& bytes)
{
    return parsertest::parseBytes(Format::Camt053, bytes);
}

QString fixturePath(const QString& name)
{
    return parsertest::fixturePath(QStringLiteral("camt"), name);
}

QByteArray fixture(const QString& name)
{
    QFile file(fixturePath(name));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << name.toStdString();
    return file.readAll();
}

std::unique_ptr<Parsed> parseFixture(const QString& name)
{
    return parseFile(Format::Camt053, fixturePath(name));
}

std::string errorOf(const Parsed& p)
{
    return p.errorText();
}

// A minimal statement around `entries`, in the given version's namespace.
QByteArray statement(const QByteArray& entries, const QByteArray& ns = "camt.053.001.04")
{
    return "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:" + ns +
           "\">\n<BkToCstmrStmt><Stmt>\n<Acct><Id><IBAN>NL91ABNA0417164300</IBAN></Id><Ccy>EUR</Ccy></Acct>\n" +
           entries + "\n</Stmt></BkToCstmrStmt></Document>\n";
}

} // namespace

TEST(CamtParserTest, EachStatementIsAnAccountWithItsClosingBalances)
{
    const auto p = parseFixture(QStringLiteral("v8-two-accounts.xml"));
    ASSERT_FALSE(p->error) << errorOf(*p);
    ASSERT_EQ(p->sink.accounts.size(), 2);
    const StatementAccount& giro = p->sink.accounts[0];
    EXPECT_EQ(giro.id, QStringLiteral("DE89370400440532013000"));
    EXPECT_EQ(giro.name, QStringLiteral("Girokonto"));
    EXPECT_EQ(giro.institution, QStringLiteral("COBADEFFXXX"));
    EXPECT_EQ(giro.currency, QStringLiteral("EUR"));
    ASSERT_TRUE(giro.ledgerBalance);
    EXPECT_EQ(giro.ledgerBalance->amount, coffer::model::Money(122530, QStringLiteral("EUR")));
    EXPECT_EQ(giro.ledgerBalance->asOf, QDate(2024, 5, 3));
    ASSERT_TRUE(giro.availableBalance);
    EXPECT_EQ(giro.availableBalance->amount, coffer::model::Money(120030, QStringLiteral("EUR")));
    EXPECT_EQ(giro.availableBalance->asOf, QDate(2024, 5, 3));

    const StatementAccount& yen = p->sink.accounts[1];
    EXPECT_EQ(yen.id, QStringLiteral("9876543210"));
    EXPECT_EQ(yen.currency, QStringLiteral("JPY"));
    ASSERT_TRUE(yen.ledgerBalance);
    EXPECT_EQ(yen.ledgerBalance->amount, coffer::model::Money(-5000, QStringLiteral("JPY")));
    EXPECT_FALSE(yen.availableBalance);
}

TEST(CamtParserTest, EntriesCarrySignDatesReferencesAndTheOtherParty)
{
    const auto p = parseFixture(QStringLiteral("v8-two-accounts.xml"));
    ASSERT_FALSE(p->error) << errorOf(*p);
    const auto& t = p->sink.transactions;
    ASSERT_EQ(t.size(), 4);
    for (const auto& tx : t)
        EXPECT_TRUE(tx.problem.isEmpty()) << tx.problem.toStdString();

    // A debit: money out, the creditor is the other party, AcctSvcrRef is the id.
    EXPECT_EQ(t[0].accountProviderId, QStringLiteral("DE89370400440532013000"));
    EXPECT_EQ(t[0].amount, coffer::model::Money(-7470, QStringLiteral("EUR")));
    EXPECT_EQ(t[0].bookedOn, QDate(2024, 5, 2));
    EXPECT_EQ(t[0].authorizedOn, QDate(2024, 5, 1));
    EXPECT_EQ(t[0].providerId, QStringLiteral("BANKREF-0001"));
    EXPECT_EQ(t[0].reference, QStringLiteral("E2E-RENT-05"));
    EXPECT_EQ(t[0].counterparty, QStringLiteral("Stadtwerke & Co"));
    EXPECT_EQ(t[0].description, QStringLiteral("Strom Mai Kunde 4711"));
    EXPECT_FALSE(t[0].pending);
    EXPECT_TRUE(t[0].raw.contains("<AcctSvcrRef>BANKREF-0001</AcctSvcrRef>")) << t[0].raw.toStdString();
    EXPECT_TRUE(t[0].raw.contains("<Amt Ccy=\"EUR\">74.70</Amt>")) << t[0].raw.toStdString();
    EXPECT_TRUE(t[0].raw.contains("<Nm>Stadtwerke &amp; Co</Nm>")) << t[0].raw.toStdString();
    EXPECT_TRUE(t[0].raw.startsWith("<Ntry>"));
    EXPECT_TRUE(t[0].raw.endsWith("</Ntry>"));

    // A credit: the debtor is the other party; without AcctSvcrRef the EndToEndId is the id; a
    // booking date-time gives its day.
    EXPECT_EQ(t[1].amount, coffer::model::Money(30000, QStringLiteral("EUR")));
    EXPECT_EQ(t[1].bookedOn, QDate(2024, 5, 3));
    EXPECT_EQ(t[1].providerId, QStringLiteral("E2E-SALARY-05"));
    EXPECT_EQ(t[1].counterparty, QStringLiteral("Arbeitgeber GmbH"));
    EXPECT_EQ(t[1].description, QStringLiteral("GUTSCHRIFT"));

    // Pending (v8's <Sts><Cd>), no booking date yet: the value date; NOTPROVIDED is no reference.
    EXPECT_TRUE(t[2].pending);
    EXPECT_EQ(t[2].bookedOn, QDate(2024, 5, 4));
    EXPECT_EQ(t[2].amount, coffer::model::Money(-2500, QStringLiteral("EUR")));
    EXPECT_TRUE(t[2].reference.isEmpty());
    EXPECT_TRUE(t[2].providerId.startsWith(QStringLiteral("gen:"))) << t[2].providerId.toStdString();
    EXPECT_EQ(t[2].description, QStringLiteral("Kartenzahlung Baeckerei"));

    // A batch of two payments is one transaction with the entry's amount, in the second account.
    EXPECT_EQ(t[3].accountProviderId, QStringLiteral("9876543210"));
    EXPECT_EQ(t[3].amount, coffer::model::Money(-12000, QStringLiteral("JPY")));
    EXPECT_TRUE(t[3].reference.isEmpty());
    EXPECT_EQ(t[3].description, QStringLiteral("Batch of 2 payments"));
}

TEST(CamtParserTest, TheSameFileGivesTheSameIdsEveryTime)
{
    const auto first = parseFixture(QStringLiteral("v8-two-accounts.xml"));
    const auto second = parseFixture(QStringLiteral("v8-two-accounts.xml"));
    ASSERT_EQ(first->sink.transactions.size(), second->sink.transactions.size());
    for (qsizetype i = 0; i < first->sink.transactions.size(); ++i)
        EXPECT_EQ(first->sink.transactions[i].providerId, second->sink.transactions[i].providerId);
}

TEST(CamtParserTest, UnusableEntriesAreHandedOnWithTheirLineAndTheRestImports)
{
    const auto p = parseFixture(QStringLiteral("v2-broken-entries.xml"));
    ASSERT_FALSE(p->error) << errorOf(*p);
    const auto& t = p->sink.transactions;
    ASSERT_EQ(t.size(), 6);
    EXPECT_TRUE(t[0].problem.isEmpty()) << t[0].problem.toStdString();
    EXPECT_TRUE(t[1].problem.startsWith(QStringLiteral("line 14: ")) && t[1].problem.contains(QStringLiteral("<Amt>")))
        << t[1].problem.toStdString();
    EXPECT_TRUE(t[2].problem.startsWith(QStringLiteral("line 19: ")) &&
                t[2].problem.contains(QStringLiteral("CdtDbtInd")))
        << t[2].problem.toStdString();
    EXPECT_TRUE(t[3].problem.startsWith(QStringLiteral("line 24: ")) &&
                t[3].problem.contains(QStringLiteral("BookgDt")))
        << t[3].problem.toStdString();
    EXPECT_TRUE(t[4].problem.startsWith(QStringLiteral("line 29: ")) && t[4].problem.contains(QStringLiteral("1.005")))
        << t[4].problem.toStdString();
    // Two identical entries without references: two transactions, two ids.
    EXPECT_TRUE(t[5].problem.isEmpty());
    EXPECT_EQ(t[0].amount, t[5].amount);
    EXPECT_NE(t[0].providerId, t[5].providerId);
}

TEST(CamtParserTest, ExtraZeroDecimalsAreAccepted)
{
    const auto p = parseBytes(statement("<Ntry><Amt Ccy=\"EUR\">18.150</Amt><CdtDbtInd>DBIT</CdtDbtInd>"
                                        "<BookgDt><Dt>2024-01-02</Dt></BookgDt></Ntry>"));
    ASSERT_FALSE(p->error) << errorOf(*p);
    ASSERT_EQ(p->sink.transactions.size(), 1);
    EXPECT_EQ(p->sink.transactions[0].amount, coffer::model::Money(-1815, QStringLiteral("EUR")));
}

TEST(CamtParserTest, InformationOnlyEntriesAreNotImportedButNamed)
{
    const auto p = parseBytes(statement("<Ntry><Amt Ccy=\"EUR\">5.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>INFO</Sts>"
                                        "<BookgDt><Dt>2024-01-02</Dt></BookgDt></Ntry>\n"
                                        "<Ntry><Amt Ccy=\"EUR\">6.00</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts>BOOK</Sts>"
                                        "<BookgDt><Dt>2024-01-02</Dt></BookgDt></Ntry>"));
    ASSERT_FALSE(p->error) << errorOf(*p);
    ASSERT_EQ(p->sink.transactions.size(), 1);
    EXPECT_EQ(p->sink.transactions[0].amount, coffer::model::Money(-600, QStringLiteral("EUR")));
    ASSERT_EQ(p->sink.notices.size(), 1);
    EXPECT_TRUE(p->sink.notices[0].startsWith(QStringLiteral("line 5: an entry marked INFO")))
        << p->sink.notices[0].toStdString();
}

TEST(CamtParserTest, OtherMessagesAreRefusedSayingWhatTheyAre)
{
    const auto notification = parseFixture(QStringLiteral("camt054-notification.xml"));
    ASSERT_TRUE(notification->error);
    EXPECT_TRUE(notification->error->userMessage.contains(QStringLiteral("camt.054")) &&
                notification->error->userMessage.contains(QStringLiteral("not a statement")))
        << errorOf(*notification);
    EXPECT_TRUE(notification->sink.transactions.isEmpty());

    const auto report = parseBytes(statement("", "camt.052.001.02"));
    ASSERT_TRUE(report->error);
    EXPECT_TRUE(report->error->userMessage.contains(QStringLiteral("camt.052"))) << errorOf(*report);

    const auto payment = parseBytes(statement("", "pain.001.001.03"));
    ASSERT_TRUE(payment->error);
    EXPECT_TRUE(payment->error->userMessage.contains(QStringLiteral("pain.001"))) << errorOf(*payment);

    const auto newer = parseBytes(statement("", "camt.053.001.11"));
    ASSERT_TRUE(newer->error);
    EXPECT_TRUE(newer->error->userMessage.contains(QStringLiteral("versions 02 to 08"))) << errorOf(*newer);

    const auto html = parseBytes("<html><body>Statement</body></html>");
    ASSERT_TRUE(html->error);
    EXPECT_TRUE(html->error->userMessage.startsWith(QStringLiteral("line 1: this is not a CAMT.053 statement")))
        << errorOf(*html);

    for (const char* version : {"camt.053.001.02", "camt.053.001.05", "camt.053.001.08"}) {
        const auto ok = parseBytes(statement("", version));
        EXPECT_FALSE(ok->error) << version << ": " << errorOf(*ok);
    }
}

TEST(CamtParserTest, BrokenStructureStopsWithTheLine)
{
    const QByteArray whole = fixture(QStringLiteral("v8-two-accounts.xml"));
    const auto truncated = parseBytes(whole.left(whole.indexOf("<Amt Ccy=\"EUR\">300.00")));
    ASSERT_TRUE(truncated->error);
    EXPECT_TRUE(truncated->error->userMessage.startsWith(QStringLiteral("line 47: the file ends inside <Ntry>")))
        << errorOf(*truncated);

    const auto mismatched = parseBytes(statement("<Ntry><Amt Ccy=\"EUR\">1.00</Ccy></Ntry>"));
    ASSERT_TRUE(mismatched->error);
    EXPECT_TRUE(mismatched->error->userMessage.startsWith(QStringLiteral("line 5: not well-formed XML")))
        << errorOf(*mismatched);

    const auto noAccount =
        parseBytes("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt>"
                   "<Stmt>\n<Ntry><Amt Ccy=\"EUR\">1.00</Amt></Ntry></Stmt></BkToCstmrStmt></Document>");
    ASSERT_TRUE(noAccount->error);
    EXPECT_TRUE(noAccount->error->userMessage.startsWith(QStringLiteral("line 2: an entry (<Ntry>) comes before")))
        << errorOf(*noAccount);

    for (const QByteArray& nothing : {QByteArray(), QByteArray("not xml at all"), QByteArray("\x00\x01\x02", 3)}) {
        const auto p = parseBytes(nothing);
        ASSERT_TRUE(p->error);
        EXPECT_TRUE(p->error->userMessage.startsWith(QStringLiteral("line 1: "))) << errorOf(*p);
    }
}

TEST(CamtParserTest, HostileInputFailsCleanly)
{
    // Deep nesting, a DTD with entity expansion, an amount that overflows.
    const auto deep = parseBytes(statement("<Ntry>" + QByteArray("<a>").repeated(100000) + "</Ntry>"));
    ASSERT_TRUE(deep->error);
    EXPECT_TRUE(deep->error->userMessage.contains(QStringLiteral("nested more than"))) << errorOf(*deep);

    const auto laughs = parseBytes("<?xml version=\"1.0\"?><!DOCTYPE Document [<!ENTITY a \"aaaaaaaaaa\">"
                                   "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                                   "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">&b;</Document>");
    ASSERT_TRUE(laughs->error);
    EXPECT_TRUE(laughs->error->userMessage.contains(QStringLiteral("DTD"))) << errorOf(*laughs);

    const auto huge = parseBytes(statement("<Ntry><Amt Ccy=\"EUR\">" + QByteArray(400, '9') +
                                           "</Amt><CdtDbtInd>CRDT</CdtDbtInd>"
                                           "<BookgDt><Dt>2024-01-02</Dt></BookgDt></Ntry>"));
    ASSERT_FALSE(huge->error) << errorOf(*huge);
    ASSERT_EQ(huge->sink.transactions.size(), 1);
    EXPECT_TRUE(huge->sink.transactions[0].problem.startsWith(QStringLiteral("line 5: ")))
        << huge->sink.transactions[0].problem.toStdString();
}

// Every CAMT file of the shared corpus against that library's own parse of it (*.expected.json).
TEST(CamtParserTest, CorpusMatchesGenkgosParse)
{
    const QDir dir(corpusPath(QStringLiteral("camt")));
    if (!dir.exists())
        GTEST_SKIP() << "no conformance corpus at " << dir.path().toStdString();
    const QStringList files = dir.entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name);
    ASSERT_FALSE(files.isEmpty());
    int compared = 0;
    for (const QString& name : files) {
        SCOPED_TRACE(name.toStdString());
        QFile file(dir.filePath(name));
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        const auto p = parseDevice(Format::Camt053, file);
        if (name.endsWith(QStringLiteral(".wrong.xml"))) {
            ASSERT_TRUE(p->error);
            EXPECT_TRUE(p->error->userMessage.contains(QStringLiteral("no statement"))) << errorOf(*p);
            continue;
        }
        ASSERT_FALSE(p->error) << errorOf(*p);
        QFile expectedFile(dir.filePath(name.chopped(4) + QStringLiteral(".expected.json")));
        ASSERT_TRUE(expectedFile.open(QIODevice::ReadOnly));
        // genkgo's dump lists the entries of the message's last statement (its records are elided
        // as "__RECURSIVITY__"): they are the last of ours, in order.
        const QJsonArray expected = QJsonDocument::fromJson(expectedFile.readAll()).object()[u"getEntries"].toArray();
        ASSERT_FALSE(expected.isEmpty());
        const auto& ours = p->sink.transactions;
        ASSERT_GE(ours.size(), expected.size());
        const qsizetype offset = ours.size() - expected.size();
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject e = expected[i].toObject();
            const auto& t = ours[offset + i];
            EXPECT_TRUE(t.problem.isEmpty()) << t.problem.toStdString();
            const QJsonObject amount = e[u"getAmount"].toObject();
            EXPECT_EQ(QString::number(t.amount.minorUnits()), amount[u"getAmount"].toString());
            EXPECT_EQ(t.amount.currency(), amount[u"getCurrency"].toObject()[u"getCode"].toString());
            EXPECT_EQ(t.amount.isNegative(), e[u"getCreditDebitIndicator"].toString() == u"DBIT");
            EXPECT_EQ(t.bookedOn.toString(Qt::ISODate), e[u"getBookingDate"].toObject()[u"0"].toString().left(10));
            const QString servicerRef = e[u"getAccountServicerReference"].toString();
            const QString endToEnd =
                e[u"getTransactionDetail"].toObject()[u"getReference"].toObject()[u"getEndToEndId"].toString();
            EXPECT_EQ(t.reference, endToEnd);
            if (!servicerRef.isEmpty())
                EXPECT_EQ(t.providerId, servicerRef);
            else if (!endToEnd.isEmpty())
                EXPECT_EQ(t.providerId, endToEnd);
            else
                EXPECT_TRUE(t.providerId.startsWith(QStringLiteral("gen:"))) << t.providerId.toStdString();
            EXPECT_EQ(t.pending, e[u"getStatus"].toString() == u"PDNG");
            ++compared;
        }
    }
    EXPECT_GT(compared, 0);
}

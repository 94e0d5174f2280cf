// The OFX files of ../shared/corpus/ofx (other projects' test files): each imports with the
// amounts, dates and FITIDs it states, or fails with a clear error. Skipped where the corpus is
// absent (a user's fresh clone).
#include "OfxTestSupport.h"

#include <QDir>

using namespace coffer;
using namespace coffer::importers;
using namespace coffer::importers::testing;

namespace {

QString corpusPath(const char* name)
{
    return sourceDir() + QStringLiteral("/../shared/corpus/ofx/") + QLatin1String(name);
}

#define PARSE_CORPUS(p, name)                                                                                          \
    if (!QFile::exists(corpusPath(name)))                                                                              \
        GTEST_SKIP() << "the conformance corpus is absent: " << corpusPath(name).toStdString();                        \
    const ParsedOfx p = parseOfxFile(corpusPath(name))

void expectTransaction(const ParsedOfx& p, const char* fitId, QDate booked, qint64 minorUnits, const char* currency)
{
    const auto* t = p.byId(QLatin1String(fitId));
    ASSERT_NE(t, nullptr) << fitId;
    EXPECT_EQ(t->bookedOn, booked) << fitId;
    EXPECT_EQ(t->amount, model::Money(minorUnits, QLatin1String(currency))) << fitId;
    EXPECT_TRUE(t->problem.isEmpty()) << fitId << ": " << t->problem.toStdString();
}

} // namespace

TEST(OfxCorpus, RefusesFilesThatCrashedOtherParsersWithAClearError)
{
    const std::pair<const char*, const char*> cases[] = {
        {"libofx-failing-ofx-file1.xml", "line 1: not an OFX file"},
        {"libofx-failing-ofx-file2.xml", "line 5: </dSTATUS> closes nothing that is open"},
        {"libofx-heap-buffer-overflow-1.ofx", "line 7: </CCSTMTRS> comes before </CCACCTINFO>"},
        {"libofx-null-ptr-deref-1.ofx", "line 3: a '<' inside a tag"},
    };
    for (const auto& [name, error] : cases) {
        PARSE_CORPUS(p, name);
        EXPECT_FALSE(p.status.ok()) << name;
        EXPECT_TRUE(p.error().startsWith(QLatin1String(error))) << name << ": " << p.error().toStdString();
        EXPECT_TRUE(p.sink.transactions.isEmpty()) << name;
    }
}

TEST(OfxCorpus, ReportsTheBanksErrors)
{
    {
        PARSE_CORPUS(p, "ofxparse-signon_fail.ofx");
        EXPECT_TRUE(p.error().startsWith(QStringLiteral("line 11: the bank refused the sign-on: \"Your request could "
                                                        "not be processed")))
            << p.error().toStdString();
        EXPECT_TRUE(p.error().endsWith(QStringLiteral("(code 15500, ERROR)")));
    }
    PARSE_CORPUS(p, "ofxparse-error_message.ofx");
    EXPECT_EQ(p.error().toStdString(),
              "line 22: the bank sent an error instead of the statement: \"General Server Error\" (code 2000, ERROR)");
}

TEST(OfxCorpus, ReadsTheSpecificationsExamples)
{
    for (const char* name : {"libofx-ofx_spec160_stmtrs_example.sgml", "libofx-ofx_spec201_stmtrs_example.xml"}) {
        PARSE_CORPUS(p, name);
        ASSERT_TRUE(p.status.ok()) << name << ": " << p.error().toStdString();
        const int year = QByteArray(name).contains("160") ? 1996 : 1999;
        ASSERT_EQ(p.sink.transactions.size(), 2) << name;
        expectTransaction(p, "00002", QDate(year, 10, 4), -20000, "USD");
        expectTransaction(p, "00003", QDate(year, 10, 20), -30000, "USD");
        EXPECT_EQ(p.byId(QStringLiteral("00002"))->checkNumber, QStringLiteral("1000"));
        EXPECT_FALSE(p.byId(QStringLiteral("00003"))->authorizedOn.has_value()); // DTUSER is the same day
        const StatementAccount* account = p.account(QStringLiteral("121099999 999988"));
        ASSERT_NE(account, nullptr);
        ASSERT_TRUE(account->ledgerBalance.has_value());
        EXPECT_EQ(account->ledgerBalance->amount.minorUnits(), 20029);
        EXPECT_EQ(account->ledgerBalance->asOf, QDate(year, 10, 29));
    }
    {
        PARSE_CORPUS(p, "libofx-ofx-2.1.1-sect-13.12.ofx");
        ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
        ASSERT_EQ(p.sink.transactions.size(), 1); // the INVBANKTRAN; the buy is not a cash transaction here
        expectTransaction(p, "12345", QDate(2005, 8, 25), 100000, "USD");
        EXPECT_EQ(p.sink.accounts.first().kind, model::AccountKind::Other);
        ASSERT_EQ(p.sink.notices.size(), 1);
        EXPECT_TRUE(p.sink.notices.first().contains(QStringLiteral("1 buy, 2 positions, 1 open order")))
            << p.sink.notices.first().toStdString();
    }
    {
        PARSE_CORPUS(p, "libofx-another-example.xml");
        ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
        EXPECT_TRUE(p.sink.transactions.isEmpty());
        ASSERT_EQ(p.sink.accounts.size(), 1);
        EXPECT_EQ(p.sink.accounts.first().currency, QStringLiteral("GBP"));
        ASSERT_EQ(p.sink.notices.size(), 1);
        EXPECT_TRUE(p.sink.notices.first().contains(QStringLiteral("1 other investment transaction, 1 position")));
    }
    PARSE_CORPUS(p, "libofx-ofx-2.1.1-sect-8.5.5.ofx"); // an account list, no statement
    ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
    EXPECT_TRUE(p.sink.transactions.isEmpty());
    EXPECT_EQ(p.sink.notices.size(), 1);
}

TEST(OfxCorpus, ReadsBankAndCardStatements)
{
    {
        PARSE_CORPUS(p, "ofxparse-bank_medium.ofx"); // one-line records, INTU.BID
        ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
        ASSERT_EQ(p.sink.transactions.size(), 3);
        expectTransaction(p, "0000123456782009040100001", QDate(2009, 4, 1), -660, "CAD");
        expectTransaction(p, "0000123456782009040200004", QDate(2009, 4, 2), -31667, "CAD");
        expectTransaction(p, "0000123456782009040300005", QDate(2009, 4, 3), -2200, "CAD");
        EXPECT_EQ(p.byId(QStringLiteral("0000123456782009040200004"))->counterparty,
                  QStringLiteral("Joe's Bald Hairstyles"));
        const StatementAccount& account = p.sink.accounts.first();
        EXPECT_EQ(account.ledgerBalance->amount.minorUnits(), 38234);
        EXPECT_EQ(account.availableBalance->amount.minorUnits(), 68234);
    }
    {
        PARSE_CORPUS(p, "ofxparse-checking.ofx");
        ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
        ASSERT_EQ(p.sink.transactions.size(), 3);
        expectTransaction(p, "0000486", QDate(2011, 3, 31), 1, "USD");
        expectTransaction(p, "0000487", QDate(2011, 4, 5), -3451, "USD");
        expectTransaction(p, "0000488", QDate(2011, 4, 7), -2500, "USD");
        EXPECT_EQ(p.byId(QStringLiteral("0000488"))->checkNumber, QStringLiteral("319"));
        EXPECT_EQ(p.sink.accounts.first().ledgerBalance->amount.minorUnits(), 10099);
        EXPECT_EQ(p.sink.accounts.first().availableBalance->amount.minorUnits(), 7599);
    }
    {
        PARSE_CORPUS(p, "ofxparse-anzcc.ofx");
        ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
        ASSERT_EQ(p.sink.transactions.size(), 1);
        expectTransaction(p, "201705080001", QDate(2017, 5, 8), -550, "AUD");
        EXPECT_EQ(p.sink.transactions.first().description, QStringLiteral("SOME MEMO"));
        ASSERT_EQ(p.sink.accounts.size(), 1);
        EXPECT_EQ(p.sink.accounts.first().kind, model::AccountKind::CreditCard);
        EXPECT_EQ(p.sink.accounts.first().ledgerBalance->amount.minorUnits(), -12345);
    }
    for (const char* name : {"ofxparse-multiple_accounts.ofx", "ofxparse-multiple_accounts2.ofx"}) {
        PARSE_CORPUS(p, name);
        ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
        ASSERT_EQ(p.sink.accounts.size(), 2);
        EXPECT_EQ(p.account(QStringLiteral("123 9100"))->kind, model::AccountKind::Checking);
        EXPECT_EQ(p.account(QStringLiteral("123 9100"))->ledgerBalance->amount.minorUnits(), 11100);
        EXPECT_EQ(p.account(QStringLiteral("123 9200"))->kind, model::AccountKind::Savings);
        EXPECT_EQ(p.account(QStringLiteral("123 9200"))->ledgerBalance->asOf, QDate(2012, 6, 3));
    }
    PARSE_CORPUS(p, "ofxparse-bank_small.ofx"); // <OFX></OFX>
    ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
    EXPECT_TRUE(p.sink.transactions.isEmpty());
}

TEST(OfxCorpus, ImportsTheCashTransactionsOfAnInvestmentStatement)
{
    PARSE_CORPUS(p, "ofxparse-fidelity.ofx");
    ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
    ASSERT_EQ(p.sink.transactions.size(), 3);
    expectTransaction(p, "0123456789021301320120731", QDate(2012, 7, 31), 24, "USD");
    expectTransaction(p, "0123456789023501120120820", QDate(2012, 8, 20), -97, "USD");
    expectTransaction(p, "0123456789024401420120831", QDate(2012, 8, 31), 16, "USD");
    EXPECT_EQ(p.sink.accounts.first().id, QStringLiteral("01234567890"));
    ASSERT_EQ(p.sink.notices.size(), 1);
    EXPECT_TRUE(p.sink.notices.first().contains(
        QStringLiteral("8 buys, 2 sales, 4 other investment transactions, 6 positions")))
        << p.sink.notices.first().toStdString();
}

TEST(OfxCorpus, QuarantinesBadRecordsAndImportsTheRest)
{
    {
        PARSE_CORPUS(p, "ofxparse-failnice-date_missing.ofx");
        ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
        ASSERT_EQ(p.sink.transactions.size(), 3);
        EXPECT_EQ(p.sink.transactions.at(0).problem, QStringLiteral("line 33: <STMTTRN> has no <DTPOSTED>"));
        EXPECT_EQ(p.sink.transactions.at(1).problem, QStringLiteral("line 40: <STMTTRN> has no <DTPOSTED>"));
        EXPECT_EQ(p.sink.transactions.at(2).problem, QStringLiteral("line 50: <DTPOSTED> \"20120231\" is not a date"));
        EXPECT_EQ(p.sink.transactions.at(0).providerId, QStringLiteral("184997056"));
    }
    {
        PARSE_CORPUS(p, "ofxparse-failnice-decimal_error.ofx");
        ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
        ASSERT_EQ(p.sink.transactions.size(), 1);
        const QString problem = p.sink.transactions.first().problem;
        EXPECT_TRUE(problem.startsWith(QStringLiteral("line 36: <DTPOSTED> \"201120000000\" is not a date; line 37: "
                                                      "<TRNAMT> \"$120\" is not an amount")))
            << problem.toStdString();
    }
    {
        PARSE_CORPUS(p, "ofxparse-failnice-empty_balance.ofx");
        ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
        expectTransaction(p, "2000957249", QDate(2011, 3, 8), 12000, "CAD");
        EXPECT_FALSE(p.sink.accounts.first().ledgerBalance.has_value());
        EXPECT_EQ(p.sink.notices, (QStringList{QStringLiteral("line 37: <LEDGERBAL> is left out: no amount"),
                                               QStringLiteral("line 41: <AVAILBAL> is left out: no amount")}));
    }
    PARSE_CORPUS(p, "ofxparse-ofx-v102-empty-tags.ofx"); // empty CURDEF and FITID, closed empty tags
    ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
    ASSERT_EQ(p.sink.transactions.size(), 1);
    const auto& t = p.sink.transactions.first();
    EXPECT_EQ(t.problem, QStringLiteral("line 23: <STMTTRN> has no <FITID>"));
    EXPECT_EQ(t.bookedOn, QDate(2018, 5, 7));
    EXPECT_EQ(t.amount, model::Money(1234, QStringLiteral("AUD"))); // the record's CURRENCY, as CURDEF is empty
    EXPECT_EQ(t.description, QStringLiteral("CBA:Transfer"));
}

TEST(OfxCorpus, EveryFileIsCovered)
{
    const QDir dir(sourceDir() + QStringLiteral("/../shared/corpus/ofx"));
    if (!dir.exists())
        GTEST_SKIP() << "the conformance corpus is absent";
    // The files the tests above name: a new corpus file needs its own expectations here.
    EXPECT_EQ(dir.entryList(QDir::Files).size(), 22);
}

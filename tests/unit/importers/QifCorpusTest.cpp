// The QIF files of the shared conformance corpus (../shared/corpus/qif, from quiffen's tests):
// each imports with the dates, amounts and payees it states, or fails with a clear error.

#include "QifTestSupport.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace coffer::importers;

namespace {

QString corpusFile(const QString& name)
{
    return parsertest::corpusPath(QStringLiteral("qif")) + u'/' + name;
}

// The parse of a corpus file, or nullopt (and the test skips) when the corpus is absent.
std::optional<QifParsed> parseCorpus(const QString& name)
{
    QFile file(corpusFile(name));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return parseQifDevice(file, qifOptions());
}

#define PARSE_CORPUS(var, name)                                                                                        \
    const auto var = parseCorpus(QStringLiteral(name));                                                                \
    if (!var)                                                                                                          \
        GTEST_SKIP() << "the conformance corpus is absent: " << corpusFile(QStringLiteral(name)).toStdString();

struct Expected {
    QDate date;
    qint64 minor;
    const char* payee;
    const char* category;
};

} // namespace

TEST(QifCorpus, QuiffenTestImportsItsBankBlockAndSaysWhatItSkips)
{
    PARSE_CORPUS(r, "quiffen-test.qif");
    ASSERT_FALSE(r->error) << r->message().toStdString();
    const Expected expected[] = {
        {QDate(2020, 2, 10), 0, "Opening Balance", "[TestExport]"},
        {QDate(2020, 2, 14), 6750, "T-Mobile", "Bills:Cell Phone"},
        {QDate(2020, 2, 14), 3200, "US Post Office", "Miscellaneous"},
        {QDate(2020, 2, 12), -1000, "Target", "Food:Groceries"},
        {QDate(2020, 2, 11), -2500, "Walmart", "Food:Groceries"},
        {QDate(2020, 2, 10), -10000, "Amazon.com", "Food:Groceries"}, // its split's own D line is not its date
    };
    ASSERT_EQ(r->count(), std::size(expected));
    for (qsizetype i = 0; i < r->count(); ++i) {
        const auto& t = r->tx(i);
        SCOPED_TRACE(i);
        EXPECT_TRUE(t.problem.isEmpty()) << t.problem.toStdString();
        EXPECT_EQ(t.bookedOn, expected[i].date);
        EXPECT_EQ(t.amount, coffer::model::Money(expected[i].minor, QStringLiteral("USD")));
        EXPECT_EQ(t.counterparty, QString::fromUtf8(expected[i].payee));
        EXPECT_EQ(t.category, QString::fromUtf8(expected[i].category));
    }
    EXPECT_EQ(r->tx(1).description, QStringLiteral("T-Mobile - sign up credit; new account"));
    EXPECT_EQ(r->tx(2).description, QStringLiteral("US Post Office - money back for damaged parcel"));
    EXPECT_EQ(r->tx(4).checkNumber, QStringLiteral("123"));
    EXPECT_EQ(r->sink.notices,
              QStringList({QStringLiteral("line 4: classes (!Type:Class, 2 entries) are not imported: Coffer imports "
                                          "bank, cash and card transactions"),
                           QStringLiteral("line 12: categories (!Type:Cat, 2 entries) are not imported: Coffer imports "
                                          "bank, cash and card transactions"),
                           QStringLiteral("line 92: investment transactions (!Type:Invst, 1 entry) are not imported: "
                                          "Coffer imports bank, cash and card transactions"),
                           QStringLiteral("line 102: securities (!Type:Security, 4 entries) are not imported: Coffer "
                                          "imports bank, cash and card transactions")}));
}

TEST(QifCorpus, QuiffenSplitImportsTheTotalWithTheSplitsCategories)
{
    PARSE_CORPUS(r, "quiffen-test_split.qif");
    ASSERT_FALSE(r->error) << r->message().toStdString();
    ASSERT_EQ(r->count(), 1);
    EXPECT_TRUE(r->tx(0).problem.isEmpty()) << r->tx(0).problem.toStdString();
    EXPECT_EQ(r->tx(0).bookedOn, QDate(2000, 1, 1)); // "1/ 1'00": an apostrophe year is 2000 on
    EXPECT_EQ(r->tx(0).amount.minorUnits(), -1000);
    EXPECT_EQ(r->tx(0).counterparty, QStringLiteral("A Payee"));
    EXPECT_EQ(r->tx(0).category, QStringLiteral("[An Account], A Category"));
}

TEST(QifCorpus, QuiffenNoSymbolHoldsOnlyASecurity)
{
    PARSE_CORPUS(r, "quiffen-test_nosymbol.qif");
    ASSERT_FALSE(r->error) << r->message().toStdString();
    EXPECT_EQ(r->count(), 0);
    EXPECT_EQ(r->sink.notices,
              QStringList({QStringLiteral("line 2: securities (!Type:Security, 1 entry) are not imported: Coffer "
                                          "imports bank, cash and card transactions"),
                           QStringLiteral("the file holds no bank, cash or card transactions")}));
}

TEST(QifCorpus, QuiffenEmptyIsAnError)
{
    PARSE_CORPUS(r, "quiffen-empty.qif");
    ASSERT_TRUE(r->error);
    EXPECT_EQ(r->message(), QStringLiteral("the file is empty: there is nothing to import"));
}

#include "ParserTestSupport.h"

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

using namespace coffer::importers;
using coffer::model::Money;

namespace {

using namespace coffer::importers::parsertest;

ParseOptions withCurrency(const QString& currency)
{
    ParseOptions options;
    options.defaultCurrency = currency;
    return options;
}

std::unique_ptr<Parsed> parseBytes(const QByteArray& bytes, const QString& defaultCurrency = {})
{
    return parsertest::parseBytes(Format::Mt940, bytes, withCurrency(defaultCurrency));
}

std::unique_ptr<Parsed> parseFile(const QString& path, const QString& defaultCurrency = {})
{
    return parsertest::parseFile(Format::Mt940, path, withCurrency(defaultCurrency));
}

QString fixturePath(const QString& name)
{
    return parsertest::fixturePath(QStringLiteral("mt940"), name);
}

std::string errorOf(const Parsed& p)
{
    return p.errorText();
}

Money eur(qint64 minor)
{
    return Money(minor, QStringLiteral("EUR"));
}

} // namespace

TEST(Mt940ParserTest, EachStatementIsAnAccountWithItsBalances)
{
    const auto p = parseFile(fixturePath(QStringLiteral("two-statements.sta")));
    ASSERT_FALSE(p->error) << errorOf(*p);
    ASSERT_EQ(p->sink.accounts.size(), 2);
    const StatementAccount& giro = p->sink.accounts[0];
    EXPECT_EQ(giro.id, QStringLiteral("37040044/0532013000"));
    EXPECT_EQ(giro.currency, QStringLiteral("EUR"));
    ASSERT_TRUE(giro.ledgerBalance);
    EXPECT_EQ(giro.ledgerBalance->amount, eur(345250));
    EXPECT_EQ(giro.ledgerBalance->asOf, QDate(2024, 1, 3));
    ASSERT_TRUE(giro.availableBalance);
    EXPECT_EQ(giro.availableBalance->amount, eur(340000));

    const StatementAccount& dollars = p->sink.accounts[1];
    EXPECT_EQ(dollars.id, QStringLiteral("DE44500105175407324931"));
    EXPECT_EQ(dollars.currency, QStringLiteral("USD"));
    ASSERT_TRUE(dollars.ledgerBalance);
    EXPECT_EQ(dollars.ledgerBalance->amount, Money(50, QStringLiteral("USD")));
}

TEST(Mt940ParserTest, EntriesCarrySignDatesAndIds)
{
    const auto p = parseFile(fixturePath(QStringLiteral("two-statements.sta")));
    ASSERT_FALSE(p->error) << errorOf(*p);
    const auto& t = p->sink.transactions;
    ASSERT_EQ(t.size(), 6);

    // Valued 29 December, entered 2 January: the entry date is in the next year.
    EXPECT_EQ(t[0].accountProviderId, QStringLiteral("37040044/0532013000"));
    EXPECT_EQ(t[0].amount, eur(-4250));
    EXPECT_EQ(t[0].authorizedOn, QDate(2023, 12, 29));
    EXPECT_EQ(t[0].bookedOn, QDate(2024, 1, 2));
    EXPECT_EQ(t[0].providerId, QStringLiteral("BANK-0001"));
    EXPECT_FALSE(t[0].pending);
    EXPECT_TRUE(t[0].raw.startsWith(":61:2312290102DR42,50")) << t[0].raw.toStdString();
    EXPECT_TRUE(t[0].raw.contains("\n:86:105?00SEPA-LASTSCHRIFT")) << t[0].raw.toStdString();

    // "CR": a credit with funds code R.
    EXPECT_EQ(t[1].amount, eur(250000));
    EXPECT_EQ(t[1].providerId, QStringLiteral("BANK-0002"));
    // RC, the reversal of a credit, takes money out; a bank reference already used gets a made id.
    EXPECT_EQ(t[2].amount, eur(-1000));
    EXPECT_TRUE(t[2].providerId.startsWith(QStringLiteral("gen:"))) << t[2].providerId.toStdString();
    // RD brings money back; no bank reference: a made id.
    EXPECT_EQ(t[3].amount, eur(500));
    EXPECT_TRUE(t[3].providerId.startsWith(QStringLiteral("gen:")));
    EXPECT_NE(t[2].providerId, t[3].providerId);

    // 30 February: handed on with its line, the rest imports.
    EXPECT_TRUE(t[4].problem.startsWith(QStringLiteral("line 16: :61:")) &&
                t[4].problem.contains(QStringLiteral("value date")))
        << t[4].problem.toStdString();
    for (qsizetype i : {0, 1, 2, 3, 5})
        EXPECT_TRUE(t[i].problem.isEmpty()) << i << ": " << t[i].problem.toStdString();

    EXPECT_EQ(t[5].accountProviderId, QStringLiteral("DE44500105175407324931"));
    EXPECT_EQ(t[5].amount, Money(50, QStringLiteral("USD")));
    EXPECT_EQ(t[5].bookedOn, QDate(2024, 1, 2));
    EXPECT_EQ(t[5].reference, QStringLiteral("CUSTREF123"));
    EXPECT_EQ(t[5].providerId, QStringLiteral("BANK-9"));

    // The same file again gives the same ids.
    const auto again = parseFile(fixturePath(QStringLiteral("two-statements.sta")));
    ASSERT_EQ(again->sink.transactions.size(), t.size());
    for (qsizetype i = 0; i < t.size(); ++i)
        EXPECT_EQ(again->sink.transactions[i].providerId, t[i].providerId);
}

TEST(Mt940ParserTest, GermanSubfieldsAndSepaKeysGiveTextPartyAndReference)
{
    const auto p = parseFile(fixturePath(QStringLiteral("two-statements.sta")));
    ASSERT_FALSE(p->error) << errorOf(*p);
    const auto& t = p->sink.transactions;
    ASSERT_EQ(t.size(), 6);
    // Lines wrapped mid-word are joined; SVWZ+ is the text, EREF+ the reference, ?32/?33 the party.
    EXPECT_EQ(t[0].description, QStringLiteral("Strom Dezember Kunde 4711"));
    EXPECT_EQ(t[0].reference, QStringLiteral("INV-2023-12"));
    EXPECT_EQ(t[0].counterparty, QStringLiteral("Stadtwerke Beispielstadt GmbH"));
    // Without SEPA keys the ?20 lines are the text.
    EXPECT_EQ(t[1].description, QStringLiteral("Gehalt Januar"));
    EXPECT_EQ(t[1].counterparty, QStringLiteral("ARBEITGEBER AG"));
    // Free text over two lines.
    EXPECT_EQ(t[2].description, QStringLiteral("Free text line one second line of free text"));
    // Only a posting text (?00): that is the text.
    EXPECT_EQ(t[3].description, QStringLiteral("GEBUEHREN"));
}

TEST(Mt940ParserTest, Mt942InASwiftEnvelopeIsPendingAndWindows1252IsDecoded)
{
    // CRLF line ends, no final line end, SWIFT blocks, bytes that are not UTF-8.
    const auto p = parseFile(fixturePath(QStringLiteral("envelope-942-cp1252.sta")));
    ASSERT_FALSE(p->error) << errorOf(*p);
    ASSERT_EQ(p->sink.accounts.size(), 1);
    EXPECT_EQ(p->sink.accounts[0].id, QStringLiteral("DE89370400440532013000"));
    EXPECT_EQ(p->sink.accounts[0].currency, QStringLiteral("EUR"));
    ASSERT_EQ(p->sink.transactions.size(), 1);
    const auto& t = p->sink.transactions[0];
    EXPECT_TRUE(t.pending);
    EXPECT_EQ(t.amount, eur(-1234));
    EXPECT_EQ(t.bookedOn, QDate(2024, 5, 3));
    EXPECT_EQ(t.providerId, QStringLiteral("PEND-1"));
    EXPECT_EQ(t.description, QStringLiteral("Bäckerei Müller"));
    EXPECT_EQ(t.counterparty, QStringLiteral("BÄCKEREI MÜLLER"));
}

TEST(Mt940ParserTest, Utf8DetailsAreDecodedAsUtf8)
{
    const auto p =
        parseBytes(":20:X\n:25:123\n:60F:C240101EUR0,\n:61:240102C1,NTRFNONREF\n:86:Café Zürich\n:62F:C240102EUR1,\n");
    ASSERT_FALSE(p->error) << errorOf(*p);
    ASSERT_EQ(p->sink.transactions.size(), 1);
    EXPECT_EQ(p->sink.transactions[0].description, QStringLiteral("Café Zürich"));
}

TEST(Mt940ParserTest, AmountsWithoutACurrencyNeedTheAccountsCurrency)
{
    // A fragment without :20: or :60F:, its :61: wrapped before the amount and its :86: tag
    // broken after the colon (as a Sparkasse wrote it).
    const QByteArray fragment = ":61:1811261126CR\n30,00N062NONREF\n:\n86:166?00GUTSCHR. UEBERWEISUNG?20SVWZ+Test\n";
    const auto refused = parseBytes(fragment);
    ASSERT_TRUE(refused->error);
    EXPECT_TRUE(refused->error->userMessage.startsWith(QStringLiteral("line 1: the statement names no currency")))
        << errorOf(*refused);
    EXPECT_TRUE(refused->sink.transactions.isEmpty());

    const auto chosen = parseBytes(fragment, QStringLiteral("EUR"));
    ASSERT_FALSE(chosen->error) << errorOf(*chosen);
    ASSERT_EQ(chosen->sink.transactions.size(), 1);
    EXPECT_EQ(chosen->sink.transactions[0].amount, eur(3000));
    EXPECT_EQ(chosen->sink.transactions[0].bookedOn, QDate(2018, 11, 26));
    EXPECT_EQ(chosen->sink.transactions[0].description, QStringLiteral("Test"));
}

TEST(Mt940ParserTest, WhatIsNotAStatementFailsClearly)
{
    for (const QByteArray& notMt940 : {QByteArray(), QByteArray("date;amount\n2024-01-01;12.00\n"),
                                       QByteArray("\x00\x01\xff\xfe", 4), QByteArray("{1:F01}{2:I940}{4:\n-}")}) {
        const auto p = parseBytes(notMt940);
        ASSERT_TRUE(p->error) << notMt940.toStdString();
        EXPECT_TRUE(p->error->userMessage.contains(QStringLiteral("not an MT940 statement"))) << errorOf(*p);
    }
    const auto badOpening = parseBytes(":20:X\n:25:123\n:60F:X240101EUR1,00\n:61:240102C1,NTRFNONREF\n");
    ASSERT_TRUE(badOpening->error);
    EXPECT_TRUE(badOpening->error->userMessage.startsWith(QStringLiteral("line 3: the opening balance :60F:")))
        << errorOf(*badOpening);
}

TEST(Mt940ParserTest, HostileInputFailsCleanly)
{
    const QByteArray head = ":20:X\n:25:123\n:60F:C240101EUR0,\n";
    const auto huge = parseBytes(head + ":61:240102C" + QByteArray(300, '9') + ",NTRFNONREF\n");
    ASSERT_FALSE(huge->error) << errorOf(*huge);
    ASSERT_EQ(huge->sink.transactions.size(), 1);
    EXPECT_TRUE(huge->sink.transactions[0].problem.startsWith(QStringLiteral("line 4: ")))
        << huge->sink.transactions[0].problem.toStdString();

    const auto endless =
        parseBytes(head + ":61:240102C1,NTRFNONREF\n:86:x\n" + QByteArray("more text\n").repeated(10000));
    ASSERT_TRUE(endless->error);
    EXPECT_TRUE(endless->error->userMessage.contains(QStringLiteral("longer than"))) << errorOf(*endless);

    // Truncated inside a :61:, and every prefix of a real file: an error or a result, never a crash.
    const auto cut = parseBytes(head + ":61:2401");
    ASSERT_FALSE(cut->error) << errorOf(*cut);
    ASSERT_EQ(cut->sink.transactions.size(), 1);
    EXPECT_TRUE(cut->sink.transactions[0].problem.startsWith(QStringLiteral("line 4: ")))
        << cut->sink.transactions[0].problem.toStdString();
    QFile file(fixturePath(QStringLiteral("two-statements.sta")));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray whole = file.readAll();
    for (qsizetype n = 0; n <= whole.size(); n += 7)
        parseBytes(whole.left(n), QStringLiteral("EUR"));
}

// Every MT940 file of the shared corpus: its amounts and dates, or a clear error.
TEST(Mt940ParserTest, CorpusFilesImportWithTheirAmountsAndDates)
{
    const QDir dir(corpusPath(QStringLiteral("mt940")));
    if (!dir.exists())
        GTEST_SKIP() << "no conformance corpus at " << dir.path().toStdString();
    const auto file = [&](const char* name) { return dir.filePath(QLatin1String(name)); };
    int checked = 0;
    for (const QString& name : dir.entryList(QDir::Files, QDir::Name)) {
        SCOPED_TRACE(name.toStdString());
        const auto p = parseFile(dir.filePath(name));
        if (name.contains(QStringLiteral("invalid_statement"))) {
            ASSERT_TRUE(p->error);
            EXPECT_TRUE(p->error->userMessage.contains(QStringLiteral("not an MT940 statement"))) << errorOf(*p);
        } else if (name.contains(QStringLiteral("sparkassen"))) { // no :60F: - no currency of its own
            ASSERT_TRUE(p->error);
            EXPECT_TRUE(p->error->userMessage.contains(QStringLiteral("no currency"))) << errorOf(*p);
        } else {
            ASSERT_FALSE(p->error) << errorOf(*p);
            for (const auto& t : p->sink.transactions)
                EXPECT_TRUE(t.problem.isEmpty()) << t.problem.toStdString();
        }
        ++checked;
    }
    EXPECT_EQ(checked, 7);

    const auto betterplace = parseFile(file("mt940-betterplace-sepa_snippet.sta"));
    ASSERT_GE(betterplace->sink.transactions.size(), 4);
    const auto& b = betterplace->sink.transactions;
    EXPECT_EQ(b[0].amount, eur(5099005));
    EXPECT_EQ(b[0].authorizedOn, QDate(2007, 9, 7));
    EXPECT_EQ(b[0].bookedOn, QDate(2007, 9, 4));
    EXPECT_EQ(b[0].providerId, QStringLiteral("0724710333343453"));
    EXPECT_EQ(b[0].counterparty, QStringLiteral("KARL KAUFMANN"));
    EXPECT_EQ(b[1].description, QStringLiteral("Strukturierter Verwendungszweck 30030004 DE"));
    EXPECT_EQ(b[3].amount, eur(-150000));
    EXPECT_EQ(betterplace->sink.accounts.size(), 2);
    EXPECT_EQ(betterplace->sink.accounts[0].ledgerBalance->amount, eur(112525040));
    EXPECT_EQ(betterplace->sink.accounts[1].ledgerBalance->amount, eur(-447204909));

    const auto cmxl = parseFile(file("mt940-cmxl-mt940.sta"));
    ASSERT_EQ(cmxl->sink.accounts.size(), 3);
    EXPECT_EQ(cmxl->sink.accounts[0].currency, QStringLiteral("DEM"));
    ASSERT_GE(cmxl->sink.transactions.size(), 2);
    EXPECT_EQ(cmxl->sink.transactions[0].amount, Money(-680000, QStringLiteral("DEM")));
    EXPECT_EQ(cmxl->sink.transactions[0].bookedOn, QDate(2013, 10, 17));
    EXPECT_EQ(cmxl->sink.transactions[1].amount, Money(-62030, QStringLiteral("DEM")));
    EXPECT_EQ(cmxl->sink.transactions.back().amount, Money(4000, QStringLiteral("PLN")));

    const auto abn = parseFile(file("mt940-jejik-abnamro.sta"));
    ASSERT_EQ(abn->sink.accounts.size(), 1); // two statements of one account
    EXPECT_EQ(abn->sink.accounts[0].id, QStringLiteral("517852257"));
    EXPECT_EQ(abn->sink.accounts[0].ledgerBalance->amount, eur(184975));
    ASSERT_GE(abn->sink.transactions.size(), 2);
    EXPECT_EQ(abn->sink.transactions[0].amount, eur(-900));
    EXPECT_EQ(abn->sink.transactions[1].authorizedOn, QDate(2011, 5, 21));
    EXPECT_EQ(abn->sink.transactions[1].bookedOn, QDate(2011, 5, 23));

    const auto ing = parseFile(file("mt940-jejik-ing.sta"));
    ASSERT_EQ(ing->sink.transactions.size(), 7);
    EXPECT_EQ(ing->sink.transactions[0].amount, eur(-2503));
    EXPECT_EQ(ing->sink.transactions[5].amount, eur(368));
    EXPECT_EQ(ing->sink.transactions[6].bookedOn, QDate(2010, 7, 23));

    const auto rabo = parseFile(file("mt940-jejik-rabobank.sta"));
    ASSERT_GE(rabo->sink.accounts.size(), 2);
    EXPECT_EQ(rabo->sink.accounts[0].id, QStringLiteral("1291.99.348"));
    EXPECT_EQ(rabo->sink.accounts[0].currency, QStringLiteral("EUR"));
    ASSERT_GE(rabo->sink.transactions.size(), 2);
    EXPECT_EQ(rabo->sink.transactions[0].amount, eur(-121328));
    EXPECT_TRUE(rabo->sink.transactions[0].description.startsWith(QStringLiteral("Terugboeking NIET AKKOORD")))
        << rabo->sink.transactions[0].description.toStdString();
    EXPECT_EQ(rabo->sink.transactions[1].amount, eur(-4495));

    const auto sparkasse = parseFile(file("mt940-self-provided-sparkassen.sta"), QStringLiteral("EUR"));
    ASSERT_FALSE(sparkasse->error) << errorOf(*sparkasse);
    ASSERT_EQ(sparkasse->sink.transactions.size(), 1);
    EXPECT_EQ(sparkasse->sink.transactions[0].amount, eur(3000));
    EXPECT_EQ(sparkasse->sink.transactions[0].bookedOn, QDate(2018, 11, 26));
    EXPECT_EQ(sparkasse->sink.transactions[0].description, QStringLiteral("Test"));
}

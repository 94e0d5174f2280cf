#include "OfxTestSupport.h"

using namespace coffer;
using namespace coffer::importers;
using namespace coffer::importers::testing;

namespace {

QString fixture(const char* name)
{
    return sourceDir() + QStringLiteral("/tests/data/import/ofx/") + QLatin1String(name);
}

// An OFX 1.02 SGML file with one bank statement holding `records` (lines joined by "\n"), its
// lines ended by `eol`.
QByteArray sgmlStatement(const QByteArray& records, const QByteArray& eol = "\r\n", const QByteArray& curdef = "USD")
{
    QByteArray text = "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\nCHARSET:1252\n"
                      "COMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n"
                      "<OFX>\n<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
                      "<DTSERVER>20240131<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>\n"
                      "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
                      "<STMTRS><CURDEF>" +
                      curdef +
                      "\n<BANKACCTFROM><BANKID>111<ACCTID>222<ACCTTYPE>CHECKING</BANKACCTFROM>\n"
                      "<BANKTRANLIST><DTSTART>20240101<DTEND>20240131\n" +
                      records + "\n</BANKTRANLIST>\n</STMTRS></STMTTRNRS></BANKMSGSRSV1>\n</OFX>\n";
    text.replace("\n", eol);
    return text;
}

QByteArray record(const char* fitId, const char* posted, const char* amount, const char* more = "")
{
    return QByteArray("<STMTTRN>\n<TRNTYPE>OTHER\n<DTPOSTED>") + posted + "\n<TRNAMT>" + amount + "\n<FITID>" + fitId +
           "\n" + more + "</STMTTRN>";
}

} // namespace

TEST(OfxParser, ReadsAnSgmlBankStatementAsTheBankWroteIt)
{
    const ParsedOfx p = parseOfxFile(fixture("checking-sgml.ofx"));
    ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
    ASSERT_EQ(p.sink.accounts.size(), 1);
    const StatementAccount& account = p.sink.accounts.first();
    EXPECT_EQ(account.id, QStringLiteral("021000021 000123456789"));
    EXPECT_EQ(account.institution, QStringLiteral("021000021"));
    EXPECT_EQ(account.currency, QStringLiteral("USD"));
    EXPECT_EQ(account.kind, model::AccountKind::Checking);
    ASSERT_TRUE(account.ledgerBalance.has_value());
    EXPECT_EQ(account.ledgerBalance->amount, model::Money(123456, QStringLiteral("USD")));
    EXPECT_EQ(account.ledgerBalance->asOf, QDate(2024, 1, 31));
    ASSERT_TRUE(account.availableBalance.has_value());
    EXPECT_EQ(account.availableBalance->amount, model::Money(120000, QStringLiteral("USD")));
    EXPECT_TRUE(p.sink.notices.isEmpty()) << p.sink.notices.join(u'\n').toStdString();

    ASSERT_EQ(p.sink.transactions.size(), 4);
    for (const auto& t : p.sink.transactions) {
        EXPECT_EQ(t.accountProviderId, account.id);
        EXPECT_TRUE(t.problem.isEmpty()) << t.problem.toStdString();
        EXPECT_EQ(t.amount.currency(), QStringLiteral("USD"));
    }

    // 23:00 in New York is the next day in UTC: the booked day stays the one the bank wrote.
    const auto* cafe = p.byId(QStringLiteral("TX-0001"));
    ASSERT_NE(cafe, nullptr);
    EXPECT_EQ(cafe->bookedOn, QDate(2024, 1, 5));
    EXPECT_EQ(cafe->authorizedOn, QDate(2024, 1, 3));
    EXPECT_EQ(minor(cafe), -4217);
    EXPECT_EQ(cafe->counterparty, QStringLiteral("CAFÉ DU MONDE")); // CHARSET:1252's 0xC9
    EXPECT_EQ(cafe->description, QStringLiteral("POS PURCHASE CAFÉ DU MONDE NEW ORLEANS"));
    EXPECT_TRUE(cafe->raw.startsWith("<STMTTRN>\r\n<TRNTYPE>POS"));
    EXPECT_TRUE(cafe->raw.endsWith("</STMTTRN>"));
    EXPECT_TRUE(cafe->raw.contains("<FITID>TX-0001\r\n"));

    // An empty <MEMO> directly followed by <NAME>; an entity in the name.
    const auto* check = p.byId(QStringLiteral("TX-0002"));
    ASSERT_NE(check, nullptr);
    EXPECT_EQ(minor(check), -125000);
    EXPECT_EQ(check->checkNumber, QStringLiteral("1043"));
    EXPECT_EQ(check->counterparty, QStringLiteral("Smith & Sons Roofing"));
    EXPECT_EQ(check->description, QStringLiteral("Smith & Sons Roofing"));

    const auto* salary = p.byId(QStringLiteral("TX-0003"));
    ASSERT_NE(salary, nullptr);
    EXPECT_EQ(minor(salary), 250000);
    EXPECT_EQ(salary->counterparty, QStringLiteral("ACME CORP")); // PAYEE/NAME
    EXPECT_EQ(salary->description, QStringLiteral("ACME CORP - PAYROLL"));
    EXPECT_EQ(salary->reference, QStringLiteral("PAY-2024-01"));
    EXPECT_FALSE(salary->authorizedOn.has_value()); // DTUSER is the posting day

    // CORRECTACTION REPLACE: the record replaces the transaction it names.
    const auto* replacement = p.byId(QStringLiteral("TX-0000"));
    ASSERT_NE(replacement, nullptr);
    EXPECT_EQ(minor(replacement), -1999);
    EXPECT_EQ(p.byId(QStringLiteral("TX-0004-FIX")), nullptr);

    // CORRECTACTION DELETE: the transaction it names goes.
    ASSERT_EQ(p.sink.removals.size(), 1);
    EXPECT_EQ(p.sink.removals.first().accountProviderId, account.id);
    EXPECT_EQ(p.sink.removals.first().providerId, QStringLiteral("TX-9999"));
}

TEST(OfxParser, ReadsAnXmlFileWithASavingsAccountAndACreditCard)
{
    const ParsedOfx p = parseOfxFile(fixture("card-and-savings.qfx"));
    ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
    ASSERT_EQ(p.sink.accounts.size(), 2);

    const StatementAccount* savings = p.account(QStringLiteral("30004 FR7630004000031234567890143"));
    ASSERT_NE(savings, nullptr);
    EXPECT_EQ(savings->kind, model::AccountKind::Savings);
    EXPECT_EQ(savings->currency, QStringLiteral("EUR"));
    ASSERT_TRUE(savings->ledgerBalance.has_value());
    EXPECT_EQ(savings->ledgerBalance->amount.minorUnits(), 500341);
    EXPECT_EQ(savings->ledgerBalance->asOf, QDate(2024, 2, 29));

    const StatementAccount* card = p.account(QStringLiteral("4970101234567890"));
    ASSERT_NE(card, nullptr);
    EXPECT_EQ(card->kind, model::AccountKind::CreditCard);
    EXPECT_EQ(card->institution, QStringLiteral("Banque d'Essai")); // no BANKID: the sign-on's ORG
    ASSERT_TRUE(card->ledgerBalance && card->availableBalance);
    EXPECT_EQ(card->ledgerBalance->amount.minorUnits(), -38050);
    EXPECT_EQ(card->availableBalance->amount.minorUnits(), 461950);

    ASSERT_EQ(p.sink.transactions.size(), 4);
    const auto* interest = p.byId(QStringLiteral("SAV-2024-02-INT"));
    ASSERT_NE(interest, nullptr);
    EXPECT_EQ(interest->accountProviderId, savings->id);
    EXPECT_EQ(interest->bookedOn, QDate(2024, 2, 29));
    EXPECT_EQ(minor(interest), 341);
    EXPECT_EQ(interest->counterparty, QStringLiteral("Intérêts créditeurs")); // UTF-8
    EXPECT_EQ(interest->description,
              QStringLiteral("Intérêts créditeurs - Février – taux 3\u202F%")); // &#8211; &#x202F;

    // CURRENCY: the amount is in pounds; CURRATE turns it into the card's euros.
    const auto* hotel = p.byId(QStringLiteral("CC-0001"));
    ASSERT_NE(hotel, nullptr);
    EXPECT_EQ(hotel->accountProviderId, card->id);
    EXPECT_EQ(hotel->amount, model::Money(-10580, QStringLiteral("EUR")));
    EXPECT_EQ(hotel->originalAmount, model::Money(-9200, QStringLiteral("GBP")));
    EXPECT_EQ(hotel->authorizedOn, QDate(2024, 2, 10));
    EXPECT_EQ(hotel->description, QStringLiteral("HOTEL LONDON"));

    // ORIGCURRENCY: the amount is in euros, converted from yen.
    const auto* ramen = p.byId(QStringLiteral("CC-0002"));
    ASSERT_NE(ramen, nullptr);
    EXPECT_EQ(ramen->amount, model::Money(-2700, QStringLiteral("EUR")));
    EXPECT_EQ(ramen->originalAmount, model::Money(-4320, QStringLiteral("JPY")));

    const auto* payment = p.byId(QStringLiteral("CC-0003"));
    ASSERT_NE(payment, nullptr);
    EXPECT_EQ(minor(payment), 50000); // a payment to the card is money in
    EXPECT_FALSE(payment->originalAmount.has_value());
}

TEST(OfxParser, ReadsEveryLineEndAndAWholeFileOnOneLine)
{
    const QByteArray records = record("A1", "20240102", "-1.50", "<NAME>ONE\n<MEMO>\n") + "\n" +
                               record("A2", "20240103", "2.25", "<NAME>TWO\n");
    for (const QByteArray& eol : {QByteArray("\r\n"), QByteArray("\n"), QByteArray("\r"), QByteArray("")}) {
        const ParsedOfx p = parseOfx(sgmlStatement(records, eol));
        ASSERT_TRUE(p.status.ok()) << "line end " << eol.toHex().constData() << ": " << p.error().toStdString();
        ASSERT_EQ(p.sink.transactions.size(), 2);
        EXPECT_EQ(minor(p.byId(QStringLiteral("A1"))), -150);
        EXPECT_EQ(p.byId(QStringLiteral("A1"))->description, QStringLiteral("ONE"));
        EXPECT_EQ(p.byId(QStringLiteral("A2"))->bookedOn, QDate(2024, 1, 3));
    }
}

TEST(OfxParser, ReadsAFileLongerThanItsReadChunksRecordByRecord)
{
    // About 1 MB: values, tags and comments fall across the stream's chunk boundaries.
    QByteArray records;
    const int count = 4000;
    for (int i = 0; i < count; ++i) {
        records += record(QByteArray("F" + QByteArray::number(i)).constData(), "20240102",
                          QByteArray::number(i * 0.01, 'f', 2).constData(),
                          QByteArray("<NAME>PAYEE " + QByteArray::number(i) + " " + QByteArray(i % 150, 'n') +
                                     "\n<!-- " + QByteArray(i % 40, '-') + " -->\n")
                              .constData()) +
                   "\n";
    }
    records += record("LAST", "20240231", "1.00");
    const QByteArray text = sgmlStatement(records, "\r\n");
    ASSERT_GT(text.size(), 3 * 256 * 1024);
    const ParsedOfx p = parseOfx(text);
    ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
    ASSERT_EQ(p.sink.transactions.size(), count + 1);
    for (int i = 0; i < count; ++i) {
        const auto& t = p.sink.transactions.at(i);
        ASSERT_EQ(t.providerId, QStringLiteral("F%1").arg(i));
        ASSERT_EQ(t.amount.minorUnits(), i);
        ASSERT_EQ(t.counterparty, QStringLiteral("PAYEE %1 %2").arg(i).arg(QString(i % 150, u'n')).trimmed());
        ASSERT_TRUE(t.raw.startsWith("<STMTTRN>\r\n<TRNTYPE>OTHER\r\n<DTPOSTED>20240102\r\n")) << i;
        ASSERT_TRUE(t.raw.endsWith(" -->\r\n</STMTTRN>")) << i;
        ASSERT_TRUE(t.problem.isEmpty()) << t.problem.toStdString();
    }
    // 17 lines before the records, 8 lines a record: the last one's DTPOSTED is on line 18 + 8 * 4000 + 2.
    EXPECT_EQ(p.sink.transactions.last().problem, QStringLiteral("line 32020: <DTPOSTED> \"20240231\" is not a date"));
}

TEST(OfxParser, ReadsTheCharacterSetTheFileNames)
{
    const auto nameIn = [](const QByteArray& text) {
        const ParsedOfx p = parseOfx(text);
        EXPECT_TRUE(p.status.ok()) << p.error().toStdString();
        return p.sink.transactions.isEmpty() ? QString() : p.sink.transactions.first().counterparty;
    };
    const QByteArray sgml = sgmlStatement(record("C1", "20240102", "-1.00", "<NAME>\x80 CAF\xC9\n"));
    EXPECT_EQ(nameIn(sgml), QStringLiteral("€ CAFÉ")); // CHARSET:1252
    QByteArray latin1 = sgml;
    latin1.replace("CHARSET:1252", "CHARSET:ISO-8859-1").replace("\x80 ", "");
    EXPECT_EQ(nameIn(latin1), QStringLiteral("CAFÉ"));
    QByteArray utf8 = sgmlStatement(record("C1", "20240102", "-1.00", "<NAME>CAF\xC3\x89 \xE2\x82\xAC\n"));
    utf8.replace("ENCODING:USASCII", "ENCODING:UTF-8").replace("CHARSET:1252", "CHARSET:NONE");
    EXPECT_EQ(nameIn(utf8), QStringLiteral("CAFÉ €"));
    // Said to be Windows-1252, written in UTF-8 (it happens): still read right.
    QByteArray mislabelled = utf8;
    mislabelled.replace("ENCODING:UTF-8", "ENCODING:USASCII").replace("CHARSET:NONE", "CHARSET:1252");
    EXPECT_EQ(nameIn(mislabelled), QStringLiteral("CAFÉ €"));

    const QByteArray xml =
        "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<?OFX OFXHEADER=\"200\" VERSION=\"211\"?>\n"
        "<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>EUR</CURDEF><BANKACCTFROM><ACCTID>9</ACCTID>"
        "</BANKACCTFROM><BANKTRANLIST><STMTTRN><DTPOSTED>20240102</DTPOSTED><TRNAMT>-1</TRNAMT>"
        "<FITID>X</FITID><NAME>\x80 &lt;&quot;A&amp;B&quot;&gt; &apos;&#233;&#xE9;&nbsp;&bogus; AT&T</NAME>"
        "</STMTTRN></BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
    EXPECT_EQ(nameIn(xml), QStringLiteral("€ <\"A&B\"> 'éé\u00A0&bogus; AT&T"));
}

TEST(OfxParser, GivesRecordsItCannotUseToTheSinkWithTheirProblem)
{
    const QByteArray records =
        record("OK1", "20240102", "-1.00") + "\n" +
        "<STMTTRN>\n<TRNTYPE>OTHER\n<TRNAMT>-2.00\n<FITID>NODATE\n</STMTTRN>\n" +
        record("BADDATE", "20240230", "-3.00") + "\n" + record("BADAMOUNT", "20240104", "$4.00") + "\n" +
        "<STMTTRN>\n<DTPOSTED>20240105\n<TRNAMT>-5.00\n<NAME>NO ID\n</STMTTRN>\n" +
        "<STMTTRN>\n<DTPOSTED>20240106\n<FITID>NOAMOUNT\n</STMTTRN>\n" + record("OK2", "20240107", "-7,50");
    const ParsedOfx p = parseOfx(sgmlStatement(records, "\n"));
    ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
    ASSERT_EQ(p.sink.transactions.size(), 7);
    const auto problemOf = [&](int i) { return p.sink.transactions.at(i).problem; };
    EXPECT_TRUE(problemOf(0).isEmpty());
    // The header is 10 lines, <OFX> is on 11, the first record starts on 18.
    EXPECT_EQ(problemOf(1), QStringLiteral("line 24: <STMTTRN> has no <DTPOSTED>"));
    EXPECT_EQ(problemOf(2), QStringLiteral("line 31: <DTPOSTED> \"20240230\" is not a date"));
    EXPECT_TRUE(problemOf(3).startsWith(QStringLiteral("line 38: <TRNAMT> \"$4.00\" is not an amount")))
        << problemOf(3).toStdString();
    EXPECT_EQ(problemOf(4), QStringLiteral("line 41: <STMTTRN> has no <FITID>"));
    EXPECT_EQ(problemOf(5), QStringLiteral("line 46: <STMTTRN> has no <TRNAMT>"));
    EXPECT_TRUE(problemOf(6).isEmpty()) << problemOf(6).toStdString();
    EXPECT_EQ(minor(p.byId(QStringLiteral("OK2"))), -750); // a decimal comma
    // What could be read stays with the record, for the preview.
    EXPECT_EQ(p.sink.transactions.at(2).providerId, QStringLiteral("BADDATE"));
    EXPECT_EQ(p.sink.transactions.at(2).amount.minorUnits(), -300);
    EXPECT_TRUE(p.sink.transactions.at(3).raw.contains("$4.00"));
}

TEST(OfxParser, StopsOnBrokenStructureNamingTheLine)
{
    const auto errorOf = [](const QByteArray& text) {
        const ParsedOfx p = parseOfx(text);
        EXPECT_FALSE(p.status.ok());
        return p.error().toStdString();
    };
    const QByteArray good = record("A", "20240102", "-1.00");

    EXPECT_EQ(errorOf("this is not OFX at all\n"),
              "line 1: not an OFX file (it does not start with an OFX header or <OFX>)");
    EXPECT_EQ(errorOf(""), "line 1: not an OFX file (it has no <OFX> element)");
    EXPECT_EQ(errorOf("<?xml version=\"1.0\"?>\n<HTML><BODY>hello</BODY></HTML>"),
              "line 2: not an OFX file (its first element is <HTML>, not <OFX>)");
    // A record closed by its list's closing tag.
    EXPECT_EQ(errorOf(sgmlStatement("<STMTTRN>\n<DTPOSTED>20240102\n<TRNAMT>1\n<FITID>A", "\n")),
              "line 22: </BANKTRANLIST> comes before </STMTTRN> (opened on line 18)");
    // A transaction list closed before it opens.
    QByteArray early = sgmlStatement(good, "\n");
    early.replace("<BANKTRANLIST>", "</BANKTRANLIST><BANKTRANLIST>");
    EXPECT_EQ(errorOf(early), "line 17: </BANKTRANLIST> closes nothing that is open");
    EXPECT_EQ(errorOf(sgmlStatement(good + "\n</STMTTRN>", "\n")), "line 24: </STMTTRN> closes nothing that is open");
    // Garbage in the tag stream.
    EXPECT_EQ(errorOf(sgmlStatement(good + "\n<NAME<FOO>", "\n")),
              "line 24: a '<' inside a tag (a tag without its '>')");
    EXPECT_EQ(errorOf(sgmlStatement(good + "\nstray words\n" + good, "\n")),
              "line 24: text between elements, outside any value");
    EXPECT_EQ(errorOf(sgmlStatement("<STMTTRN>oops<DTPOSTED>20240102\n</STMTTRN>", "\n")),
              "line 18: <STMTTRN> holds text where its elements belong");
    EXPECT_EQ(errorOf(sgmlStatement(good + "\n<FOO BAR=1>", "\n")), "line 24: a tag with more than a name in it");
    EXPECT_EQ(errorOf(sgmlStatement(good + "\n<!-- never closed", "\n")), "line 24: the file ends inside a comment");
    // Nesting without end.
    EXPECT_EQ(errorOf("<OFX>" + QByteArray("<A>").repeated(200)), "line 1: elements nested more than 64 deep");
    // A file cut short, and things after </OFX>.
    const QByteArray whole = sgmlStatement(good, "\n");
    EXPECT_EQ(errorOf(whole.left(whole.indexOf("</STMTTRN>"))),
              "line 23: the file ends before </STMTTRN> (opened on line 18)");
    EXPECT_EQ(errorOf(whole + "<OFX>\n"), "line 27: <OFX> after </OFX>");
    // A record outside a statement, and a statement without its account.
    EXPECT_EQ(errorOf("<OFX>\n" + good + "\n</OFX>"), "line 2: <STMTTRN> outside a statement's transaction list");
    EXPECT_EQ(
        errorOf("<OFX><BANKMSGSRSV1><STMTTRNRS>\n<STMTRS><CURDEF>USD\n</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>"),
        "line 2: <STMTRS> has no <BANKACCTFROM>, the account it is for");
}

TEST(OfxParser, NeverImportsHalfOfATruncatedFile)
{
    QFile file(fixture("checking-sgml.ofx"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray whole = file.readAll();
    const qsizetype complete = whole.lastIndexOf("</OFX>") + 6;
    for (qsizetype size = 0; size < complete; ++size) {
        const ParsedOfx p = parseOfx(whole.left(size));
        ASSERT_FALSE(p.status.ok()) << "cut after " << size << " bytes";
        ASSERT_TRUE(p.error().startsWith(QStringLiteral("line "))) << p.error().toStdString();
    }
    EXPECT_TRUE(parseOfx(whole.left(complete)).status.ok());
}

TEST(OfxParser, QuotesTheBanksOwnErrorMessage)
{
    QByteArray signOn = sgmlStatement(record("A", "20240102", "-1.00"), "\n");
    signOn.replace("<CODE>0<SEVERITY>INFO</STATUS>\n<DTSERVER>",
                   "<CODE>15500<SEVERITY>ERROR<MESSAGE>Wrong password &amp; user</STATUS>\n<DTSERVER>");
    ParsedOfx p = parseOfx(signOn);
    EXPECT_EQ(p.error().toStdString(),
              "line 12: the bank refused the sign-on: \"Wrong password & user\" (code 15500, ERROR)");
    EXPECT_TRUE(p.sink.transactions.isEmpty());

    QByteArray statement = sgmlStatement(record("A", "20240102", "-1.00"), "\n");
    statement.replace("<TRNUID>1<STATUS><CODE>0<SEVERITY>INFO", "<TRNUID>1<STATUS><CODE>2000<SEVERITY>ERROR");
    p = parseOfx(statement);
    EXPECT_EQ(p.error().toStdString(),
              "line 14: the bank sent an error instead of the statement: no message (code 2000, ERROR)");

    // A code that is only information: said, and the statement imports.
    QByteArray info = sgmlStatement(record("A", "20240102", "-1.00"), "\n");
    info.replace("<TRNUID>1<STATUS><CODE>0<SEVERITY>INFO", "<TRNUID>1<STATUS><CODE>3000<SEVERITY>INFO<MESSAGE>Partial");
    p = parseOfx(info);
    ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
    EXPECT_EQ(p.sink.transactions.size(), 1);
    EXPECT_EQ(p.sink.notices, QStringList{QStringLiteral("line 14: the bank says: \"Partial\" (code 3000, INFO)")});
}

// Found by mutating files: a STATUS inside a STATUS ended the outer one twice.
TEST(OfxParser, ReadsAStatusInsideAStatus)
{
    QByteArray text = sgmlStatement(record("A", "20240102", "-1.00"), "\n");
    text.replace("<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n<DTSERVER>",
                 "<STATUS><STATUS><CODE>15500<SEVERITY>ERROR</STATUS></STATUS>\n<DTSERVER>");
    EXPECT_EQ(parseOfx(text).error().toStdString(),
              "line 12: the bank refused the sign-on: no message (code 15500, ERROR)");
}

TEST(OfxParser, ImportsTheCashOfAnInvestmentStatementAndSaysWhatItLeavesOut)
{
    const QByteArray text =
        "<OFX><INVSTMTMSGSRSV1><INVSTMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
        "<INVSTMTRS><DTASOF>20240131<CURDEF>USD\n"
        "<INVACCTFROM><BROKERID>broker.example<ACCTID>INV-7</INVACCTFROM>\n"
        "<INVTRANLIST><DTSTART>20240101<DTEND>20240131\n"
        "<BUYSTOCK><INVBUY><INVTRAN><FITID>B1<DTTRADE>20240103</INVTRAN><SECID><UNIQUEID>1"
        "<UNIQUEIDTYPE>CUSIP</SECID><UNITS>10<UNITPRICE>5<TOTAL>-50</INVBUY><BUYTYPE>BUY</BUYSTOCK>\n"
        "<SELLMF><INVSELL><INVTRAN><FITID>S1<DTTRADE>20240104</INVTRAN><SECID><UNIQUEID>2"
        "<UNIQUEIDTYPE>CUSIP</SECID><UNITS>-1<UNITPRICE>9<TOTAL>9</INVSELL><SELLTYPE>SELL</SELLMF>\n"
        "<INCOME><INVTRAN><FITID>I1<DTTRADE>20240105</INVTRAN><SECID><UNIQUEID>2"
        "<UNIQUEIDTYPE>CUSIP</SECID><INCOMETYPE>DIV<TOTAL>1.5<SUBACCTSEC>CASH<SUBACCTFUND>CASH</INCOME>\n"
        "<INVBANKTRAN><STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20240106<TRNAMT>1000.00<FITID>CASH1"
        "<NAME>Deposit</STMTTRN><SUBACCTFUND>CASH</INVBANKTRAN>\n"
        "</INVTRANLIST>\n"
        "<INVPOSLIST><POSSTOCK><INVPOS><SECID><UNIQUEID>1<UNIQUEIDTYPE>CUSIP</SECID><HELDINACCT>CASH"
        "<POSTYPE>LONG<UNITS>10<UNITPRICE>5<MKTVAL>50<DTPRICEASOF>20240131</INVPOS></POSSTOCK>"
        "<POSMF><INVPOS><SECID><UNIQUEID>2<UNIQUEIDTYPE>CUSIP</SECID><HELDINACCT>CASH"
        "<POSTYPE>LONG<UNITS>3<UNITPRICE>9<MKTVAL>27<DTPRICEASOF>20240131</INVPOS></POSMF></INVPOSLIST>\n"
        "</INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1></OFX>\n";
    const ParsedOfx p = parseOfx(text);
    ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
    ASSERT_EQ(p.sink.accounts.size(), 1);
    EXPECT_EQ(p.sink.accounts.first().id, QStringLiteral("INV-7"));
    EXPECT_EQ(p.sink.accounts.first().institution, QStringLiteral("broker.example"));
    EXPECT_EQ(p.sink.accounts.first().kind, model::AccountKind::Other);
    ASSERT_EQ(p.sink.transactions.size(), 1);
    EXPECT_EQ(p.sink.transactions.first().providerId, QStringLiteral("CASH1"));
    EXPECT_EQ(p.sink.transactions.first().amount, model::Money(100000, QStringLiteral("USD")));
    EXPECT_EQ(p.sink.notices,
              QStringList{QStringLiteral("line 2: investments are not imported (1 buy, 1 sale, 1 other investment "
                                         "transaction, 2 positions); only the account's cash transactions are")});
}

TEST(OfxParser, UsesTheChosenCurrencyWhenTheStatementNamesNone)
{
    const QByteArray text = sgmlStatement(record("A", "20240102", "-1.5"), "\n", "");
    ParsedOfx p = parseOfx(text);
    EXPECT_EQ(
        p.error().toStdString(),
        "line 18: the statement (line 15) does not say its currency (no <CURDEF>): choose the account's currency");

    ParseOptions options;
    options.defaultCurrency = QStringLiteral("JOD"); // three decimals
    p = parseOfx(text, options);
    ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
    EXPECT_EQ(p.sink.accounts.first().currency, QStringLiteral("JOD"));
    EXPECT_EQ(p.sink.transactions.first().amount, model::Money(-1500, QStringLiteral("JOD")));

    EXPECT_EQ(parseOfx(sgmlStatement(record("A", "20240102", "-1"), "\n", "DOLLARS")).error().toStdString(),
              "line 15: <CURDEF> is not a currency code");
}

TEST(OfxParser, SaysWhenAFileHoldsNoStatement)
{
    const ParsedOfx p = parseOfx("OFXHEADER:100\r\nDATA:OFXSGML\r\n\r\n<OFX></OFX>\r\n");
    ASSERT_TRUE(p.status.ok()) << p.error().toStdString();
    EXPECT_TRUE(p.sink.transactions.isEmpty());
    EXPECT_EQ(p.sink.notices.size(), 1);
}

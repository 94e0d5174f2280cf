// OFX export parsed back as an importer would: well-formed XML, a statement per account of the
// right kind, each with the account's posted transactions and their stored total.

#include "ExportFixture.h"

#include "export/LedgerExporter.h"

#include <QSet>
#include <QXmlStreamReader>

using namespace coffer;
using namespace coffer::exporting;
using coffer::test::ExportTest;

namespace {

struct StatementTransaction {
    QString type, posted, amount, fitid, name, memo;
};

struct Statement {
    QString kind; // STMTRS or CCSTMTRS
    QString currency, accountId, accountType, balance;
    QList<StatementTransaction> transactions;
};

// The statements of an OFX 2 file; fails the test on malformed XML.
QList<Statement> readStatements(const QByteArray& bytes, bool* sawHeader)
{
    QXmlStreamReader xml(bytes);
    QList<Statement> out;
    Statement* current = nullptr;
    StatementTransaction* trn = nullptr;
    QString element;
    while (!xml.atEnd()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::ProcessingInstruction:
            if (xml.processingInstructionTarget() == u"OFX")
                *sawHeader = xml.processingInstructionData().contains(QStringLiteral("VERSION=\"220\""));
            break;
        case QXmlStreamReader::StartElement: {
            element = xml.name().toString();
            if (element == u"STMTRS" || element == u"CCSTMTRS") {
                out.append(Statement{element, {}, {}, {}, {}, {}});
                current = &out.last();
            } else if (element == u"STMTTRN" && current) {
                current->transactions.append(StatementTransaction{});
                trn = &current->transactions.last();
            }
            break;
        }
        case QXmlStreamReader::EndElement:
            if (xml.name() == u"STMTTRN")
                trn = nullptr;
            element.clear();
            break;
        case QXmlStreamReader::Characters: {
            if (xml.isWhitespace() || !current)
                break;
            const QString text = xml.text().toString();
            if (trn) {
                QString* field = element == u"TRNTYPE"    ? &trn->type
                                 : element == u"DTPOSTED" ? &trn->posted
                                 : element == u"TRNAMT"   ? &trn->amount
                                 : element == u"FITID"    ? &trn->fitid
                                 : element == u"NAME"     ? &trn->name
                                 : element == u"MEMO"     ? &trn->memo
                                                          : nullptr;
                if (field)
                    *field += text;
            } else if (element == u"CURDEF") {
                current->currency = text;
            } else if (element == u"ACCTID") {
                current->accountId = text;
            } else if (element == u"ACCTTYPE") {
                current->accountType = text;
            } else if (element == u"BALAMT") {
                current->balance = text;
            }
            break;
        }
        default:
            break;
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString() << " at line " << xml.lineNumber();
    return out;
}

} // namespace

TEST_F(ExportTest, OfxHasAStatementPerAccountWithItsPostedTotal)
{
    const QString path = outPath(QStringLiteral("ledger.ofx"));
    const auto written = LedgerExporter::run(ExportFormat::Ofx, ledger().databasePath, path);
    ASSERT_TRUE(written.ok()) << written.error().userMessage.toStdString();
    const QString posted = QStringLiteral("AND t.status = 'posted'");
    EXPECT_EQ(written->transactions, visibleCount(posted));
    EXPECT_EQ(written->pendingLeftOut, visibleCount(QStringLiteral("AND t.status = 'pending'")));
    EXPECT_GT(written->pendingLeftOut, 0);
    EXPECT_EQ(written->accounts, number(QStringLiteral("SELECT COUNT(*) FROM accounts")));

    bool sawHeader = false;
    const QList<Statement> statements = readStatements(readAll(path), &sawHeader);
    EXPECT_TRUE(sawHeader) << "the OFX 2.2 processing instruction";
    ASSERT_EQ(statements.size(), written->accounts);

    const QHash<qint64, qint64> stored = storedSums(posted);
    QSet<QString> fitids;
    for (const Statement& s : statements) {
        const qint64 account = s.accountId.section(u'-', 0, 0).toLongLong();
        EXPECT_EQ(s.kind, account == ledger().cardAccount ? u"CCSTMTRS" : u"STMTRS") << s.accountId.toStdString();
        EXPECT_EQ(s.currency,
                  query(QStringLiteral("SELECT currency FROM accounts WHERE id = %1").arg(account)).value(0));
        qint64 sum = 0;
        for (const StatementTransaction& t : s.transactions) {
            const qint64 minor = minorUnits(t.amount, s.currency);
            sum += minor;
            EXPECT_EQ(t.type, minor < 0 ? u"DEBIT" : u"CREDIT");
            EXPECT_EQ(t.posted.size(), 8) << "YYYYMMDD";
            EXPECT_FALSE(t.fitid.isEmpty());
            EXPECT_FALSE(fitids.contains(t.fitid)) << "FITID repeated: " << t.fitid.toStdString();
            fitids.insert(t.fitid);
            EXPECT_LE(t.name.size(), 32);
        }
        EXPECT_EQ(sum, stored.value(account)) << s.accountId.toStdString();
        EXPECT_EQ(qint64(s.transactions.size()),
                  visibleCount(posted + QStringLiteral(" AND t.account_id = %1").arg(account)));

        // The latest balance a sync reported; none for an account that never had one.
        const QStringList balance = query(
            QStringLiteral("SELECT amount_minor, currency FROM balances WHERE account_id = %1 ORDER BY id DESC LIMIT 1")
                .arg(account));
        if (balance.isEmpty()) {
            EXPECT_TRUE(s.balance.isEmpty());
        } else {
            EXPECT_EQ(minorUnits(s.balance, balance[0].section(u'|', 1, 1)),
                      balance[0].section(u'|', 0, 0).toLongLong());
        }
        if (account == ledger().dinarAccount) {
            EXPECT_TRUE(balance.isEmpty() && s.balance.isEmpty());
        }
    }
}

TEST_F(ExportTest, OfxTextIsEscapedAndExponentsKept)
{
    const QString path = outPath(QStringLiteral("t.ofx"));
    ASSERT_TRUE(LedgerExporter::run(ExportFormat::Ofx, ledger().databasePath, path).ok());
    bool sawHeader = false;
    const QList<Statement> statements = readStatements(readAll(path), &sawHeader);
    bool sawAwkward = false;
    for (const Statement& s : statements) {
        for (const StatementTransaction& t : s.transactions) {
            if (t.fitid.toLongLong() == ledger().commaQuoteNewline) {
                sawAwkward = true;
                EXPECT_EQ(t.memo, QStringLiteral("Smith, \"Jr\" second line"));
                EXPECT_EQ(t.name, test::kAwkwardPayee);
            }
            if (s.currency == u"JPY") {
                EXPECT_FALSE(t.amount.contains(u'.')) << t.amount.toStdString();
            }
            if (s.currency == u"BHD") {
                EXPECT_EQ(t.amount.section(u'.', 1).size(), 3) << t.amount.toStdString();
            }
        }
    }
    EXPECT_TRUE(sawAwkward);
    const QString text = QString::fromUtf8(readAll(path));
    EXPECT_TRUE(text.contains(QStringLiteral("<TRNAMT>-1.234</TRNAMT>")));
    EXPECT_TRUE(text.contains(QStringLiteral("<TRNAMT>500.250</TRNAMT>")));
    EXPECT_FALSE(text.contains(QStringLiteral("<TRNAMT>-0.005</TRNAMT>"))) << "the pending dinar row stays out";
}

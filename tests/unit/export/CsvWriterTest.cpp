// CSV export read back as a spreadsheet would: every visible transaction once, totals per
// account equal to the stored sums, awkward text intact, formulas neutralised.

#include "ExportFixture.h"

#include "export/CsvWriter.h"
#include "export/LedgerExporter.h"
#include "export/LedgerSource.h"
#include "store/TransactionReader.h"

#include <QRegularExpression>
#include <QSet>

using namespace coffer;
using namespace coffer::exporting;
using coffer::test::ExportTest;

namespace {

// RFC 4180 as a strict reader: quoted fields may hold commas, quotes ("") and line breaks;
// records end with CRLF.
QList<QStringList> parseCsv(const QByteArray& bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"' && field.isEmpty()) {
            quoted = true;
        } else if (c == u',') {
            record << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            record << field;
            records << record;
            record.clear();
            field.clear();
            ++i;
        } else {
            EXPECT_NE(c, u'\n') << "a bare line break outside quotes";
            field += c;
        }
    }
    EXPECT_TRUE(field.isEmpty() && record.isEmpty()) << "the last record ends with CRLF";
    return records;
}

enum Column { Date, Account, Description, Payee, Category, Amount, Currency, Status, Id, kColumns };

QHash<qint64, QStringList> byId(const QList<QStringList>& records)
{
    QHash<qint64, QStringList> rows;
    for (const QStringList& r : records.mid(1)) {
        EXPECT_EQ(r.size(), kColumns) << r.join(u'|').toStdString();
        EXPECT_FALSE(rows.contains(r.value(Id).toLongLong())) << "written twice: " << r.value(Id).toStdString();
        rows.insert(r.value(Id).toLongLong(), r);
    }
    return rows;
}

} // namespace

TEST_F(ExportTest, CsvHoldsEveryVisibleTransactionOnceWithTheStoredTotals)
{
    const auto written =
        LedgerExporter::run(ExportFormat::Csv, ledger().databasePath, outPath(QStringLiteral("all.csv")));
    ASSERT_TRUE(written.ok()) << written.error().userMessage.toStdString();
    EXPECT_EQ(written->transactions, visibleCount());
    EXPECT_EQ(written->accounts, number(QStringLiteral("SELECT COUNT(DISTINCT account_id) FROM transactions WHERE "
                                                       "status != 'removed' AND matched_to IS NULL")));

    const QList<QStringList> records = parseCsv(readAll(outPath(QStringLiteral("all.csv"))));
    ASSERT_FALSE(records.isEmpty());
    EXPECT_EQ(records[0], QStringList({QStringLiteral("date"), QStringLiteral("account"), QStringLiteral("description"),
                                       QStringLiteral("payee"), QStringLiteral("category"), QStringLiteral("amount"),
                                       QStringLiteral("currency"), QStringLiteral("status"), QStringLiteral("id")}));
    const auto rows = byId(records);
    EXPECT_EQ(rows.size(), visibleCount());

    QHash<qint64, qint64> sums;
    const QHash<qint64, qint64> stored = storedSums();
    const QStringList accountOf = query(QStringLiteral("SELECT t.id, t.account_id FROM transactions t"));
    QHash<qint64, qint64> account;
    for (const QString& r : accountOf)
        account.insert(r.section(u'|', 0, 0).toLongLong(), r.section(u'|', 1, 1).toLongLong());
    for (const QStringList& r : rows)
        sums[account.value(r[Id].toLongLong())] += minorUnits(r[Amount], r[Currency]);
    EXPECT_EQ(sums, stored);
    EXPECT_EQ(visibleCount(QStringLiteral("AND t.status = 'pending'")),
              std::count_if(rows.cbegin(), rows.cend(), [](const QStringList& r) { return r[Status] == u"pending"; }));
}

TEST_F(ExportTest, CsvKeepsAwkwardTextAndNeutralisesFormulas)
{
    ASSERT_TRUE(LedgerExporter::run(ExportFormat::Csv, ledger().databasePath, outPath(QStringLiteral("t.csv"))).ok());
    const auto rows = byId(parseCsv(readAll(outPath(QStringLiteral("t.csv")))));

    const QStringList awkward = rows.value(ledger().commaQuoteNewline);
    ASSERT_EQ(awkward.size(), kColumns);
    EXPECT_EQ(awkward[Description], test::kAwkwardDescription);
    EXPECT_EQ(awkward[Payee], test::kAwkwardPayee);
    EXPECT_TRUE(awkward[Amount].startsWith(u'-')) << "a negative amount stays a number";

    const QStringList formula = rows.value(ledger().formula);
    ASSERT_EQ(formula.size(), kColumns);
    EXPECT_EQ(formula[Description], u'\'' + test::kFormulaDescription);
    EXPECT_EQ(formula[Payee], u'\'' + test::kFormulaPayee);
    for (const QStringList& r : rows) {
        for (int c : {Date, Account, Description, Payee, Category, Currency, Status, Id})
            EXPECT_FALSE(!r[c].isEmpty() && QStringLiteral("=+-@").contains(r[c].front())) << r[c].toStdString();
    }

    // Amounts in each currency's own digits: JPY none, BHD three.
    const QRegularExpression yen(QStringLiteral(R"(^-?\d+$)"));
    const QRegularExpression dinar(QStringLiteral(R"(^-?\d+\.\d{3}$)"));
    int yenRows = 0;
    QStringList dinarAmounts;
    for (const QStringList& r : rows) {
        if (r[Currency] == u"JPY") {
            ++yenRows;
            EXPECT_TRUE(yen.match(r[Amount]).hasMatch()) << r[Amount].toStdString();
        } else if (r[Currency] == u"BHD") {
            EXPECT_TRUE(dinar.match(r[Amount]).hasMatch()) << r[Amount].toStdString();
            dinarAmounts << r[Amount];
            EXPECT_EQ(r[Account], test::kDinarAccountName);
        }
    }
    EXPECT_GT(yenRows, 0);
    dinarAmounts.sort();
    EXPECT_EQ(dinarAmounts,
              QStringList({QStringLiteral("-0.005"), QStringLiteral("-1.234"), QStringLiteral("500.250")}));
}

TEST_F(ExportTest, CsvOfTheCurrentViewTakesTheViewsOwnPages)
{
    // The transaction list's reader (newest first), paged small so pages end inside a day.
    const auto reader = store::TransactionReader::open(ledger().databasePath);
    ASSERT_TRUE(reader.ok());
    const RowPageSource view = [&](const store::ListPosition& after, int limit) {
        return reader.value()->page(after, limit);
    };
    const auto small = CsvWriter::write(outPath(QStringLiteral("view.csv")), view, 7);
    ASSERT_TRUE(small.ok()) << small.error().userMessage.toStdString();
    EXPECT_EQ(small->transactions, visibleCount());
    const auto rows = byId(parseCsv(readAll(outPath(QStringLiteral("view.csv")))));
    EXPECT_EQ(rows.size(), visibleCount());

    // A filtered ledger export: one account, one month.
    const auto source = LedgerSource::open(ledger().databasePath);
    ASSERT_TRUE(source.ok());
    const ExportFilter filter{ledger().cardAccount, QDate(2026, 10, 1), QDate(2026, 10, 31)};
    const auto month = CsvWriter::write(outPath(QStringLiteral("month.csv")), source.value()->rowSource(filter), 5);
    ASSERT_TRUE(month.ok());
    const QString where = QStringLiteral("AND t.account_id = %1 AND t.booked_on BETWEEN '2026-10-01' AND '2026-10-31'")
                              .arg(ledger().cardAccount);
    EXPECT_GT(month->transactions, 0);
    EXPECT_EQ(month->transactions, visibleCount(where));
    EXPECT_EQ(month->accounts, 1);
    for (const QStringList& r : byId(parseCsv(readAll(outPath(QStringLiteral("month.csv")))))) {
        EXPECT_TRUE(r[Date] >= u"2026-10-01" && r[Date] <= u"2026-10-31") << r[Date].toStdString();
        EXPECT_EQ(r[Currency], u"EUR");
    }
}

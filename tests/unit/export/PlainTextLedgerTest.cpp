// Ledger and Beancount exports checked by the tools themselves: `ledger balance` and
// bean-check/bean-query must read them cleanly and agree with the stored totals.

#include "ExportFixture.h"

#include "export/LedgerExporter.h"

#include <QSet>

using namespace coffer;
using namespace coffer::exporting;
using coffer::test::ExportTest;

namespace {

// Account id -> its name in the export, read from the stored accounts and the file's postings.
struct AccountTotals {
    QHash<QString, qint64> minorByName; // minor units per exported account name
    QHash<QString, QString> currencyByName;
};

// Lines of "name<TAB>quantity<TAB>commodity" (ledger) or "name,quantity commodity" (bean-query
// CSV, after its header) into totals.
AccountTotals totalsFrom(const QString& out)
{
    AccountTotals t;
    for (const QString& line : out.split(u'\n', Qt::SkipEmptyParts)) {
        const QStringList f = line.contains(u'\t') ? line.split(u'\t')
                                                   : QStringList{line.section(u',', 0, 0)} +
                                                         line.section(u',', 1).simplified().split(u' ');
        if (f.size() != 3)
            continue;
        const QString name = f[0].trimmed();
        const QString currency = f[2].trimmed();
        const auto money = model::Money::parse(f[1].trimmed(), currency);
        if (!money.ok())
            continue; // a header line
        t.minorByName.insert(name, money->minorUnits());
        t.currencyByName.insert(name, currency);
    }
    return t;
}

// The stored sum of each account, keyed by currency then minor units, to compare as multisets
// without depending on the export's naming.
QMultiHash<QString, qint64> byCurrency(const AccountTotals& t)
{
    QMultiHash<QString, qint64> out;
    for (auto it = t.minorByName.cbegin(); it != t.minorByName.cend(); ++it)
        out.insert(t.currencyByName.value(it.key()), it.value());
    return out;
}

} // namespace

class PlainTextExport : public ExportTest {
protected:
    // Stored totals per account as (currency, minor units), the same shape as byCurrency().
    static QMultiHash<QString, qint64> storedByCurrency()
    {
        QMultiHash<QString, qint64> out;
        const QHash<qint64, qint64> sums = storedSums();
        for (auto it = sums.cbegin(); it != sums.cend(); ++it)
            out.insert(query(QStringLiteral("SELECT currency FROM accounts WHERE id = %1").arg(it.key())).value(0),
                       it.value());
        return out;
    }
    static QSet<QString> pendingIds()
    {
        const QStringList ids = query(
            QStringLiteral("SELECT id FROM transactions WHERE status = 'pending' AND matched_to IS NULL ORDER BY id"));
        return QSet<QString>(ids.cbegin(), ids.cend());
    }
    static QSet<QString> lines(const QString& out)
    {
        QSet<QString> set;
        for (const QString& l : out.split(u'\n', Qt::SkipEmptyParts))
            set.insert(l.trimmed());
        return set;
    }
};

TEST_F(PlainTextExport, LedgerBalancesEqualTheStoredTotals)
{
    const QString ledgerTool = QStandardPaths::findExecutable(QStringLiteral("ledger"));
    if (ledgerTool.isEmpty())
        GTEST_SKIP() << "ledger is not installed (Debian package \"ledger\"): cannot check the Ledger export with it";
    const QString path = outPath(QStringLiteral("coffer.ledger"));
    const auto written = LedgerExporter::run(ExportFormat::Ledger, ledger().databasePath, path);
    ASSERT_TRUE(written.ok()) << written.error().userMessage.toStdString();
    EXPECT_EQ(written->transactions, visibleCount());

    const auto balance =
        runTool(ledgerTool, {QStringLiteral("-f"), path, QStringLiteral("balance"), QStringLiteral("--flat"),
                             QStringLiteral("--no-total"), QStringLiteral("-F"),
                             QStringLiteral("%(account)\t%(quantity(scrub(display_total)))\t%(commodity(scrub("
                                            "display_total)))\n"),
                             QStringLiteral("^Assets"), QStringLiteral("^Liabilities")});
    ASSERT_EQ(balance.exitCode, 0) << balance.err.toStdString();
    EXPECT_TRUE(balance.err.isEmpty()) << balance.err.toStdString();
    const AccountTotals totals = totalsFrom(balance.out);
    EXPECT_EQ(totals.minorByName.size(), storedSums().size()) << balance.out.toStdString();
    EXPECT_EQ(byCurrency(totals), storedByCurrency()) << balance.out.toStdString();
    EXPECT_TRUE(balance.out.contains(QStringLiteral("Assets:Gulf Bank:\u00c9pargne Joint 2 main\t499.011\tBHD")))
        << balance.out.toStdString();

    // Everything balances: the grand total is zero in every currency.
    const auto all = runTool(ledgerTool, {QStringLiteral("-f"), path, QStringLiteral("balance")});
    EXPECT_EQ(all.out.trimmed().split(u'\n').constLast().trimmed(), u"0") << all.out.toStdString();

    // ledger itself sees the pending ones as pending (the "!" mark), by their Coffer id.
    const auto pending =
        runTool(ledgerTool, {QStringLiteral("-f"), path, QStringLiteral("register"), QStringLiteral("--pending"),
                             QStringLiteral("-F"), QStringLiteral("%(code)\n"), QStringLiteral("^Assets"),
                             QStringLiteral("^Liabilities")});
    EXPECT_EQ(lines(pending.out), pendingIds());

    const auto payees =
        runTool(ledgerTool, {QStringLiteral("-f"), path, QStringLiteral("register"), QStringLiteral("-F"),
                             QStringLiteral("%(code)|%(payee)\n"), QStringLiteral("^Assets")});
    EXPECT_TRUE(lines(payees.out).contains(QString::number(ledger().commaQuoteNewline) + u'|' + test::kAwkwardPayee))
        << payees.out.toStdString();
    // Amounts in each currency's digits.
    const QString text = QString::fromUtf8(readAll(path));
    EXPECT_TRUE(text.contains(QStringLiteral("  -1.234 BHD\n")));
    EXPECT_TRUE(text.contains(QStringLiteral("  500.250 BHD\n")));
    EXPECT_FALSE(text.contains(QRegularExpression(QStringLiteral(R"(\d\.\d+ JPY)"))));
}

TEST_F(PlainTextExport, BeancountChecksCleanAndAgreesWithTheStoredTotals)
{
    const QString check = QStandardPaths::findExecutable(QStringLiteral("bean-check"));
    const QString beanQuery = QStandardPaths::findExecutable(QStringLiteral("bean-query"));
    if (check.isEmpty() || beanQuery.isEmpty())
        GTEST_SKIP() << "bean-check/bean-query are not installed (Debian package \"beancount\"): cannot check the "
                        "Beancount export with them";
    const QString path = outPath(QStringLiteral("coffer.beancount"));
    const auto written = LedgerExporter::run(ExportFormat::Beancount, ledger().databasePath, path);
    ASSERT_TRUE(written.ok()) << written.error().userMessage.toStdString();
    EXPECT_EQ(written->transactions, visibleCount());

    const auto checked = runTool(check, {path});
    EXPECT_EQ(checked.exitCode, 0) << checked.out.toStdString() << checked.err.toStdString();
    EXPECT_TRUE(checked.out.trimmed().isEmpty() && checked.err.trimmed().isEmpty())
        << checked.out.toStdString() << checked.err.toStdString();

    const auto totals = runTool(beanQuery, {QStringLiteral("-f"), QStringLiteral("csv"), path,
                                            QStringLiteral("SELECT account, sum(position) WHERE account ~ "
                                                           "'^(Assets|Liabilities):' GROUP BY account")});
    ASSERT_EQ(totals.exitCode, 0) << totals.err.toStdString();
    const AccountTotals read = totalsFrom(totals.out);
    EXPECT_EQ(byCurrency(read), storedByCurrency()) << totals.out.toStdString();
    EXPECT_EQ(read.currencyByName.value(QStringLiteral("Assets:Gulf-Bank:Epargne-Joint-2-Main")), u"BHD")
        << totals.out.toStdString();

    const auto pending = runTool(beanQuery, {QStringLiteral("-f"), QStringLiteral("csv"), path,
                                             QStringLiteral("SELECT entry_meta('coffer-id') WHERE flag = '!' AND "
                                                            "account ~ '^(Assets|Liabilities):'")});
    QSet<QString> flagged = lines(pending.out.section(u'\n', 1)); // after the header
    EXPECT_EQ(flagged, pendingIds()) << pending.out.toStdString();

    const auto awkward =
        runTool(beanQuery,
                {QStringLiteral("-f"), QStringLiteral("text"), path,
                 QStringLiteral("SELECT payee, narration WHERE entry_meta('coffer-id') = '%1' AND account ~ '^Assets:'")
                     .arg(ledger().commaQuoteNewline)});
    EXPECT_TRUE(awkward.out.contains(test::kAwkwardPayee)) << awkward.out.toStdString();
    EXPECT_TRUE(awkward.out.contains(QStringLiteral("Smith, \"Jr\" second line"))) << awkward.out.toStdString();
}

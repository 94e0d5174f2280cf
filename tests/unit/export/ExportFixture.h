#pragma once

// A real ledger for the export tests: a demo bank synced by the real engine into a temporary
// database (with a yen wallet), plus what a demo bank does not deliver: a dinar account
// (three decimals) with an awkward name, and descriptions with commas, quotes, line breaks
// and formula-like text. Built once per test process; tests only read it.

#include "EngineHarness.h"
#include "export/ExportTypes.h"
#include "model/Money.h"
#include "providers/demo/DemoBank.h"

#include <QHash>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>
#include <ostream>

// Readable QStrings in failure messages.
inline void PrintTo(const QString& text, std::ostream* os)
{
    *os << '"' << text.toStdString() << '"';
}

namespace coffer::test {

struct ExportLedger {
    QTemporaryDir dir;
    QString databasePath;
    qint64 yenAccount = 0;
    qint64 dinarAccount = 0;
    qint64 cardAccount = 0;
    qint64 commaQuoteNewline = 0; // id of the transaction whose description has all three
    qint64 formula = 0;           // id of the one whose description and payee look like formulas
};

inline const QString kAwkwardDescription = QStringLiteral("Smith, \"Jr\"\nsecond line");
inline const QString kAwkwardPayee = QStringLiteral("Caf\u00e9; \"Q\" \\ back");
inline const QString kFormulaDescription = QStringLiteral("=cmd|' /C calc'!A0");
inline const QString kFormulaPayee = QStringLiteral("@SUM(A1:A9)");
inline const QString kDinarAccountName = QStringLiteral("\u00c9pargne: \"Joint\" (2); main");

// A seed whose demo bank has the yen wallet.
inline quint64 seedWithYen()
{
    for (quint64 seed = 1;; ++seed) {
        for (const auto& a : providers::demo::DemoBank(seed, fixedNow()).accounts(fixedNow())) {
            if (a.currency == u"JPY")
                return seed;
        }
    }
}

inline std::unique_ptr<ExportLedger> buildExportLedger()
{
    auto ledger = std::make_unique<ExportLedger>();
    {
        EngineUnderTest engine(ledger->dir.path(), clockAtFixedNow(), false);
        const qint64 id = engine.addDemo(seedWithYen());
        EXPECT_TRUE(engine.sync(id).succeeded);
        ledger->databasePath = engine.databasePath;
    }
    Inspector db(ledger->databasePath);
    ledger->yenAccount = db.number(QStringLiteral("SELECT id FROM accounts WHERE currency = 'JPY'"));
    ledger->cardAccount = db.number(QStringLiteral("SELECT id FROM accounts WHERE kind = 'credit-card'"));
    db.exec(QStringLiteral("INSERT INTO accounts (connection_id, provider_id, name, institution, kind, currency, mask) "
                           "VALUES (NULL, 'gulf-1', '%1', 'Gulf Bank', 'checking', 'BHD', '4321')")
                .arg(QString(kDinarAccountName).replace(u'\'', QStringLiteral("''"))));
    ledger->dinarAccount = db.number(QStringLiteral("SELECT id FROM accounts WHERE currency = 'BHD'"));
    const QString insert = QStringLiteral(
        "INSERT INTO transactions (account_id, source, provider_id, booked_on, amount_minor, currency, status, "
        "description, counterparty, category) VALUES (%1, 'import:gulf.ofx', '%2', '%3', %4, 'BHD', '%5', '%6', "
        "'Gulf Grocer', '%7')");
    db.exec(insert.arg(ledger->dinarAccount)
                .arg(QStringLiteral("g1"), QStringLiteral("2026-10-02"))
                .arg(-1234)
                .arg(QStringLiteral("posted"), QStringLiteral("Lulu Hypermarket"), QStringLiteral("groceries")));
    db.exec(insert.arg(ledger->dinarAccount)
                .arg(QStringLiteral("g2"), QStringLiteral("2026-10-31"))
                .arg(500250)
                .arg(QStringLiteral("posted"), QStringLiteral("Salary"), QStringLiteral("income")));
    db.exec(insert.arg(ledger->dinarAccount)
                .arg(QStringLiteral("g3"), QStringLiteral("2026-11-19"))
                .arg(-5)
                .arg(QStringLiteral("pending"), QStringLiteral("Card check"), QString()));

    // Two posted demo transactions take the awkward texts, as a bank or an import could send them.
    const QStringList posted = db.rows(QStringLiteral(
        "SELECT id FROM transactions WHERE status = 'posted' AND matched_to IS NULL AND currency = 'USD' "
        "AND amount_minor < 0 ORDER BY id LIMIT 2"));
    ledger->commaQuoteNewline = posted.value(0).toLongLong();
    ledger->formula = posted.value(1).toLongLong();
    auto quoted = [](QString s) -> QString { return u'\'' + s.replace(u'\'', QStringLiteral("''")) + u'\''; };
    db.exec(QStringLiteral("UPDATE transactions SET description = %1, counterparty = %2 WHERE id = %3")
                .arg(quoted(kAwkwardDescription), quoted(kAwkwardPayee))
                .arg(ledger->commaQuoteNewline));
    db.exec(QStringLiteral("UPDATE transactions SET description = %1, counterparty = %2 WHERE id = %3")
                .arg(quoted(kFormulaDescription), quoted(kFormulaPayee))
                .arg(ledger->formula));
    return ledger;
}

// The shared ledger and what the database says about it, the figures every export must match.
class ExportTest : public ::testing::Test {
protected:
    static const ExportLedger& ledger()
    {
        static const std::unique_ptr<ExportLedger> built = buildExportLedger();
        return *built;
    }

    static QStringList query(const QString& sql) { return Inspector(ledger().databasePath).rows(sql); }
    static qint64 number(const QString& sql) { return Inspector(ledger().databasePath).number(sql); }

    // Visible transactions (as every export takes them), optionally narrowed by a condition on t.
    static qint64 visibleCount(const QString& andWhere = {})
    {
        return number(QStringLiteral("SELECT COUNT(*) FROM transactions t WHERE t.status != 'removed' AND "
                                     "t.matched_to IS NULL ") +
                      andWhere);
    }

    // Account id -> the stored sum of its visible transactions, in minor units.
    static QHash<qint64, qint64> storedSums(const QString& andWhere = {})
    {
        QHash<qint64, qint64> sums;
        for (const QString& row : query(QStringLiteral("SELECT t.account_id, SUM(t.amount_minor) FROM transactions t "
                                                       "WHERE t.status != 'removed' AND t.matched_to IS NULL ") +
                                        andWhere + QStringLiteral(" GROUP BY t.account_id")))
            sums.insert(row.section(u'|', 0, 0).toLongLong(), row.section(u'|', 1, 1).toLongLong());
        return sums;
    }

    // Minor units of a decimal written in a file, through the same parser the importers use.
    static qint64 minorUnits(const QString& decimal, const QString& currency)
    {
        const auto money = model::Money::parse(decimal.trimmed(), currency);
        EXPECT_TRUE(money.ok()) << decimal.toStdString() << " " << currency.toStdString();
        return money.ok() ? money->minorUnits() : 0;
    }

    QString outPath(const QString& name) const { return m_out.filePath(name); }

    static QByteArray readAll(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    struct ToolRun {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // Runs a real accounting tool; empty program when it is not installed.
    static ToolRun runTool(const QString& program, const QStringList& args)
    {
        ToolRun r;
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(120000))
            return r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QTemporaryDir m_out;
};

} // namespace coffer::test

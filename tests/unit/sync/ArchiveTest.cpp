// Retention: old transactions go to an archive file and come back from it exactly, nothing newer
// is touched, and a damaged archive is reported by name.

#include "LedgerFixture.h"
#include "store/Retention.h"
#include "store/TransactionArchive.h"
#include "store/UserSettings.h"
#include "sync/BalanceReconciler.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace coffer;

namespace {

const QDate kCutoff(2024, 1, 1);

class ArchiveTest : public test::LedgerFixture {
protected:
    // Every row as a user could tell it apart: source, id, status, amount, and what it is matched into.
    QStringList ledger() const
    {
        QSqlQuery q(m_db->handle());
        EXPECT_TRUE(q.exec(QStringLiteral(
            "SELECT t.source, t.provider_id, t.status, t.amount_minor, t.booked_on, COALESCE(m.provider_id, ''), "
            "t.match_reason, (SELECT COUNT(*) FROM transaction_events e WHERE e.transaction_id = t.id) "
            "FROM transactions t LEFT JOIN transactions m ON m.id = t.matched_to ORDER BY 1, 2")));
        QStringList rows;
        while (q.next()) {
            QStringList cols;
            for (int i = 0; i < 8; ++i)
                cols << q.value(i).toString();
            rows << cols.join(u'|');
        }
        return rows;
    }

    void fill()
    {
        const QDate old(2022, 5, 10);
        commit(m_target, {txn("old-1", -1000, "GROCER", false, old), txn("old-2", 250000, "PAYROLL", false, old),
                          txn("old-p", -4000, "NOPA RESTAURANT", true, old)});
        commit(m_target, {txn("old-t", -4600, "NOPA RESTAURANT", false, old.addDays(2))}); // folds old-p
        // A pair straddling the cutoff stays whole in the database.
        commit(m_target, {txn("edge-p", -900, "CITY PARKING", true, kCutoff.addDays(-1))});
        commit(m_target, {txn("edge-t", -900, "CITY PARKING", false, kCutoff.addDays(1))});
        commit(m_target, {txn("new-1", -2000, "BOOKS", false, kCutoff.addDays(40))});
    }
};

} // namespace

TEST_F(ArchiveTest, OldTransactionsGoToAFileAndComeBackExactly)
{
    fill();
    sync::BalanceReconciler reconciler(*m_db);
    const model::Money reported(1000000, QStringLiteral("USD"));
    ASSERT_TRUE(reconciler.reconcile(m_accountId, reported, m_target.runId, test::fixedNow(), false).ok());
    const QStringList before = ledger();
    const QStringList newer = before.filter(QRegularExpression(QStringLiteral("\\|(edge|new)-")));

    const auto archived = store::TransactionArchive(*m_db).archiveBefore(kCutoff, test::fixedNow());
    ASSERT_TRUE(archived.ok()) << archived.error().userMessage.toStdString();
    EXPECT_EQ(archived->transactions, 4);
    EXPECT_TRUE(QFile::exists(archived->file));
    EXPECT_TRUE(archived->file.startsWith(store::TransactionArchive::directory(m_dir.path())));
    EXPECT_EQ(ledger(), newer) << "what is newer than the cutoff, or matched with it, is untouched";
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM transaction_events WHERE transaction_id NOT IN "
                                   "(SELECT id FROM transactions)")),
              0);
    EXPECT_FALSE(reconciler.reconcile(m_accountId, reported, m_target.runId, test::fixedNow(), false)->flagged)
        << "archiving on purpose is not a balance problem";

    const auto restored = store::TransactionArchive(*m_db).restore(archived->file);
    ASSERT_TRUE(restored.ok()) << restored.error().userMessage.toStdString();
    EXPECT_EQ(restored->restored, 4);
    EXPECT_EQ(ledger(), before);
    EXPECT_FALSE(reconciler.reconcile(m_accountId, reported, m_target.runId, test::fixedNow(), false)->flagged);

    const auto again = store::TransactionArchive(*m_db).restore(archived->file);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->restored, 0);
    EXPECT_EQ(again->alreadyThere, 4);
    EXPECT_EQ(ledger(), before);
}

TEST_F(ArchiveTest, NothingOldEnoughWritesNoFile)
{
    commit(m_target, {txn("new-1", -2000, "BOOKS", false, kCutoff.addDays(40))});
    const auto archived = store::TransactionArchive(*m_db).archiveBefore(kCutoff, test::fixedNow());
    ASSERT_TRUE(archived.ok());
    EXPECT_EQ(archived->transactions, 0);
    EXPECT_TRUE(archived->file.isEmpty());
    EXPECT_FALSE(QDir(store::TransactionArchive::directory(m_dir.path())).exists());
}

TEST_F(ArchiveTest, ADamagedArchiveIsNamedAndChangesNothing)
{
    fill();
    const auto archived = store::TransactionArchive(*m_db).archiveBefore(kCutoff, test::fixedNow());
    ASSERT_TRUE(archived.ok());
    const QStringList kept = ledger();
    QFile file(archived->file);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    file.seek(file.size() / 2);
    file.write("garbage in the middle");
    file.close();
    const auto restored = store::TransactionArchive(*m_db).restore(archived->file);
    ASSERT_FALSE(restored.ok());
    EXPECT_TRUE(restored.error().userMessage.contains(archived->file)) << restored.error().userMessage.toStdString();
    EXPECT_EQ(ledger(), kept);

    const QString notAnArchive = QDir(m_dir.path()).filePath(QStringLiteral("notes.txt"));
    QFile other(notAnArchive);
    ASSERT_TRUE(other.open(QIODevice::WriteOnly));
    other.write("hello");
    other.close();
    const auto refused = store::TransactionArchive(*m_db).restore(notAnArchive);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().userMessage, notAnArchive + QStringLiteral(" is not a Coffer archive."));
}

TEST_F(ArchiveTest, RetentionFollowsTheUsersSettings)
{
    fill();
    QSqlQuery insert(m_db->handle());
    for (const char* at : {"2026-01-01T00:00:00Z", "2026-10-30T00:00:00Z"})
        ASSERT_TRUE(insert.exec(QStringLiteral("INSERT INTO raw_payloads (reason, payload, received_at) VALUES "
                                               "('bad record', 'x', '%1')")
                                    .arg(QString::fromLatin1(at))));
    // Off by default: nothing is archived; payloads older than 180 days go.
    auto outcome = store::applyRetention(*m_db, test::fixedNow());
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(outcome->archive.transactions, 0);
    EXPECT_EQ(outcome->rawPayloadsRemoved, 1);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT(*) FROM raw_payloads")), 1);

    ASSERT_TRUE(store::setUserSetting(*m_db, QStringLiteral("retention_archive_years"), QStringLiteral("3")).ok());
    outcome = store::applyRetention(*m_db, test::fixedNow());
    ASSERT_TRUE(outcome.ok());
    EXPECT_EQ(outcome->archive.transactions, 4) << "booked before " << test::fixedNow().date().addYears(-3).toString(Qt::ISODate).toStdString();

    const auto refused = store::setUserSetting(*m_db, QStringLiteral("retention_archive_years"), QStringLiteral("-1"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().userMessage,
              QStringLiteral("retention_archive_years takes a whole number from 0 to 100, not \"-1\"."));
}

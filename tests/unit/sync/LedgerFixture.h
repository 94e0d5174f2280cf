#pragma once

// A real database with one connection ("Checking", USD) and two ways into its account: the
// connection's own sync and a bank-file import. Shared by the pipeline tests.

#include "model/Connection.h"
#include "store/AccountRepository.h"
#include "store/ConnectionRepository.h"
#include "store/Database.h"
#include "store/SyncRunRepository.h"
#include "store/TransactionRepository.h"
#include "sync/PageWriter.h"

#include "TestSupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace coffer::test {

class LedgerFixture : public ::testing::Test {
public:
    static providers::ProviderTransaction txn(const char* id, qint64 minor, const char* description,
                                              bool pending = false, QDate bookedOn = QDate(2026, 11, 2))
    {
        providers::ProviderTransaction t;
        t.accountProviderId = QStringLiteral("acc-1");
        t.providerId = QString::fromLatin1(id);
        t.bookedOn = bookedOn;
        t.amount = model::Money(minor, QStringLiteral("USD"));
        t.description = QString::fromLatin1(description);
        t.pending = pending;
        return t;
    }

protected:
    void SetUp() override
    {
        auto db = store::Database::open(m_dir.path());
        ASSERT_TRUE(db.ok());
        m_db = std::move(db).value();
        const auto conn = store::ConnectionRepository(*m_db).insert(
            model::ConnectionSpec{QStringLiteral("demo"), QStringLiteral("Test"), {}, {}}, QStringLiteral("Demo Bank"),
            fixedNow());
        ASSERT_TRUE(conn.ok());
        model::Account account;
        account.providerId = QStringLiteral("acc-1");
        account.name = QStringLiteral("Checking");
        account.currency = QStringLiteral("USD");
        const auto accountId = store::AccountRepository(*m_db).upsert(conn.value(), account);
        ASSERT_TRUE(accountId.ok());
        m_accountId = accountId.value();
        const auto run = store::SyncRunRepository(*m_db).begin(conn.value(), QStringLiteral("manual"), fixedNow());
        ASSERT_TRUE(run.ok());
        m_target.connectionId = conn.value();
        m_target.runId = run.value();
        m_target.source = QStringLiteral("connection:%1").arg(conn.value());
        m_target.accountIds.insert(QStringLiteral("acc-1"), m_accountId);
        m_target.today = fixedNow().date();
        m_import = m_target;
        m_import.connectionId = 0;
        m_import.source = QStringLiteral("import:statement");
        m_import.saveCursor = false;
    }

    model::ChangeCounts commit(const sync::PageWriter::Target& target, QList<providers::ProviderTransaction> added)
    {
        providers::Page page;
        page.added = std::move(added);
        const auto counts = sync::PageWriter(*m_db).commit(target, page);
        EXPECT_TRUE(counts.ok()) << (counts.ok() ? "" : counts.error().userMessage.toStdString());
        return counts.ok() ? counts.value() : model::ChangeCounts{};
    }

    // The stored row a source delivered under an id.
    model::Transaction row(const QString& source, const char* providerId)
    {
        store::TransactionRepository repo(*m_db);
        const auto found = repo.find(m_accountId, source, QString::fromLatin1(providerId));
        EXPECT_TRUE(found.ok() && found.value().has_value()) << providerId;
        return found.ok() && found.value() ? *found.value() : model::Transaction{};
    }

    // Transactions a user sees.
    qint64 visible() const
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM transactions WHERE status != 'removed' AND matched_to IS NULL"));
    }

    qint64 count(const QString& sql) const
    {
        QSqlQuery q(m_db->handle());
        EXPECT_TRUE(q.exec(sql) && q.next()) << sql.toStdString();
        return q.value(0).toLongLong();
    }

    QString text(const QString& sql) const
    {
        QSqlQuery q(m_db->handle());
        EXPECT_TRUE(q.exec(sql) && q.next()) << sql.toStdString();
        return q.value(0).toString();
    }

    QTemporaryDir m_dir;
    std::unique_ptr<store::Database> m_db;
    qint64 m_accountId = 0;
    sync::PageWriter::Target m_target; // the connection's sync
    sync::PageWriter::Target m_import; // a bank file imported into the same account
};

} // namespace coffer::test

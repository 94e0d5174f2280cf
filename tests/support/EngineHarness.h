#pragma once

// Drives a real engine (EngineHost) over a real data folder and keychain, with a simulated
// clock, and reads its database from outside. Shared by the integration tests.

#include "EngineHost.h"
#include "schedule/Clock.h"
#include "schedule/NetworkStatus.h"
#include "secrets/CredentialStore.h"

#include "TestSupport.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QUuid>

#include <gtest/gtest.h>

#include <functional>
#include <memory>
#include <optional>

namespace coffer::test {

// One engine over one data folder, with what it reported collected for the test to read.
class EngineUnderTest {
public:
    // automatic: follow schedules and run the queue on its own, as the app does; otherwise run
    // only what the test asks for, as a one-shot command does.
    explicit EngineUnderTest(const QString& dataDir, std::shared_ptr<schedule::ManualClock> clock,
                             bool automatic = true, std::shared_ptr<schedule::NetworkStatus> network = {})
        : m_clock(std::move(clock))
    {
        EngineOptions options;
        options.automatic = automatic;
        options.network = std::move(network);
        options.dataDir = dataDir;
        options.keychainService = s_service;
        options.clock = m_clock;
        m_host = std::make_unique<EngineHost>(options);
        QObject::connect(m_host.get(), &EngineHost::started, &m_context,
                         [this](const QString& p) { databasePath = p; });
        QObject::connect(m_host.get(), &EngineHost::connectionAdded, &m_context, [this](qint64 id) { addedIds << id; });
        QObject::connect(m_host.get(), &EngineHost::syncFinished, &m_context,
                         [this](const model::SyncSummary& s) { summaries << s; });
        QObject::connect(m_host.get(), &EngineHost::connectionsChanged, &m_context,
                         [this](const QList<model::ConnectionStatus>& s) { statuses = s; });
        QObject::connect(m_host.get(), &EngineHost::notification, &m_context,
                         [this](const model::Notification& n) { notifications << n; });
        QObject::connect(m_host.get(), &EngineHost::operationFailed, &m_context,
                         [this](const QString& m) { failures << m; });
        QObject::connect(m_host.get(), &EngineHost::jobProgress, &m_context,
                         [this](const model::JobProgress&) { ++progressReports; });
        QObject::connect(m_host.get(), &EngineHost::jobsListed, &m_context, [this](const QList<jobs::Job>& j) {
            listedJobs = j;
            ++jobListings;
        });
        QObject::connect(m_host.get(), &EngineHost::operationSucceeded, &m_context,
                         [this](const QString& m) { doneMessages << m; });
        m_host->start();
        EXPECT_TRUE(waitFor([this] { return !databasePath.isEmpty(); }));
    }

    qint64 addDemo(quint64 seed, QVariantMap extra = {})
    {
        extra.insert(QStringLiteral("seed"), seed);
        extra.insert(QStringLiteral("openedAt"), fixedNow().toString(Qt::ISODate));
        extra.insert(QStringLiteral("latencyMs"), extra.value(QStringLiteral("latencyMs"), 0));
        return add(model::ConnectionSpec{QStringLiteral("demo"), QStringLiteral("Demo %1").arg(seed), extra, {}});
    }

    // Adds a connection and waits until the engine has it; its id (0 when it failed).
    qint64 add(const model::ConnectionSpec& spec)
    {
        const auto before = addedIds.size();
        m_host->addConnection(spec);
        EXPECT_TRUE(waitFor([&] { return addedIds.size() > before || !failures.isEmpty(); }));
        EXPECT_TRUE(failures.isEmpty()) << failures.value(0).toStdString();
        return addedIds.value(before);
    }

    model::SyncSummary sync(qint64 connectionId)
    {
        const auto before = summaries.size();
        m_host->syncNow(connectionId);
        EXPECT_TRUE(waitFor([&] { return summaries.size() > before; }, 60000));
        return summaries.value(before);
    }

    EngineHost& host() { return *m_host; }

    static inline const QString s_service = uniqueKeychainService();
    QString databasePath;
    QList<qint64> addedIds;
    QList<model::SyncSummary> summaries;
    QList<model::ConnectionStatus> statuses;
    QList<model::Notification> notifications;
    QStringList failures;
    int progressReports = 0;
    QList<jobs::Job> listedJobs;
    int jobListings = 0;
    QStringList doneMessages;

    // The newest jobs as the engine reports them.
    QList<jobs::Job> jobs()
    {
        const int before = jobListings;
        m_host->listJobs(100);
        EXPECT_TRUE(waitFor([&] { return jobListings > before; }));
        return listedJobs;
    }

private:
    QObject m_context;
    std::shared_ptr<schedule::ManualClock> m_clock;
    std::unique_ptr<EngineHost> m_host;
};

// Reads the database file directly, as an outside observer.
class Inspector {
public:
    explicit Inspector(const QString& path)
        : m_name(QUuid::createUuid().toString())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        EXPECT_TRUE(db.open());
    }
    ~Inspector()
    {
        QSqlDatabase::database(m_name).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    QStringList rows(const QString& sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        EXPECT_TRUE(q.exec(sql)) << sql.toStdString();
        QStringList out;
        while (q.next()) {
            QStringList cols;
            for (int i = 0; i < q.record().count(); ++i)
                cols << q.value(i).toString();
            out << cols.join(u'|');
        }
        return out;
    }
    qint64 number(const QString& sql) const { return rows(sql).value(0).toLongLong(); }
    void exec(const QString& sql) const
    {
        QSqlQuery q(QSqlDatabase::database(m_name));
        EXPECT_TRUE(q.exec(sql)) << sql.toStdString();
    }
    // Every transaction of a connection as the user would compare them.
    QStringList ledger(qint64 connectionId) const
    {
        return rows(
            QStringLiteral("SELECT a.provider_id, t.provider_id, t.amount_minor, t.currency, t.status, t.booked_on, "
                           "t.description_raw FROM transactions t JOIN accounts a ON a.id = t.account_id "
                           "WHERE a.connection_id = %1 ORDER BY 1, 2")
                .arg(connectionId));
    }

private:
    QString m_name;
};

inline std::shared_ptr<schedule::ManualClock> clockAtFixedNow()
{
    return std::make_shared<schedule::ManualClock>(fixedNow());
}

// The ledger a demo bank gives after `run` does its work uninterrupted, in a data folder of its
// own, on demand (no schedules): the reference an interrupted and resumed run must equal.
// Empty when the run fails.
inline QStringList referenceLedger(quint64 seed, const std::function<bool(EngineUnderTest&, qint64)>& run)
{
    QTemporaryDir dir;
    EngineUnderTest engine(dir.path(), clockAtFixedNow(), false);
    const qint64 id = engine.addDemo(seed);
    if (!run(engine, id))
        return {};
    return Inspector(engine.databasePath).ledger(id);
}

// What the keychain holds for a connection, read as the engine reads it; empty when nothing.
inline QString keychainSecret(const EngineUnderTest& engine, qint64 connectionId)
{
    const QString databaseId = Inspector(engine.databasePath)
                                   .rows(QStringLiteral("SELECT value FROM settings WHERE key = 'database_id'"))
                                   .value(0);
    secrets::CredentialStore keychain(EngineUnderTest::s_service, databaseId);
    std::optional<model::Result<QString>> secret;
    keychain.read(connectionId, secrets::kConnectionSecret, [&](model::Result<QString> r) { secret = std::move(r); });
    EXPECT_TRUE(waitFor([&] { return secret.has_value(); }));
    return secret && secret->ok() ? secret->value() : QString();
}

} // namespace coffer::test

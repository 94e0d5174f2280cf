#include "LedgerFixture.h"

#include "BenchFixture.h"
#include "model/Connection.h"
#include "store/AccountRepository.h"
#include "store/ConnectionRepository.h"
#include "store/SyncRunRepository.h"

#include <QSqlQuery>

namespace coffer::bench {

LedgerFixture::LedgerFixture(int accounts, const QDate& today, const QString& dataDir)
    : m_today(today)
{
    if (dataDir.isEmpty() && !m_dir.isValid())
        die(QStringLiteral("cannot create a temporary folder"));
    auto opened = store::Database::open(dataDir.isEmpty() ? m_dir.path() : dataDir);
    if (!opened.ok())
        die(opened.error().userMessage);
    m_db = std::move(opened).value();
    const QDateTime now(m_today, QTime(8, 0), Qt::UTC);
    const auto created = m_db->inTransaction([&]() -> model::Status {
        const auto id = store::ConnectionRepository(*m_db).insert(
            model::ConnectionSpec{QStringLiteral("demo"), QStringLiteral("Bench"), {}, {}}, QStringLiteral("Demo Bank"),
            now);
        if (!id.ok())
            return id.error();
        m_connectionId = id.value();
        store::AccountRepository repo(*m_db);
        for (int i = 0; i < accounts; ++i) {
            model::Account a;
            a.providerId = accountProviderId(i);
            a.name = QStringLiteral("Checking %1").arg(i);
            a.currency = QStringLiteral("USD");
            const auto local = repo.upsert(m_connectionId, a);
            if (!local.ok())
                return local.error();
            m_accountIds.insert(a.providerId, local.value());
        }
        return model::Ok{};
    });
    if (!created.ok())
        die(created.error().userMessage);
}

QString LedgerFixture::accountProviderId(int index)
{
    return QStringLiteral("acc-") + QString::number(index);
}

sync::PageWriter::Target LedgerFixture::target(const QString& trigger)
{
    // Rows point at the run that first saw them, so an import has its run too.
    const auto run =
        store::SyncRunRepository(*m_db).begin(m_connectionId, trigger, QDateTime(m_today, QTime(8, 0), Qt::UTC));
    if (!run.ok())
        die(run.error().userMessage);
    sync::PageWriter::Target t;
    t.runId = run.value();
    t.accountIds = m_accountIds;
    t.today = m_today;
    return t;
}

sync::PageWriter::Target LedgerFixture::connectionTarget()
{
    sync::PageWriter::Target t = target(QStringLiteral("bench"));
    t.connectionId = m_connectionId;
    t.source = QStringLiteral("connection:%1").arg(m_connectionId);
    return t;
}

sync::PageWriter::Target LedgerFixture::importTarget(const QString& fileName)
{
    sync::PageWriter::Target t = target(QStringLiteral("import"));
    t.source = QStringLiteral("import:") + fileName;
    t.saveCursor = false;
    return t;
}

model::Result<qint64> LedgerFixture::count(const QString& sql)
{
    QSqlQuery q(m_db->handle());
    if (!q.exec(sql) || !q.next())
        return model::Error::storage(QStringLiteral("cannot read back the store (%1)").arg(sql));
    return q.value(0).toLongLong();
}

} // namespace coffer::bench

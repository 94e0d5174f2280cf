#include "jobs/JobRepository.h"

#include "store/Database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace coffer::jobs {

using model::Error;
using model::Result;
using model::Status;

namespace {

const QString kColumns = QStringLiteral("id, kind, connection_id, priority, state, attempts, max_attempts, run_at_ms, "
                                        "created_at_ms, finished_at_ms, payload, last_error, errors");

QString toJson(const QVariantMap& map)
{
    return map.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(map)).toJson(QJsonDocument::Compact));
}

QString toJson(const QJsonArray& array)
{
    return array.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

// Reads one row; an unreadable row yields an error describing it (never a crash).
Result<Job> jobFromRow(const QSqlQuery& q)
{
    Job job;
    job.id = q.value(0).toLongLong();
    const auto kind = jobKindFromName(q.value(1).toString());
    const auto state = jobStateFromName(q.value(4).toString());
    const int priority = q.value(3).toInt();
    if (!kind || !state || priority < int(Priority::Manual) || priority > int(Priority::Backfill))
        return Error::invalidData(QStringLiteral("Job %1 is unreadable (kind \"%2\", state \"%3\", priority %4) and was skipped.")
                                      .arg(job.id)
                                      .arg(q.value(1).toString().left(40), q.value(4).toString().left(40))
                                      .arg(priority));
    job.kind = *kind;
    job.state = *state;
    job.priority = Priority(priority);
    job.connectionId = q.value(2).toLongLong();
    job.attempts = q.value(5).toInt();
    job.maxAttempts = q.value(6).toInt();
    job.runAtMs = q.value(7).toLongLong();
    job.createdAtMs = q.value(8).toLongLong();
    job.finishedAtMs = q.value(9).toLongLong();
    const QString payload = q.value(10).toString();
    const QString errors = q.value(12).toString();
    QJsonParseError parseError{};
    if (!payload.isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(payload.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject())
            return Error::invalidData(QStringLiteral("Job %1 has an unreadable payload and was skipped.").arg(job.id));
        job.payload = doc.object().toVariantMap();
    }
    if (!errors.isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(errors.toUtf8(), &parseError);
        if (parseError.error == QJsonParseError::NoError && doc.isArray())
            job.errors = doc.array(); // a damaged history is dropped, the job itself is fine
    }
    job.lastError = q.value(11).toString();
    return job;
}

Error readError(const QSqlQuery& q)
{
    return Error::storage(QStringLiteral("The database could not read jobs: %1").arg(q.lastError().text()));
}

} // namespace

JobRepository::JobRepository(store::Database& db)
    : m_db(db)
    , m_insert(db, "INSERT INTO jobs (kind, connection_id, priority, trigger, state, attempts, max_attempts, "
                   "run_at_ms, created_at_ms, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    , m_update(db, "UPDATE jobs SET priority = ?, trigger = ?, state = ?, attempts = ?, run_at_ms = ?, "
                   "finished_at_ms = ?, last_error = ?, errors = ? WHERE id = ?")
{
}

Result<qint64> JobRepository::insert(const Job& job)
{
    m_insert.bind(1, jobKindName(job.kind));
    if (job.connectionId == 0)
        m_insert.bindNull(2);
    else
        m_insert.bind(2, job.connectionId);
    m_insert.bind(3, qint64(job.priority))
        .bind(4, priorityName(job.priority))
        .bind(5, jobStateName(job.state))
        .bind(6, qint64(job.attempts))
        .bind(7, qint64(job.maxAttempts))
        .bind(8, job.runAtMs)
        .bind(9, job.createdAtMs)
        .bind(10, toJson(job.payload));
    if (auto done = m_insert.run("queue a job"); !done.ok())
        return done.error();
    return m_insert.lastInsertId();
}

Status JobRepository::update(const Job& job)
{
    m_update.bind(1, qint64(job.priority))
        .bind(2, priorityName(job.priority))
        .bind(3, jobStateName(job.state))
        .bind(4, qint64(job.attempts))
        .bind(5, job.runAtMs);
    if (job.finishedAtMs == 0)
        m_update.bindNull(6);
    else
        m_update.bind(6, job.finishedAtMs);
    m_update.bind(7, job.lastError).bind(8, toJson(job.errors)).bind(9, job.id);
    return m_update.run("update a job");
}

Result<JobRepository::OpenJobs> JobRepository::loadOpen() const
{
    QSqlQuery q(m_db.handle());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT ") + kColumns
                + QStringLiteral(" FROM jobs WHERE state NOT IN ('completed', 'failed', 'cancelled') ORDER BY id")))
        return readError(q);
    OpenJobs open;
    while (q.next()) {
        auto job = jobFromRow(q);
        if (job.ok())
            open.jobs.append(std::move(job).value());
        else
            open.skipped.append(job.error().userMessage);
    }
    return open;
}

Result<std::optional<Job>> JobRepository::get(qint64 id) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM jobs WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return readError(q);
    if (!q.next())
        return std::optional<Job>();
    auto job = jobFromRow(q);
    if (!job.ok())
        return job.error();
    return std::optional<Job>(std::move(job).value());
}

Result<QList<Job>> JobRepository::recent(int limit) const
{
    QSqlQuery q(m_db.handle());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM jobs ORDER BY id DESC LIMIT ?"));
    q.addBindValue(limit);
    if (!q.exec())
        return readError(q);
    QList<Job> jobs;
    while (q.next()) {
        auto job = jobFromRow(q);
        if (job.ok())
            jobs.append(std::move(job).value());
    }
    return jobs;
}

Result<qint64> JobRepository::countInState(JobState state) const
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM jobs WHERE state = ?"));
    q.addBindValue(jobStateName(state));
    if (!q.exec() || !q.next())
        return readError(q);
    return q.value(0).toLongLong();
}

Result<int> JobRepository::purge(qint64 completedBeforeMs, qint64 failedBeforeMs)
{
    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("DELETE FROM jobs WHERE (state = 'completed' AND finished_at_ms < ?) "
                             "OR (state IN ('failed', 'cancelled') AND finished_at_ms < ?)"));
    q.addBindValue(completedBeforeMs);
    q.addBindValue(failedBeforeMs);
    if (auto done = m_db.exec(q, "clean up old jobs"); !done.ok())
        return done.error();
    return q.numRowsAffected();
}

} // namespace coffer::jobs

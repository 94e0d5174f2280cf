#include "dashboard/JobTableModel.h"

#include "dashboard/DashboardFormat.h"
#include "dashboard/DashboardTheme.h"

#include <QLocale>

#include <algorithm>

namespace coffer::ui {

JobTableModel::JobTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

int JobTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_jobs.size());
}

int JobTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool JobTableModel::canRetry(const jobs::Job& job)
{
    return job.state == jobs::JobState::Failed || job.state == jobs::JobState::Cancelled;
}

bool JobTableModel::canCancel(const jobs::Job& job)
{
    return job.isOpen();
}

QVariant JobTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const jobs::Job& job = m_jobs.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(job, index.column());
    case Qt::ToolTipRole:
        return index.column() == ErrorColumn && !job.lastError.isEmpty() ? QVariant(job.lastError) : QVariant();
    case Qt::ForegroundRole:
        if (index.column() == StateColumn && job.state == jobs::JobState::Failed)
            return DashboardTheme::failure();
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == AttemptsColumn)
            return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case JobIdRole:
        return job.id;
    case CanRetryRole:
        return canRetry(job);
    case CanCancelRole:
        return canCancel(job);
    default:
        return {};
    }
}

QVariant JobTableModel::display(const jobs::Job& job, int column) const
{
    switch (column) {
    case IdColumn:
        return QLocale().toString(job.id);
    case KindColumn:
        return DashboardFormat::jobKind(job.kind);
    case ConnectionColumn:
        if (job.connectionId == 0)
            return tr("All");
        return m_names.value(job.connectionId, tr("Connection %1").arg(job.connectionId));
    case StateColumn:
        return DashboardFormat::jobState(job);
    case AttemptsColumn:
        return DashboardFormat::attempts(job);
    case TimeColumn:
        return DashboardFormat::jobTime(job);
    case ErrorColumn:
        return job.lastError;
    default:
        return {};
    }
}

QVariant JobTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("Job");
    case KindColumn:
        return tr("Kind");
    case ConnectionColumn:
        return tr("Connection");
    case StateColumn:
        return tr("State");
    case AttemptsColumn:
        return tr("Attempts");
    case TimeColumn:
        return tr("When");
    case ErrorColumn:
        return tr("Last error");
    default:
        return {};
    }
}

void JobTableModel::setJobs(const QList<jobs::Job>& jobs)
{
    const bool sameRows = std::equal(jobs.cbegin(), jobs.cend(), m_jobs.cbegin(), m_jobs.cend(),
                                     [](const jobs::Job& a, const jobs::Job& b) { return a.id == b.id; });
    if (!sameRows) {
        beginResetModel();
        m_jobs = jobs;
        endResetModel();
        return;
    }
    m_jobs = jobs;
    if (!m_jobs.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void JobTableModel::setConnectionNames(const QHash<qint64, QString>& names)
{
    if (names == m_names)
        return;
    m_names = names;
    if (!m_jobs.isEmpty())
        Q_EMIT dataChanged(index(0, ConnectionColumn), index(rowCount() - 1, ConnectionColumn), {Qt::DisplayRole});
}

std::optional<jobs::Job> JobTableModel::job(int row) const
{
    if (row < 0 || row >= m_jobs.size())
        return std::nullopt;
    return m_jobs.at(row);
}

int JobTableModel::rowOf(qint64 jobId) const
{
    const auto it = std::find_if(m_jobs.cbegin(), m_jobs.cend(), [&](const jobs::Job& j) { return j.id == jobId; });
    return it == m_jobs.cend() ? -1 : static_cast<int>(it - m_jobs.cbegin());
}

} // namespace coffer::ui

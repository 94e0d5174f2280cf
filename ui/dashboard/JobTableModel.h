#pragma once

#include "jobs/Job.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace coffer::ui {

// The engine's recent jobs (newest first) as a table. Replaced wholesale by each listing; rows keep
// their place (and the view its selection) when the same jobs come back with new states.
class JobTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        KindColumn,
        ConnectionColumn,
        StateColumn,
        AttemptsColumn,
        TimeColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role { JobIdRole = Qt::UserRole + 1, CanRetryRole, CanCancelRole };

    explicit JobTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setJobs(const QList<jobs::Job>& jobs);
    void setConnectionNames(const QHash<qint64, QString>& names);
    std::optional<jobs::Job> job(int row) const;
    int rowOf(qint64 jobId) const;

    // What the user may do with a job: retry a failed or cancelled one, cancel an open one.
    static bool canRetry(const jobs::Job& job);
    static bool canCancel(const jobs::Job& job);

private:
    QVariant display(const jobs::Job& job, int column) const;

    QList<jobs::Job> m_jobs;
    QHash<qint64, QString> m_names;
};

} // namespace coffer::ui

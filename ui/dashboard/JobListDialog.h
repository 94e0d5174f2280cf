#pragma once

#include "jobs/Job.h"
#include "model/Snapshots.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class JobTableModel;

// The engine's recent jobs: retry a failed one, cancel one still open, and read the whole error
// history of the selected job (every attempt of a dead-lettered sync). Refreshes itself while open
// as the queue changes.
class JobListDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kJobLimit = 200;

    explicit JobListDialog(EngineHost& host, QWidget* parent = nullptr);

    JobTableModel* model() const { return m_model; }
    // Asks the engine for the newest jobs; the table follows when they arrive.
    void refresh();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createHistory();
    void showJobs(const QList<jobs::Job>& jobs);
    void showJob(const jobs::Job& job);
    void setConnections(const QList<model::ConnectionStatus>& connections);
    void selectionChanged();
    void requestOnSelected(bool retry);
    void showAnswer(const QString& message, bool failed);
    qint64 selectedJobId() const;

    EngineHost& m_host;
    JobTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QPushButton* m_retryButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_refreshButton = nullptr;
    QLabel* m_messageLabel = nullptr;
    QLabel* m_historyTitle = nullptr;
    QTableWidget* m_history = nullptr;
    qint64 m_shownJobId = 0;
    qint64 m_keepSelected = 0; // the job to select again after a listing reset the table
    bool m_awaitingAnswer = false;
    QTimer m_refreshTimer;
};

} // namespace coffer::ui

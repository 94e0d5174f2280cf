#include "dashboard/JobListDialog.h"

#include "EngineHost.h"
#include "ListTable.h"
#include "PaddedItemDelegate.h"
#include "Theme.h"
#include "WidgetIdentity.h"
#include "dashboard/DashboardFormat.h"
#include "dashboard/JobTableModel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {
constexpr int kRefreshDelayMs = 250;

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}
} // namespace

JobListDialog::JobListDialog(EngineHost& host, QWidget* parent)
    : QDialog(parent)
    , m_host(host)
{
    setIdentity(this, QStringLiteral("jobListDialog"), tr("Jobs"));
    setWindowTitle(tr("Jobs"));
    resize(920, 600);

    m_model = new JobTableModel(this);
    m_table = new QTableView(this);
    setIdentity(m_table, QStringLiteral("jobTable"), tr("Recent jobs"));
    m_table->setModel(m_model);
    setUpListTable(m_table);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_retryButton = new QPushButton(tr("Retry"), this);
    setIdentity(m_retryButton, QStringLiteral("jobRetryButton"), tr("Retry the selected job"));
    m_cancelButton = new QPushButton(tr("Cancel job"), this);
    setIdentity(m_cancelButton, QStringLiteral("jobCancelButton"), tr("Cancel the selected job"));
    m_refreshButton = new QPushButton(tr("Refresh"), this);
    setIdentity(m_refreshButton, QStringLiteral("jobRefreshButton"), tr("Refresh the job list"));
    m_messageLabel = new QLabel(this);
    setIdentity(m_messageLabel, QStringLiteral("jobMessageLabel"), tr("Result of the last request"));
    m_messageLabel->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    setIdentity(buttons, QStringLiteral("jobDialogButtons"), tr("Dialog buttons"));

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_retryButton);
    actions->addWidget(m_cancelButton);
    actions->addWidget(m_refreshButton);
    actions->addWidget(m_messageLabel, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    setIdentity(splitter, QStringLiteral("jobSplitter"), tr("Jobs and error history"));
    splitter->addWidget(m_table);
    splitter->addWidget(createHistory());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(actions);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &JobListDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_refreshButton, &QPushButton::clicked, this, &JobListDialog::refresh);
    connect(m_retryButton, &QPushButton::clicked, this, [this] { requestOnSelected(true); });
    connect(m_cancelButton, &QPushButton::clicked, this, [this] { requestOnSelected(false); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobListDialog::selectionChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &JobListDialog::selectionChanged);
    connect(&m_host, &EngineHost::jobsListed, this, &JobListDialog::showJobs);
    connect(&m_host, &EngineHost::jobShown, this, &JobListDialog::showJob);
    connect(&m_host, &EngineHost::connectionsChanged, this, &JobListDialog::setConnections);
    // While open, the list follows the queue (coalesced: counts arrive with every engine tick).
    connect(&m_host, &EngineHost::queueStats, this, [this] {
        if (isVisible() && !m_refreshTimer.isActive())
            m_refreshTimer.start();
    });
    connect(&m_host, &EngineHost::operationSucceeded, this, [this](const QString& m) { showAnswer(m, false); });
    connect(&m_host, &EngineHost::operationFailed, this, [this](const QString& m) { showAnswer(m, true); });

    setConnections(m_host.lastConnections());
    selectionChanged();
}

QWidget* JobListDialog::createHistory()
{
    auto* page = new QWidget(this);
    setIdentity(page, QStringLiteral("jobHistoryPane"), tr("Error history"));
    m_historyTitle = new QLabel(tr("Select a job to see its errors."), page);
    setIdentity(m_historyTitle, QStringLiteral("jobHistoryTitle"), tr("Error history"));
    QFont font = m_historyTitle->font();
    font.setBold(true);
    m_historyTitle->setFont(font);
    m_history = new QTableWidget(0, 5, page);
    setIdentity(m_history, QStringLiteral("jobErrorHistory"), tr("Error history of the selected job"));
    m_history->setHorizontalHeaderLabels({tr("When"), tr("Attempt"), tr("Kind"), tr("Code"), tr("What happened")});
    m_history->setItemDelegate(new PaddedItemDelegate(m_history));
    m_history->setStyleSheet(Theme::tableStyleSheet());
    m_history->setShowGrid(false);
    m_history->setWordWrap(true);
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->horizontalHeader()->setStretchLastSection(true);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_historyTitle);
    layout->addWidget(m_history, 1);
    return page;
}

void JobListDialog::showEvent(QShowEvent* event)
{
    QDialog::showEvent(event);
    refresh();
}

void JobListDialog::refresh()
{
    m_host.listJobs(kJobLimit);
}

void JobListDialog::showJobs(const QList<jobs::Job>& jobs)
{
    const qint64 selected = m_keepSelected != 0 ? m_keepSelected : selectedJobId();
    m_model->setJobs(jobs);
    const int row = m_model->rowOf(selected);
    if (row >= 0 && row != m_table->currentIndex().row())
        m_table->selectRow(row);
    m_keepSelected = 0;
    selectionChanged();
}

void JobListDialog::setConnections(const QList<model::ConnectionStatus>& connections)
{
    QHash<qint64, QString> names;
    for (const model::ConnectionStatus& c : connections)
        names.insert(c.connectionId, c.name);
    m_model->setConnectionNames(names);
}

qint64 JobListDialog::selectedJobId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(JobTableModel::JobIdRole).toLongLong();
}

void JobListDialog::selectionChanged()
{
    const qint64 id = selectedJobId();
    const auto job = m_model->job(m_model->rowOf(id));
    m_retryButton->setEnabled(job && JobTableModel::canRetry(*job));
    m_cancelButton->setEnabled(job && JobTableModel::canCancel(*job));
    if (!job) {
        m_shownJobId = 0;
        m_historyTitle->setText(tr("Select a job to see its errors."));
        m_history->setRowCount(0);
        return;
    }
    // The full record (its whole error history) comes from the engine; ask again when it changed.
    if (id != m_shownJobId || job->errors.size() != m_history->rowCount())
        m_host.showJob(id);
}

void JobListDialog::showJob(const jobs::Job& job)
{
    if (job.id != selectedJobId())
        return; // an answer for a job no longer selected (or another caller's)
    m_shownJobId = job.id;
    const int count = static_cast<int>(job.errors.size());
    if (count == 0)
        m_historyTitle->setText(tr("Job %1 has no errors.").arg(job.id));
    else if (count == 1)
        m_historyTitle->setText(tr("Job %1: 1 error").arg(job.id));
    else
        m_historyTitle->setText(tr("Job %1: %2 errors, oldest first").arg(job.id).arg(count));
    m_history->setRowCount(count);
    for (int row = 0; row < count; ++row) {
        const QJsonObject e = job.errors.at(row).toObject();
        m_history->setItem(row, 0, cell(DashboardFormat::dateTime(qint64(e.value(QStringLiteral("at")).toDouble()))));
        m_history->setItem(row, 1, cell(QLocale().toString(e.value(QStringLiteral("attempt")).toInt())));
        m_history->setItem(row, 2, cell(DashboardFormat::errorKind(e.value(QStringLiteral("kind")).toString())));
        m_history->setItem(row, 3, cell(e.value(QStringLiteral("code")).toString()));
        m_history->setItem(row, 4, cell(e.value(QStringLiteral("message")).toString()));
    }
    m_history->resizeRowsToContents();
}

void JobListDialog::requestOnSelected(bool retry)
{
    const qint64 id = selectedJobId();
    if (id == 0)
        return;
    m_keepSelected = id;
    m_awaitingAnswer = true;
    m_messageLabel->clear();
    if (retry)
        m_host.retryJob(id);
    else
        m_host.cancelJob(id);
}

void JobListDialog::showAnswer(const QString& message, bool failed)
{
    if (!m_awaitingAnswer)
        return; // the engine answering someone else
    m_awaitingAnswer = false;
    m_messageLabel->setText(message);
    m_messageLabel->setStyleSheet(failed ? Theme::errorBoxStyleSheet() : QString());
    refresh();
}

} // namespace coffer::ui

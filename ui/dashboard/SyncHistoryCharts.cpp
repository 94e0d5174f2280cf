#include "dashboard/SyncHistoryCharts.h"

#include "EngineHost.h"
#include "WidgetIdentity.h"
#include "dashboard/DurationChart.h"
#include "dashboard/SuccessRateChart.h"
#include "dashboard/TransactionsChart.h"
#include "schedule/Clock.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {
constexpr int kRefreshDelayMs = 1000;
constexpr int kChartSpacing = 16;
} // namespace

SyncHistoryCharts::SyncHistoryCharts(EngineHost& host, std::shared_ptr<const schedule::Clock> clock, QWidget* parent)
    : QWidget(parent)
    , m_host(host)
    , m_clock(std::move(clock))
{
    setIdentity(this, QStringLiteral("syncHistoryCharts"), tr("Sync history charts"));
    auto* title = new QLabel(tr("Last 30 days"), this);
    setIdentity(title, QStringLiteral("chartsTitle"), tr("Last 30 days"));
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title->setFont(titleFont);
    m_connectionCombo = new QComboBox(this);
    setIdentity(m_connectionCombo, QStringLiteral("chartConnectionCombo"), tr("Connection shown in the charts"));
    m_connectionCombo->addItem(tr("All connections"), qint64(0));
    m_connectionCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_messageLabel = new QLabel(this);
    setIdentity(m_messageLabel, QStringLiteral("chartsMessageLabel"), tr("Why the charts are empty"));
    m_messageLabel->setWordWrap(true);
    m_messageLabel->hide();

    auto* header = new QHBoxLayout;
    header->addWidget(title);
    header->addStretch(1);
    header->addWidget(m_connectionCombo);

    m_durations = new DurationChart(this);
    m_successRate = new SuccessRateChart(this);
    m_transactions = new TransactionsChart(this);
    m_grid = new QGridLayout;
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(kChartSpacing);
    relayout();
    restyle();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addWidget(m_messageLabel);
    layout->addLayout(m_grid);

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(kRefreshDelayMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, &SyncHistoryCharts::refresh);
    connect(&m_host, &EngineHost::started, this, &SyncHistoryCharts::openDatabase);
    connect(&m_host, &EngineHost::connectionsChanged, this, &SyncHistoryCharts::setConnections);
    // Not restarted by later runs: a sync-all batch still redraws every kRefreshDelayMs.
    connect(&m_host, &EngineHost::syncFinished, this, [this] {
        if (!m_refreshTimer.isActive())
            m_refreshTimer.start();
    });
    connect(m_connectionCombo, &QComboBox::currentIndexChanged, this, &SyncHistoryCharts::refresh);
    setConnections(m_host.lastConnections());
    if (!m_host.databasePath().isEmpty())
        openDatabase(m_host.databasePath());
}

void SyncHistoryCharts::openDatabase(const QString& databasePath)
{
    auto opened = store::RunHistoryReader::open(databasePath);
    if (!opened.ok()) {
        m_reader.reset();
        showError(opened.error().userMessage);
        return;
    }
    m_reader = opened.value();
    refresh();
}

void SyncHistoryCharts::setConnections(const QList<model::ConnectionStatus>& connections)
{
    QList<qint64> ids;
    for (const model::ConnectionStatus& c : connections) {
        ids.append(c.connectionId);
        const int at = m_connectionCombo->findData(c.connectionId);
        if (at < 0)
            m_connectionCombo->addItem(c.name, c.connectionId);
        else if (m_connectionCombo->itemText(at) != c.name)
            m_connectionCombo->setItemText(at, c.name);
    }
    bool removed = false;
    for (int i = m_connectionCombo->count() - 1; i > 0; --i) {
        if (!ids.contains(m_connectionCombo->itemData(i).toLongLong())) {
            m_connectionCombo->removeItem(i); // back to "All connections" if it was the one shown
            removed = true;
        }
    }
    if (removed && !m_refreshTimer.isActive())
        m_refreshTimer.start(); // its data may be gone from the totals
}

void SyncHistoryCharts::refresh()
{
    m_refreshTimer.stop();
    if (!m_reader)
        return;
    const QDate today = m_clock->now().toLocalTime().date();
    m_drawnFor = today;
    const store::HistoryRange range{m_connectionCombo->currentData().toLongLong(), today.addDays(1 - kDays), today};
    const auto runs = m_reader->durations(range, kMaxRuns);
    if (!runs.ok())
        return showError(runs.error().userMessage);
    const auto perDay = m_reader->runsPerDay(range);
    if (!perDay.ok())
        return showError(perDay.error().userMessage);
    const auto transactions = m_reader->transactionsPerDay(range);
    if (!transactions.ok())
        return showError(transactions.error().userMessage);
    m_messageLabel->hide();
    m_durations->setRuns(runs.value(), m_clock->now(), kDays);
    m_successRate->setDays(perDay.value(), range.from, kDays);
    m_transactions->setDays(transactions.value(), range.from, kDays);
}

void SyncHistoryCharts::showError(const QString& message)
{
    m_messageLabel->setText(tr("The charts could not be drawn: %1").arg(message));
    m_messageLabel->show();
}

void SyncHistoryCharts::setClock(std::shared_ptr<const schedule::Clock> clock)
{
    m_clock = std::move(clock);
    refresh();
}

void SyncHistoryCharts::refreshIfNewDay()
{
    if (m_reader && m_drawnFor != m_clock->now().toLocalTime().date())
        refresh();
}

void SyncHistoryCharts::setAvailableWidth(int width)
{
    const int columns = width >= 2 * HistoryChart::kMinimumWidth + kChartSpacing ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    relayout();
}

void SyncHistoryCharts::relayout()
{
    const bool wide = m_columns == 2;
    m_grid->removeWidget(m_durations);
    m_grid->removeWidget(m_successRate);
    m_grid->removeWidget(m_transactions);
    m_grid->addWidget(m_durations, 0, 0);
    m_grid->addWidget(m_successRate, wide ? 0 : 1, wide ? 1 : 0);
    m_grid->addWidget(m_transactions, wide ? 1 : 2, 0, 1, m_columns);
}

void SyncHistoryCharts::restyle()
{
    m_durations->restyle();
    m_successRate->restyle();
    m_transactions->restyle();
}

void SyncHistoryCharts::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        restyle();
}

} // namespace coffer::ui

#include "dashboard/DashboardView.h"

#include "EngineHost.h"
#include "WidgetIdentity.h"
#include "dashboard/CardGrid.h"
#include "dashboard/JobListDialog.h"
#include "dashboard/QueueHealthStrip.h"
#include "dashboard/SyncHistoryCharts.h"
#include "schedule/Clock.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {
constexpr int kClockIntervalMs = 30 * 1000;
constexpr int kSectionSpacing = 24;
} // namespace

DashboardView::DashboardView(EngineHost& host, QWidget* parent)
    : QWidget(parent)
    , m_host(host)
    , m_clock(std::make_shared<schedule::SystemClock>())
{
    setIdentity(this, QStringLiteral("dashboardView"), tr("Dashboard"));

    auto* title = new QLabel(tr("Sync monitor"), this);
    setIdentity(title, QStringLiteral("dashboardTitle"), tr("Sync monitor"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_pages = new QStackedWidget(this);
    setIdentity(m_pages, QStringLiteral("dashboardPages"), tr("Dashboard content"));
    m_emptyState = createEmptyState();
    m_monitorPage = createMonitorPage();
    m_pages->addWidget(m_emptyState);
    m_pages->addWidget(m_monitorPage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(m_pages, 1);

    connect(&m_host, &EngineHost::started, this, &DashboardView::showStarted);
    connect(&m_host, &EngineHost::startFailed, this, [this](const QString& message) {
        m_emptyLabel->setText(tr("Coffer could not open its data: %1").arg(message));
        m_emptyAddButton->hide(); // nothing can be added until the database problem is solved
    });
    connect(&m_host, &EngineHost::connectionsChanged, this, &DashboardView::showConnections);
    connect(&m_host, &EngineHost::jobProgress, m_cards, &CardGrid::showProgress);
    connect(m_cards, &CardGrid::syncRequested, this, [this](qint64 id) { m_host.syncNow(id); });
    connect(m_cards, &CardGrid::reauthenticateRequested, this, &DashboardView::reauthenticateRequested);
    connect(m_queueStrip, &QueueHealthStrip::jobsRequested, this, &DashboardView::showJobList);
    connect(m_emptyAddButton, &QPushButton::clicked, this, &DashboardView::addDemoRequested);

    m_clockTimer.setInterval(kClockIntervalMs);
    connect(&m_clockTimer, &QTimer::timeout, this, &DashboardView::refreshRelativeTimes);
    m_clockTimer.start();

    if (!m_host.databasePath().isEmpty()) { // created after the engine started: catch up
        showStarted();
        showConnections(m_host.lastConnections());
    }
}

void DashboardView::showStarted()
{
    m_emptyLabel->setText(tr("No bank connections yet. Add a demo connection to see how Coffer "
                             "keeps transactions up to date."));
    m_emptyAddButton->setEnabled(true);
}

QWidget* DashboardView::createEmptyState()
{
    auto* page = new QWidget(this);
    setIdentity(page, QStringLiteral("dashboardEmptyState"), tr("No connections"));
    m_emptyLabel = new QLabel(tr("Opening your data\u2026"), page);
    setIdentity(m_emptyLabel, QStringLiteral("emptyStateLabel"), tr("No connections"));
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setFixedWidth(440);
    m_emptyAddButton = new QPushButton(tr("Add demo connection"), page);
    setIdentity(m_emptyAddButton, QStringLiteral("emptyStateAddDemoButton"), tr("Add demo connection"));
    m_emptyAddButton->setEnabled(false);

    // Centred by stretches, not an alignment flag: with a flag the layout would compute the
    // wrapped label's height for the full page width and cut off its second line.
    auto* labelRow = new QHBoxLayout;
    labelRow->addStretch(1);
    labelRow->addWidget(m_emptyLabel);
    labelRow->addStretch(1);

    auto* layout = new QVBoxLayout(page);
    layout->addStretch(1);
    layout->addLayout(labelRow);
    layout->addSpacing(8);
    layout->addWidget(m_emptyAddButton, 0, Qt::AlignHCenter);
    layout->addStretch(2);
    return page;
}

DashboardView::~DashboardView() = default;

QWidget* DashboardView::createMonitorPage()
{
    auto* page = new QWidget(this);
    setIdentity(page, QStringLiteral("dashboardCardsPage"), tr("Sync monitor"));
    m_summaryLabel = new QLabel(page);
    setIdentity(m_summaryLabel, QStringLiteral("dashboardSummaryLabel"), tr("Summary"));

    m_scrollArea = new QScrollArea(page);
    setIdentity(m_scrollArea, QStringLiteral("dashboardScrollArea"), tr("Sync monitor"));
    m_scrollArea->setFrameShape(QFrame::NoFrame);
    m_scrollArea->setWidgetResizable(true);
    // Cards and charts reflow into fewer columns instead of scrolling sideways.
    m_scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scrollArea->viewport()->installEventFilter(this);
    m_scrollArea->viewport()->setAutoFillBackground(false);
    auto* container = new QWidget(m_scrollArea);
    setIdentity(container, QStringLiteral("dashboardCardContainer"), tr("Sync monitor"));
    container->setAutoFillBackground(false);

    m_cards = new CardGrid(container);
    m_queueStrip = new QueueHealthStrip(m_host, container);
    m_charts = new SyncHistoryCharts(m_host, m_clock, container);
    auto* containerLayout = new QVBoxLayout(container);
    containerLayout->setContentsMargins(0, 0, 4, 8);
    containerLayout->setSpacing(kSectionSpacing);
    containerLayout->addWidget(m_cards);
    containerLayout->addWidget(m_queueStrip);
    containerLayout->addWidget(m_charts);
    containerLayout->addStretch(1);
    m_scrollArea->setWidget(container);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_scrollArea, 1);
    return page;
}

ConnectionCard* DashboardView::cardFor(qint64 connectionId) const
{
    return m_cards->card(connectionId);
}

int DashboardView::cardCount() const
{
    return m_cards->count();
}

void DashboardView::setClock(std::shared_ptr<const schedule::Clock> clock)
{
    m_clock = std::move(clock);
    m_charts->setClock(m_clock);
    refreshRelativeTimes();
}

JobListDialog* DashboardView::showJobList()
{
    if (!m_jobList)
        m_jobList = new JobListDialog(m_host, this);
    m_jobList->show();
    m_jobList->raise();
    m_jobList->activateWindow();
    return m_jobList;
}

void DashboardView::showConnections(const QList<model::ConnectionStatus>& connections)
{
    m_cards->showConnections(connections, m_clock->now());
    updateSummary(connections);
    m_pages->setCurrentWidget(connections.isEmpty() ? m_emptyState : m_monitorPage);
}

void DashboardView::refreshRelativeTimes()
{
    m_cards->refreshRelativeTimes(m_clock->now());
    m_charts->refreshIfNewDay();
}

bool DashboardView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_scrollArea->viewport() && event->type() == QEvent::Resize) {
        const int width = m_scrollArea->viewport()->width();
        m_cards->setAvailableWidth(width);
        m_charts->setAvailableWidth(width);
    }
    return QWidget::eventFilter(watched, event);
}

void DashboardView::updateSummary(const QList<model::ConnectionStatus>& connections)
{
    int syncing = 0;
    int queued = 0;
    int attention = 0;
    for (const model::ConnectionStatus& status : connections) {
        switch (status.state) {
        case model::ConnectionState::Syncing:
            ++syncing;
            break;
        case model::ConnectionState::Queued:
            ++queued;
            break;
        case model::ConnectionState::Error:
        case model::ConnectionState::ReauthRequired:
        case model::ConnectionState::ReauthSoon:
            ++attention;
            break;
        case model::ConnectionState::Idle:
        case model::ConnectionState::Paused:
            break;
        }
    }
    const QLocale locale;
    const int total = static_cast<int>(connections.size());
    QStringList parts{total == 1 ? tr("1 connection") : tr("%n connections", nullptr, total)};
    if (syncing > 0)
        parts.append(tr("%1 syncing").arg(locale.toString(syncing)));
    if (queued > 0)
        parts.append(tr("%1 queued").arg(locale.toString(queued)));
    if (attention > 0)
        parts.append(attention == 1 ? tr("1 needs attention")
                                    : tr("%1 need attention").arg(locale.toString(attention)));
    m_summaryLabel->setText(parts.join(QStringLiteral(" \u00b7 ")));
}

} // namespace coffer::ui

#include "dashboard/DashboardView.h"

#include "EngineHost.h"
#include "Format.h"
#include "WidgetIdentity.h"
#include "dashboard/ConnectionCard.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {
constexpr int kMaxColumns = 3;
constexpr int kCardSpacing = 16;
constexpr int kClockIntervalMs = 30 * 1000;
} // namespace

DashboardView::DashboardView(EngineHost& host, QWidget* parent)
    : QWidget(parent)
    , m_host(host)
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
    m_cardsPage = createCardsPage();
    m_pages->addWidget(m_emptyState);
    m_pages->addWidget(m_cardsPage);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(m_pages, 1);

    connect(&m_host, &EngineHost::started, this, [this] {
        m_emptyLabel->setText(tr("No bank connections yet. Add a demo connection to see how Coffer "
                                 "keeps transactions up to date."));
        m_emptyAddButton->setEnabled(true);
    });
    connect(&m_host, &EngineHost::startFailed, this, [this](const QString& message) {
        m_emptyLabel->setText(tr("Coffer could not open its data: %1").arg(message));
        m_emptyAddButton->hide(); // nothing can be added until the database problem is solved
    });
    connect(&m_host, &EngineHost::connectionsChanged, this, &DashboardView::showConnections);
    connect(&m_host, &EngineHost::jobProgress, this, &DashboardView::showProgress);
    connect(m_emptyAddButton, &QPushButton::clicked, this, &DashboardView::addDemoRequested);

    m_clockTimer.setInterval(kClockIntervalMs);
    connect(&m_clockTimer, &QTimer::timeout, this, &DashboardView::refreshRelativeTimes);
    m_clockTimer.start();
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

QWidget* DashboardView::createCardsPage()
{
    auto* page = new QWidget(this);
    setIdentity(page, QStringLiteral("dashboardCardsPage"), tr("Connections"));
    m_summaryLabel = new QLabel(page);
    setIdentity(m_summaryLabel, QStringLiteral("dashboardSummaryLabel"), tr("Summary"));

    m_scrollArea = new QScrollArea(page);
    setIdentity(m_scrollArea, QStringLiteral("dashboardScrollArea"), tr("Connection cards"));
    m_scrollArea->setFrameShape(QFrame::NoFrame);
    m_scrollArea->setWidgetResizable(true);
    // Cards reflow into fewer columns instead of scrolling sideways.
    m_scrollArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scrollArea->viewport()->installEventFilter(this);
    auto* container = new QWidget(m_scrollArea);
    setIdentity(container, QStringLiteral("dashboardCardContainer"), tr("Connection cards"));
    container->setAutoFillBackground(false);
    m_scrollArea->viewport()->setAutoFillBackground(false);

    m_cardGrid = new QGridLayout;
    m_cardGrid->setContentsMargins(0, 0, 0, 0);
    m_cardGrid->setSpacing(kCardSpacing);
    auto* containerLayout = new QVBoxLayout(container);
    containerLayout->setContentsMargins(0, 0, 4, 0);
    containerLayout->addLayout(m_cardGrid);
    containerLayout->addStretch(1);
    m_scrollArea->setWidget(container);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(m_summaryLabel);
    layout->addWidget(m_scrollArea, 1);
    return page;
}

void DashboardView::showConnections(const QList<model::ConnectionStatus>& connections)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<qint64> order;
    bool layoutChanged = false;
    for (const model::ConnectionStatus& status : connections) {
        order.append(status.connectionId);
        ConnectionCard* card = m_cards.value(status.connectionId);
        if (!card) {
            card = new ConnectionCard(status.connectionId, m_cardGrid->parentWidget());
            connect(card, &ConnectionCard::syncRequested, this, [this](qint64 id) { m_host.syncNow(id); });
            m_cards.insert(status.connectionId, card);
            layoutChanged = true;
        }
        card->setStatus(status, now);
    }
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        if (!order.contains(it.key())) {
            // Out of the grid now, so the new layout does not overlap a card that dies later.
            m_cardGrid->removeWidget(it.value());
            it.value()->hide();
            it.value()->deleteLater();
            it = m_cards.erase(it);
            layoutChanged = true;
        } else {
            ++it;
        }
    }
    if (layoutChanged || order != m_order) {
        m_order = order;
        relayoutCards();
    }
    updateSummary(connections);
    m_pages->setCurrentWidget(connections.isEmpty() ? m_emptyState : m_cardsPage);
}

void DashboardView::showProgress(const model::JobProgress& progress)
{
    if (ConnectionCard* card = m_cards.value(progress.connectionId))
        card->setProgress(progress);
}

void DashboardView::refreshRelativeTimes()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (ConnectionCard* card : std::as_const(m_cards))
        card->refreshRelativeTimes(now);
}

bool DashboardView::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_scrollArea->viewport() && event->type() == QEvent::Resize)
        updateColumnCount();
    return QWidget::eventFilter(watched, event);
}

void DashboardView::updateColumnCount()
{
    const int available = m_scrollArea->viewport()->width();
    const int fit = (available + kCardSpacing) / (ConnectionCard::kMinimumWidth + kCardSpacing);
    const int columns = qBound(1, fit, kMaxColumns);
    if (columns == m_columns)
        return;
    m_columns = columns;
    relayoutCards();
}

void DashboardView::relayoutCards()
{
    for (ConnectionCard* card : std::as_const(m_cards))
        m_cardGrid->removeWidget(card);
    for (int column = 0; column < kMaxColumns; ++column)
        m_cardGrid->setColumnStretch(column, column < m_columns ? 1 : 0);
    for (int i = 0; i < m_order.size(); ++i) {
        if (ConnectionCard* card = m_cards.value(m_order.at(i)))
            m_cardGrid->addWidget(card, i / m_columns, i % m_columns, Qt::AlignTop);
    }
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

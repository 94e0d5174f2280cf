#include "dashboard/QueueHealthStrip.h"

#include "EngineHost.h"
#include "WidgetIdentity.h"
#include "dashboard/DashboardTheme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace coffer::ui {

QueueHealthStrip::QueueHealthStrip(EngineHost& host, QWidget* parent)
    : QFrame(parent)
    , m_host(host)
{
    setIdentity(this, QStringLiteral("queueHealthStrip"), tr("Queue health"));
    setStyleSheet(DashboardTheme::tileStyleSheet());

    auto* title = new QLabel(tr("Sync queue"), this);
    setIdentity(title, QStringLiteral("queueTitle"), tr("Sync queue"));
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    title->setFont(titleFont);
    m_stateLabel = new QLabel(this);
    setIdentity(m_stateLabel, QStringLiteral("queueStateLabel"), tr("Queue state"));
    m_pauseButton = new QPushButton(tr("Pause queue"), this);
    setIdentity(m_pauseButton, QStringLiteral("queuePauseButton"), tr("Pause or resume the sync queue"));
    m_pauseButton->setEnabled(false); // until the engine says whether it is paused
    m_jobsButton = new QPushButton(tr("Jobs\u2026"), this);
    setIdentity(m_jobsButton, QStringLiteral("queueJobsButton"), tr("Show the job list"));
    m_jobsButton->setToolTip(tr("Every recent job, with retry, cancel and the errors of failed ones"));

    auto* header = new QHBoxLayout;
    header->setSpacing(12);
    header->addWidget(title);
    header->addWidget(m_stateLabel, 1);
    header->addWidget(m_pauseButton);
    header->addWidget(m_jobsButton);

    m_tiles = new QHBoxLayout;
    m_tiles->setSpacing(10);
    m_waiting = addTile(QStringLiteral("queueWaitingValue"), tr("Waiting"), tr("Jobs ready to start"));
    m_active = addTile(QStringLiteral("queueActiveValue"), tr("Active"), tr("Jobs running now"));
    m_delayed = addTile(QStringLiteral("queueDelayedValue"), tr("Delayed"),
                        tr("Jobs waiting out a backoff before their next attempt"));
    m_failed = addTile(QStringLiteral("queueFailedValue"), tr("Failed"),
                       tr("Jobs that used up their attempts (kept 30 days); open the job list to retry them"));
    m_paused = addTile(QStringLiteral("queuePausedValue"), tr("Paused"), tr("Jobs held while the queue is paused"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(header);
    layout->addLayout(m_tiles);

    connect(m_pauseButton, &QPushButton::clicked, this, &QueueHealthStrip::togglePause);
    connect(m_jobsButton, &QPushButton::clicked, this, &QueueHealthStrip::jobsRequested);
    connect(&m_host, &EngineHost::queueStats, this, &QueueHealthStrip::setStats);
    connect(&m_host, &EngineHost::health, this, [this](const jobs::HealthReport& report) { setStats(report.queue); });
    // A refused pause or resume changes nothing: the button is usable again.
    connect(&m_host, &EngineHost::operationFailed, this, [this] { m_pauseButton->setEnabled(m_stats.has_value()); });
}

QLabel* QueueHealthStrip::addTile(const QString& objectName, const QString& caption, const QString& toolTip)
{
    auto* tile = new QFrame(this);
    setIdentity(tile, QStringLiteral("queueTile"), caption);
    tile->setToolTip(toolTip);
    auto* value = new QLabel(QStringLiteral("\u2013"), tile);
    setIdentity(value, objectName, caption);
    QFont valueFont = value->font();
    valueFont.setPointSizeF(valueFont.pointSizeF() * 1.6);
    valueFont.setBold(true);
    value->setFont(valueFont);
    auto* label = new QLabel(caption, tile);
    setIdentity(label, objectName + QStringLiteral("Caption"), caption);
    auto* layout = new QVBoxLayout(tile);
    layout->setContentsMargins(14, 8, 14, 8);
    layout->setSpacing(0);
    layout->addWidget(value);
    layout->addWidget(label);
    m_tiles->addWidget(tile, 1);
    return value;
}

void QueueHealthStrip::setStats(const jobs::QueueStats& stats)
{
    m_stats = stats;
    const QLocale locale;
    // As in BullMQ's counts: while the queue is paused, the jobs that would start are "paused".
    m_waiting->setText(locale.toString(stats.paused ? 0 : stats.waiting));
    m_paused->setText(locale.toString(stats.paused ? stats.waiting : 0));
    m_active->setText(locale.toString(stats.active));
    m_delayed->setText(locale.toString(stats.delayed));
    m_failed->setText(locale.toString(stats.failed));
    const QString failedColour = stats.failed > 0 ? DashboardTheme::failure().name() : QString();
    m_failed->setStyleSheet(failedColour.isEmpty() ? QString()
                                                   : QStringLiteral("QLabel { color: %1; }").arg(failedColour));

    const QString completed = tr("%1 completed in the last 7 days").arg(locale.toString(stats.completed));
    m_stateLabel->setText(stats.paused ? tr("Paused: nothing new starts until you resume \u00b7 %1").arg(completed)
                                       : tr("Running \u00b7 %1").arg(completed));
    m_pauseButton->setText(stats.paused ? tr("Resume queue") : tr("Pause queue"));
    m_pauseButton->setToolTip(stats.paused ? tr("Let queued syncs start again")
                                           : tr("Start no new syncs until resumed"));
    m_pauseButton->setEnabled(true);
}

void QueueHealthStrip::togglePause()
{
    if (!m_stats)
        return;
    // Enabled again by the engine's next counts, which say whether the queue is paused now.
    m_pauseButton->setEnabled(false);
    if (m_stats->paused)
        m_host.resumeQueue();
    else
        m_host.pauseQueue();
}

} // namespace coffer::ui

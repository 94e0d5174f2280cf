#include "dashboard/DurationChart.h"

#include "dashboard/DashboardTheme.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

namespace coffer::ui {

namespace {
constexpr qint64 kHourMs = 3600 * 1000;
}

DurationChart::DurationChart(QWidget* parent)
    : HistoryChart(QStringLiteral("durationChart"), tr("Sync duration per run"), parent)
{
    QChart* c = chart();
    m_durations = new QLineSeries(c);
    m_durations->setObjectName(QStringLiteral("durationSeries"));
    m_durations->setName(tr("Duration"));
    m_durations->setPointsVisible(true);
    m_failedRuns = new QScatterSeries(c);
    m_failedRuns->setObjectName(QStringLiteral("failedRunSeries"));
    m_failedRuns->setName(tr("Failed run"));
    m_failedRuns->setMarkerSize(9);
    m_timeAxis = new QDateTimeAxis(c);
    m_timeAxis->setTickCount(5);
    m_secondsAxis = new QValueAxis(c);
    m_secondsAxis->setTickCount(5);
    c->addSeries(m_durations);
    c->addSeries(m_failedRuns);
    c->addAxis(m_timeAxis, Qt::AlignBottom);
    c->addAxis(m_secondsAxis, Qt::AlignLeft);
    for (QXYSeries* series : {static_cast<QXYSeries*>(m_durations), static_cast<QXYSeries*>(m_failedRuns)}) {
        series->attachAxis(m_timeAxis);
        series->attachAxis(m_secondsAxis);
    }
    c->legend()->show();
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setTitle(tr("Sync duration per run"));
}

void DurationChart::setRuns(const QList<store::RunDuration>& runs, const QDateTime& now, int days)
{
    qint64 longestMs = 0;
    for (const store::RunDuration& run : runs)
        longestMs = qMax(longestMs, run.durationMs);
    // Seconds, or minutes once a run took more than two of them.
    const bool minutes = longestMs > 120 * 1000;
    const qreal unitMs = minutes ? 60000.0 : 1000.0;
    m_secondsAxis->setLabelFormat(minutes ? QStringLiteral("%.0f min") : QStringLiteral("%.1f s"));
    QList<QPointF> all;
    QList<QPointF> failed;
    qreal longest = 0;
    for (const store::RunDuration& run : runs) {
        const QPointF point(qreal(run.startedAt.toMSecsSinceEpoch()), qreal(run.durationMs) / unitMs);
        all.append(point);
        if (!run.succeeded)
            failed.append(point);
        longest = qMax(longest, point.y());
    }
    m_durations->replace(all);
    m_failedRuns->replace(failed);
    const qint64 first =
        runs.isEmpty() ? now.addDays(1 - days).toMSecsSinceEpoch() : runs.first().startedAt.toMSecsSinceEpoch();
    const qint64 last = runs.isEmpty() ? now.toMSecsSinceEpoch() : runs.last().startedAt.toMSecsSinceEpoch();
    // A little room either side, so the first and last runs are not drawn on the axes.
    const qint64 pad = qMax<qint64>(kHourMs / 2, (last - first) / 20);
    m_timeAxis->setRange(QDateTime::fromMSecsSinceEpoch(first - pad), QDateTime::fromMSecsSinceEpoch(last + pad));
    m_timeAxis->setFormat(last - first < 36 * kHourMs ? QStringLiteral("HH:mm") : QStringLiteral("MMM d"));
    m_secondsAxis->setRange(0, qMax<qreal>(1.0, longest * 1.2));
    m_secondsAxis->applyNiceNumbers();
    chart()->setTitle(runs.isEmpty() ? tr("Sync duration per run: no runs yet") : tr("Sync duration per run"));
}

void DurationChart::colourSeries()
{
    m_durations->setColor(DashboardTheme::accent());
    m_failedRuns->setColor(DashboardTheme::failure());
    m_failedRuns->setBorderColor(DashboardTheme::failure());
}

} // namespace coffer::ui

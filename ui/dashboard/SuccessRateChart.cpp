#include "dashboard/SuccessRateChart.h"

#include "dashboard/DashboardTheme.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

namespace coffer::ui {

SuccessRateChart::SuccessRateChart(QWidget* parent)
    : HistoryChart(QStringLiteral("successChart"), tr("Sync success rate per day"), parent)
{
    QChart* c = chart();
    m_rate = new QLineSeries(c);
    m_rate->setObjectName(QStringLiteral("successSeries"));
    m_rate->setPointsVisible(true);
    m_dayAxis = new QCategoryAxis(c);
    auto* percent = new QValueAxis(c);
    percent->setRange(0, 100);
    percent->setTickCount(5);
    percent->setLabelFormat(QStringLiteral("%d %%"));
    c->addSeries(m_rate);
    c->addAxis(m_dayAxis, Qt::AlignBottom);
    c->addAxis(percent, Qt::AlignLeft);
    m_rate->attachAxis(m_dayAxis);
    m_rate->attachAxis(percent);
    c->setTitle(tr("Success rate"));
}

void SuccessRateChart::setDays(const QList<store::DailyRuns>& days, const QDate& from, int dayCount)
{
    QList<QPointF> points;
    int succeeded = 0;
    int total = 0;
    for (const store::DailyRuns& day : days) {
        points.append(QPointF(qreal(from.daysTo(day.day)), 100.0 * day.succeeded / qMax(1, day.total())));
        succeeded += day.succeeded;
        total += day.total();
    }
    m_rate->replace(points);
    setDayLabels(*m_dayAxis, from, dayCount);
    const QLocale locale;
    chart()->setTitle(total == 0
                          ? tr("Success rate: no runs yet")
                          : tr("Success rate: %1 % of %2 runs")
                                .arg(locale.toString(qRound(100.0 * succeeded / total)), locale.toString(total)));
}

void SuccessRateChart::colourSeries()
{
    m_rate->setColor(DashboardTheme::fresh());
}

} // namespace coffer::ui

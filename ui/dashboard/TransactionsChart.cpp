#include "dashboard/TransactionsChart.h"

#include "dashboard/DashboardTheme.h"

#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>

namespace coffer::ui {

TransactionsChart::TransactionsChart(QWidget* parent)
    : HistoryChart(QStringLiteral("transactionChart"), tr("Transactions per day"), parent)
{
    QChart* c = chart();
    auto* series = new QBarSeries(c);
    series->setObjectName(QStringLiteral("transactionSeries"));
    series->setBarWidth(0.7);
    m_bars = new QBarSet(tr("Transactions"), series);
    m_bars->setObjectName(QStringLiteral("transactionSet"));
    series->append(m_bars);
    m_dayAxis = new QCategoryAxis(c);
    m_countAxis = new QValueAxis(c);
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    c->addSeries(series);
    c->addAxis(m_dayAxis, Qt::AlignBottom);
    c->addAxis(m_countAxis, Qt::AlignLeft);
    series->attachAxis(m_dayAxis);
    series->attachAxis(m_countAxis);
    c->setTitle(tr("Transactions per day"));
}

void TransactionsChart::setDays(const QList<store::DailyCount>& days, const QDate& from, int dayCount)
{
    QList<qreal> values(dayCount, 0.0);
    qint64 total = 0;
    for (const store::DailyCount& day : days) {
        const qint64 at = from.daysTo(day.day);
        if (at >= 0 && at < dayCount) {
            values[at] = qreal(day.count);
            total += day.count;
        }
    }
    m_bars->remove(0, m_bars->count());
    m_bars->append(values);
    setDayLabels(*m_dayAxis, from, dayCount);
    m_countAxis->setRange(0, qMax<qreal>(4.0, *std::max_element(values.cbegin(), values.cend())));
    m_countAxis->applyNiceNumbers();
    chart()->setTitle(tr("Transactions per day: %1 in all").arg(QLocale().toString(total)));
}

void TransactionsChart::colourSeries()
{
    m_bars->setColor(DashboardTheme::accent());
    m_bars->setBorderColor(DashboardTheme::accent());
}

} // namespace coffer::ui

#include "dashboard/HistoryChart.h"

#include "WidgetIdentity.h"
#include "dashboard/DashboardTheme.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLocale>

namespace coffer::ui {

HistoryChart::HistoryChart(const QString& objectName, const QString& accessibleName, QWidget* parent)
    : QChartView(new QChart, parent)
{
    setIdentity(this, objectName, accessibleName);
    chart()->setMargins(QMargins(6, 6, 6, 6));
    chart()->legend()->hide();
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(kMinimumWidth, kHeight);
    setFrameShape(QFrame::NoFrame);
    setBackgroundBrush(Qt::NoBrush); // the chart's rounded background shows through
}

void HistoryChart::restyle()
{
    DashboardTheme::apply(*chart());
    colourSeries();
}

void HistoryChart::setDayLabels(QCategoryAxis& axis, const QDate& from, int days)
{
    for (const QString& label : axis.categoriesLabels())
        axis.remove(label);
    axis.setStartValue(-0.5);
    // A label a week: thirty would not fit under a chart half a window wide.
    for (int at = (days - 1) % 7; at < days; at += 7)
        axis.append(QLocale().toString(from.addDays(at), QStringLiteral("MMM d")), at);
    axis.setRange(-0.5, days - 0.5);
    axis.setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
}

} // namespace coffer::ui

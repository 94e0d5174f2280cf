#include "dashboard/DashboardTheme.h"

#include "Theme.h"

#include <QAbstractAxis>
#include <QChart>
#include <QGuiApplication>
#include <QLegend>
#include <QPalette>

namespace coffer::ui {

QString DashboardTheme::warningBoxStyleSheet()
{
    return QStringLiteral("QLabel { color: #713f12; background-color: #fdf3d8; border: 1px solid #ecd08f;"
                          " border-radius: 4px; padding: 6px 8px; }");
}

QColor DashboardTheme::fresh()
{
    return Theme::isDark() ? QColor(0x7d, 0xd3, 0x94) : QColor(0x1f, 0x7a, 0x3d);
}

QColor DashboardTheme::stale()
{
    return Theme::isDark() ? QColor(0xf0, 0xb4, 0x5a) : QColor(0x9a, 0x5b, 0x00);
}

QColor DashboardTheme::failure()
{
    return Theme::isDark() ? QColor(0xff, 0x8a, 0x80) : QColor(0xc0, 0x2b, 0x2b);
}

QColor DashboardTheme::accent()
{
    return Theme::isDark() ? QColor(0x7a, 0xa7, 0xff) : QColor(0x25, 0x63, 0xeb);
}

QString DashboardTheme::tileStyleSheet()
{
    return QStringLiteral("QFrame#queueTile { background-color: palette(base); border: 1px solid palette(mid);"
                          " border-radius: 6px; }");
}

void DashboardTheme::apply(QChart& chart)
{
    const QPalette palette = QGuiApplication::palette();
    chart.setTheme(Theme::isDark() ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    chart.setBackgroundBrush(palette.color(QPalette::Base));
    chart.setBackgroundPen(QPen(palette.color(QPalette::Mid)));
    chart.setBackgroundRoundness(8);
    chart.setTitleBrush(palette.color(QPalette::Text));
    QFont title = chart.titleFont();
    title.setBold(true);
    title.setPointSizeF(QGuiApplication::font().pointSizeF());
    chart.setTitleFont(title);
    chart.legend()->setLabelColor(palette.color(QPalette::Text));
    QColor grid = palette.color(QPalette::Text);
    grid.setAlpha(40);
    for (QAbstractAxis* axis : chart.axes()) {
        axis->setLabelsColor(palette.color(QPalette::Text));
        axis->setGridLineColor(grid);
        axis->setLinePenColor(palette.color(QPalette::Mid));
        axis->setTitleBrush(palette.color(QPalette::Text));
    }
}

} // namespace coffer::ui

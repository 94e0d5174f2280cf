#pragma once

#include <QColor>
#include <QString>

class QChart;

namespace coffer::ui {

// The dashboard's colours on top of Theme: each has a light and a dark variant, so text stays
// readable whichever palette the desktop uses.
class DashboardTheme {
public:
    // An amber notice box (a consent running out); sets foreground and background.
    static QString warningBoxStyleSheet();
    static QColor fresh();
    static QColor stale();
    static QColor failure();
    static QColor accent();
    // A queue-strip tile: a rounded panel on the palette's base colour.
    static QString tileStyleSheet();
    // Chart background, text and grid following the palette.
    static void apply(QChart& chart);
};

} // namespace coffer::ui

#pragma once

#include <QChartView>
#include <QDate>

class QCategoryAxis;

namespace coffer::ui {

// One chart of the dashboard's history: a chart view following the palette, with helpers for the
// day axis the daily charts share. Subclasses own their series and say how to colour them.
class HistoryChart : public QChartView {
    Q_OBJECT
public:
    static constexpr int kMinimumWidth = 300;
    static constexpr int kHeight = 250;

    HistoryChart(const QString& objectName, const QString& accessibleName, QWidget* parent = nullptr);

    // Applies the palette's colours (again, after a palette change).
    void restyle();

protected:
    // Series colours: a theme resets them, so they are set after it.
    virtual void colourSeries() = 0;
    // Days from..from+days-1 on an axis of day indexes, one label a week ending on the last day.
    static void setDayLabels(QCategoryAxis& axis, const QDate& from, int days);
};

} // namespace coffer::ui

#pragma once

#include "dashboard/HistoryChart.h"
#include "store/RunHistoryReader.h"

class QDateTimeAxis;
class QLineSeries;
class QScatterSeries;
class QValueAxis;

namespace coffer::ui {

// How long each finished sync took, in order, failed runs marked.
class DurationChart : public HistoryChart {
    Q_OBJECT
public:
    explicit DurationChart(QWidget* parent = nullptr);

    // now: where the time axis ends when there is no run to show.
    void setRuns(const QList<store::RunDuration>& runs, const QDateTime& now, int days);

protected:
    void colourSeries() override;

private:
    QLineSeries* m_durations = nullptr;
    QScatterSeries* m_failedRuns = nullptr;
    QDateTimeAxis* m_timeAxis = nullptr;
    QValueAxis* m_secondsAxis = nullptr;
};

} // namespace coffer::ui

#pragma once

#include "dashboard/HistoryChart.h"
#include "store/RunHistoryReader.h"

class QCategoryAxis;
class QLineSeries;

namespace coffer::ui {

// The share of finished syncs that succeeded, per day with runs; the whole period in the title.
class SuccessRateChart : public HistoryChart {
    Q_OBJECT
public:
    explicit SuccessRateChart(QWidget* parent = nullptr);
    void setDays(const QList<store::DailyRuns>& days, const QDate& from, int dayCount);

protected:
    void colourSeries() override;

private:
    QLineSeries* m_rate = nullptr;
    QCategoryAxis* m_dayAxis = nullptr;
};

} // namespace coffer::ui

#pragma once

#include "dashboard/HistoryChart.h"
#include "store/RunHistoryReader.h"

class QBarSet;
class QCategoryAxis;
class QValueAxis;

namespace coffer::ui {

// Transactions booked per day, as bars; the period's total in the title.
class TransactionsChart : public HistoryChart {
    Q_OBJECT
public:
    explicit TransactionsChart(QWidget* parent = nullptr);
    void setDays(const QList<store::DailyCount>& days, const QDate& from, int dayCount);

protected:
    void colourSeries() override;

private:
    QBarSet* m_bars = nullptr;
    QCategoryAxis* m_dayAxis = nullptr;
    QValueAxis* m_countAxis = nullptr;
};

} // namespace coffer::ui

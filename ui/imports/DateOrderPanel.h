#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QRadioButton;

namespace coffer::ui {

// Asks the one question a file with dates like 03/04/2024 leaves open: is it day/month or
// month/day? Every date of the file fits both, so Coffer does not guess. Shows a date from the
// file read both ways.
class DateOrderPanel : public QWidget {
    Q_OBJECT
public:
    explicit DateOrderPanel(QWidget* parent = nullptr);

    // message is the engine's question (it names the file and quotes a date of it).
    void ask(const QString& message);
    // "day-month" or "month-day", as ImportRequest::dateOrder takes it.
    QString chosenOrder() const;

Q_SIGNALS:
    void chosen(const QString& dateOrder);

private:
    QLabel* m_message = nullptr;
    QRadioButton* m_dayMonth = nullptr;
    QRadioButton* m_monthDay = nullptr;
    QPushButton* m_continue = nullptr;
};

} // namespace coffer::ui

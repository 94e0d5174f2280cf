#pragma once

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTimeEdit;

namespace coffer::ui {

// A connection's schedule: presets (every hour, 4 hours, 12 hours, daily at a time) or custom text
// in the engine's own syntax, with the next five runs previewed by the engine's schedule code and a
// custom text's problem shown as the parser words it.
class ScheduleEditor : public QWidget {
    Q_OBJECT
public:
    explicit ScheduleEditor(QWidget* parent = nullptr);

    // Shows a stored schedule (empty: the engine's default) and plans from the last successful sync.
    void setSchedule(const QString& text, const QDateTime& lastSuccessAt);
    // The schedule in the engine's syntax; meaningful only while isValid().
    QString scheduleText() const;
    bool isValid() const;
    void setPaused(bool paused);

Q_SIGNALS:
    void validityChanged(bool valid);

private:
    void onPresetChanged();
    void refresh();

    QComboBox* m_preset = nullptr;
    QTimeEdit* m_time = nullptr;
    QLineEdit* m_custom = nullptr;
    QLabel* m_preview = nullptr;
    QLabel* m_error = nullptr;
    QDateTime m_lastSuccessAt;
    bool m_paused = false;
    bool m_valid = true;
};

} // namespace coffer::ui

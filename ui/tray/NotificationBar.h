#pragma once

#include "NotificationCenter.h"

#include <QFrame>
#include <QList>

class QLabel;
class QPushButton;

namespace coffer::ui {

// The desktop alerts inside the window, for platforms without a tray: one message at a time
// with "Show" (goes where the alert leads) and a dismiss button; the next waiting one follows.
class NotificationBar : public QFrame {
    Q_OBJECT
public:
    explicit NotificationBar(QWidget* parent = nullptr);

    void showAlert(const DesktopAlert& alert);
    int waiting() const { return int(m_queue.size()); }

Q_SIGNALS:
    void openRequested(coffer::ui::AlertDestination destination);

private:
    void showNext();
    void display();

    QLabel* m_title = nullptr;
    QLabel* m_text = nullptr;
    QLabel* m_more = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_dismiss = nullptr;
    QList<DesktopAlert> m_queue; // the one shown first
};

} // namespace coffer::ui

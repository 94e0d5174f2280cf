#pragma once

#include <QDialog>

namespace coffer::ui {

// Help > About: what Coffer is, its version and the Qt it runs on.
class AboutDialog : public QDialog {
    Q_OBJECT
public:
    explicit AboutDialog(QWidget* parent = nullptr);
};

} // namespace coffer::ui

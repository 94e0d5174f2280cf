#pragma once

#include "connections/SpecPage.h"

class QLabel;
class QLineEdit;

namespace coffer::ui {

// The demo bank: a name, and optionally the seed its generated history grows from.
class DemoPage : public SpecPage {
    Q_OBJECT
public:
    explicit DemoPage(QWidget* parent = nullptr);

    model::ConnectionSpec spec() const override;
    QString summary() const override;
    QString addedText() const override;

private:
    QString problem() const override;

    QLineEdit* m_name = nullptr;
    QLineEdit* m_seed = nullptr;
    QLabel* m_error = nullptr;
    quint32 m_randomSeed = 0;
};

} // namespace coffer::ui

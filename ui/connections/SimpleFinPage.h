#pragma once

#include "connections/SpecPage.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace coffer::ui {

// SimpleFIN Bridge: the user creates a setup token there and pastes it here. The engine claims it
// when the connection is added (a token works once); this page only checks that it is one.
class SimpleFinPage : public SpecPage {
    Q_OBJECT
public:
    explicit SimpleFinPage(QWidget* parent = nullptr);

    model::ConnectionSpec spec() const override;
    QString summary() const override;
    QString addedText() const override;

private:
    QString problem() const override;
    QString name() const;

    QLineEdit* m_name = nullptr;
    QPlainTextEdit* m_token = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace coffer::ui

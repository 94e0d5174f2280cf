#pragma once

#include "connections/SpecPage.h"

class QComboBox;
class QLabel;
class QLineEdit;

namespace coffer::ui {

// A file-only account: a name, its currency and what kind of account it is. Nothing is fetched;
// its transactions come from importing bank files.
class FileAccountPage : public SpecPage {
    Q_OBJECT
public:
    explicit FileAccountPage(QWidget* parent = nullptr);

    model::ConnectionSpec spec() const override;
    QString summary() const override;
    QString addedText() const override;

private:
    QString problem() const override;
    QString currency() const;

    QLineEdit* m_name = nullptr;
    QLineEdit* m_currency = nullptr;
    QComboBox* m_kind = nullptr;
    QLabel* m_error = nullptr;
};

} // namespace coffer::ui

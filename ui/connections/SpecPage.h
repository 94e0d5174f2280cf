#pragma once

#include "model/Connection.h"

#include <QWizardPage>

namespace coffer::ui {

// A wizard page where the user describes one provider's connection: it knows the spec to add and
// says in one line what will be added. Pages validate as the user types (isComplete()) and show
// the reason inline, so Next stays disabled until the input is usable.
class SpecPage : public QWizardPage {
    Q_OBJECT
public:
    using QWizardPage::QWizardPage;

    virtual model::ConnectionSpec spec() const = 0;
    virtual QString summary() const = 0;
    // What the user should know once it has been added.
    virtual QString addedText() const = 0;
};

} // namespace coffer::ui

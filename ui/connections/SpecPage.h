#pragma once

#include "connections/WizardPageIds.h"
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

    // Complete when there is no problem with the input; every provider page goes on to connecting.
    bool isComplete() const override { return problem().isEmpty(); }
    int nextId() const override { return ConnectPageId; }

protected:
    // Why the input cannot be used yet, in plain words; empty when it can.
    virtual QString problem() const = 0;
};

} // namespace coffer::ui

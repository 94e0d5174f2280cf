#include "connections/AddConnectionWizard.h"

#include "WidgetIdentity.h"
#include "connections/ConnectPage.h"
#include "connections/DemoPage.h"
#include "connections/FileAccountPage.h"
#include "connections/PlaidPage.h"
#include "connections/ProviderPage.h"
#include "connections/SimpleFinPage.h"
#include "connections/WizardPageIds.h"

#include <QAbstractButton>
#include <tuple>

namespace coffer::ui {

AddConnectionWizard::AddConnectionWizard(EngineHost& host, QWidget* parent)
    : QWizard(parent)
{
    setIdentity(this, QStringLiteral("addConnectionWizard"), tr("Add connection"));
    setWindowTitle(tr("Add connection"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setMinimumSize(620, 460);

    m_providerPage = new ProviderPage(this);
    setPage(ProviderPageId, m_providerPage);
    setPage(DemoPageId, new DemoPage(this));
    setPage(SimpleFinPageId, new SimpleFinPage(this));
    setPage(FilePageId, new FileAccountPage(this));
    setPage(PlaidPageId, new PlaidPage(host, this));
    setPage(ConnectPageId, new ConnectPage(host, this));
    setStartId(ProviderPageId);

    const QList<std::tuple<WizardButton, QString, QString>> buttons{
        {NextButton, QStringLiteral("wizardNextButton"), tr("Next")},
        {BackButton, QStringLiteral("wizardBackButton"), tr("Back")},
        {FinishButton, QStringLiteral("wizardFinishButton"), tr("Finish")},
        {CancelButton, QStringLiteral("wizardCancelButton"), tr("Cancel")},
    };
    for (const auto& [which, name, accessible] : buttons)
        setIdentity(button(which), name, accessible);
    setButtonText(NextButton, tr("&Next >"));
}

} // namespace coffer::ui

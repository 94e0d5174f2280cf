#pragma once

#include <QWizard>

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class ProviderPage;

// "Add connection": choose a provider, describe the connection on that provider's page (checked
// as the user types), then the engine adds it. Opened with open(), never exec().
class AddConnectionWizard : public QWizard {
    Q_OBJECT
public:
    explicit AddConnectionWizard(EngineHost& host, QWidget* parent = nullptr);

    ProviderPage* providerPage() const { return m_providerPage; }

private:
    ProviderPage* m_providerPage = nullptr;
};

} // namespace coffer::ui

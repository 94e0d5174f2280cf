#pragma once

#include <QWizardPage>

class QLabel;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class SpecPage;

// The wizard's last page: asks the engine to add what the previous page describes and shows the
// outcome. Finish is enabled once the connection exists; a refusal (a setup token already used, a
// keychain that cannot be reached) is shown in plain words, and Back lets the user correct it.
class ConnectPage : public QWizardPage {
    Q_OBJECT
public:
    explicit ConnectPage(EngineHost& host, QWidget* parent = nullptr);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    qint64 addedConnectionId() const { return m_addedId; }

private:
    SpecPage* describingPage() const;
    void onAdded(qint64 connectionId);
    void onFailed(const QString& message);

    EngineHost& m_host;
    QLabel* m_summary = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_error = nullptr;
    bool m_waiting = false;
    qint64 m_addedId = 0;
};

} // namespace coffer::ui

#pragma once

#include "connections/SpecPage.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class BrowserLinkPanel;

// Plaid: the user's own API keys and environment, then Plaid Hosted Link in the system browser
// (or, in the sandbox, a test item without a bank). The engine adds the connection itself once the
// bank is linked, so this is the wizard's last page: Finish is enabled once the connection exists.
class PlaidPage : public SpecPage {
    Q_OBJECT
public:
    explicit PlaidPage(EngineHost& host, QWidget* parent = nullptr);

    model::ConnectionSpec spec() const override;
    QString summary() const override;
    QString addedText() const override;
    int nextId() const override { return -1; }
    void cleanupPage() override;
    qint64 addedConnectionId() const { return m_addedId; }

private:
    QString problem() const override;
    QString inputProblem() const;
    QString name() const;
    QString environment() const;
    void updateState();
    void begin(bool testItem);

    QLineEdit* m_name = nullptr;
    QLineEdit* m_clientId = nullptr;
    QLineEdit* m_secret = nullptr;
    QComboBox* m_environment = nullptr;
    QCheckBox* m_advanced = nullptr;
    QLineEdit* m_baseUrl = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_done = nullptr;
    QPushButton* m_connect = nullptr;
    QPushButton* m_testItem = nullptr;
    BrowserLinkPanel* m_link = nullptr;
    qint64 m_addedId = 0;
};

} // namespace coffer::ui

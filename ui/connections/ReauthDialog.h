#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class BrowserLinkPanel;

// Signing in to a connection's bank again. SimpleFIN: a new setup token, claimed by the engine,
// whose access replaces the one in the keychain. Plaid: Plaid Link in update mode, in the browser,
// keeping the item and its accounts. The demo bank signs in again at once. Closes when
// the engine confirms; shows its reason otherwise. Opened with open(), never exec().
class ReauthDialog : public QDialog {
    Q_OBJECT
public:
    ReauthDialog(EngineHost& host, qint64 connectionId, const QString& provider, const QString& name,
                 QWidget* parent = nullptr);

    qint64 connectionId() const { return m_connectionId; }

private:
    QString problem() const;
    void updateSubmit();
    void submit();

    EngineHost& m_host;
    qint64 m_connectionId = 0;
    QString m_provider;
    QPlainTextEdit* m_token = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_submit = nullptr;
    BrowserLinkPanel* m_link = nullptr; // Plaid only
    bool m_waiting = false;
};

} // namespace coffer::ui

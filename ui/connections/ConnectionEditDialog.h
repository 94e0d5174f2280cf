#pragma once

#include "model/ConnectionDetails.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class ScheduleEditor;

// Edits one connection: name, schedule, pause, which accounts are imported, whether pending
// transactions are; and offers to sign in again. Asks the engine for the connection's details when
// opened and sends only what the user changed when accepted. Opened with open(), never exec().
class ConnectionEditDialog : public QDialog {
    Q_OBJECT
public:
    ConnectionEditDialog(EngineHost& host, qint64 connectionId, QWidget* parent = nullptr);

    qint64 connectionId() const { return m_connectionId; }
    bool loaded() const { return m_loaded; }
    void accept() override;

Q_SIGNALS:
    void reauthenticateRequested(qint64 connectionId);

private:
    void fill(const model::ConnectionDetails& details);
    QStringList excludedAccounts() const;
    void updateOk();

    EngineHost& m_host;
    qint64 m_connectionId = 0;
    model::ConnectionDetails m_details;
    bool m_loaded = false;
    QLabel* m_provider = nullptr;
    QLineEdit* m_name = nullptr;
    ScheduleEditor* m_schedule = nullptr;
    QLabel* m_unscheduled = nullptr;
    QCheckBox* m_paused = nullptr;
    QListWidget* m_accounts = nullptr;
    QCheckBox* m_pending = nullptr;
    QPushButton* m_reauth = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace coffer::ui

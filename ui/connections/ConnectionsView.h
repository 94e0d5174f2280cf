#pragma once

#include "connections/ConnectionPrompts.h"
#include "model/Snapshots.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTableWidget;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

// The connection manager: lists connections and adds or removes them through the engine.
class ConnectionsView : public QWidget {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        ProviderColumn,
        AccountsColumn,
        TransactionsColumn,
        StateColumn,
        ConsentColumn,
        ColumnCount
    };

    explicit ConnectionsView(EngineHost& host, QWidget* parent = nullptr);
    ~ConnectionsView() override;

    // Replaces how the view asks its questions (tests answer without dialogs).
    void setPrompts(std::unique_ptr<ConnectionPrompts> prompts);

    // Asks for a name, then adds a demo connection. Also reached from the dashboard's empty state.
    void requestAddDemo();
    // Opens the "Add connection" wizard (or raises it when it is open).
    void requestAddConnection();
    // Opens the editor of a connection (the selected one for requestEditSelected).
    void requestEdit(qint64 connectionId);
    void requestEditSelected();
    // Opens "Sign in again" for a connection (the dashboard's Re-authenticate buttons call it).
    void requestReauthenticate(qint64 connectionId);
    // Asks whether to keep the data, then removes the selected connection.
    void requestRemoveSelected();

private:
    void showConnections(const QList<model::ConnectionStatus>& connections);
    int rowFor(qint64 connectionId) const;
    qint64 selectedConnectionId() const;
    void updateButtons();

    EngineHost& m_host;
    std::unique_ptr<ConnectionPrompts> m_prompts;
    bool m_started = false;
    QTableWidget* m_table = nullptr;
    QLabel* m_hintLabel = nullptr;
    QPushButton* m_addButton = nullptr;     // the wizard
    QPushButton* m_addDemoButton = nullptr; // a demo bank in one step, while there is nothing else
    QPushButton* m_editButton = nullptr;
    QPushButton* m_removeButton = nullptr;
    QHash<qint64, model::ConnectionStatus> m_statuses; // as last reported, for the dialogs
    QPointer<QWidget> m_wizard;
};

} // namespace coffer::ui

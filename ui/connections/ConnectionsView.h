#pragma once

#include "connections/ConnectionPrompts.h"
#include "model/Snapshots.h"

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
    enum Column { NameColumn, ProviderColumn, AccountsColumn, TransactionsColumn, StateColumn, ColumnCount };

    explicit ConnectionsView(EngineHost& host, QWidget* parent = nullptr);
    ~ConnectionsView() override;

    // Replaces how the view asks its questions (tests answer without dialogs).
    void setPrompts(std::unique_ptr<ConnectionPrompts> prompts);

    // Asks for a name, then adds a demo connection. Also reached from the dashboard's empty state.
    void requestAddDemo();
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
    QPushButton* m_addButton = nullptr;
    QPushButton* m_removeButton = nullptr;
};

} // namespace coffer::ui

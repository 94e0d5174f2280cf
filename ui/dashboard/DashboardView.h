#pragma once

#include "model/Snapshots.h"

#include <QList>
#include <QMap>
#include <QTimer>
#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;
class QScrollArea;
class QStackedWidget;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class ConnectionCard;

// The sync monitor: one card per connection, or an empty state inviting the user to add one.
class DashboardView : public QWidget {
    Q_OBJECT
public:
    explicit DashboardView(EngineHost& host, QWidget* parent = nullptr);

    ConnectionCard* cardFor(qint64 connectionId) const { return m_cards.value(connectionId); }
    int cardCount() const { return static_cast<int>(m_cards.size()); }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    // The empty state's button; MainWindow routes it to the connections view.
    void addDemoRequested();

private:
    QWidget* createEmptyState();
    QWidget* createCardsPage();
    void showConnections(const QList<model::ConnectionStatus>& connections);
    void showProgress(const model::JobProgress& progress);
    void refreshRelativeTimes();
    void relayoutCards();
    void updateColumnCount();
    void updateSummary(const QList<model::ConnectionStatus>& connections);

    EngineHost& m_host;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_emptyState = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QPushButton* m_emptyAddButton = nullptr;
    QWidget* m_cardsPage = nullptr;
    QLabel* m_summaryLabel = nullptr;
    QScrollArea* m_scrollArea = nullptr;
    QGridLayout* m_cardGrid = nullptr;
    int m_columns = 2;
    QMap<qint64, ConnectionCard*> m_cards;
    QList<qint64> m_order; // the engine's order, kept so cards do not jump around
    QTimer m_clockTimer;
};

} // namespace coffer::ui

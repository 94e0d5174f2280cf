#pragma once

#include "model/Snapshots.h"

#include <QList>
#include <QMap>
#include <QWidget>

class QGridLayout;

namespace coffer::ui {

class ConnectionCard;

// The dashboard's connection cards in the engine's order, as many columns as the width allows.
// Cards are created and removed as connections come and go, and otherwise updated in place.
class CardGrid : public QWidget {
    Q_OBJECT
public:
    explicit CardGrid(QWidget* parent = nullptr);

    ConnectionCard* card(qint64 connectionId) const { return m_cards.value(connectionId); }
    int count() const { return static_cast<int>(m_cards.size()); }

    void showConnections(const QList<model::ConnectionStatus>& connections, const QDateTime& now);
    void showProgress(const model::JobProgress& progress);
    void refreshRelativeTimes(const QDateTime& now);
    // The width the grid may use (its scroll area's viewport): decides the number of columns.
    void setAvailableWidth(int width);

Q_SIGNALS:
    void syncRequested(qint64 connectionId);
    void reauthenticateRequested(qint64 connectionId);

private:
    void relayout();

    QGridLayout* m_grid = nullptr;
    int m_columns = 2;
    QMap<qint64, ConnectionCard*> m_cards;
    QList<qint64> m_order; // the engine's order, kept so cards do not jump around
};

} // namespace coffer::ui

#include "dashboard/CardGrid.h"

#include "WidgetIdentity.h"
#include "dashboard/ConnectionCard.h"

#include <QGridLayout>

namespace coffer::ui {

namespace {
constexpr int kMaxColumns = 3;
constexpr int kCardSpacing = 16;
} // namespace

CardGrid::CardGrid(QWidget* parent)
    : QWidget(parent)
{
    setIdentity(this, QStringLiteral("dashboardCardGrid"), tr("Connection cards"));
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setSpacing(kCardSpacing);
}

void CardGrid::showConnections(const QList<model::ConnectionStatus>& connections, const QDateTime& now)
{
    QList<qint64> order;
    bool changed = false;
    for (const model::ConnectionStatus& status : connections) {
        order.append(status.connectionId);
        ConnectionCard* card = m_cards.value(status.connectionId);
        if (!card) {
            card = new ConnectionCard(status.connectionId, this);
            connect(card, &ConnectionCard::syncRequested, this, &CardGrid::syncRequested);
            connect(card, &ConnectionCard::reauthenticateRequested, this, &CardGrid::reauthenticateRequested);
            m_cards.insert(status.connectionId, card);
            changed = true;
        }
        card->setStatus(status, now);
    }
    for (auto it = m_cards.begin(); it != m_cards.end();) {
        if (!order.contains(it.key())) {
            // Out of the grid now, so the new layout does not overlap a card that dies later.
            m_grid->removeWidget(it.value());
            it.value()->hide();
            it.value()->deleteLater();
            it = m_cards.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    if (changed || order != m_order) {
        m_order = order;
        relayout();
    }
}

void CardGrid::showProgress(const model::JobProgress& progress)
{
    if (ConnectionCard* c = m_cards.value(progress.connectionId))
        c->setProgress(progress);
}

void CardGrid::refreshRelativeTimes(const QDateTime& now)
{
    for (ConnectionCard* c : std::as_const(m_cards))
        c->refreshRelativeTimes(now);
}

void CardGrid::setAvailableWidth(int width)
{
    const int fit = (width + kCardSpacing) / (ConnectionCard::kMinimumWidth + kCardSpacing);
    const int columns = qBound(1, fit, kMaxColumns);
    if (columns == m_columns)
        return;
    m_columns = columns;
    relayout();
}

void CardGrid::relayout()
{
    for (ConnectionCard* c : std::as_const(m_cards))
        m_grid->removeWidget(c);
    for (int column = 0; column < kMaxColumns; ++column)
        m_grid->setColumnStretch(column, column < m_columns ? 1 : 0);
    for (int i = 0; i < m_order.size(); ++i) {
        if (ConnectionCard* c = m_cards.value(m_order.at(i)))
            m_grid->addWidget(c, i / m_columns, i % m_columns); // a row's cards share its height
    }
}

} // namespace coffer::ui

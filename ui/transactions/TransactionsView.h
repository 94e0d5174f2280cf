#pragma once

#include <QTimer>
#include <QWidget>

class QLabel;
class QTableView;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class TransactionTableModel;

// All transactions, newest first, over a lazily paged model. Reloads when the engine reports
// changes, at most every kReloadDelayMs while a sync is writing.
class TransactionsView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kReloadDelayMs = 250;

    explicit TransactionsView(EngineHost& host, QWidget* parent = nullptr);

    TransactionTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }

private:
    void openDatabase(const QString& databasePath);
    void scheduleReload();
    void reload();
    void restorePlace(qint64 topTransactionId, qint64 currentTransactionId);
    qint64 transactionIdAt(int row) const;
    void updateCount();

    TransactionTableModel* m_model = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_countLabel = nullptr;
    QTimer m_reloadTimer;
};

} // namespace coffer::ui

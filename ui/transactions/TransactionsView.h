#pragma once

#include "store/TransactionQuery.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QSplitter;
class QTableView;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class TotalsLoader;
class TransactionExporter;
class TransactionDetailPane;
class TransactionFilterBar;
class TransactionTableModel;

// The transaction list: search and filters on top, a lazily paged table (sortable by any column)
// with the selected transaction's details beside it, and the totals of what is listed below.
// Reloads when the engine reports changes, at most every kReloadDelayMs while a sync is writing.
class TransactionsView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kReloadDelayMs = 250;

    explicit TransactionsView(EngineHost& host, QWidget* parent = nullptr);

    TransactionTableModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    TransactionFilterBar* filterBar() const { return m_filterBar; }
    TransactionDetailPane* detailPane() const { return m_detail; }
    TransactionExporter* exporter() const { return m_exporter; }
    // Puts the cursor in the search field (Ctrl+F).
    void focusSearch();
    // The account a file dropped at this point (global coordinates) goes to: the listed row's, or
    // the account filter's choice; 0 elsewhere.
    qint64 accountAt(const QPoint& globalPos) const;

Q_SIGNALS:
    // The totals below the table were brought up to date with what is listed (tests wait on it).
    void totalsShown();
    // The user asked to undo the import that added the selected transaction.
    void undoImportRequested(qint64 runId);

private:
    void createTable();
    QWidget* createExportButton();
    void openEarly();
    void openDatabase(const QString& databasePath);
    void applyFilter(const store::TransactionFilter& filter);
    void scheduleReload();
    void reload();
    void restorePlace(qint64 topTransactionId, qint64 currentTransactionId);
    qint64 transactionIdAt(int row) const;
    void showSelectedDetail();
    void refreshChoices();
    void showTotals(const QList<store::CurrencyTotal>& totals);

    EngineHost& m_host;
    TransactionTableModel* m_model = nullptr;
    TransactionFilterBar* m_filterBar = nullptr;
    QTableView* m_table = nullptr;
    TransactionDetailPane* m_detail = nullptr;
    QSplitter* m_splitter = nullptr;
    QLabel* m_countLabel = nullptr;
    QLabel* m_totalsLabel = nullptr;
    TotalsLoader* m_totals = nullptr;
    TransactionExporter* m_exporter = nullptr;
    QTimer m_reloadTimer;
};

} // namespace coffer::ui

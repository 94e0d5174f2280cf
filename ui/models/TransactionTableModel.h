#pragma once

#include <memory> // before TransactionReader.h, which uses std::shared_ptr without including it

#include "model/Result.h"
#include "store/TransactionReader.h"

#include <QAbstractTableModel>
#include <QList>

namespace coffer::ui {

// Transactions newest first, read lazily in pages through the model's own TransactionReader
// (a read-only SQLite connection). Thread affinity: GUI thread.
class TransactionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        DateColumn,
        AccountColumn,
        DescriptionColumn,
        CounterpartyColumn,
        AmountColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role { PendingRole = Qt::UserRole + 1, TransactionIdRole };
    static constexpr int kPageSize = 500;

    explicit TransactionTableModel(QObject* parent = nullptr);
    ~TransactionTableModel() override;

    // Opens the model's reader on the engine's database and loads the first page.
    model::Status openDatabase(const QString& databasePath);
    bool isOpen() const { return m_reader != nullptr; }
    // Drops what is loaded and starts again from the newest transaction.
    void reload();
    // Loads pages until at least rowCount rows are loaded or the store has no more.
    void fetchAtLeast(int rowCount);
    // The loaded row holding this transaction, or -1.
    int rowOf(qint64 transactionId) const;
    // All transactions in the store (not just the loaded pages).
    model::Result<qint64> totalCount() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadFailed(const QString& message);

private:
    QVariant displayText(const store::TransactionRow& row, int column) const;
    QVariant foreground(const store::TransactionRow& row, int column) const;

    std::shared_ptr<store::TransactionReader> m_reader;
    QList<store::TransactionRow> m_rows;
    store::ListPosition m_position;
    bool m_exhausted = true;
};

} // namespace coffer::ui

#pragma once

#include <memory> // before TransactionReader.h, which uses std::shared_ptr without including it

#include "model/Result.h"
#include "store/TransactionReader.h"

#include <QAbstractTableModel>
#include <QList>

namespace coffer::ui {

// The transactions a query selects, in its order (newest first unless sorted otherwise), read
// lazily in pages through the model's own TransactionReader (a read-only SQLite connection), so a
// million stored rows cost only the pages scrolled through. Thread affinity: GUI thread.
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
    enum Role { PendingRole = Qt::UserRole + 1, TransactionIdRole, MatchedRole };
    static constexpr int kPageSize = 500;

    explicit TransactionTableModel(QObject* parent = nullptr);
    ~TransactionTableModel() override;

    // Opens the model's reader on the engine's database and loads the first page.
    model::Status openDatabase(const QString& databasePath);
    bool isOpen() const { return m_reader != nullptr; }
    // Lets go of the database and empties the list.
    void close();
    QString databasePath() const { return m_databasePath; }
    // What is listed and in which order; a new query reloads from the first row.
    void setQuery(const store::TransactionQuery& query);
    const store::TransactionQuery& query() const { return m_query; }
    // Drops what is loaded and starts again from the first row.
    void reload();
    // Loads pages until at least rowCount rows are loaded or the store has no more.
    void fetchAtLeast(int rowCount);
    // The loaded row holding this transaction, or -1.
    int rowOf(qint64 transactionId) const;
    // The loaded row at this position (valid row required).
    const store::TransactionRow& rowAt(int row) const { return m_rows.at(row); }
    // The model's reader, for paging through the same query elsewhere (the current view's export).
    std::shared_ptr<store::TransactionReader> reader() const { return m_reader; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order) override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void loadFailed(const QString& message);

private:
    QVariant displayText(const store::TransactionRow& row, int column) const;
    QVariant foreground(const store::TransactionRow& row, int column) const;

    std::shared_ptr<store::TransactionReader> m_reader;
    QString m_databasePath;
    store::TransactionQuery m_query;
    QList<store::TransactionRow> m_rows;
    store::ListPosition m_position;
    bool m_exhausted = true;
};

} // namespace coffer::ui

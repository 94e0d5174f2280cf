#include "models/TransactionTableModel.h"

#include "Theme.h"

#include <QFont>
#include <QLocale>

namespace coffer::ui {

TransactionTableModel::TransactionTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

TransactionTableModel::~TransactionTableModel() = default;

model::Status TransactionTableModel::openDatabase(const QString& databasePath)
{
    model::Result<std::shared_ptr<store::TransactionReader>> opened = store::TransactionReader::open(databasePath);
    if (!opened) {
        Q_EMIT loadFailed(opened.error().userMessage);
        return opened.error();
    }
    m_reader = std::move(opened).value();
    m_databasePath = databasePath;
    reload();
    return model::Ok{};
}

void TransactionTableModel::close()
{
    beginResetModel();
    m_rows.clear();
    m_position = {};
    m_exhausted = true;
    m_reader.reset();
    m_databasePath.clear();
    endResetModel();
}

void TransactionTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_position = {};
    m_exhausted = m_reader == nullptr;
    endResetModel();
    // Load the first page now rather than waiting for a view to ask, so the window never shows
    // an empty table that is about to fill.
    if (canFetchMore(QModelIndex()))
        fetchMore(QModelIndex());
}

void TransactionTableModel::fetchAtLeast(int rowCount)
{
    while (m_rows.size() < rowCount && canFetchMore(QModelIndex()))
        fetchMore(QModelIndex());
}

int TransactionTableModel::rowOf(qint64 transactionId) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).transaction.id == transactionId)
            return static_cast<int>(row);
    }
    return -1;
}

void TransactionTableModel::setQuery(const store::TransactionQuery& query)
{
    if (query == m_query)
        return;
    m_query = query;
    reload();
}

void TransactionTableModel::sort(int column, Qt::SortOrder order)
{
    static constexpr store::SortColumn kSortColumns[ColumnCount] = {
        store::SortColumn::Date,         store::SortColumn::Account, store::SortColumn::Description,
        store::SortColumn::Counterparty, store::SortColumn::Amount,  store::SortColumn::Status};
    if (column < 0 || column >= ColumnCount)
        return;
    store::TransactionQuery query = m_query;
    query.sortColumn = kSortColumns[column];
    query.descending = order == Qt::DescendingOrder;
    setQuery(query);
}

int TransactionTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TransactionTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool TransactionTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_exhausted;
}

void TransactionTableModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    model::Result<QList<store::TransactionRow>> page = m_reader->page(m_query, m_position, kPageSize);
    if (!page) {
        m_exhausted = true; // stop asking until the next reload; the view says what went wrong
        Q_EMIT loadFailed(page.error().userMessage);
        return;
    }
    const QList<store::TransactionRow>& rows = page.value();
    if (rows.size() < kPageSize)
        m_exhausted = true;
    if (rows.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows(QModelIndex(), first, first + static_cast<int>(rows.size()) - 1);
    m_rows.append(rows);
    endInsertRows();
    m_position = store::TransactionReader::positionAfter(m_rows.constLast(), m_query.sortColumn);
}

QVariant TransactionTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const store::TransactionRow& row = m_rows.at(index.row());
    const model::Transaction& transaction = row.transaction;
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole:
        if (transaction.isPending())
            return tr("Pending: not yet posted by the bank, so the amount or date may still change.");
        if (index.column() == StatusColumn && row.hasFolded)
            return tr("\u21c4 Matched: another record of this transaction was folded into it, so it is counted "
                      "once. Its details say why, and can undo the match.");
        if (index.column() == DescriptionColumn && transaction.descriptionRaw != transaction.description)
            return transaction.descriptionRaw;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == AmountColumn)
            return (Qt::AlignRight | Qt::AlignVCenter).toInt();
        return (Qt::AlignLeft | Qt::AlignVCenter).toInt();
    case Qt::ForegroundRole:
        return foreground(row, index.column());
    case Qt::FontRole:
        if (transaction.isPending()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case PendingRole:
        return transaction.isPending();
    case TransactionIdRole:
        return transaction.id;
    case MatchedRole:
        return row.hasFolded;
    default:
        return {};
    }
}

QVariant TransactionTableModel::displayText(const store::TransactionRow& row, int column) const
{
    const model::Transaction& transaction = row.transaction;
    switch (column) {
    case DateColumn:
        return QLocale().toString(transaction.bookedOn, QLocale::ShortFormat);
    case AccountColumn:
        return row.accountName;
    case DescriptionColumn:
        return transaction.description.isEmpty() ? transaction.descriptionRaw : transaction.description;
    case CounterpartyColumn:
        return transaction.counterparty;
    case AmountColumn: {
        const QString text = transaction.amount.format(QLocale()) + u' ' + transaction.amount.currency();
        return text;
    }
    case StatusColumn:
        switch (transaction.status) {
        case model::TransactionStatus::Pending:
            return row.hasFolded ? tr("Pending \u21c4") : tr("Pending");
        case model::TransactionStatus::Posted:
            return row.hasFolded ? tr("Posted \u21c4") : tr("Posted");
        case model::TransactionStatus::Removed:
            return tr("Removed");
        }
        return {};
    default:
        return {};
    }
}

QVariant TransactionTableModel::foreground(const store::TransactionRow& row, int column) const
{
    const model::Transaction& transaction = row.transaction;
    const bool negativeAmount = column == AmountColumn && transaction.amount.isNegative();
    if (transaction.isPending())
        return negativeAmount ? Theme::pendingNegativeAmount() : Theme::pendingText();
    if (negativeAmount)
        return Theme::negativeAmount();
    return {};
}

QVariant TransactionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        const Qt::Alignment horizontal = section == AmountColumn ? Qt::AlignRight : Qt::AlignLeft;
        return (horizontal | Qt::AlignVCenter).toInt();
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DateColumn:
        return tr("Date");
    case AccountColumn:
        return tr("Account");
    case DescriptionColumn:
        return tr("Description");
    case CounterpartyColumn:
        return tr("Counterparty");
    case AmountColumn:
        return tr("Amount");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace coffer::ui

#include "imports/ImportPreviewModel.h"

#include "Theme.h"
#include "imports/ImportText.h"

#include <QColor>
#include <QLocale>

namespace coffer::ui {

using model::ImportOutcome;

ImportPreviewModel::ImportPreviewModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ImportPreviewModel::setItems(const QList<model::ImportItem>& items)
{
    beginResetModel();
    m_items = items;
    endResetModel();
}

int ImportPreviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int ImportPreviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QColor ImportPreviewModel::outcomeColor(ImportOutcome outcome)
{
    const bool dark = Theme::isDark();
    switch (outcome) {
    case ImportOutcome::Added:
        return dark ? QColor(0x6c, 0xcb, 0x7c) : QColor(0x1e, 0x7b, 0x34);
    case ImportOutcome::Matched:
        return dark ? QColor(0x7a, 0xb4, 0xf5) : QColor(0x1f, 0x5f, 0xad);
    case ImportOutcome::Duplicate:
        return dark ? QColor(0x9a, 0x9a, 0x9a) : QColor(0x70, 0x70, 0x70);
    case ImportOutcome::Updated:
        return dark ? QColor(0xf0, 0xb4, 0x5a) : QColor(0x9a, 0x5b, 0x00);
    case ImportOutcome::Removed:
        return dark ? QColor(0xc9, 0x9c, 0xf0) : QColor(0x6f, 0x3c, 0xa6);
    case ImportOutcome::Invalid:
        return Theme::negativeAmount();
    }
    return {};
}

QVariant ImportPreviewModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const model::ImportItem& item = m_items.at(index.row());
    if (role == OutcomeRole)
        return int(item.outcome);
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case OutcomeColumn:
            return ImportText::outcomeName(item.outcome);
        case DateColumn:
            return item.bookedOn.isValid() ? QLocale().toString(item.bookedOn, QLocale::ShortFormat) : QString();
        case AmountColumn:
            return item.amount ? item.amount->format(QLocale()) + u' ' + item.amount->currency() : QString();
        case DescriptionColumn:
            return item.description;
        case ReasonColumn:
            return item.reason;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == OutcomeColumn)
            return tr("%1: %2").arg(ImportText::outcomeName(item.outcome), ImportText::outcomeHelp(item.outcome));
        if (column == ReasonColumn || column == DescriptionColumn)
            return column == ReasonColumn ? item.reason : item.description;
        return {};
    case Qt::DecorationRole:
        return column == OutcomeColumn ? QVariant(outcomeColor(item.outcome)) : QVariant();
    case Qt::ForegroundRole:
        if (column == OutcomeColumn || (column == ReasonColumn && item.outcome == ImportOutcome::Invalid))
            return outcomeColor(item.outcome);
        if (column == AmountColumn && item.amount && item.amount->isNegative())
            return Theme::negativeAmount();
        return {};
    case Qt::TextAlignmentRole:
        if (column == AmountColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ImportPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case OutcomeColumn:
        return tr("Outcome");
    case DateColumn:
        return tr("Date");
    case AmountColumn:
        return tr("Amount");
    case DescriptionColumn:
        return tr("Description");
    case ReasonColumn:
        return tr("Why");
    }
    return {};
}

} // namespace coffer::ui

#include "PaddedItemDelegate.h"

#include <QApplication>
#include <QPainter>
#include <QStyle>

namespace coffer::ui {

PaddedItemDelegate::PaddedItemDelegate(QObject* parent)
    : QStyledItemDelegate(parent)
{
}

void PaddedItemDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyleOptionViewItem full = option;
    initStyleOption(&full, index);
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    // Background and selection over the whole cell first, then the content inset.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &full, painter, widget);
    QStyleOptionViewItem inset = option;
    inset.rect.adjust(kHorizontalPadding, 0, -kHorizontalPadding, 0);
    QStyledItemDelegate::paint(painter, inset, index);
}

QSize PaddedItemDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    return QStyledItemDelegate::sizeHint(option, index) + QSize(2 * kHorizontalPadding, 0);
}

} // namespace coffer::ui

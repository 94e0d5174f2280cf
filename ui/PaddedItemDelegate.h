#pragma once

#include <QStyledItemDelegate>

namespace coffer::ui {

// Gives table cells horizontal breathing room so a right-aligned column (amounts) never runs into
// the next one. The selection and hover background still fill the whole cell.
class PaddedItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int kHorizontalPadding = 6;

    explicit PaddedItemDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace coffer::ui

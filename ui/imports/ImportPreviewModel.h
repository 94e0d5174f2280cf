#pragma once

#include "model/Import.h"

#include <QAbstractTableModel>
#include <QList>

namespace coffer::ui {

// The records of a previewed file, one row each in file order: what will happen to it (with a
// colour), its date, amount and description, and why (what it matches, what is wrong with it).
class ImportPreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { OutcomeColumn, DateColumn, AmountColumn, DescriptionColumn, ReasonColumn, ColumnCount };
    enum Role { OutcomeRole = Qt::UserRole + 1 }; // int(model::ImportOutcome)

    explicit ImportPreviewModel(QObject* parent = nullptr);

    void setItems(const QList<model::ImportItem>& items);
    const model::ImportItem& itemAt(int row) const { return m_items.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The colour that marks an outcome (readable on light and dark palettes).
    static QColor outcomeColor(model::ImportOutcome outcome);

private:
    QList<model::ImportItem> m_items;
};

} // namespace coffer::ui

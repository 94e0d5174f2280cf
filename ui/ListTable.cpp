#include "ListTable.h"

#include "PaddedItemDelegate.h"
#include "Theme.h"

#include <QHeaderView>
#include <QTableView>

namespace coffer::ui {

void setUpListTable(QTableView* table)
{
    table->setItemDelegate(new PaddedItemDelegate(table));
    table->setStyleSheet(Theme::tableStyleSheet());
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
}

} // namespace coffer::ui

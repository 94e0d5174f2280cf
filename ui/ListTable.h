#pragma once

class QTableView;

namespace coffer::ui {

// The look every list of records shares (transactions, jobs, an import's preview): whole rows
// selected one at a time, alternating rows without a grid, no row numbers, padded cells under
// headers lined up with them.
void setUpListTable(QTableView* table);

} // namespace coffer::ui

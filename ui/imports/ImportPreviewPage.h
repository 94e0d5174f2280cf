#pragma once

#include "model/Import.h"
#include "store/TransactionQuery.h"

#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace coffer::ui {

class CsvProfilePanel;
class ImportAccountsPanel;
class ImportPreviewModel;

// What importing a file would do: where its accounts go, (CSV) how it is read, the counts, the
// notices, and every record with its outcome and why, filtered by outcome. The user's changes to
// the accounts or the CSV profile come out as signals; the dialog previews again with them.
class ImportPreviewPage : public QWidget {
    Q_OBJECT
public:
    explicit ImportPreviewPage(const QList<store::AccountChoice>& accounts, QWidget* parent = nullptr);

    void showReport(const model::ImportReport& report);
    ImportPreviewModel* items() const { return m_items; }
    ImportAccountsPanel* accounts() const { return m_accounts; }
    CsvProfilePanel* csvProfile() const { return m_csv; }
    bool isCsv() const;
    // Shows only the records of that outcome; nullopt: all of them.
    void filterBy(std::optional<model::ImportOutcome> outcome);

Q_SIGNALS:
    void accountMapChanged(const QHash<QString, qint64>& accountMap);
    void csvProfileChanged(const QVariantMap& profile);

private:
    void createTable();
    void showWhy();
    void fillOutcomeFilter(const model::ImportCounts& counts);

    QGroupBox* m_accountsBox = nullptr;
    ImportAccountsPanel* m_accounts = nullptr;
    QGroupBox* m_csvBox = nullptr;
    CsvProfilePanel* m_csv = nullptr;
    QLabel* m_counts = nullptr;
    QLabel* m_notices = nullptr;
    QComboBox* m_outcomeFilter = nullptr;
    ImportPreviewModel* m_items = nullptr;
    QSortFilterProxyModel* m_filtered = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_why = nullptr;
};

} // namespace coffer::ui

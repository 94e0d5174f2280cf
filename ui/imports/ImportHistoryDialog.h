#pragma once

#include "model/Import.h"

#include <QDialog>
#include <QList>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

// The imports in the audit trail, newest first: when, which file, what each did, and whether it
// was undone. "Undo import…" takes the selected one back as a whole once the user confirms.
class ImportHistoryDialog : public QDialog {
    Q_OBJECT
public:
    static constexpr int kListed = 200;

    explicit ImportHistoryDialog(EngineHost& host, QWidget* parent = nullptr);

    // Asks the engine for the list (again).
    void refresh();
    QTreeWidget* list() const { return m_list; }
    // The run of the selected import (0 when none).
    qint64 selectedRun() const;

Q_SIGNALS:
    // The user asked to undo the import (the caller confirms, then undoes it).
    void undoRequested(const coffer::model::ImportRecord& record);
    // The list was shown with what the engine answered (tests wait on it).
    void listed();

private:
    void showRecords(const QList<model::ImportRecord>& records);
    void updateButtons();

    EngineHost& m_host;
    QList<model::ImportRecord> m_records;
    QTreeWidget* m_list = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_undo = nullptr;
};

} // namespace coffer::ui

#pragma once

#include "model/Import.h"

#include <QCoreApplication>
#include <QString>

namespace coffer::ui {

// User-facing wording of imports, in one place so the import dialog, its history and the status
// bar say things the same way.
class ImportText {
    Q_DECLARE_TR_FUNCTIONS(coffer::ui::ImportText)
public:
    // "To add", "Already there", "Already imported", "Updated", "Removed", "Invalid".
    static QString outcomeName(model::ImportOutcome outcome);
    // What the outcome means, to follow "<outcome name>: ".
    static QString outcomeHelp(model::ImportOutcome outcome);
    // The preview's counts: "3 to add, 1 already there, 2 invalid".
    static QString previewCounts(const model::ImportCounts& counts);
    // After an import: "Imported statement.ofx: 3 transactions added, 1 already there."
    static QString finished(const model::ImportReport& report);
    // What undoing an import takes back, for the confirmation.
    static QString undoQuestion(const model::ImportRecord& record);
    // "12 added, 1 matched, ..." for a history row.
    static QString recordCounts(const model::ImportCounts& counts);
    // The file name without its folder.
    static QString fileName(const QString& path);
};

} // namespace coffer::ui

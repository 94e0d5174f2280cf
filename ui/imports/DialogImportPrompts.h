#pragma once

#include "imports/ImportPrompts.h"

#include <QCoreApplication>

namespace coffer::ui {

// Asks with window-modal dialogs opened by open(), never exec().
class DialogImportPrompts : public ImportPrompts {
    Q_DECLARE_TR_FUNCTIONS(coffer::ui::DialogImportPrompts)
public:
    // The file dialog's filters: every bank file first, then each format, then all files.
    static QStringList fileFilters();

    void askFiles(QWidget* parent, std::function<void(const QStringList& paths)> onChosen) override;
    void confirmUndo(QWidget* parent, const QString& question, std::function<void()> onConfirmed) override;
};

} // namespace coffer::ui

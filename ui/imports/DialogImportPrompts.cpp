#include "imports/DialogImportPrompts.h"

#include "WidgetIdentity.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace coffer::ui {

QStringList DialogImportPrompts::fileFilters()
{
    return {tr("Bank files (*.ofx *.qfx *.qif *.csv *.xml *.sta *.mt940 *.txt)"),
            tr("OFX/QFX statements (*.ofx *.qfx)"),
            tr("QIF files (*.qif)"),
            tr("CSV files (*.csv *.txt)"),
            tr("CAMT.053 statements (*.xml)"),
            tr("MT940 statements (*.sta *.mt940 *.txt)"),
            tr("All files (*)")};
}

void DialogImportPrompts::askFiles(QWidget* parent, std::function<void(const QStringList& paths)> onChosen)
{
    auto* dialog = new QFileDialog(parent, tr("Import bank files"),
                                   QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
    setIdentity(dialog, QStringLiteral("importFileDialog"), tr("Choose bank files to import"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptOpen);
    dialog->setFileMode(QFileDialog::ExistingFiles);
    dialog->setNameFilters(fileFilters());
    QObject::connect(dialog, &QFileDialog::filesSelected, dialog, [onChosen](const QStringList& paths) {
        if (!paths.isEmpty())
            onChosen(paths);
    });
    dialog->open();
}

void DialogImportPrompts::confirmUndo(QWidget* parent, const QString& question, std::function<void()> onConfirmed)
{
    auto* box = new QMessageBox(parent);
    setIdentity(box, QStringLiteral("undoImportDialog"), tr("Undo import"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(tr("Undo import"));
    box->setText(question);
    box->setInformativeText(tr("The import stays in the history, marked as undone. You can import the file again."));
    QPushButton* undo = box->addButton(tr("Undo import"), QMessageBox::DestructiveRole);
    setIdentity(undo, QStringLiteral("confirmUndoImportButton"), tr("Undo import"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    setIdentity(cancel, QStringLiteral("cancelButton"), tr("Cancel"));
    box->setDefaultButton(cancel);
    box->setEscapeButton(cancel);
    QObject::connect(box, &QMessageBox::finished, box, [box, undo, onConfirmed] {
        if (box->clickedButton() == undo)
            onConfirmed();
    });
    box->open();
}

} // namespace coffer::ui

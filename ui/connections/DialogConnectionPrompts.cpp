#include "connections/DialogConnectionPrompts.h"

#include "WidgetIdentity.h"

#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>

namespace coffer::ui {

void DialogConnectionPrompts::askConnectionName(QWidget* parent, const QString& suggestedName,
                                                std::function<void(const QString& name)> onAccepted)
{
    auto* dialog = new QInputDialog(parent);
    setIdentity(dialog, QStringLiteral("connectionNameDialog"), tr("Name the demo connection"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add demo connection"));
    dialog->setLabelText(tr("Name for the new demo connection:"));
    dialog->setTextValue(suggestedName);
    dialog->setOkButtonText(tr("Add"));
    QObject::connect(dialog, &QDialog::accepted, dialog, [dialog, suggestedName, onAccepted] {
        const QString name = dialog->textValue().trimmed();
        onAccepted(name.isEmpty() ? suggestedName : name);
    });
    dialog->open();
}

void DialogConnectionPrompts::askRemoval(QWidget* parent, const QString& connectionName,
                                         std::function<void(RemovalChoice choice)> onChosen)
{
    auto* box = new QMessageBox(parent);
    setIdentity(box, QStringLiteral("removeConnectionDialog"), tr("Remove connection"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIcon(QMessageBox::Question);
    box->setWindowTitle(tr("Remove connection"));
    box->setText(tr("Remove \u201c%1\u201d?").arg(connectionName));
    box->setInformativeText(tr("Coffer will stop syncing it and forget its bank credentials. You can keep "
                               "its accounts and transactions for your records, or delete them as well."));
    QPushButton* keep = box->addButton(tr("Keep data"), QMessageBox::AcceptRole);
    setIdentity(keep, QStringLiteral("keepDataButton"), tr("Keep data"));
    QPushButton* remove = box->addButton(tr("Delete data"), QMessageBox::DestructiveRole);
    setIdentity(remove, QStringLiteral("deleteDataButton"), tr("Delete data"));
    QPushButton* cancel = box->addButton(QMessageBox::Cancel);
    setIdentity(cancel, QStringLiteral("cancelButton"), tr("Cancel"));
    box->setDefaultButton(keep);
    box->setEscapeButton(cancel);
    QObject::connect(box, &QMessageBox::finished, box, [box, keep, remove, onChosen] {
        const QAbstractButton* clicked = box->clickedButton();
        if (clicked == keep)
            onChosen(RemovalChoice::KeepData);
        else if (clicked == remove)
            onChosen(RemovalChoice::DeleteData);
        else
            onChosen(RemovalChoice::Cancel);
    });
    box->open();
}

} // namespace coffer::ui

#include "imports/ImportHistoryDialog.h"

#include "EngineHost.h"
#include "WidgetIdentity.h"
#include "imports/ImportText.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace coffer::ui {

ImportHistoryDialog::ImportHistoryDialog(EngineHost& host, QWidget* parent)
    : QDialog(parent)
    , m_host(host)
{
    setIdentity(this, QStringLiteral("importHistoryDialog"), tr("Import history"));
    setWindowTitle(tr("Import history"));
    resize(820, 420);
    auto* intro = new QLabel(tr("Every file you imported, newest first. Undoing an import takes back everything "
                                "it added or changed, as a whole."),
                             this);
    setIdentity(intro, QStringLiteral("importHistoryIntro"), tr("About the import history"));
    intro->setWordWrap(true);

    m_list = new QTreeWidget(this);
    setIdentity(m_list, QStringLiteral("importHistoryList"), tr("Imports"));
    m_list->setHeaderLabels({tr("When"), tr("File"), tr("Format"), tr("What it did"), tr("Status")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_message = new QLabel(this);
    setIdentity(m_message, QStringLiteral("importHistoryMessage"), tr("Latest message"));
    m_message->setWordWrap(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    setIdentity(buttons, QStringLiteral("importHistoryButtons"), tr("Import history actions"));
    m_undo = buttons->addButton(tr("&Undo import\u2026"), QDialogButtonBox::ActionRole);
    setIdentity(m_undo, QStringLiteral("undoImportButton"), tr("Undo the selected import"));
    m_undo->setEnabled(false);
    if (QPushButton* close = buttons->button(QDialogButtonBox::Close))
        setIdentity(close, QStringLiteral("importHistoryCloseButton"), tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        const qint64 run = selectedRun();
        for (const model::ImportRecord& record : std::as_const(m_records)) {
            if (record.runId == run)
                Q_EMIT undoRequested(record);
        }
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ImportHistoryDialog::updateButtons);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(&host, &EngineHost::importsListed, this, &ImportHistoryDialog::showRecords);
    connect(&host, &EngineHost::importUndone, this, [this](qint64, const QString& message) {
        m_message->setText(message);
        refresh();
    });
    connect(&host, &EngineHost::importFinished, this, &ImportHistoryDialog::refresh);
}

void ImportHistoryDialog::refresh()
{
    m_host.listImports(kListed);
}

qint64 ImportHistoryDialog::selectedRun() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, Qt::UserRole).toLongLong() : 0;
}

void ImportHistoryDialog::showRecords(const QList<model::ImportRecord>& records)
{
    const qint64 selected = selectedRun();
    m_records = records;
    m_list->clear();
    for (const model::ImportRecord& record : records) {
        auto* item = new QTreeWidgetItem(m_list, {QLocale().toString(record.at.toLocalTime(), QLocale::ShortFormat),
                                                  record.file, record.format, ImportText::recordCounts(record.counts),
                                                  record.undone ? tr("Undone") : tr("Imported")});
        item->setData(0, Qt::UserRole, record.runId);
        item->setToolTip(1, record.file);
        if (record.undone) {
            for (int column = 0; column < item->columnCount(); ++column)
                item->setForeground(column, palette().color(QPalette::Disabled, QPalette::Text));
        }
        if (record.runId == selected)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    for (int column : {0, 1, 2, 4})
        m_list->resizeColumnToContents(column);
    if (records.isEmpty())
        m_message->setText(tr("No files have been imported yet."));
    updateButtons();
    Q_EMIT listed();
}

void ImportHistoryDialog::updateButtons()
{
    const qint64 run = selectedRun();
    bool undoable = false;
    for (const model::ImportRecord& record : std::as_const(m_records)) {
        if (record.runId == run)
            undoable = !record.undone;
    }
    m_undo->setEnabled(undoable);
}

} // namespace coffer::ui

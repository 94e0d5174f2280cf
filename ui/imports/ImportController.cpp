#include "imports/ImportController.h"

#include "EngineHost.h"
#include "imports/DialogImportPrompts.h"
#include "imports/ImportDialog.h"
#include "imports/ImportHistoryDialog.h"
#include "imports/ImportText.h"
#include "store/TransactionReader.h"

#include <QAction>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>
#include <QWidget>

namespace coffer::ui {

ImportController::ImportController(EngineHost& host, QWidget* window)
    : QObject(window)
    , m_host(host)
    , m_window(window)
    , m_prompts(std::make_unique<DialogImportPrompts>())
{
    m_importAction = new QAction(tr("&Import\u2026"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setToolTip(tr("Import transactions from bank files (OFX, QFX, QIF, CSV, CAMT.053, MT940)"));
    m_historyAction = new QAction(tr("Import &History\u2026"), this);
    m_historyAction->setObjectName(QStringLiteral("importHistoryAction"));
    m_historyAction->setToolTip(tr("See the files you imported and undo an import"));
    setEnabled(false); // until the engine has opened the database
    connect(m_importAction, &QAction::triggered, this,
            [this] { m_prompts->askFiles(m_window, [this](const QStringList& paths) { importFiles(paths); }); });
    connect(m_historyAction, &QAction::triggered, this, &ImportController::showHistory);
    connect(&host, &EngineHost::started, this, [this] {
        setEnabled(true);
        if (!m_dialog)
            openNext();
    });
    connect(&host, &EngineHost::startFailed, this, [this] {
        m_startFailed = true; // the window says why, and how many files waited (filesRefusedAtStart)
        m_refusedAtStart = int(m_queue.size());
        m_queue.clear();
    });
    connect(&host, &EngineHost::importUndone, this, [this](qint64, const QString& text) { Q_EMIT message(text); });
    connect(&host, &EngineHost::importsListed, this, [this](const QList<model::ImportRecord>& records) {
        const qint64 asked = std::exchange(m_undoAsked, 0);
        if (asked == 0)
            return;
        for (const model::ImportRecord& record : records) {
            if (record.runId == asked && !record.undone) {
                confirmUndo(record);
                return;
            }
        }
        Q_EMIT message(tr("That import was already undone."));
    });
}

ImportController::~ImportController() = default;

ImportDialog* ImportController::currentDialog() const
{
    return m_dialog;
}

ImportHistoryDialog* ImportController::historyDialog() const
{
    return m_history;
}

void ImportController::setPrompts(std::unique_ptr<ImportPrompts> prompts)
{
    m_prompts = std::move(prompts);
}

void ImportController::setEnabled(bool enabled)
{
    m_importAction->setEnabled(enabled);
    m_historyAction->setEnabled(enabled);
}

QStringList ImportController::droppedFiles(const QMimeData* mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

void ImportController::importFiles(const QStringList& paths, qint64 accountId)
{
    if (m_startFailed) {
        Q_EMIT message(tr("Coffer could not open your data, so it cannot import files now."));
        return;
    }
    for (const QString& path : paths)
        m_queue.append({path, accountId});
    // Files named at launch (or dropped while the data opens) wait for the engine.
    if (!m_importAction->isEnabled()) {
        Q_EMIT message(tr("Coffer opens the import once your data is open."));
        return;
    }
    if (!m_dialog)
        openNext();
}

void ImportController::openNext()
{
    if (m_queue.isEmpty())
        return;
    const Pending next = m_queue.takeFirst();
    QList<store::AccountChoice> accounts;
    if (auto reader = store::TransactionReader::open(m_host.databasePath()); reader.ok()) {
        if (auto listed = reader.value()->accounts(); listed.ok())
            accounts = listed.value();
    }
    model::ImportRequest request;
    request.path = next.path;
    request.accountId = next.accountId;
    m_dialog = new ImportDialog(m_host, request, accounts, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &ImportDialog::imported, this, &ImportController::message);
    connect(m_dialog, &QDialog::finished, this, [this] {
        m_dialog = nullptr;
        openNext();
    });
    m_dialog->open(); // window-modal, no nested event loop
    m_dialog->start();
}

void ImportController::showHistory()
{
    if (!m_history) {
        m_history = new ImportHistoryDialog(m_host, m_window);
        m_history->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_history, &ImportHistoryDialog::undoRequested, this, &ImportController::confirmUndo);
    }
    m_history->refresh();
    m_history->show();
    m_history->raise();
    m_history->activateWindow();
}

void ImportController::undoImport(qint64 runId)
{
    m_undoAsked = runId;
    m_host.listImports(ImportHistoryDialog::kListed);
}

void ImportController::confirmUndo(const model::ImportRecord& record)
{
    QWidget* parent = m_history && m_history->isVisible() ? static_cast<QWidget*>(m_history) : m_window;
    const qint64 runId = record.runId;
    m_prompts->confirmUndo(parent, ImportText::undoQuestion(record), [this, runId] { m_host.undoImport(runId); });
}

} // namespace coffer::ui

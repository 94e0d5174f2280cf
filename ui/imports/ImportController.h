#pragma once

#include "imports/ImportPrompts.h"
#include "model/Import.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QAction;
class QMimeData;
class QWidget;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class ImportDialog;
class ImportHistoryDialog;

// Importing bank files from the window: File > Import… (Ctrl+I) and files dropped on the window
// open an import dialog per file, one after the other; File > Import History… lists past imports
// and undoes one after the user confirms what it takes back. Questions go through ImportPrompts
// (a seam for tests).
class ImportController : public QObject {
    Q_OBJECT
public:
    ImportController(EngineHost& host, QWidget* window);
    ~ImportController() override;

    QAction* importAction() const { return m_importAction; }
    QAction* historyAction() const { return m_historyAction; }
    void setPrompts(std::unique_ptr<ImportPrompts> prompts);

    // Imports the files one after the other; accountId (0: as the engine decides) takes them all.
    // Before the engine has opened the database, the files wait for it.
    void importFiles(const QStringList& paths, qint64 accountId = 0);
    // How many files were waiting for the data to open when it could not (then not imported).
    int filesRefusedAtStart() const { return m_refusedAtStart; }
    // The local files a drag carries (empty: not something to import).
    static QStringList droppedFiles(const QMimeData* mime);
    void showHistory();
    // Confirms with what the import took (asking the engine for it first), then undoes it.
    void undoImport(qint64 runId);
    // The dialog open now (null between files).
    ImportDialog* currentDialog() const;
    ImportHistoryDialog* historyDialog() const;

Q_SIGNALS:
    // Plain words for the status bar.
    void message(const QString& text);

private:
    void setEnabled(bool enabled);
    void openNext();
    void confirmUndo(const model::ImportRecord& record);

    EngineHost& m_host;
    QWidget* m_window;
    std::unique_ptr<ImportPrompts> m_prompts;
    QAction* m_importAction = nullptr;
    QAction* m_historyAction = nullptr;
    struct Pending {
        QString path;
        qint64 accountId = 0;
    };
    QList<Pending> m_queue;
    QPointer<ImportDialog> m_dialog;
    QPointer<ImportHistoryDialog> m_history;
    qint64 m_undoAsked = 0; // waiting for the list to confirm undoing this run
    bool m_startFailed = false;
    int m_refusedAtStart = 0;
};

} // namespace coffer::ui

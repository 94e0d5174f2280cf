#pragma once

#include "export/ExportTypes.h"
#include "store/TransactionQuery.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>

class QAction;
class QWidget;

namespace coffer::ui {

// "Export": the transactions as listed (search, filters and order) as CSV, or the whole ledger as
// OFX, Ledger or Beancount text. Asks where to save with a non-modal file dialog, then writes on a
// worker thread with its own read-only connection; the file is replaced atomically or not at all.
class TransactionExporter : public QObject {
    Q_OBJECT
public:
    explicit TransactionExporter(QWidget* dialogParent);
    ~TransactionExporter() override;

    void setDatabasePath(const QString& databasePath);
    // "Current view as CSV…", then the whole-ledger formats: for a menu or a tool button.
    QList<QAction*> actions() const { return m_actions; }
    // Writes without asking (the file dialog's answer; tests call it directly). currentView is
    // what the list shows; used for CSV only.
    void exportTo(exporting::ExportFormat format, const QString& path, const store::TransactionQuery& currentView);
    bool isBusy() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    // Asks for the query the list shows now (connected by the view).
    void currentViewRequested(coffer::store::TransactionQuery& query);
    // Plain words for the status bar: what was written where, or what went wrong.
    void finished(const QString& message, bool succeeded);

private:
    void askWhere(exporting::ExportFormat format);
    void deliver();

    QWidget* m_dialogParent;
    QString m_databasePath;
    QList<QAction*> m_actions;
    struct Outcome {
        QString message;
        bool succeeded = false;
    };
    static Outcome run(exporting::ExportFormat format, const QString& databasePath, const QString& path,
                       const store::TransactionQuery& currentView);

    QFutureWatcher<Outcome> m_watcher;
};

} // namespace coffer::ui

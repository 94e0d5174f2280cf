#include "transactions/TransactionExporter.h"

#include "Format.h"
#include "export/CsvWriter.h"
#include "export/LedgerExporter.h"
#include "store/TransactionReader.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QStandardPaths>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

namespace coffer::ui {

using exporting::ExportFormat;

TransactionExporter::TransactionExporter(QWidget* dialogParent)
    : QObject(dialogParent)
    , m_dialogParent(dialogParent)
{
    const struct {
        ExportFormat format;
        QString text;
        const char* name;
    } choices[] = {{ExportFormat::Csv, tr("Current View as &CSV\u2026"), "exportCsvAction"},
                   {ExportFormat::Ofx, tr("Whole Ledger as &OFX\u2026"), "exportOfxAction"},
                   {ExportFormat::Ledger, tr("Whole Ledger as &Ledger\u2026"), "exportLedgerAction"},
                   {ExportFormat::Beancount, tr("Whole Ledger as &Beancount\u2026"), "exportBeancountAction"}};
    for (const auto& choice : choices) {
        auto* action = new QAction(choice.text, this);
        action->setObjectName(QString::fromLatin1(choice.name));
        action->setEnabled(false); // until there is a database to read
        const ExportFormat format = choice.format;
        connect(action, &QAction::triggered, this, [this, format] { askWhere(format); });
        m_actions.append(action);
    }
    m_actions.first()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &TransactionExporter::deliver);
}

TransactionExporter::~TransactionExporter()
{
    m_watcher.waitForFinished(); // a half-written file is never left: the save is atomic
}

void TransactionExporter::setDatabasePath(const QString& databasePath)
{
    m_databasePath = databasePath;
    for (QAction* action : std::as_const(m_actions))
        action->setEnabled(!databasePath.isEmpty());
}

void TransactionExporter::askWhere(ExportFormat format)
{
    const QString suffix = exporting::exportFormatSuffix(format);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("coffer-%1.%2").arg(QDate::currentDate().toString(Qt::ISODate), suffix);
    auto* dialog = new QFileDialog(m_dialogParent, tr("Export %1").arg(exporting::exportFormatName(format)),
                                   QDir(folder).filePath(name),
                                   tr("%1 files (*.%2)").arg(exporting::exportFormatName(format), suffix));
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(suffix);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, format](const QString& path) {
        store::TransactionQuery view;
        Q_EMIT currentViewRequested(view);
        exportTo(format, path, view);
    });
    dialog->open(); // not exec(): no nested event loop
}

void TransactionExporter::exportTo(ExportFormat format, const QString& path, const store::TransactionQuery& currentView)
{
    if (m_watcher.isRunning()) {
        Q_EMIT finished(tr("An export is already being written; try again when it is done."), false);
        return;
    }
    m_watcher.setFuture(QtConcurrent::run(&TransactionExporter::run, format, m_databasePath, path, currentView));
}

namespace {

// The list's own query and order, paged on this thread's connection. The position is kept here:
// the writer's own guess at it only fits the newest-first order.
model::Result<exporting::ExportSummary> exportView(const QString& databasePath, const QString& path,
                                                   const store::TransactionQuery& view)
{
    auto reader = store::TransactionReader::open(databasePath);
    if (!reader)
        return reader.error();
    store::ListPosition position;
    const exporting::RowPageSource source = [&](const store::ListPosition& after, int limit) {
        if (after.isStart())
            position = {};
        auto page = reader.value()->page(view, position, limit);
        if (page && !page.value().isEmpty())
            position = store::TransactionReader::positionAfter(page.value().last(), view.sortColumn);
        return page;
    };
    return exporting::CsvWriter::write(path, source);
}

} // namespace

TransactionExporter::Outcome TransactionExporter::run(ExportFormat format, const QString& databasePath,
                                                      const QString& path, const store::TransactionQuery& currentView)
{
    const model::Result<exporting::ExportSummary> written =
        format == ExportFormat::Csv ? exportView(databasePath, path, currentView)
                                    : exporting::LedgerExporter::run(format, databasePath, path);
    if (!written)
        return {written.error().userMessage, false};
    const exporting::ExportSummary& summary = written.value();
    QString message = tr("Exported %1 to %2.")
                          .arg(Format::transactionCount(summary.transactions), QDir::toNativeSeparators(summary.path));
    if (summary.pendingLeftOut > 0)
        message +=
            u' ' + tr("%1 pending left out: OFX statements list posted transactions only.").arg(summary.pendingLeftOut);
    return {message, true};
}

void TransactionExporter::deliver()
{
    const Outcome outcome = m_watcher.result();
    Q_EMIT finished(outcome.message, outcome.succeeded);
}

} // namespace coffer::ui

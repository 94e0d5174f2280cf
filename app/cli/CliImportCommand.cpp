// cofferctl import, imports and undo-import: the CliCommand parts that talk to the engine's
// bank file import.

#include "cli/CliCommand.h"
#include "cli/CliImportPrinter.h"
#include "cli/CliPrinter.h"

namespace coffer::cli {

using Kind = Request::Kind;

void CliCommand::connectImportSignals()
{
    const auto reported = [this](const model::ImportReport& report) {
        printLine(importReportText(report));
        finish(0);
    };
    connect(m_host.get(), &EngineHost::importPreviewed, this, reported);
    connect(m_host.get(), &EngineHost::importFinished, this, reported);
    connect(m_host.get(), &EngineHost::importFailed, this,
            [this](const model::ImportFailure& failure) { fail(importFailureText(failure)); });
    connect(m_host.get(), &EngineHost::importsListed, this, [this](const QList<model::ImportRecord>& imports) {
        printLine(importsTable(imports));
        finish(0);
    });
    connect(m_host.get(), &EngineHost::importUndone, this, [this](qint64, const QString& message) {
        printLine(message);
        finish(0);
    });
}

void CliCommand::startImport()
{
    switch (m_request.kind) {
    case Kind::ImportFile: {
        model::ImportRequest request;
        request.path = m_request.path;
        request.accountId = m_request.accountId;
        request.currency = m_request.currency;
        request.dateOrder = m_request.dateOrder;
        request.profileName = m_request.name;
        request.dryRun = m_request.dryRun;
        if (request.dryRun)
            m_host->previewImport(request);
        else
            m_host->importFile(request);
        break;
    }
    case Kind::ListImports:
        m_host->listImports(m_request.limit);
        break;
    case Kind::UndoImport:
        m_host->undoImport(m_request.runId);
        break;
    default:
        break;
    }
}

} // namespace coffer::cli

// EngineCore's slots that change stored data outside a sync: bank-file imports (and undoing them),
// undoing a match, retention and archives, and settings. Connections and syncs are in EngineCore.cpp.
#include "EngineCore.h"

#include "DataMaintenance.h"
#include "importers/FileImports.h"
#include "providers/plaid/PlaidWebhookRegistration.h"
#include "store/UserSettings.h"
#include "webhooks/WebhookService.h"

namespace coffer {

void EngineCore::undoMatch(qint64 transactionId)
{
    if (ready("undo a match"))
        answer(DataMaintenance(*m_db, m_clock).undoMatch(transactionId), true);
}

void EngineCore::importFile(const model::ImportRequest& request)
{
    if (!ready("import a file"))
        return;
    auto report =
        m_imports->run(request, [this](const model::ImportProgress& p) { Q_EMIT m_facade.importProgress(p); });
    if (!report.ok()) {
        model::ImportFailure failure{request.requestId, request.path, report.error().userMessage,
                                     report.error().providerCode};
        Q_EMIT m_facade.importFailed(failure);
        return;
    }
    if (request.dryRun) {
        Q_EMIT m_facade.importPreviewed(report.value());
        return;
    }
    Q_EMIT m_facade.importFinished(report.value());
    Q_EMIT m_facade.transactionsChanged();
    publishSoon(); // a new account may have been created
}

void EngineCore::listImports(int limit)
{
    if (!ready("list imports"))
        return;
    auto imports = m_imports->list(limit);
    if (imports.ok())
        Q_EMIT m_facade.importsListed(imports.value());
    else
        Q_EMIT m_facade.operationFailed(imports.error().userMessage);
}

void EngineCore::undoImport(qint64 runId)
{
    if (!ready("undo an import"))
        return;
    auto undone = m_imports->undo(runId);
    if (!undone.ok()) {
        Q_EMIT m_facade.operationFailed(undone.error().userMessage);
        return;
    }
    Q_EMIT m_facade.importUndone(runId, undone.value());
    Q_EMIT m_facade.transactionsChanged();
    publishSoon();
}

void EngineCore::applyRetention()
{
    if (ready("apply the retention policy"))
        answer(DataMaintenance(*m_db, m_clock).applyRetention(), true);
}

void EngineCore::restoreArchive(const QString& file)
{
    if (ready("restore an archive"))
        answer(DataMaintenance(*m_db, m_clock).restoreArchive(file), true);
}

void EngineCore::setSetting(const QString& key, const QString& value)
{
    if (!ready("change a setting"))
        return;
    answer(DataMaintenance(*m_db, m_clock).setSetting(key, value), false);
    if (m_webhooks && (key == store::settingKey::kWebhookEnabled || key == store::settingKey::kWebhookPort))
        m_webhooks->applySettings();
    if (m_plaidWebhooks && (key == store::settingKey::kWebhookEnabled || key == store::settingKey::kWebhookPublicUrl))
        m_plaidWebhooks->refresh();
    publishSoon(); // statuses carry the user's thresholds
}

void EngineCore::showSettings()
{
    if (ready("read the settings"))
        answer(DataMaintenance(*m_db, m_clock).describeSettings(), false);
}

} // namespace coffer

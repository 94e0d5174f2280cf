#include "imports/ImportDialog.h"

#include "EngineHost.h"
#include "Format.h"
#include "Theme.h"
#include "WidgetIdentity.h"
#include "imports/CsvProfilePanel.h"
#include "imports/DateOrderPanel.h"
#include "imports/ImportPreviewPage.h"
#include "imports/ImportText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {
const QString kCancelledCode = QStringLiteral("CANCELLED");
const QString kAskDateOrderCode = QStringLiteral("ASK_DATE_ORDER");
} // namespace

ImportDialog::ImportDialog(EngineHost& host, model::ImportRequest request, const QList<store::AccountChoice>& accounts,
                           QWidget* parent)
    : QDialog(parent)
    , m_host(host)
    , m_request(std::move(request))
{
    setIdentity(this, QStringLiteral("importDialog"), tr("Import a bank file"));
    setWindowTitle(tr("Import %1").arg(ImportText::fileName(m_request.path)));
    resize(1000, 720);

    m_title = new QLabel(ImportText::fileName(m_request.path), this);
    setIdentity(m_title, QStringLiteral("importFileLabel"), tr("The file"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    m_title->setFont(titleFont);
    m_title->setToolTip(m_request.path);
    m_formatLabel = new QLabel(this);
    setIdentity(m_formatLabel, QStringLiteral("importFormatLabel"), tr("The file's format"));

    m_pages = new QStackedWidget(this);
    setIdentity(m_pages, QStringLiteral("importPages"), tr("Import"));
    m_pages->addWidget(createWorkingPage());
    m_dateOrder = new DateOrderPanel(this);
    m_pages->addWidget(m_dateOrder);
    m_preview = new ImportPreviewPage(accounts, this);
    m_pages->addWidget(m_preview);
    m_pages->addWidget(createResultPage());

    m_buttons = new QDialogButtonBox(this);
    setIdentity(m_buttons, QStringLiteral("importButtons"), tr("Import actions"));
    m_importButton = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    setIdentity(m_importButton, QStringLiteral("importButton"), tr("Import the file"));
    m_cancelButton = m_buttons->addButton(QDialogButtonBox::Cancel);
    setIdentity(m_cancelButton, QStringLiteral("importCancelButton"), tr("Cancel"));
    m_closeButton = m_buttons->addButton(QDialogButtonBox::Close);
    setIdentity(m_closeButton, QStringLiteral("importCloseButton"), tr("Close"));
    connect(m_importButton, &QPushButton::clicked, this, &ImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, &ImportDialog::reject);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_formatLabel);
    layout->addWidget(m_pages, 1);
    layout->addWidget(m_buttons);

    connect(&host, &EngineHost::importPreviewed, this, [this](const model::ImportReport& report) {
        if (report.requestId == m_requestId)
            showPreview(report);
    });
    connect(&host, &EngineHost::importFinished, this, [this](const model::ImportReport& report) {
        if (report.requestId != m_requestId)
            return;
        m_report = report;
        const QString message = ImportText::finished(report);
        showResult(tr("Done"), message, false);
        setStage(Stage::Imported);
        Q_EMIT imported(message);
    });
    connect(&host, &EngineHost::importFailed, this, &ImportDialog::onFailed);
    connect(&host, &EngineHost::importProgress, this, &ImportDialog::onProgress);
    connect(m_dateOrder, &DateOrderPanel::chosen, this, [this](const QString& order) {
        m_request.dateOrder = order;
        preview();
    });
    connect(m_preview, &ImportPreviewPage::accountMapChanged, this, [this](const QHash<QString, qint64>& map) {
        // One account in the file: the choice is the whole file's; several: per account.
        m_request.accountId = map.size() == 1 ? map.begin().value() : 0;
        m_request.accountMap = map;
        preview();
    });
    connect(m_preview, &ImportPreviewPage::csvProfileChanged, this, [this](const QVariantMap& profile) {
        m_request.csvProfile = profile;
        preview();
    });
}

QWidget* ImportDialog::createWorkingPage()
{
    m_workingPage = new QWidget(this);
    setIdentity(m_workingPage, QStringLiteral("importWorkingPage"), tr("Working"));
    m_workLabel = new QLabel(m_workingPage);
    setIdentity(m_workLabel, QStringLiteral("importWorkLabel"), tr("What Coffer is doing"));
    m_workLabel->setWordWrap(true);
    m_progress = new QProgressBar(m_workingPage);
    setIdentity(m_progress, QStringLiteral("importProgressBar"), tr("Progress"));
    m_progress->setRange(0, 0);
    auto* layout = new QVBoxLayout(m_workingPage);
    layout->addStretch(1);
    layout->addWidget(m_workLabel);
    layout->addWidget(m_progress);
    layout->addStretch(2);
    return m_workingPage;
}

QWidget* ImportDialog::createResultPage()
{
    m_resultPage = new QWidget(this);
    setIdentity(m_resultPage, QStringLiteral("importResultPage"), tr("Result"));
    m_resultHeading = new QLabel(m_resultPage);
    setIdentity(m_resultHeading, QStringLiteral("importResultHeading"), tr("Outcome"));
    QFont headingFont = m_resultHeading->font();
    headingFont.setBold(true);
    m_resultHeading->setFont(headingFont);
    m_result = new QLabel(m_resultPage);
    setIdentity(m_result, QStringLiteral("importResultLabel"), tr("What happened"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setMargin(12);
    auto* layout = new QVBoxLayout(m_resultPage);
    layout->addWidget(m_resultHeading);
    layout->addWidget(m_result);
    layout->addStretch(1);
    return m_resultPage;
}

void ImportDialog::start()
{
    preview();
}

void ImportDialog::preview()
{
    m_request.dryRun = true;
    m_workLabel->setText(tr("Reading %1\u2026").arg(ImportText::fileName(m_request.path)));
    m_progress->setRange(0, 0);
    m_requestId = m_host.previewImport(m_request);
    setStage(Stage::Reading);
}

void ImportDialog::startImport()
{
    if (m_stage != Stage::Previewed)
        return;
    const CsvProfilePanel* csv = m_preview->csvProfile();
    if (m_preview->isCsv()) {
        m_request.csvProfile = csv->profile();
        m_request.saveProfile = csv->saveRequested();
        m_request.profileName = csv->saveRequested() ? csv->profileName() : QString();
    }
    m_request.dryRun = false;
    m_workLabel->setText(tr("Importing %1\u2026").arg(ImportText::fileName(m_request.path)));
    m_progress->setRange(0, 0);
    m_requestId = m_host.importFile(m_request);
    setStage(Stage::Importing);
}

void ImportDialog::showPreview(const model::ImportReport& report)
{
    m_report = report;
    m_formatLabel->setText(
        tr("%1 file \u00b7 %2")
            .arg(report.format, Format::accountsAndTransactions(int(report.accounts.size()), report.counts.total())));
    m_preview->showReport(report);
    const model::ImportCounts& c = report.counts;
    const bool changesSomething = c.added + c.matched + c.updated + c.removed > 0;
    m_importButton->setText(changesSomething ? tr("&Import") : tr("Nothing to import"));
    m_importButton->setEnabled(changesSomething);
    setStage(Stage::Previewed);
}

void ImportDialog::showResult(const QString& heading, const QString& text, bool problem)
{
    m_resultHeading->setText(heading);
    m_result->setText(text);
    m_result->setStyleSheet(problem ? Theme::errorBoxStyleSheet() : QString());
}

void ImportDialog::onFailed(const model::ImportFailure& failure)
{
    if (failure.requestId != m_requestId)
        return;
    if (failure.code == kAskDateOrderCode) {
        m_dateOrder->ask(failure.message);
        setStage(Stage::AskingDateOrder);
    } else if (failure.code == kCancelledCode) {
        showResult(tr("Cancelled"), tr("Import cancelled: nothing was written."), false);
        setStage(Stage::Cancelled);
    } else {
        const QString after = m_stage == Stage::Importing ? tr("Nothing was imported.") : QString();
        showResult(tr("Coffer cannot import this file"),
                   after.isEmpty() ? failure.message : failure.message + u"\n\n" + after, true);
        setStage(Stage::Failed);
    }
}

void ImportDialog::onProgress(const model::ImportProgress& progress)
{
    if (progress.requestId != m_requestId || progress.total <= 0)
        return;
    // Scaled to a permille: a QProgressBar counts in int, a file may hold more records.
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(qBound(qint64(0), progress.done * 1000 / progress.total, qint64(1000))));
}

void ImportDialog::reject()
{
    switch (m_stage) {
    case Stage::Reading:
        m_host.cancelImport(m_requestId); // a preview writes nothing: no need to wait for it
        QDialog::reject();
        return;
    case Stage::Importing:
        // Stays open until the engine confirms: the user learns that nothing was written.
        m_host.cancelImport(m_requestId);
        m_workLabel->setText(tr("Cancelling\u2026"));
        m_cancelButton->setEnabled(false);
        return;
    default:
        QDialog::reject();
    }
}

void ImportDialog::setStage(Stage stage)
{
    m_stage = stage;
    const bool working = stage == Stage::Reading || stage == Stage::Importing;
    const bool ended = stage == Stage::Imported || stage == Stage::Cancelled || stage == Stage::Failed;
    if (working)
        m_pages->setCurrentWidget(m_workingPage);
    else if (stage == Stage::AskingDateOrder)
        m_pages->setCurrentWidget(m_dateOrder);
    else if (stage == Stage::Previewed)
        m_pages->setCurrentWidget(m_preview);
    else
        m_pages->setCurrentWidget(m_resultPage);
    m_importButton->setVisible(stage == Stage::Previewed);
    m_importButton->setDefault(stage == Stage::Previewed);
    m_cancelButton->setVisible(!ended);
    m_cancelButton->setEnabled(true);
    m_closeButton->setVisible(ended);
    m_closeButton->setDefault(ended);
    if (stage == Stage::Previewed && m_importButton->isEnabled())
        m_importButton->setFocus();
    else if (ended)
        m_closeButton->setFocus();
    Q_EMIT stageChanged(stage);
}

} // namespace coffer::ui

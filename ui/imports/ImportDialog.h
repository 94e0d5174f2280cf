#pragma once

#include "model/Import.h"
#include "store/TransactionQuery.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace coffer {
class EngineHost;
}

namespace coffer::ui {

class DateOrderPanel;
class ImportPreviewModel;
class ImportPreviewPage;

// Importing one bank file: first a preview (the engine reads the file and reports what importing
// it would do, writing nothing), where the user sees the format, where each of the file's accounts
// goes, the counts, the notices and every record with its outcome and why, and can change the
// accounts or (CSV) how the file is read; then the import itself. Both show progress and can be
// cancelled (an import cancelled writes nothing). A file whose dates read both ways asks first.
class ImportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Stage { Reading, AskingDateOrder, Previewed, Importing, Imported, Cancelled, Failed };
    Q_ENUM(Stage)

    ImportDialog(EngineHost& host, model::ImportRequest request, const QList<store::AccountChoice>& accounts,
                 QWidget* parent = nullptr);

    // Asks the engine for the preview.
    void start();
    Stage stage() const { return m_stage; }
    const model::ImportRequest& request() const { return m_request; }
    const model::ImportReport& report() const { return m_report; }
    ImportPreviewPage* previewPage() const { return m_preview; }

    void reject() override;

Q_SIGNALS:
    void stageChanged(coffer::ui::ImportDialog::Stage stage);
    // The import is done: what it did, for the status bar.
    void imported(const QString& message);

private:
    QWidget* createWorkingPage();
    QWidget* createResultPage();
    void setStage(Stage stage);
    void preview();
    void startImport();
    void showPreview(const model::ImportReport& report);
    void showResult(const QString& heading, const QString& text, bool problem);
    void onFailed(const model::ImportFailure& failure);
    void onProgress(const model::ImportProgress& progress);

    EngineHost& m_host;
    model::ImportRequest m_request;
    model::ImportReport m_report;
    int m_requestId = 0;
    Stage m_stage = Stage::Reading;
    QLabel* m_title = nullptr;
    QLabel* m_formatLabel = nullptr;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_workingPage = nullptr;
    QLabel* m_workLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    DateOrderPanel* m_dateOrder = nullptr;
    ImportPreviewPage* m_preview = nullptr;
    QWidget* m_resultPage = nullptr;
    QLabel* m_resultHeading = nullptr;
    QLabel* m_result = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QPushButton* m_importButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace coffer::ui

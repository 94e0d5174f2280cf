#pragma once

#include "store/TransactionReader.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace coffer::ui {

// Everything about the selected transaction: its fields, the records matched into it with why
// (and "Undo match"), its audit trail, and the record exactly as the source delivered it.
class TransactionDetailPane : public QWidget {
    Q_OBJECT
public:
    explicit TransactionDetailPane(QWidget* parent = nullptr);

    void showDetail(const store::TransactionDetail& detail);
    // No transaction: the empty state, or why the details could not be read.
    void showMessage(const QString& message);
    qint64 transactionId() const { return m_transactionId; }

Q_SIGNALS:
    // The record to split from the one it was matched with.
    void undoMatchRequested(qint64 transactionId);
    // The import that added this transaction, to be undone as a whole (after the user confirms).
    void undoImportRequested(qint64 runId);

private:
    QWidget* createDetailsTab();
    QLabel* addField(const QString& objectName, const QString& label);
    void setField(QLabel* field, const QString& value);
    void showMatches(const store::TransactionDetail& detail);
    void showHistory(const store::TransactionDetail& detail);
    qint64 selectedMatchId() const;
    void showImport(const store::TransactionDetail& detail);

    qint64 m_transactionId = 0;
    QStackedWidget* m_pages = nullptr;
    QLabel* m_message = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_amount = nullptr;
    QLabel* m_summary = nullptr;
    QFormLayout* m_form = nullptr;
    QLabel* m_account = nullptr;
    QLabel* m_booked = nullptr;
    QLabel* m_authorized = nullptr;
    QLabel* m_payee = nullptr;
    QLabel* m_category = nullptr;
    QLabel* m_original = nullptr;
    QLabel* m_bankText = nullptr;
    QLabel* m_checkNumber = nullptr;
    QLabel* m_reference = nullptr;
    QLabel* m_source = nullptr;
    QLabel* m_providerId = nullptr;
    QLabel* m_matchHeading = nullptr;
    QLabel* m_matchExplanation = nullptr;
    QTreeWidget* m_matches = nullptr;
    QPushButton* m_undoMatch = nullptr;
    QPushButton* m_undoImport = nullptr;
    qint64 m_importRun = 0;
    QTreeWidget* m_history = nullptr;
    QPlainTextEdit* m_raw = nullptr;
};

} // namespace coffer::ui

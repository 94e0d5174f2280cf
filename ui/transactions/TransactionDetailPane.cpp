#include "transactions/TransactionDetailPane.h"

#include "importers/StatementParser.h"

#include "Theme.h"
#include "WidgetIdentity.h"
#include "transactions/AuditTrailText.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace coffer::ui {

namespace {

QString amountText(const model::Money& money)
{
    return money.format(QLocale()) + u' ' + money.currency();
}

QString dateText(const QDate& date)
{
    return QLocale().toString(date, QLocale::LongFormat);
}

// Where a record came from; connectionName names the connection of the listed row.
QString sourceText(const QString& source, const QString& rowSource, const QString& connectionName)
{
    if (source.startsWith(u"import:")) {
        const auto format = importers::formatFromId(QStringView(source).mid(7));
        return TransactionDetailPane::tr("File import (%1)")
            .arg(format ? importers::formatDisplayName(*format) : source.mid(7));
    }
    if (source == rowSource && !connectionName.isEmpty())
        return TransactionDetailPane::tr("Sync from %1").arg(connectionName);
    if (source.startsWith(u"connection:"))
        return TransactionDetailPane::tr("Sync (connection %1)").arg(source.mid(11));
    return source;
}

QTreeWidget* createTree(QWidget* parent, const QString& objectName, const QString& accessibleName,
                        const QStringList& headers)
{
    auto* tree = new QTreeWidget(parent);
    setIdentity(tree, objectName, accessibleName);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setWordWrap(true);
    tree->setUniformRowHeights(false);
    tree->setAlternatingRowColors(true);
    tree->header()->setStretchLastSection(true);
    return tree;
}

} // namespace

TransactionDetailPane::TransactionDetailPane(QWidget* parent)
    : QWidget(parent)
{
    setIdentity(this, QStringLiteral("transactionDetailPane"), tr("Transaction details"));
    m_pages = new QStackedWidget(this);
    setIdentity(m_pages, QStringLiteral("transactionDetailPages"), tr("Transaction details"));

    m_message = new QLabel(this);
    setIdentity(m_message, QStringLiteral("transactionDetailMessage"), tr("Transaction details"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(24);

    m_tabs = new QTabWidget(this);
    setIdentity(m_tabs, QStringLiteral("transactionDetailTabs"), tr("Transaction details"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(createDetailsTab(), tr("Details"));
    m_history = createTree(this, QStringLiteral("auditTrailTree"), tr("History of this transaction"),
                           {tr("When"), tr("What"), tr("By"), tr("Details")});
    m_tabs->addTab(m_history, tr("History"));
    m_raw = new QPlainTextEdit(this);
    setIdentity(m_raw, QStringLiteral("rawRecordText"), tr("The record as the source delivered it"));
    m_raw->setReadOnly(true);
    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->addTab(m_raw, tr("Raw record"));

    m_pages->addWidget(m_message);
    m_pages->addWidget(m_tabs);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);
    showMessage(tr("Select a transaction to see its details, its history and where it came from."));
}

QWidget* TransactionDetailPane::createDetailsTab()
{
    auto* content = new QWidget;
    setIdentity(content, QStringLiteral("transactionDetailsContent"), tr("Details"));
    m_title = new QLabel(content);
    setIdentity(m_title, QStringLiteral("detailTitleLabel"), tr("Description"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_amount = new QLabel(content);
    setIdentity(m_amount, QStringLiteral("detailAmountLabel"), tr("Amount"));
    QFont amountFont = m_amount->font();
    amountFont.setPointSizeF(amountFont.pointSizeF() * 1.6);
    m_amount->setFont(amountFont);
    m_amount->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel(content);
    setIdentity(m_summary, QStringLiteral("detailSummaryLabel"), tr("Status"));
    m_summary->setWordWrap(true);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignLeft);
    m_account = addField(QStringLiteral("detailAccount"), tr("Account"));
    m_booked = addField(QStringLiteral("detailBookedOn"), tr("Booked"));
    m_authorized = addField(QStringLiteral("detailAuthorizedOn"), tr("Authorized"));
    m_payee = addField(QStringLiteral("detailPayee"), tr("Payee"));
    m_category = addField(QStringLiteral("detailCategory"), tr("Category"));
    m_original = addField(QStringLiteral("detailOriginalAmount"), tr("Original amount"));
    m_bankText = addField(QStringLiteral("detailBankText"), tr("Bank\u2019s text"));
    m_checkNumber = addField(QStringLiteral("detailCheckNumber"), tr("Check number"));
    m_reference = addField(QStringLiteral("detailReference"), tr("Reference"));
    m_source = addField(QStringLiteral("detailSource"), tr("Source"));
    m_providerId = addField(QStringLiteral("detailProviderId"), tr("Id at source"));

    m_undoImport = new QPushButton(tr("Undo this import\u2026"), content);
    setIdentity(m_undoImport, QStringLiteral("undoImportFromDetailButton"),
                tr("Undo the import that added this transaction"));
    m_undoImport->setToolTip(tr("Take back everything the import of this file added or changed"));
    connect(m_undoImport, &QPushButton::clicked, this, [this] {
        if (m_importRun != 0)
            Q_EMIT undoImportRequested(m_importRun);
    });

    m_matchHeading = new QLabel(tr("Matched records"), content);
    setIdentity(m_matchHeading, QStringLiteral("matchHeadingLabel"), tr("Matched records"));
    QFont headingFont = m_matchHeading->font();
    headingFont.setBold(true);
    m_matchHeading->setFont(headingFont);
    m_matchExplanation = new QLabel(content);
    setIdentity(m_matchExplanation, QStringLiteral("matchExplanationLabel"), tr("Why these records were matched"));
    m_matchExplanation->setWordWrap(true);
    m_matches = createTree(content, QStringLiteral("matchedRecordsTree"), tr("Records matched into this one"),
                           {tr("Date"), tr("Amount"), tr("From")});
    m_undoMatch = new QPushButton(tr("Undo match"), content);
    setIdentity(m_undoMatch, QStringLiteral("undoMatchButton"), tr("Undo the selected match"));
    m_undoMatch->setToolTip(tr("Show both records as separate transactions again. Coffer will not match this pair "
                               "again."));
    // The selected record says why it was matched.
    connect(m_matches, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item)
            m_matchExplanation->setText(tr("Counted once: %1").arg(item->data(1, Qt::UserRole).toString()));
    });
    connect(m_undoMatch, &QPushButton::clicked, this, [this] {
        if (const qint64 id = selectedMatchId(); id != 0)
            Q_EMIT undoMatchRequested(id);
    });

    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(m_title);
    layout->addWidget(m_amount);
    layout->addWidget(m_summary);
    layout->addSpacing(6);
    layout->addLayout(m_form);
    layout->addWidget(m_undoImport, 0, Qt::AlignLeft);
    layout->addSpacing(6);
    layout->addWidget(m_matchHeading);
    layout->addWidget(m_matches);
    layout->addWidget(m_matchExplanation);
    layout->addWidget(m_undoMatch, 0, Qt::AlignLeft);
    layout->addStretch(1);

    auto* scroll = new QScrollArea;
    setIdentity(scroll, QStringLiteral("transactionDetailsScroll"), tr("Details"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

QLabel* TransactionDetailPane::addField(const QString& objectName, const QString& label)
{
    auto* field = new QLabel;
    setIdentity(field, objectName, label);
    field->setWordWrap(true);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_form->addRow(label, field);
    return field;
}

void TransactionDetailPane::setField(QLabel* field, const QString& value)
{
    field->setText(value);
    m_form->setRowVisible(field, !value.isEmpty());
}

void TransactionDetailPane::showMessage(const QString& message)
{
    m_transactionId = 0;
    m_message->setText(message);
    m_pages->setCurrentWidget(m_message);
}

void TransactionDetailPane::showDetail(const store::TransactionDetail& detail)
{
    const model::Transaction& t = detail.row.transaction;
    m_transactionId = t.id;
    m_title->setText(t.description.isEmpty() ? t.descriptionRaw : t.description);
    m_amount->setText(amountText(t.amount));
    QPalette amountPalette = m_amount->palette();
    if (t.amount.isNegative())
        amountPalette.setColor(QPalette::WindowText, Theme::negativeAmount());
    else
        amountPalette.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
    m_amount->setPalette(amountPalette);
    QString status;
    switch (t.status) {
    case model::TransactionStatus::Pending:
        status = tr("Pending: the bank has not posted it yet, so its amount or date may still change.");
        break;
    case model::TransactionStatus::Posted:
        status = tr("Posted");
        break;
    case model::TransactionStatus::Removed:
        status = tr("Removed: the bank no longer reports it.");
        break;
    }
    m_summary->setText(status);

    setField(m_account, detail.row.connectionName.isEmpty()
                            ? detail.row.accountName
                            : tr("%1 (%2)").arg(detail.row.accountName, detail.row.connectionName));
    setField(m_booked, dateText(t.bookedOn));
    setField(m_authorized, t.authorizedOn ? dateText(*t.authorizedOn) : QString());
    setField(m_payee, t.counterparty);
    setField(m_category, t.category);
    setField(m_original, t.originalAmount ? amountText(*t.originalAmount) : QString());
    setField(m_bankText, t.descriptionRaw != t.description ? t.descriptionRaw : QString());
    setField(m_checkNumber, t.checkNumber);
    setField(m_reference, t.reference);
    setField(m_source, sourceText(t.source, t.source, detail.row.connectionName));
    setField(m_providerId, t.providerId);

    showImport(detail);
    showMatches(detail);
    showHistory(detail);
    m_raw->setPlainText(detail.raw.isEmpty() ? tr("The source delivered no raw record for this transaction.")
                                             : AuditTrailText::prettyRaw(detail.raw));
    m_pages->setCurrentWidget(m_tabs);
}

void TransactionDetailPane::showMatches(const store::TransactionDetail& detail)
{
    const model::Transaction& t = detail.row.transaction;
    m_matches->clear();
    for (const model::Transaction& folded : detail.folded) {
        auto* item = new QTreeWidgetItem(m_matches, {QLocale().toString(folded.bookedOn, QLocale::ShortFormat),
                                                     amountText(folded.amount),
                                                     sourceText(folded.source, t.source, detail.row.connectionName)});
        item->setData(0, Qt::UserRole, folded.id);
        item->setData(1, Qt::UserRole, AuditTrailText::matchReason(folded.matchReason, folded.matchScore));
        item->setToolTip(2, folded.descriptionRaw);
    }
    const bool foldedInto = t.matchedTo != 0;
    const bool hasMatches = !detail.folded.isEmpty() || foldedInto;
    m_matchHeading->setVisible(hasMatches);
    m_matchExplanation->setVisible(hasMatches);
    m_matches->setVisible(!detail.folded.isEmpty());
    m_undoMatch->setVisible(hasMatches);
    if (foldedInto)
        m_matchExplanation->setText(tr("This record was matched into transaction %1: %2")
                                        .arg(t.matchedTo)
                                        .arg(AuditTrailText::matchReason(t.matchReason, t.matchScore)));
    if (m_matches->topLevelItemCount() > 0)
        m_matches->setCurrentItem(m_matches->topLevelItem(0)); // explains it (see the constructor)
    m_matches->resizeColumnToContents(0);
    m_matches->resizeColumnToContents(1);
    // As tall as its rows, so the explanation sits right under them.
    const int rows = qBound(1, m_matches->topLevelItemCount(), 5);
    const int rowHeight = qMax(m_matches->sizeHintForRow(0), m_matches->fontMetrics().height() + 4);
    m_matches->setFixedHeight(m_matches->header()->sizeHint().height() + rows * rowHeight +
                              2 * m_matches->frameWidth() + 2);
}

void TransactionDetailPane::showHistory(const store::TransactionDetail& detail)
{
    m_history->clear();
    for (const store::TransactionEvent& event : detail.events) {
        new QTreeWidgetItem(m_history,
                            {QLocale().toString(event.at.toLocalTime(), QLocale::ShortFormat),
                             AuditTrailText::what(event), AuditTrailText::who(event), AuditTrailText::details(event)});
    }
    for (int column = 0; column < 3; ++column)
        m_history->resizeColumnToContents(column);
}

void TransactionDetailPane::showImport(const store::TransactionDetail& detail)
{
    // The import that added the row is the run of its "added" event.
    m_importRun = 0;
    if (detail.row.transaction.source.startsWith(u"import:")) {
        for (const store::TransactionEvent& event : detail.events) {
            if (event.kind == u"added" && event.syncRunId != 0)
                m_importRun = event.syncRunId;
        }
    }
    m_undoImport->setVisible(m_importRun != 0);
}

qint64 TransactionDetailPane::selectedMatchId() const
{
    if (m_transactionId == 0)
        return 0;
    if (const QTreeWidgetItem* item = m_matches->currentItem(); item && !m_matches->isHidden())
        return item->data(0, Qt::UserRole).toLongLong();
    return m_transactionId; // this record itself was folded into another
}

} // namespace coffer::ui

#include "imports/ImportPreviewPage.h"

#include "ListTable.h"
#include "Theme.h"
#include "WidgetIdentity.h"
#include "imports/CsvProfilePanel.h"
#include "imports/ImportAccountsPanel.h"
#include "imports/ImportPreviewModel.h"
#include "imports/ImportText.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace coffer::ui {

using model::ImportOutcome;

ImportPreviewPage::ImportPreviewPage(const QList<store::AccountChoice>& accounts, QWidget* parent)
    : QWidget(parent)
    , m_items(new ImportPreviewModel(this))
    , m_filtered(new QSortFilterProxyModel(this))
{
    setIdentity(this, QStringLiteral("importPreviewPage"), tr("What importing the file will do"));
    m_accountsBox = new QGroupBox(tr("Accounts"), this);
    setIdentity(m_accountsBox, QStringLiteral("importAccountsBox"), tr("Where the file's accounts go"));
    m_accounts = new ImportAccountsPanel(m_accountsBox);
    m_accounts->setAccounts(accounts);
    (new QVBoxLayout(m_accountsBox))->addWidget(m_accounts);

    m_csvBox = new QGroupBox(tr("How the file is read"), this);
    setIdentity(m_csvBox, QStringLiteral("csvProfileBox"), tr("How the CSV file is read"));
    m_csv = new CsvProfilePanel(m_csvBox);
    (new QVBoxLayout(m_csvBox))->addWidget(m_csv);
    m_csvBox->hide();

    m_counts = new QLabel(this);
    setIdentity(m_counts, QStringLiteral("importCountsLabel"), tr("What the import will do"));
    QFont countsFont = m_counts->font();
    countsFont.setBold(true);
    m_counts->setFont(countsFont);
    m_counts->setWordWrap(true);
    m_notices = new QLabel(this);
    setIdentity(m_notices, QStringLiteral("importNoticesLabel"), tr("Parts of the file that are not imported"));
    m_notices->setWordWrap(true);
    m_notices->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notices->setStyleSheet(Theme::errorBoxStyleSheet());
    m_notices->hide();

    m_outcomeFilter = new QComboBox(this);
    setIdentity(m_outcomeFilter, QStringLiteral("importOutcomeFilter"), tr("Show records by outcome"));
    auto* filterLabel = new QLabel(tr("&Show:"), this);
    setIdentity(filterLabel, QStringLiteral("importOutcomeFilterLabel"), tr("Show"));
    filterLabel->setBuddy(m_outcomeFilter);
    connect(m_outcomeFilter, &QComboBox::currentIndexChanged, this, [this] {
        const QVariant outcome = m_outcomeFilter->currentData();
        filterBy(outcome.isValid() ? std::optional(ImportOutcome(outcome.toInt())) : std::nullopt);
    });
    createTable();

    auto* countsRow = new QHBoxLayout;
    countsRow->addWidget(m_counts, 1);
    countsRow->addWidget(filterLabel);
    countsRow->addWidget(m_outcomeFilter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_accountsBox);
    layout->addWidget(m_csvBox);
    layout->addLayout(countsRow);
    layout->addWidget(m_notices);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_why);

    connect(m_accounts, &ImportAccountsPanel::accountMapChanged, this, &ImportPreviewPage::accountMapChanged);
    connect(m_csv, &CsvProfilePanel::profileChanged, this, &ImportPreviewPage::csvProfileChanged);
}

void ImportPreviewPage::createTable()
{
    m_filtered->setSourceModel(m_items);
    m_filtered->setFilterRole(ImportPreviewModel::OutcomeRole);
    m_filtered->setFilterKeyColumn(ImportPreviewModel::OutcomeColumn);
    m_table = new QTableView(this);
    setIdentity(m_table, QStringLiteral("importItemsTable"), tr("The file's records"));
    m_table->setModel(m_filtered);
    setUpListTable(m_table);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 10);
    QHeaderView* header = m_table->horizontalHeader();
    header->setHighlightSections(false);
    header->setSectionResizeMode(ImportPreviewModel::ReasonColumn, QHeaderView::Stretch);
    m_why = new QLabel(this);
    setIdentity(m_why, QStringLiteral("importSelectedReasonLabel"), tr("Why, for the selected record"));
    m_why->setWordWrap(true);
    m_why->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ImportPreviewPage::showWhy);
    connect(m_filtered, &QAbstractItemModel::modelReset, this, &ImportPreviewPage::showWhy);
    m_table->setColumnWidth(ImportPreviewModel::OutcomeColumn, 140);
    m_table->setColumnWidth(ImportPreviewModel::DateColumn, 95);
    m_table->setColumnWidth(ImportPreviewModel::AmountColumn, 110);
    m_table->setColumnWidth(ImportPreviewModel::DescriptionColumn, 240);
}

void ImportPreviewPage::showWhy()
{
    const QModelIndex current = m_filtered->mapToSource(m_table->currentIndex());
    if (!current.isValid()) {
        m_why->setText(tr("Select a record to read what will become of it."));
        return;
    }
    const model::ImportItem& item = m_items->itemAt(current.row());
    const QString why = item.reason.isEmpty() ? ImportText::outcomeHelp(item.outcome) : item.reason;
    m_why->setText(tr("%1: %2").arg(ImportText::outcomeName(item.outcome), why));
}

bool ImportPreviewPage::isCsv() const
{
    return !m_csvBox->isHidden();
}

void ImportPreviewPage::showReport(const model::ImportReport& report)
{
    m_accounts->showPlans(report.accounts);
    m_accountsBox->setVisible(!report.accounts.isEmpty());
    m_csvBox->setVisible(!report.csvProfile.isEmpty());
    if (!report.csvProfile.isEmpty())
        m_csv->showProfile(report.csvProfile, report.csvProfileName, report.csvExplanation);
    m_counts->setText(ImportText::previewCounts(report.counts));
    m_notices->setText(report.notices.join(u'\n'));
    m_notices->setVisible(!report.notices.isEmpty());
    m_items->setItems(report.items);
    fillOutcomeFilter(report.counts);
}

void ImportPreviewPage::fillOutcomeFilter(const model::ImportCounts& counts)
{
    const QVariant current = m_outcomeFilter->currentData();
    const QSignalBlocker blocker(m_outcomeFilter);
    m_outcomeFilter->clear();
    m_outcomeFilter->addItem(tr("All (%1)").arg(counts.total()));
    const QList<QPair<ImportOutcome, int>> outcomes{
        {ImportOutcome::Added, counts.added},          {ImportOutcome::Matched, counts.matched},
        {ImportOutcome::Duplicate, counts.duplicates}, {ImportOutcome::Updated, counts.updated},
        {ImportOutcome::Removed, counts.removed},      {ImportOutcome::Invalid, counts.invalid}};
    for (const auto& [outcome, count] : outcomes) {
        if (count > 0)
            m_outcomeFilter->addItem(tr("%1 (%2)").arg(ImportText::outcomeName(outcome)).arg(count), int(outcome));
    }
    const int index = current.isValid() ? m_outcomeFilter->findData(current) : 0;
    m_outcomeFilter->setCurrentIndex(qMax(0, index));
    const QVariant shown = m_outcomeFilter->currentData();
    filterBy(shown.isValid() ? std::optional(ImportOutcome(shown.toInt())) : std::nullopt);
}

void ImportPreviewPage::filterBy(std::optional<ImportOutcome> outcome)
{
    if (outcome) {
        m_filtered->setFilterRegularExpression(QRegularExpression(QStringLiteral("^%1$").arg(int(*outcome))));
    } else {
        m_filtered->setFilterRegularExpression(QRegularExpression());
    }
    if (!m_table->currentIndex().isValid() && m_filtered->rowCount() > 0)
        m_table->selectRow(0);
    showWhy();
}

} // namespace coffer::ui

#include "imports/ImportAccountsPanel.h"

#include "Format.h"
#include "WidgetIdentity.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

namespace coffer::ui {

ImportAccountsPanel::ImportAccountsPanel(QWidget* parent)
    : QWidget(parent)
{
    setIdentity(this, QStringLiteral("importAccountsPanel"), tr("Where the file's accounts go"));
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_grid->setHorizontalSpacing(12);
    m_grid->setColumnStretch(0, 1);
    m_grid->setColumnStretch(2, 1);
}

void ImportAccountsPanel::clearRows()
{
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        if (QWidget* widget = item->widget())
            widget->deleteLater();
        delete item;
    }
    m_choices.clear();
}

void ImportAccountsPanel::showPlans(const QList<model::ImportAccountPlan>& plans)
{
    clearRows();
    m_plans = plans;
    for (int row = 0; row < plans.size(); ++row) {
        const model::ImportAccountPlan& plan = plans.at(row);
        QString name = plan.fileAccountName.isEmpty() ? plan.fileAccountId : plan.fileAccountName;
        if (name.isEmpty())
            name = tr("The file's transactions");
        QString details = Format::transactionCount(plan.transactions);
        if (plan.statedBalance) {
            details += tr(", balance %1 %2 on %3")
                           .arg(plan.statedBalance->format(QLocale()), plan.statedBalance->currency(),
                                QLocale().toString(plan.statedBalanceOn, QLocale::ShortFormat));
        }
        auto* label = new QLabel(tr("<b>%1</b><br>%2").arg(name.toHtmlEscaped(), details.toHtmlEscaped()), this);
        setIdentity(label, QStringLiteral("importFileAccount%1").arg(row), tr("Account in the file"));
        label->setTextFormat(Qt::RichText);
        auto* arrow = new QLabel(QStringLiteral("\u2192"), this);
        setIdentity(arrow, QStringLiteral("importAccountArrow%1").arg(row), tr("goes to"));
        QComboBox* choice = createChoice(plan, row);
        label->setBuddy(choice);
        m_grid->addWidget(label, row, 0);
        m_grid->addWidget(arrow, row, 1);
        m_grid->addWidget(choice, row, 2);
        m_choices.append(choice);
    }
}

QComboBox* ImportAccountsPanel::createChoice(const model::ImportAccountPlan& plan, int row)
{
    auto* choice = new QComboBox(this);
    const QString fileName = plan.fileAccountName.isEmpty() ? plan.fileAccountId : plan.fileAccountName;
    setIdentity(choice, QStringLiteral("importAccountChoice%1").arg(row),
                tr("Coffer account for %1").arg(fileName.isEmpty() ? tr("the file's transactions") : fileName));
    for (const store::AccountChoice& account : std::as_const(m_accounts)) {
        const QString text =
            account.connectionName.isEmpty() ? account.name : tr("%1 (%2)").arg(account.name, account.connectionName);
        choice->addItem(text, account.id);
    }
    const QString newName = plan.accountId == 0 && !plan.accountName.isEmpty()
                                ? tr("New account \u201c%1\u201d").arg(plan.accountName)
                                : tr("New account\u2026");
    choice->addItem(newName, qint64(0));
    const int current = choice->findData(plan.accountId);
    if (current >= 0) {
        choice->setCurrentIndex(current);
    } else {
        // Chosen by the engine but not listed yet (created since the list was read).
        choice->insertItem(0, plan.accountName, plan.accountId);
        choice->setCurrentIndex(0);
    }
    choice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(choice, &QComboBox::activated, this, [this] { Q_EMIT accountMapChanged(accountMap()); });
    return choice;
}

QHash<QString, qint64> ImportAccountsPanel::accountMap() const
{
    QHash<QString, qint64> map;
    for (int row = 0; row < m_choices.size() && row < m_plans.size(); ++row)
        map.insert(m_plans.at(row).fileAccountId, m_choices.at(row)->currentData().toLongLong());
    return map;
}

} // namespace coffer::ui

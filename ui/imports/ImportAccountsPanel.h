#pragma once

#include "model/Import.h"
#include "store/TransactionQuery.h"

#include <QHash>
#include <QList>
#include <QWidget>

class QComboBox;
class QGridLayout;

namespace coffer::ui {

// Where each account of the file goes: one row per account the file states (what the file calls
// it, how many transactions, its closing balance) with a choice of Coffer account: the one the
// engine picked (remembered or matching), any other, or a new one. A change is the user's: it is
// reported as the whole map (file account id to Coffer account id, 0 for a new one).
class ImportAccountsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ImportAccountsPanel(QWidget* parent = nullptr);

    void setAccounts(const QList<store::AccountChoice>& accounts) { m_accounts = accounts; }
    void showPlans(const QList<model::ImportAccountPlan>& plans);
    QHash<QString, qint64> accountMap() const;
    // The choice for the file's account at row (tests, screen readers).
    QComboBox* choiceAt(int row) const { return m_choices.value(row); }

Q_SIGNALS:
    void accountMapChanged(const QHash<QString, qint64>& accountMap);

private:
    QComboBox* createChoice(const model::ImportAccountPlan& plan, int row);
    void clearRows();

    QList<store::AccountChoice> m_accounts;
    QList<model::ImportAccountPlan> m_plans;
    QList<QComboBox*> m_choices;
    QGridLayout* m_grid = nullptr;
};

} // namespace coffer::ui

#pragma once

#include "store/TransactionQuery.h"

#include <QList>
#include <QStringList>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLineEdit;
class QPushButton;

namespace coffer::ui {

// Search as you type and the filters over the transaction list: status, period, connection,
// account, category and an amount range. Emits filterChanged() with the whole filter; typing is
// coalesced for kSearchDelayMs so a fast typist does not run a query per key.
class TransactionFilterBar : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSearchDelayMs = 60;
    enum class Period { AllTime, Last30Days, Last90Days, ThisMonth, LastMonth, ThisYear, LastYear, Custom };

    explicit TransactionFilterBar(QWidget* parent = nullptr);

    store::TransactionFilter filter() const;
    void setAccounts(const QList<store::AccountChoice>& accounts);
    void setCategories(const QStringList& categories);
    void focusSearch();
    void clear();
    // The first and last day of a period, counted back from today (invalid for AllTime).
    static std::pair<QDate, QDate> periodRange(Period period, const QDate& today);

Q_SIGNALS:
    void filterChanged(const coffer::store::TransactionFilter& filter);

private:
    QLineEdit* createAmountField(const QString& objectName, const QString& placeholder, const QString& accessibleName);
    void fillAccounts();
    void periodChosen();
    void emitChanged();
    bool amountFieldValid(QLineEdit* field) const;

    QList<store::AccountChoice> m_accounts;
    QLineEdit* m_search = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_period = nullptr;
    QDateEdit* m_from = nullptr;
    QDateEdit* m_to = nullptr;
    QComboBox* m_connection = nullptr;
    QComboBox* m_account = nullptr;
    QComboBox* m_category = nullptr;
    QLineEdit* m_minAmount = nullptr;
    QLineEdit* m_maxAmount = nullptr;
    QPushButton* m_clear = nullptr;
    QTimer m_searchTimer;
    bool m_updating = false; // refilling combos: their signals are not the user's
};

} // namespace coffer::ui

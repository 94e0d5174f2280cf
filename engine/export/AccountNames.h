#pragma once

#include "export/LedgerSource.h"
#include "model/Transaction.h"

#include <QHash>
#include <QString>

namespace coffer::exporting {

// Account names for plain-text accounting files, made to each tool's rules and unique.
// Ledger: "Assets:Demo Bank:Everyday Checking" (no : ; ( ) [ ] @ = * ! # | " and never two
// spaces in a row: those become single spaces).
// Beancount: "Assets:Demo-Bank:Everyday-Checking" (components of ASCII letters, digits and
// dashes, each starting with a capital or a digit).
// Credit cards go under Liabilities, other accounts under Assets; categories under Expenses
// (money out) or Income (money in), "Uncategorized" when there is none.
class AccountNames {
public:
    enum class Style { Ledger, Beancount };

    AccountNames(Style style, const QList<ExportAccount>& accounts);

    QString forAccount(qint64 accountId) const { return m_names.value(accountId); }
    QString forCategory(const QString& category, bool moneyOut) const;
    // The two postings of a transaction, each on its own indented line: the account with the
    // amount, the category balancing it ("Expenses:Dining  4.50 USD").
    QString postings(const model::Transaction& t, const QString& indent) const;

    // One name component in the style, or an empty string when nothing of text is usable.
    static QString component(Style style, const QString& text);

private:
    Style m_style;
    QHash<qint64, QString> m_names;
};

} // namespace coffer::exporting

// Account names follow each tool's rules whatever the bank called the account.

#include "export/AccountNames.h"

#include <gtest/gtest.h>

using namespace coffer;
using namespace coffer::exporting;

namespace {

ExportAccount account(qint64 id, const QString& institution, const QString& name,
                      model::AccountKind kind = model::AccountKind::Checking)
{
    ExportAccount e;
    e.account.id = id;
    e.account.institution = institution;
    e.account.name = name;
    e.account.kind = kind;
    return e;
}

} // namespace

TEST(AccountNames, BeancountComponentsAreCapitalizedLettersDigitsAndDashes)
{
    using S = AccountNames::Style;
    EXPECT_EQ(AccountNames::component(S::Beancount, QStringLiteral("Everyday Checking")), u"Everyday-Checking");
    EXPECT_EQ(AccountNames::component(S::Beancount, QStringLiteral("\u00c9pargne & co.")), u"Epargne-Co");
    EXPECT_EQ(AccountNames::component(S::Beancount, QStringLiteral("Trader Joe's")), u"Trader-Joes");
    EXPECT_EQ(AccountNames::component(S::Beancount, QStringLiteral("7-eleven")), u"7-Eleven");
    EXPECT_EQ(AccountNames::component(S::Beancount, QStringLiteral("\u6771\u4eac")), QString());

    const AccountNames names(
        S::Beancount,
        {account(1, QStringLiteral("Demo Bank"), QStringLiteral("Card"), model::AccountKind::CreditCard),
         account(2, QString(), QStringLiteral("\u6771\u4eac")),
         account(3, QStringLiteral("demo bank"), QStringLiteral("card"), model::AccountKind::CreditCard)});
    EXPECT_EQ(names.forAccount(1), u"Liabilities:Demo-Bank:Card");
    EXPECT_EQ(names.forAccount(2), u"Assets:Account-2");
    EXPECT_EQ(names.forAccount(3), u"Liabilities:Demo-Bank:Card-3") << "two accounts never share a name";
    EXPECT_EQ(names.forCategory(QStringLiteral("dining"), true), u"Expenses:Dining");
    EXPECT_EQ(names.forCategory(QString(), false), u"Income:Uncategorized");
    EXPECT_EQ(names.forCategory(QStringLiteral("\u2603"), true), u"Expenses:Uncategorized");
}

TEST(AccountNames, LedgerNamesKeepSpacesButNoSyntax)
{
    using S = AccountNames::Style;
    EXPECT_EQ(AccountNames::component(S::Ledger, QStringLiteral("Joint: (old)  [2]; @home\tmain")),
              u"Joint old 2 home main");
    const AccountNames names(S::Ledger,
                             {account(4, QStringLiteral("Cr\u00e9dit Mutuel"), QStringLiteral("Compte courant"))});
    EXPECT_EQ(names.forAccount(4), u"Assets:Cr\u00e9dit Mutuel:Compte courant");
    EXPECT_EQ(names.forCategory(QStringLiteral("groceries"), true), u"Expenses:Groceries");
}

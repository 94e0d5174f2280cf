// What the user leaves out of a connection never reaches the store: the choices as kept in the
// connection's options, applied to a page before it is committed.

#include "sync/ImportChoices.h"

#include <gtest/gtest.h>

using coffer::providers::Page;
using coffer::providers::ProviderTransaction;
using coffer::sync::ImportChoices;

namespace {

ProviderTransaction record(const QString& account, const QString& id, bool pending = false)
{
    ProviderTransaction t;
    t.accountProviderId = account;
    t.providerId = id;
    t.pending = pending;
    return t;
}

QStringList ids(const QList<ProviderTransaction>& list)
{
    QStringList out;
    for (const auto& t : list)
        out << t.accountProviderId + u'/' + t.providerId;
    return out;
}

Page samplePage()
{
    Page page;
    page.added = {record(QStringLiteral("A"), QStringLiteral("1")), record(QStringLiteral("B"), QStringLiteral("2")),
                  record(QStringLiteral("A"), QStringLiteral("3"), true)};
    page.modified = {record(QStringLiteral("B"), QStringLiteral("4"), true)};
    page.removed = {{QStringLiteral("A"), QStringLiteral("5")}, {QStringLiteral("B"), QStringLiteral("6")}};
    page.window = coffer::providers::CoveredWindow{
        QDate(2026, 1, 1), QDate(2026, 1, 31), {QStringLiteral("A"), QStringLiteral("B")}};
    page.nextCursor = QStringLiteral("c2");
    page.hasMore = true;
    return page;
}

} // namespace

TEST(ImportChoices, DefaultsImportEverything)
{
    const ImportChoices choices = ImportChoices::fromOptions({});
    EXPECT_TRUE(choices.importPending);
    EXPECT_TRUE(choices.excludedAccounts.isEmpty());
    const Page out = choices.apply(samplePage());
    EXPECT_EQ(out.added.size(), 3);
    EXPECT_EQ(out.modified.size(), 1);
    EXPECT_EQ(out.removed.size(), 2);
}

TEST(ImportChoices, AnExcludedAccountLeavesEveryPartOfThePage)
{
    const ImportChoices choices =
        ImportChoices::fromOptions({{coffer::sync::kExcludedAccountsOption, QStringList{QStringLiteral("A")}}});
    const Page out = choices.apply(samplePage());
    EXPECT_EQ(ids(out.added), QStringList{QStringLiteral("B/2")});
    EXPECT_EQ(ids(out.modified), QStringList{QStringLiteral("B/4")});
    ASSERT_EQ(out.removed.size(), 1);
    EXPECT_EQ(out.removed[0].accountProviderId, QStringLiteral("B"));
    ASSERT_TRUE(out.window);
    EXPECT_EQ(out.window->accountProviderIds, QStringList{QStringLiteral("B")})
        << "its stored transactions must not look dropped by the bank";
    EXPECT_EQ(out.nextCursor, QStringLiteral("c2")) << "the cursor still advances";
    EXPECT_TRUE(out.hasMore);
}

TEST(ImportChoices, PendingOffDropsOnlyPendingRecords)
{
    const ImportChoices choices = ImportChoices::fromOptions({{coffer::sync::kImportPendingOption, false}});
    const Page out = choices.apply(samplePage());
    EXPECT_EQ(ids(out.added), (QStringList{QStringLiteral("A/1"), QStringLiteral("B/2")}));
    EXPECT_TRUE(out.modified.isEmpty());
    EXPECT_EQ(out.removed.size(), 2);
    EXPECT_EQ(out.window->accountProviderIds.size(), 2);
}

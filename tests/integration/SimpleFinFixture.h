#pragma once

// The connector-level fixture of the SimpleFIN tests: a protocol-faithful SimpleFIN server on
// loopback and a SimpleFinConnector on a simulated clock.

#include "../fakes/SimpleFinFake.h"
#include "EngineHarness.h"
#include "providers/simplefin/SimpleFinConnector.h"
#include "secrets/CredentialStore.h"

#include <algorithm>

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace coffer;
using providers::FetchContext;
using providers::Page;
using providers::ProviderAccount;
using providers::ProviderTransaction;
using providers::simplefin::SimpleFinConnector;
using test::SimpleFinFake;

inline constexpr qint64 kDay = 24 * 3600;

class SimpleFinTest : public ::testing::Test {
protected:
    void SetUp() override { ASSERT_TRUE(m_fake.listen()); }

    FetchContext context(const QVariantMap& options = {}) const
    {
        FetchContext c;
        c.connectionId = 7;
        c.secret = m_fake.accessUrl();
        c.options = options;
        return c;
    }

    template <typename T, typename Call> std::optional<model::Result<T>> await(Call call)
    {
        std::optional<model::Result<T>> out;
        int calls = 0;
        call([&](model::Result<T> r) {
            ++calls;
            out = std::move(r);
        });
        EXPECT_TRUE(test::waitFor([&] { return out.has_value(); }, 15000));
        QTest::qWait(20); // a second callback would show here
        EXPECT_EQ(calls, 1) << "the callback runs exactly once";
        return out;
    }

    model::Result<QList<ProviderAccount>> accounts(const FetchContext& c)
    {
        auto r = await<QList<ProviderAccount>>([&](auto done) { m_connector.listAccounts(c, done); });
        return r ? *r : model::Error::permanent(QStringLiteral("no answer"));
    }

    model::Result<Page> fetch(const FetchContext& c)
    {
        auto r = await<Page>([&](auto done) { m_connector.fetchChanges(c, done); });
        return r ? *r : model::Error::permanent(QStringLiteral("no answer"));
    }

    model::Result<Page> fetchWindow(const FetchContext& c, const QDate& from, const QDate& to)
    {
        auto r = await<Page>([&](auto done) { m_connector.fetchWindow(c, from, to, done); });
        return r ? *r : model::Error::permanent(QStringLiteral("no answer"));
    }

    model::Error accountsError(const FetchContext& c)
    {
        auto r = accounts(c);
        EXPECT_FALSE(r.ok());
        return r.ok() ? model::Error{} : r.error();
    }

    // The fake's transactions a sync over [from, to) must deliver (pending ones filed by when they happened).
    QList<SimpleFinFake::Transaction> expectedBetween(qint64 from, qint64 to) const
    {
        QList<SimpleFinFake::Transaction> out;
        for (const auto& t : m_fake.transactions()) {
            const qint64 at = t.posted != 0 ? t.posted : t.transactedAt;
            if (at >= from && at < to)
                out << t;
        }
        return out;
    }

    QString currencyOf(const QString& accountId) const
    {
        for (const auto& a : m_fake.accounts()) {
            if (a.id == accountId)
                return a.currency;
        }
        return {};
    }

    const qint64 m_now = test::fixedNow().toSecsSinceEpoch();
    schedule::ManualClock m_clock{test::fixedNow()};
    SimpleFinFake m_fake{test::fixedNow()};
    SimpleFinConnector m_connector{m_clock};
};

// An errlist entry as the newer protocol sends it.
inline QJsonObject errlistEntry(const QString& code, const QString& msg, const QString& connId = {})
{
    QJsonObject e{{QStringLiteral("code"), code}, {QStringLiteral("msg"), msg}};
    if (!connId.isEmpty())
        e.insert(QStringLiteral("conn_id"), connId);
    return e;
}

inline SimpleFinFake::Fault withErrlist(const QJsonArray& errlist, bool keepAccounts)
{
    SimpleFinFake::Fault fault;
    fault.kind = SimpleFinFake::Fault::Kind::Rewrite;
    fault.rewrite = [errlist, keepAccounts](QJsonObject& set) {
        set.remove(QStringLiteral("errors")); // deprecated in favour of errlist
        set[QStringLiteral("errlist")] = errlist;
        if (!keepAccounts)
            set[QStringLiteral("accounts")] = QJsonArray();
    };
    return fault;
}

// Credentials go through the real OS keychain (on Linux: gnome-keyring's Secret Service inside
// the test's private D-Bus session), scoped per connection.

#include "secrets/CredentialStore.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <optional>

using coffer::model::ErrorKind;
using coffer::model::Result;
using coffer::model::Status;
using coffer::secrets::CredentialStore;

namespace {

Status writeNow(CredentialStore& store, qint64 id, const QString& name, const QString& secret)
{
    std::optional<Status> result;
    store.write(id, name, secret, [&](Status s) { result = s; });
    EXPECT_TRUE(coffer::test::waitFor([&] { return result.has_value(); }));
    return result.value_or(coffer::model::Error::permanent(QStringLiteral("timed out")));
}

Result<QString> readNow(CredentialStore& store, qint64 id, const QString& name)
{
    std::optional<Result<QString>> result;
    store.read(id, name, [&](Result<QString> r) { result = std::move(r); });
    EXPECT_TRUE(coffer::test::waitFor([&] { return result.has_value(); }));
    return result.value_or(coffer::model::Error::permanent(QStringLiteral("timed out")));
}

Status removeNow(CredentialStore& store, qint64 id, const QString& name)
{
    std::optional<Status> result;
    store.remove(id, name, [&](Status s) { result = s; });
    EXPECT_TRUE(coffer::test::waitFor([&] { return result.has_value(); }));
    return result.value_or(coffer::model::Error::permanent(QStringLiteral("timed out")));
}

} // namespace

TEST(CredentialStore, RoundTripThroughTheSystemKeychain)
{
    CredentialStore store(coffer::test::uniqueKeychainService(), QStringLiteral("db1"));
    const QString secret = QStringLiteral("s3cr3t-ünïcödé-%1").arg(QDateTime::currentMSecsSinceEpoch());
    const Status written = writeNow(store, 41, QStringLiteral("token"), secret);
    ASSERT_TRUE(written.ok()) << written.error().userMessage.toStdString();
    const auto read = readNow(store, 41, QStringLiteral("token"));
    ASSERT_TRUE(read.ok()) << read.error().userMessage.toStdString();
    EXPECT_EQ(read.value(), secret);

    ASSERT_TRUE(writeNow(store, 41, QStringLiteral("token"), QStringLiteral("rotated")).ok());
    EXPECT_EQ(readNow(store, 41, QStringLiteral("token")).value(), QStringLiteral("rotated"));
    ASSERT_TRUE(removeNow(store, 41, QStringLiteral("token")).ok());
}

TEST(CredentialStore, KeysAreScopedPerConnection)
{
    CredentialStore store(coffer::test::uniqueKeychainService(), QStringLiteral("db1"));
    ASSERT_TRUE(writeNow(store, 1, QStringLiteral("token"), QStringLiteral("first")).ok());
    ASSERT_TRUE(writeNow(store, 2, QStringLiteral("token"), QStringLiteral("second")).ok());
    EXPECT_EQ(readNow(store, 1, QStringLiteral("token")).value(), QStringLiteral("first"));
    EXPECT_EQ(readNow(store, 2, QStringLiteral("token")).value(), QStringLiteral("second"));
    ASSERT_TRUE(removeNow(store, 1, QStringLiteral("token")).ok());
    EXPECT_EQ(readNow(store, 2, QStringLiteral("token")).value(), QStringLiteral("second"));
    ASSERT_TRUE(removeNow(store, 2, QStringLiteral("token")).ok());
}

TEST(CredentialStore, MissingEntryAsksTheUserToReauthenticate)
{
    CredentialStore store(coffer::test::uniqueKeychainService(), QStringLiteral("db1"));
    const auto read = readNow(store, 7, QStringLiteral("token"));
    ASSERT_FALSE(read.ok());
    EXPECT_EQ(read.error().kind, ErrorKind::NeedsUser);
    EXPECT_TRUE(read.error().userMessage.contains(QStringLiteral("re-authenticate")));
    EXPECT_TRUE(removeNow(store, 7, QStringLiteral("token")).ok()) << "removing what is not there is fine";
}

TEST(CredentialStore, ServicesDoNotSeeEachOther)
{
    CredentialStore mine(coffer::test::uniqueKeychainService(), QStringLiteral("db1"));
    CredentialStore theirs(coffer::test::uniqueKeychainService(), QStringLiteral("db1"));
    ASSERT_TRUE(writeNow(mine, 3, QStringLiteral("token"), QStringLiteral("mine")).ok());
    EXPECT_FALSE(readNow(theirs, 3, QStringLiteral("token")).ok());
    ASSERT_TRUE(removeNow(mine, 3, QStringLiteral("token")).ok());
}

TEST(CredentialStore, TwoDatabasesNeverShareAConnectionsCredential)
{
    const QString service = coffer::test::uniqueKeychainService();
    CredentialStore first(service, QStringLiteral("database-a"));
    CredentialStore second(service, QStringLiteral("database-b"));
    ASSERT_TRUE(writeNow(first, 1, QStringLiteral("token"), QStringLiteral("a")).ok());
    ASSERT_TRUE(writeNow(second, 1, QStringLiteral("token"), QStringLiteral("b")).ok());
    EXPECT_EQ(readNow(first, 1, QStringLiteral("token")).value(), QStringLiteral("a"));
    EXPECT_EQ(readNow(second, 1, QStringLiteral("token")).value(), QStringLiteral("b"));
    ASSERT_TRUE(removeNow(first, 1, QStringLiteral("token")).ok());
    ASSERT_TRUE(removeNow(second, 1, QStringLiteral("token")).ok());
}

// The connection manager as a user drives it: the "Add connection" wizard for each provider (with
// its inline validation), the edit dialog and signing in again, over a real engine and keychain.

#include "../fakes/SimpleFinFake.h"
#include "ConnectionsFixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>

namespace {

using namespace coffer;
using test::ConnectionsFixture;
using test::kTimeoutMs;
using test::waitForChild;

class ConnectionsTest : public ConnectionsFixture {};

TEST_F(ConnectionsTest, ProvidersWithoutAConnectorAreListedButCannotBeChosen)
{
    QWizard* wizard = openWizard();
    ASSERT_NE(wizard, nullptr);
    auto* list = wizard->findChild<QListWidget*>(QStringLiteral("providerList"));
    ASSERT_NE(list, nullptr);
    QStringList unavailable;
    for (int row = 0; row < list->count(); ++row) {
        const QListWidgetItem* item = list->item(row);
        if (!(item->flags() & Qt::ItemIsEnabled)) {
            unavailable << item->data(Qt::UserRole + 1).toString();
            EXPECT_TRUE(item->text().contains(QStringLiteral("Not available in this version yet")));
        }
    }
    EXPECT_EQ(unavailable,
              (QStringList{QStringLiteral("gocardless"), QStringLiteral("powens"), QStringLiteral("ofxdirect")}));
    EXPECT_TRUE(wizardButton(wizard, QWizard::NextButton)->isVisible());
    EXPECT_FALSE(wizardButton(wizard, QWizard::FinishButton)->isVisible());
    EXPECT_TRUE(wizardButton(wizard, QWizard::NextButton)->isEnabled()) << "the demo bank is the default choice";
    chooseProvider(wizard, QStringLiteral("gocardless"));
    EXPECT_FALSE(wizardButton(wizard, QWizard::NextButton)->isEnabled());
    chooseProvider(wizard, QStringLiteral("demo"));
    EXPECT_TRUE(wizardButton(wizard, QWizard::NextButton)->isEnabled());
    test::saveScreenshot(wizard, QStringLiteral("coffer-add-connection-providers.png"));
    wizard->reject();
}

TEST_F(ConnectionsTest, DemoWizardAddsAConnectionThatSyncs)
{
    QWizard* wizard = openWizard();
    ASSERT_NE(wizard, nullptr);
    chooseProvider(wizard, QStringLiteral("demo"));
    wizardButton(wizard, QWizard::NextButton)->click();
    auto* name = waitForChild<QLineEdit>(wizard, QStringLiteral("demoNameEdit"));
    auto* seed = wizard->findChild<QLineEdit*>(QStringLiteral("demoSeedEdit"));
    auto* error = wizard->findChild<QLabel*>(QStringLiteral("demoErrorLabel"));
    ASSERT_TRUE(name && seed && error);
    QAbstractButton* next = wizardButton(wizard, QWizard::NextButton);

    name->clear();
    EXPECT_FALSE(next->isEnabled());
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains(QStringLiteral("name"))) << error->text().toStdString();
    name->setText(QStringLiteral("Everyday bank"));
    seed->setText(QStringLiteral("twelve"));
    EXPECT_FALSE(next->isEnabled());
    EXPECT_TRUE(error->text().contains(QStringLiteral("whole number"))) << error->text().toStdString();
    test::saveScreenshot(wizard, QStringLiteral("coffer-add-connection-invalid.png"));
    seed->setText(QStringLiteral("4242"));
    EXPECT_TRUE(next->isEnabled());
    EXPECT_FALSE(error->isVisible());

    next->click();
    auto* status = waitForChild<QLabel>(wizard, QStringLiteral("connectStatusLabel"));
    ASSERT_NE(status, nullptr);
    QAbstractButton* finish = wizardButton(wizard, QWizard::FinishButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return finish->isEnabled(); }, kTimeoutMs)) << status->text().toStdString();
    EXPECT_TRUE(status->text().contains(QStringLiteral("was added"))) << status->text().toStdString();
    EXPECT_FALSE(wizardButton(wizard, QWizard::BackButton)->isEnabled()) << "back would add it twice";
    finish->click();
    EXPECT_FALSE(wizard->isVisible());

    // It appears in the table and its first sync (started on adding) fills it.
    ASSERT_TRUE(QTest::qWaitFor([&] { return rowNamed(QStringLiteral("Everyday bank")) >= 0; }, kTimeoutMs));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return cell(QStringLiteral("Everyday bank"), ui::ConnectionsView::TransactionsColumn).toInt() > 0; },
        kTimeoutMs));
    EXPECT_GT(cell(QStringLiteral("Everyday bank"), ui::ConnectionsView::AccountsColumn).toInt(), 0);
    // The demo bank's consent runs 90 days: the countdown says so.
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return cell(QStringLiteral("Everyday bank"), ui::ConnectionsView::ConsentColumn)
                .startsWith(QStringLiteral("Consent expires in"));
        },
        kTimeoutMs))
        << cell(QStringLiteral("Everyday bank"), ui::ConnectionsView::ConsentColumn).toStdString();
}

TEST_F(ConnectionsTest, SimpleFinWizardClaimsTheTokenAndWarnsWhenItWasAlreadyUsed)
{
    test::SimpleFinFake fake(QDateTime::currentDateTimeUtc());
    ASSERT_TRUE(fake.listen());
    QWizard* wizard = openWizard();
    ASSERT_NE(wizard, nullptr);
    chooseProvider(wizard, QStringLiteral("simplefin"));
    wizardButton(wizard, QWizard::NextButton)->click();
    auto* token = waitForChild<QPlainTextEdit>(wizard, QStringLiteral("simpleFinTokenEdit"));
    auto* error = wizard->findChild<QLabel*>(QStringLiteral("simpleFinErrorLabel"));
    ASSERT_TRUE(token && error);
    QAbstractButton* next = wizardButton(wizard, QWizard::NextButton);
    EXPECT_FALSE(next->isEnabled()) << "no token yet";

    paste(token, QStringLiteral("not a token!"));
    EXPECT_FALSE(next->isEnabled());
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains(QStringLiteral("not a SimpleFIN setup token"))) << error->text().toStdString();
    paste(token, QString::fromLatin1(QByteArray("http://bridge.example.com/simplefin/claim/abc").toBase64()));
    EXPECT_FALSE(next->isEnabled());
    EXPECT_TRUE(error->text().contains(QStringLiteral("HTTPS"))) << error->text().toStdString();
    paste(token, fake.setupToken());
    EXPECT_TRUE(next->isEnabled());
    EXPECT_FALSE(error->isVisible());
    wizard->findChild<QLineEdit*>(QStringLiteral("simpleFinNameEdit"))->setText(QStringLiteral("Credit union"));
    test::saveScreenshot(wizard, QStringLiteral("coffer-add-connection-simplefin.png"));

    next->click();
    QAbstractButton* finish = wizardButton(wizard, QWizard::FinishButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return finish->isEnabled(); }, kTimeoutMs));
    finish->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rowNamed(QStringLiteral("Credit union")) >= 0; }, kTimeoutMs));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return cell(QStringLiteral("Credit union"), ui::ConnectionsView::TransactionsColumn).toInt() > 0; },
        kTimeoutMs));

    // The same token again: SimpleFIN refuses the claim, and the user learns what that may mean.
    wizard = openWizard();
    ASSERT_NE(wizard, nullptr);
    chooseProvider(wizard, QStringLiteral("simplefin"));
    wizardButton(wizard, QWizard::NextButton)->click();
    paste(waitForChild<QPlainTextEdit>(wizard, QStringLiteral("simpleFinTokenEdit")), fake.setupToken());
    wizardButton(wizard, QWizard::NextButton)->click();
    auto* refusal = waitForChild<QLabel>(wizard, QStringLiteral("connectErrorLabel"));
    ASSERT_NE(refusal, nullptr);
    EXPECT_TRUE(refusal->text().contains(QStringLiteral("already been used"))) << refusal->text().toStdString();
    EXPECT_TRUE(refusal->text().contains(QStringLiteral("someone else"))) << refusal->text().toStdString();
    EXPECT_FALSE(wizardButton(wizard, QWizard::FinishButton)->isEnabled());
    EXPECT_TRUE(wizardButton(wizard, QWizard::BackButton)->isEnabled()) << "back, to paste another token";
    test::saveScreenshot(wizard, QStringLiteral("coffer-add-connection-token-used.png"));
    wizard->reject();
    EXPECT_EQ(m_table->rowCount(), 1);
}

TEST_F(ConnectionsTest, FileOnlyAccountNeedsANameAndAnIsoCurrency)
{
    QWizard* wizard = openWizard();
    ASSERT_NE(wizard, nullptr);
    chooseProvider(wizard, QStringLiteral("file"));
    wizardButton(wizard, QWizard::NextButton)->click();
    auto* name = waitForChild<QLineEdit>(wizard, QStringLiteral("fileNameEdit"));
    auto* currency = wizard->findChild<QLineEdit*>(QStringLiteral("fileCurrencyEdit"));
    auto* kind = wizard->findChild<QComboBox*>(QStringLiteral("fileKindCombo"));
    auto* error = wizard->findChild<QLabel*>(QStringLiteral("fileErrorLabel"));
    ASSERT_TRUE(name && currency && kind && error);
    QAbstractButton* next = wizardButton(wizard, QWizard::NextButton);
    EXPECT_FALSE(next->isEnabled()) << "no name yet";

    name->setText(QStringLiteral("Cash box"));
    currency->setText(QStringLiteral("XYZ"));
    EXPECT_FALSE(next->isEnabled());
    EXPECT_TRUE(error->text().contains(QStringLiteral("not an ISO 4217 currency code"))) << error->text().toStdString();
    currency->clear();
    QTest::keyClicks(currency, QStringLiteral("chf"));
    EXPECT_EQ(currency->text(), QStringLiteral("CHF")) << "typed in capitals";
    kind->setCurrentIndex(kind->findData(QStringLiteral("savings")));
    EXPECT_TRUE(next->isEnabled());
    test::saveScreenshot(wizard, QStringLiteral("coffer-add-connection-file.png"));
    next->click();
    QAbstractButton* finish = wizardButton(wizard, QWizard::FinishButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return finish->isEnabled(); }, kTimeoutMs));
    auto* status = wizard->findChild<QLabel*>(QStringLiteral("connectStatusLabel"));
    EXPECT_TRUE(status->text().contains(QStringLiteral("Import"))) << status->text().toStdString();
    finish->click();

    ASSERT_TRUE(QTest::qWaitFor([&] { return rowNamed(QStringLiteral("Cash box")) >= 0; }, kTimeoutMs));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return cell(QStringLiteral("Cash box"), ui::ConnectionsView::AccountsColumn) == u"1"; }, kTimeoutMs));
    EXPECT_EQ(cell(QStringLiteral("Cash box"), ui::ConnectionsView::ProviderColumn), QStringLiteral("File import"));
    // Adding asked for a first sync; a file-only account answers how it is updated instead.
    auto* statusBar = m_window->findChild<QLabel*>(QStringLiteral("statusMessageLabel"));
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return statusBar->text().contains(QStringLiteral("importing bank files")); }, kTimeoutMs))
        << statusBar->text().toStdString();
}

} // namespace

int main(int argc, char** argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    QApplication app(argc, argv);
    return RUN_ALL_TESTS();
}

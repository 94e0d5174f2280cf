// Plaid in the connection manager, as a user drives it: the wizard's Plaid page (keys, environment,
// the browser, the waiting state, a sandbox test item) and signing in again through Plaid Link in
// update mode, over a real engine and keychain against the Plaid fake. The system browser is
// replaced by a URL handler that records what Coffer opened; the test then plays the user there.

#include "../fakes/PlaidFake.h"
#include "../fakes/PlaidFakeLink.h"
#include "ConnectionsFixture.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>

namespace {

using namespace coffer;
using test::ConnectionsFixture;
using test::kTimeoutMs;
using test::PlaidFake;
using test::PlaidFakeLink;
using test::waitForChild;

// Stands in for the system browser: remembers every address Coffer asked it to open.
class BrowserStandIn : public QObject {
    Q_OBJECT
public:
    BrowserStandIn()
    {
        QDesktopServices::setUrlHandler(QStringLiteral("http"), this, "open");
        QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "open");
    }
    ~BrowserStandIn() override
    {
        QDesktopServices::unsetUrlHandler(QStringLiteral("http"));
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    }
    QList<QUrl> opened;

public Q_SLOTS:
    void open(const QUrl& url) { opened << url; }
};

class PlaidLinkUiTest : public ConnectionsFixture {
protected:
    void SetUp() override
    {
        ConnectionsFixture::SetUp();
        ASSERT_TRUE(m_fake.listen());
    }

    QWidget* openPlaidPage(QWizard*& wizard)
    {
        wizard = openWizard();
        EXPECT_NE(wizard, nullptr);
        chooseProvider(wizard, QStringLiteral("plaid"));
        EXPECT_TRUE(wizardButton(wizard, QWizard::NextButton)->isEnabled()) << "Plaid can be chosen";
        wizardButton(wizard, QWizard::NextButton)->click();
        return waitForChild<QWidget>(wizard, QStringLiteral("plaidPage"));
    }
    template <typename T> static T* child(QWidget* root, const char* name)
    {
        auto* found = root->findChild<T*>(QString::fromLatin1(name));
        EXPECT_NE(found, nullptr) << name;
        return found;
    }
    void fillKeys(QWidget* page)
    {
        child<QLineEdit>(page, "plaidClientIdEdit")->setText(PlaidFake::clientId());
        child<QLineEdit>(page, "plaidSecretEdit")->setText(PlaidFake::secret());
        child<QCheckBox>(page, "plaidAdvancedCheck")->setChecked(true);
        child<QLineEdit>(page, "plaidBaseUrlEdit")->setText(m_fake.baseUrl());
    }

    PlaidFake m_fake{QDate::currentDate()};
    PlaidFakeLink m_link{m_fake, QDateTime::currentDateTimeUtc()};
    BrowserStandIn m_browser;
};

TEST_F(PlaidLinkUiTest, ThePlaidPageLinksABankInTheBrowserAndFinishes)
{
    QWizard* wizard = nullptr;
    QWidget* page = openPlaidPage(wizard);
    ASSERT_NE(page, nullptr);
    auto* connect = child<QPushButton>(page, "plaidConnectButton");
    auto* testItem = child<QPushButton>(page, "plaidTestItemButton");
    auto* error = child<QLabel>(page, "plaidErrorLabel");
    auto* environment = child<QComboBox>(page, "plaidEnvironmentCombo");
    auto* secret = child<QLineEdit>(page, "plaidSecretEdit");
    QAbstractButton* finish = wizardButton(wizard, QWizard::FinishButton);
    EXPECT_EQ(secret->echoMode(), QLineEdit::Password);
    EXPECT_FALSE(connect->isEnabled()) << "no keys yet";
    EXPECT_FALSE(error->isVisible()) << "nothing typed is not an error";
    EXPECT_TRUE(finish->isVisible());
    EXPECT_FALSE(finish->isEnabled());

    child<QLineEdit>(page, "plaidClientIdEdit")->setText(PlaidFake::clientId());
    EXPECT_FALSE(connect->isEnabled());
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->text().contains(QStringLiteral("secret"))) << error->text().toStdString();
    secret->setText(PlaidFake::secret());
    child<QCheckBox>(page, "plaidAdvancedCheck")->setChecked(true);
    auto* baseUrl = child<QLineEdit>(page, "plaidBaseUrlEdit");
    baseUrl->setText(QStringLiteral("http://plaid.example.com"));
    EXPECT_FALSE(connect->isEnabled());
    EXPECT_TRUE(error->text().contains(QStringLiteral("http"))) << error->text().toStdString();
    baseUrl->setText(m_fake.baseUrl());
    EXPECT_TRUE(connect->isEnabled());
    EXPECT_FALSE(error->isVisible());
    EXPECT_TRUE(testItem->isVisible()) << "the sandbox offers a test item";
    environment->setCurrentIndex(environment->findData(QStringLiteral("production")));
    EXPECT_FALSE(testItem->isVisible()) << "production has no test items";
    environment->setCurrentIndex(environment->findData(QStringLiteral("sandbox")));
    child<QLineEdit>(page, "plaidNameEdit")->setText(QStringLiteral("Checking at Platypus"));
    test::saveScreenshot(wizard, QStringLiteral("coffer-add-connection-plaid.png"));

    connect->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_browser.opened.isEmpty(); }, kTimeoutMs));
    const QString token = PlaidFakeLink::linkTokenOf(m_browser.opened.first().toString());
    ASSERT_FALSE(token.isEmpty()) << m_browser.opened.first().toString().toStdString();
    auto* status = waitForChild<QLabel>(page, QStringLiteral("linkStatusLabel"));
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->text().contains(QStringLiteral("browser"))) << status->text().toStdString();
    EXPECT_TRUE(child<QPushButton>(page, "linkCancelButton")->isVisible());
    EXPECT_FALSE(connect->isEnabled()) << "one Link at a time";
    EXPECT_FALSE(secret->isEnabled());
    test::saveScreenshot(wizard, QStringLiteral("coffer-add-connection-plaid-waiting.png"));

    // "Open again" opens the same page once more.
    child<QPushButton>(page, "linkReopenButton")->click();
    ASSERT_EQ(m_browser.opened.size(), 2);
    EXPECT_EQ(m_browser.opened.at(1), m_browser.opened.at(0));

    m_link.completeLink(token); // the user, in the browser
    ASSERT_TRUE(QTest::qWaitFor([&] { return finish->isEnabled(); }, kTimeoutMs)) << error->text().toStdString();
    auto* done = child<QLabel>(page, "plaidDoneLabel");
    EXPECT_TRUE(done->isVisible());
    EXPECT_TRUE(done->text().contains(QStringLiteral("connected"))) << done->text().toStdString();
    EXPECT_FALSE(wizardButton(wizard, QWizard::BackButton)->isEnabled()) << "back would add it twice";
    EXPECT_FALSE(status->isVisible());
    test::saveScreenshot(wizard, QStringLiteral("coffer-add-connection-plaid-done.png"));
    finish->click();

    ASSERT_TRUE(QTest::qWaitFor([&] { return rowNamed(QStringLiteral("Checking at Platypus")) >= 0; }, kTimeoutMs));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return cell(QStringLiteral("Checking at Platypus"), ui::ConnectionsView::TransactionsColumn).toInt() > 0;
        },
        kTimeoutMs))
        << "its first sync uses the exchanged access token";
    EXPECT_EQ(m_table->rowCount(), 1);
}

TEST_F(PlaidLinkUiTest, LeavingPlaidOrCancellingLetsTheUserTryAgainAndATestItemNeedsNoBrowser)
{
    QWizard* wizard = nullptr;
    QWidget* page = openPlaidPage(wizard);
    ASSERT_NE(page, nullptr);
    fillKeys(page);
    auto* connect = child<QPushButton>(page, "plaidConnectButton");
    auto* error = child<QLabel>(page, "plaidErrorLabel");
    connect->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_browser.opened.isEmpty(); }, kTimeoutMs));
    m_link.exitLink(PlaidFakeLink::linkTokenOf(m_browser.opened.last().toString()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return error->isVisible(); }, kTimeoutMs));
    EXPECT_TRUE(error->text().contains(QStringLiteral("closed before a bank was connected")))
        << error->text().toStdString();
    EXPECT_TRUE(connect->isEnabled()) << "the user may try again";
    test::saveScreenshot(wizard, QStringLiteral("coffer-add-connection-plaid-left.png"));

    connect->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_browser.opened.size() == 2; }, kTimeoutMs));
    child<QPushButton>(page, "linkCancelButton")->click();
    EXPECT_TRUE(connect->isEnabled());
    EXPECT_FALSE(wizardButton(wizard, QWizard::FinishButton)->isEnabled());

    m_fake.setUpdateStatus(QStringLiteral("INITIAL_UPDATE_COMPLETE")); // Plaid still collecting history
    child<QPushButton>(page, "plaidTestItemButton")->click();
    QAbstractButton* finish = wizardButton(wizard, QWizard::FinishButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return finish->isEnabled(); }, kTimeoutMs)) << error->text().toStdString();
    EXPECT_EQ(m_browser.opened.size(), 2) << "a test item opens no browser";
    finish->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return rowNamed(m_fake.institutionName()) >= 0; }, kTimeoutMs))
        << "named after the institution when the user gave no name";
    EXPECT_EQ(m_table->rowCount(), 1);

    // Its card says that older transactions are still to come.
    m_window->showPage(ui::MainWindow::Page::Dashboard);
    auto* card = waitForChild<QWidget>(m_window.get(), QStringLiteral("connectionCard"));
    ASSERT_NE(card, nullptr);
    auto* note = card->findChild<QLabel*>(QStringLiteral("providerNoteLabel"));
    ASSERT_NE(note, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return note->isVisible(); }, kTimeoutMs));
    EXPECT_TRUE(note->text().contains(QStringLiteral("still collecting history"))) << note->text().toStdString();
    test::saveScreenshot(card, QStringLiteral("coffer-dashboard-card-plaid-history.png"));
}

TEST_F(PlaidLinkUiTest, SigningInAgainOpensPlaidInUpdateModeAndClosesWhenDone)
{
    QSignalSpy completed(m_host.get(), &EngineHost::linkCompleted);
    model::LinkRequest add;
    add.clientId = PlaidFake::clientId();
    add.secret = PlaidFake::secret();
    add.name = QStringLiteral("Platypus");
    add.options = {{QStringLiteral("environment"), QStringLiteral("sandbox")},
                   {QStringLiteral("baseUrl"), m_fake.baseUrl()},
                   {QStringLiteral("minIntervalSeconds"), 0}}; // "Sync now" again at once
    add.sandboxTestItem = true;
    m_host->beginLink(add);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !completed.isEmpty(); }, kTimeoutMs));
    const qint64 id = completed.first().at(1).toLongLong();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return cell(QStringLiteral("Platypus"), ui::ConnectionsView::TransactionsColumn).toInt() > 0; },
        kTimeoutMs));
    m_fake.failWith(400, QStringLiteral("ITEM_ERROR"), QStringLiteral("ITEM_LOGIN_REQUIRED"),
                    QStringLiteral("Your bank needs you to sign in again."));
    m_host->syncNow(id);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return cell(QStringLiteral("Platypus"), ui::ConnectionsView::StateColumn) == u"Re-authentication required";
        },
        kTimeoutMs))
        << cell(QStringLiteral("Platypus"), ui::ConnectionsView::StateColumn).toStdString();

    m_view->requestReauthenticate(id);
    auto* dialog = waitForChild<QDialog>(m_view, QStringLiteral("reauthDialog"));
    ASSERT_NE(dialog, nullptr);
    auto* submit = dialog->findChild<QPushButton*>(QStringLiteral("reauthSubmitButton"));
    ASSERT_NE(submit, nullptr);
    EXPECT_TRUE(submit->isEnabled());
    EXPECT_TRUE(submit->text().contains(QStringLiteral("Plaid")));
    EXPECT_FALSE(dialog->findChild<QPlainTextEdit*>(QStringLiteral("reauthTokenEdit"))->isVisible())
        << "nothing to paste";
    submit->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_browser.opened.isEmpty(); }, kTimeoutMs));
    auto* status = waitForChild<QLabel>(dialog, QStringLiteral("linkStatusLabel"));
    ASSERT_NE(status, nullptr);
    EXPECT_FALSE(submit->isEnabled());
    test::saveScreenshot(dialog, QStringLiteral("coffer-reauthenticate-plaid.png"));
    m_link.completeLink(PlaidFakeLink::linkTokenOf(m_browser.opened.first().toString()));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !dialog->isVisible(); }, kTimeoutMs));

    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return cell(QStringLiteral("Platypus"), ui::ConnectionsView::StateColumn) != u"Re-authentication required";
        },
        kTimeoutMs));
    EXPECT_EQ(m_table->rowCount(), 1) << "the same connection, signed in again";
}

} // namespace

#include "PlaidLinkUiTest.moc"

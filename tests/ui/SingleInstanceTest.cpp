// One Coffer per user and data folder: a second launch of the real coffer executable (as a file
// manager's "Open with" or the login autostart starts it) hands its files to the running window,
// which comes forward from the tray and opens their import; --minimized leaves it as it is. A
// socket left by a Coffer that crashed, or bytes from another program, never stop it working.
// `coffer --version` answers without any display.

#include "SingleInstanceFixture.h"

#include <QFileOpenEvent>
#include <QLocalSocket>
#include <QUrl>

namespace {

using namespace coffer;
using test::kTimeoutMs;
using test::SingleInstanceFixture;

TEST_F(SingleInstanceFixture, SecondLaunchWithFilesBringsTheWindowForwardAndOpensTheirImport)
{
    ASSERT_TRUE(startPrimary());
    hideToTray();
    copyStatement(QStringLiteral("march statement.ofx"));
    const QString second = copyStatement(QStringLiteral("april.ofx"));

    // "Open with" passes a path relative to the file manager's folder and a file:// URL.
    const auto run =
        runCoffer({QStringLiteral("march statement.ofx"), QUrl::fromLocalFile(second).toString()}, m_files.path());
    ASSERT_TRUE(run.finished) << "the second launch did not end";
    EXPECT_EQ(run.exitCode, 0) << run.errors.toStdString();

    ASSERT_TRUE(QTest::qWaitFor([&] { return m_window->isVisible(); }, kTimeoutMs)) << "the window came forward";
    EXPECT_FALSE(m_window->isMinimized());
    ASSERT_TRUE(QTest::qWaitFor([&] { return openDialogFile() == QStringLiteral("march statement.ofx"); }, kTimeoutMs))
        << "the import of the first file opens; the dialog shows: " << openDialogFile().toStdString();
    EXPECT_TRUE(m_window->imports()->currentDialog()->windowTitle().contains(QStringLiteral("march statement.ofx")));
    test::saveScreenshot(*m_window->imports()->currentDialog(), QStringLiteral("single-instance-open-with.png"));

    m_window->imports()->currentDialog()->reject(); // Cancel: the next file's import follows
    ASSERT_TRUE(QTest::qWaitFor([&] { return openDialogFile() == QStringLiteral("april.ofx"); }, kTimeoutMs))
        << "then the second file's; the dialog shows: " << openDialogFile().toStdString();
}

TEST_F(SingleInstanceFixture, SecondLaunchBringsAMinimizedWindowBack)
{
    ASSERT_TRUE(startPrimary());
    m_window->showMinimized();
    ASSERT_TRUE(m_window->isMinimized());
    QSignalSpy received(m_instance.get(), &ui::SingleInstance::requestReceived);

    // Started from a Wayland launcher: the token that lets the running window take the focus.
    QProcessEnvironment launcher = childEnvironment();
    launcher.insert(QStringLiteral("XDG_ACTIVATION_TOKEN"), QStringLiteral("gnome-shell/Coffer/4242-TIME1"));
    const auto run = runCoffer({}, {}, launcher, true);
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 0) << run.errors.toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !received.isEmpty(); }, kTimeoutMs));
    EXPECT_TRUE(m_window->isVisible());
    EXPECT_FALSE(m_window->isMinimized());
    EXPECT_EQ(received.first().first().value<ui::LaunchRequest>().activationToken,
              QStringLiteral("gnome-shell/Coffer/4242-TIME1"))
        << "the launcher's token reaches the running Coffer";
    EXPECT_EQ(m_window->imports()->currentDialog(), nullptr) << "no file was named";
}

TEST_F(SingleInstanceFixture, MinimizedSecondLaunchLeavesTheHiddenWindowHidden)
{
    ASSERT_TRUE(startPrimary());
    hideToTray();
    QSignalSpy received(m_instance.get(), &ui::SingleInstance::requestReceived);

    const auto run = runCoffer({QStringLiteral("--minimized")}); // the login autostart entry
    ASSERT_TRUE(run.finished);
    EXPECT_EQ(run.exitCode, 0) << run.errors.toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !received.isEmpty(); }, kTimeoutMs)) << "the running Coffer heard it";
    EXPECT_FALSE(m_window->isVisible()) << "the autostart never pulls the window forward";
    EXPECT_EQ(m_window->imports()->currentDialog(), nullptr);
}

TEST_F(SingleInstanceFixture, FirstLaunchFilesOpenOnceTheEngineHasStarted)
{
    // main() hands the first launch's files to the window before the engine has opened the data.
    const QString statement = copyStatement(QStringLiteral("first.ofx"));
    m_window->show();
    m_window->openLaunchRequest(ui::LaunchRequest{true, {statement}, {}});
    EXPECT_EQ(m_window->imports()->currentDialog(), nullptr) << "nothing to import into yet";
    ASSERT_TRUE(m_engine.start());
    ASSERT_TRUE(QTest::qWaitFor([&] { return openDialogFile() == QStringLiteral("first.ofx"); }, kTimeoutMs))
        << "the dialog shows: " << openDialogFile().toStdString();
}

TEST_F(SingleInstanceFixture, FilesForDataThatCannotOpenAreRefusedWithAReason)
{
    {
        QFile damaged(QDir(m_engine.dataDir()).filePath(QStringLiteral("coffer.sqlite3")));
        ASSERT_TRUE(damaged.open(QIODevice::WriteOnly));
        damaged.write(QByteArray("not a database").repeated(300));
    }
    m_window->show();
    m_window->openLaunchRequest(ui::LaunchRequest{true, {copyStatement(QStringLiteral("waiting.ofx"))}, {}});
    QSignalSpy failed(&m_engine.host(), &EngineHost::startFailed);
    m_engine.host().start();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !failed.isEmpty(); }, kTimeoutMs));
    EXPECT_EQ(m_window->imports()->currentDialog(), nullptr) << "the waiting file is not imported into nothing";
    auto* status = m_window->findChild<QLabel*>(QStringLiteral("statusMessageLabel"));
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->text().startsWith(QStringLiteral("Coffer could not open its data: ")));
    EXPECT_TRUE(status->text().endsWith(QStringLiteral(" The 1 file(s) waiting to be imported were not imported.")))
        << "the file told to wait is not dropped without a word: " << status->text().toStdString();

    m_window->openLaunchRequest(ui::LaunchRequest{true, {copyStatement(QStringLiteral("later.ofx"))}, {}});
    EXPECT_EQ(m_window->imports()->currentDialog(), nullptr);
    EXPECT_EQ(status->text(), QStringLiteral("Coffer could not open your data, so it cannot import files now."));
}

TEST_F(SingleInstanceFixture, FileOpenedWithCofferOnMacOsOpensItsImport)
{
    // macOS never launches a second Coffer: Finder's "Open With" sends the running one this event.
    ASSERT_TRUE(startPrimary());
    hideToTray();
    QFileOpenEvent event(copyStatement(QStringLiteral("from-finder.ofx")));
    QCoreApplication::sendEvent(QCoreApplication::instance(), &event);
    ASSERT_TRUE(QTest::qWaitFor([&] { return openDialogFile() == QStringLiteral("from-finder.ofx"); }, kTimeoutMs))
        << "the dialog shows: " << openDialogFile().toStdString();
    EXPECT_TRUE(m_window->isVisible());
}

TEST_F(SingleInstanceFixture, SocketLeftByACrashedCofferDoesNotStopTheNextOne)
{
    // A real Coffer for this data folder, killed the way a crash ends it: its socket stays behind.
    QProcess crashed;
    crashed.setProcessEnvironment(childEnvironment());
    crashed.start(QStringLiteral(COFFER_GUI_PATH),
                  {QStringLiteral("--data-dir"), m_engine.dataDir(), QStringLiteral("--minimized")});
    ASSERT_TRUE(crashed.waitForStarted(kTimeoutMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return answers(serverName()); }, kTimeoutMs)) << "the first Coffer listens";
    crashed.kill();
    ASSERT_TRUE(crashed.waitForFinished(kTimeoutMs));
#if defined(Q_OS_UNIX)
    ASSERT_TRUE(QFileInfo::exists(QDir(QDir::tempPath()).filePath(serverName()))) // (or the full path)
        << "a killed Coffer leaves its socket file";
#endif
    ASSERT_FALSE(answers(serverName()));

    ASSERT_TRUE(startPrimary()) << "the next Coffer takes over the name";
    hideToTray();
    expectSecondLaunchOpens(QStringLiteral("after-crash.ofx"));
}

TEST_F(SingleInstanceFixture, BytesFromAnotherProgramAreIgnoredAndTheWindowKeepsWorking)
{
    ASSERT_TRUE(startPrimary());
    hideToTray();
    QSignalSpy received(m_instance.get(), &ui::SingleInstance::requestReceived);

    QByteArray header = ui::launchMessage::encode(ui::LaunchRequest{true, {}, {}}).left(8);
    QByteArray huge = header + QByteArray("\x7f\xff\xff\xff", 4); // claims 2 GiB
    QByteArray newer = header;
    newer[6] = char(9); // a message version this Coffer does not know
    QByteArray flood(200 * 1024, 'x');
    for (const QByteArray& garbage : {QByteArray("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"), huge, newer, flood}) {
        QLocalSocket socket;
        socket.connectToServer(serverName());
        ASSERT_TRUE(socket.waitForConnected(kTimeoutMs));
        socket.write(garbage);
        ASSERT_TRUE(QTest::qWaitFor([&] { return socket.state() == QLocalSocket::UnconnectedState; }, kTimeoutMs))
            << "the running Coffer hangs up on " << garbage.left(16).toHex().toStdString();
        EXPECT_TRUE(socket.readAll().isEmpty()) << "and does not answer it";
    }
    EXPECT_TRUE(received.isEmpty());
    EXPECT_FALSE(m_window->isVisible()) << "nothing a stranger sends shows the window";

    expectSecondLaunchOpens(QStringLiteral("still-works.ofx"));
}

TEST_F(SingleInstanceFixture, AnotherDataFolderIsAnotherCoffer)
{
    ASSERT_TRUE(startPrimary());
    hideToTray();
    QSignalSpy received(m_instance.get(), &ui::SingleInstance::requestReceived);
    QTemporaryDir otherData;
    ASSERT_TRUE(otherData.isValid());
    ui::SingleInstance other(ui::SingleInstance::serverName(otherData.path()));
    EXPECT_EQ(other.claim(ui::LaunchRequest{}), ui::SingleInstance::Role::Primary)
        << "a test's own data folder never reaches the user's running Coffer";
    EXPECT_TRUE(received.isEmpty());
    EXPECT_FALSE(m_window->isVisible());
}

TEST_F(SingleInstanceFixture, NoSocketToListenOnStillStartsCoffer)
{
    // A runtime folder that cannot hold the socket (gone, full, read-only): this Coffer runs
    // anyway; only a later launch cannot find it.
    const QString nowhere = QDir(m_engine.dataDir()).filePath(QStringLiteral("no-such-folder/coffer-socket"));
    ui::SingleInstance instance(nowhere);
    EXPECT_EQ(instance.claim(ui::LaunchRequest{}), ui::SingleInstance::Role::Primary);
    EXPECT_FALSE(answers(nowhere));
}

TEST_F(SingleInstanceFixture, QuittingCofferStopsAnsweringAtOnce)
{
    // While a quitting Coffer finishes its sync, a new launch must not wait on it for an answer.
    ASSERT_TRUE(startPrimary());
    ASSERT_TRUE(answers(serverName()));
    m_instance->release();
    EXPECT_FALSE(answers(serverName()));
    ui::SingleInstance next(serverName());
    EXPECT_EQ(next.claim(ui::LaunchRequest{}), ui::SingleInstance::Role::Primary);
    EXPECT_TRUE(answers(serverName()));
}

TEST_F(SingleInstanceFixture, TwoLaunchesAtOnceAgreeOnOneCoffer)
{
    QProcess a;
    QProcess b;
    for (QProcess* process : {&a, &b}) {
        process->setProcessEnvironment(childEnvironment());
        process->start(QStringLiteral(COFFER_GUI_PATH),
                       {QStringLiteral("--data-dir"), m_engine.dataDir(), QStringLiteral("--minimized")});
    }
    ASSERT_TRUE(a.waitForStarted(kTimeoutMs) && b.waitForStarted(kTimeoutMs));
    const auto ended = [&] { return a.state() == QProcess::NotRunning || b.state() == QProcess::NotRunning; };
    ASSERT_TRUE(QTest::qWaitFor(ended, kTimeoutMs)) << "one of them hands over and ends";
    QProcess& loser = a.state() == QProcess::NotRunning ? a : b;
    QProcess& winner = &loser == &a ? b : a;
    EXPECT_EQ(loser.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(loser.exitCode(), 0) << loser.readAllStandardError().toStdString();
    EXPECT_EQ(winner.state(), QProcess::Running);

    // The one left is the one: a third launch (here, in this process) hands over to it.
    ui::SingleInstance third(serverName());
    EXPECT_EQ(third.claim(ui::LaunchRequest{false, {}, {}}), ui::SingleInstance::Role::HandedOver);
    winner.kill();
    winner.waitForFinished(kTimeoutMs);
}

TEST_F(SingleInstanceFixture, VersionAndHelpNeedNoDisplay)
{
    QProcessEnvironment headless = childEnvironment();
    for (const char* variable : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        headless.remove(QString::fromLatin1(variable));

    const auto version = runCoffer({QStringLiteral("--version")}, {}, headless, false);
    ASSERT_TRUE(version.finished);
    EXPECT_EQ(version.exitCode, 0) << version.errors.toStdString();
    EXPECT_EQ(version.output, QStringLiteral("coffer " COFFER_VERSION "\n"));

    const auto help = runCoffer({QStringLiteral("--help")}, {}, headless, false);
    ASSERT_TRUE(help.finished);
    EXPECT_EQ(help.exitCode, 0) << help.errors.toStdString();
    EXPECT_TRUE(help.output.contains(QStringLiteral("--minimized"))) << help.output.toStdString();
    EXPECT_TRUE(help.output.contains(QStringLiteral("[files...]"))) << help.output.toStdString();
}

TEST(LaunchMessage, CarriesTheRequestWholeAndOnlyWhenComplete)
{
    using State = ui::launchMessage::Decoded::State;
    const ui::LaunchRequest request{
        false, {QStringLiteral("/home/zoë/März.ofx"), QStringLiteral("/tmp/b c.qif")}, QStringLiteral("kwin-77")};
    const QByteArray message = ui::launchMessage::encode(request);
    for (qsizetype size = 0; size < message.size(); ++size)
        ASSERT_EQ(ui::launchMessage::decode(message.left(size)).state, State::NeedMore) << size;
    const auto decoded = ui::launchMessage::decode(message);
    ASSERT_EQ(decoded.state, State::Complete);
    EXPECT_FALSE(decoded.request.showWindow);
    EXPECT_EQ(decoded.request.files, request.files);
    EXPECT_EQ(decoded.request.activationToken, request.activationToken);

    // A token that is not a printable word is not passed on, and not accepted.
    const QByteArray strange = ui::launchMessage::encode(ui::LaunchRequest{true, {}, QStringLiteral("a\nb")});
    EXPECT_TRUE(ui::launchMessage::decode(strange).request.activationToken.isEmpty());
    QByteArray injected = strange;
    injected.insert(12, "a\nb");
    injected[11] = char(injected.at(11) + 3);
    EXPECT_EQ(ui::launchMessage::decode(injected).state, State::Invalid);

    QByteArray relative = ui::launchMessage::encode(ui::LaunchRequest{true, {QStringLiteral("relative.ofx")}, {}});
    EXPECT_EQ(ui::launchMessage::decode(relative).state, State::Invalid);
    QByteArray unended = message;
    unended.chop(1);
    unended[11] = char(unended.at(11) - 1);
    EXPECT_EQ(ui::launchMessage::decode(unended).state, State::Invalid);
    EXPECT_TRUE(ui::launchMessage::encode(ui::LaunchRequest{true, QStringList(2000, QString(64, u'a')), {}}).isEmpty())
        << "a request past 64 KiB is refused, not cut";
}

TEST(LaunchMessage, NamesTheFilesACommandLineGives)
{
    QStringList skipped;
    const auto request = ui::LaunchRequest::fromArguments(
        {QStringLiteral("statement.ofx"), QStringLiteral("../up/other.qif"), QStringLiteral("file:///srv/a%20b.ofx"),
         QStringLiteral("/abs/c.csv"), QStringLiteral("https://bank.example/x.ofx")},
        QStringLiteral("/home/user/Downloads"), true, &skipped);
    EXPECT_EQ(request.files, (QStringList{QStringLiteral("/home/user/Downloads/statement.ofx"),
                                          QStringLiteral("/home/user/up/other.qif"), QStringLiteral("/srv/a b.ofx"),
                                          QStringLiteral("/abs/c.csv")}));
    EXPECT_EQ(skipped, QStringList{QStringLiteral("https://bank.example/x.ofx")});
}

} // namespace

#pragma once

// A running Coffer in this process (a real main window with its tray, engine and SingleInstance
// server over a temporary data folder) and the real coffer executable started beside it, the way
// a file manager, a terminal or the login autostart starts it.

#include "LaunchRequest.h"
#include "MainWindow.h"
#include "SingleInstance.h"
#include "UiTestSupport.h"
#include "imports/ImportController.h"
#include "imports/ImportDialog.h"
#include "settings/DesktopPreferences.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLocalSocket>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace coffer::test {

struct CofferRun {
    bool finished = false;
    int exitCode = -1;
    QString output;
    QString errors;
};

class SingleInstanceFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_files.isValid());
        ASSERT_TRUE(m_config.isValid());
        ASSERT_TRUE(m_trayHost.start());
        ui::DesktopPreferences preferences;
        preferences.setCloseToTray(true);
        preferences.setTrayNoticeShown(true);
        m_window = std::make_unique<ui::MainWindow>(m_engine.host());
        ASSERT_NE(m_window->tray(), nullptr);
        m_instance = std::make_unique<ui::SingleInstance>(serverName());
        // As main() wires them.
        QObject::connect(m_instance.get(), &ui::SingleInstance::requestReceived, m_window.get(),
                         &ui::MainWindow::openLaunchRequest);
    }

    void TearDown() override
    {
        m_engine.host().shutdown();
        m_instance.reset();
        m_window.reset();
    }

    QString serverName() const { return ui::SingleInstance::serverName(m_engine.dataDir()); }

    // This process becomes the running Coffer for its data folder, with the window shown.
    bool startPrimary()
    {
        if (m_instance->claim(ui::LaunchRequest{}) != ui::SingleInstance::Role::Primary) {
            ADD_FAILURE() << "not the running Coffer: " << m_instance->errorString().toStdString();
            return false;
        }
        if (!m_engine.start())
            return false;
        m_window->show();
        return QTest::qWaitForWindowExposed(m_window.get());
    }

    // Closes the window the way the user does; Coffer keeps running in the tray.
    void hideToTray()
    {
        m_window->close();
        ASSERT_FALSE(m_window->isVisible());
    }

    // A copy of a small OFX statement under that name in the test's files folder.
    QString copyStatement(const QString& name)
    {
        const QString path = QDir(m_files.path()).filePath(name);
        EXPECT_TRUE(QFile::copy(
            QDir(QStringLiteral(COFFER_IMPORT_TEST_DATA)).filePath(QStringLiteral("two-transactions.ofx")), path));
        return path;
    }

    // The file the open import dialog names, as the user reads it (empty: no dialog shown).
    QString openDialogFile() const
    {
        ui::ImportDialog* dialog = m_window->imports()->currentDialog();
        if (!dialog || !dialog->isVisible())
            return {};
        auto* label = dialog->findChild<QLabel*>(QStringLiteral("importFileLabel"));
        return label ? label->text() : QString();
    }

    // Settings and keychain entries of the started executables stay apart from the user's.
    QProcessEnvironment childEnvironment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_config.path());
        environment.insert(QStringLiteral("COFFER_KEYCHAIN_SERVICE"),
                           QStringLiteral("Coffer-test-") +
                               QString::number(QRandomGenerator::global()->generate64(), 16));
        return environment;
    }

    // Runs the built coffer for this data folder and waits (serving this process's events, so the
    // running Coffer here can answer) until it ends.
    CofferRun runCoffer(const QStringList& arguments, const QString& workingDir = {})
    {
        return runCoffer(arguments, workingDir, childEnvironment(), true);
    }
    CofferRun runCoffer(const QStringList& arguments, const QString& workingDir, const QProcessEnvironment& environment,
                        bool withDataDir)
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        if (!workingDir.isEmpty())
            process.setWorkingDirectory(workingDir);
        const QStringList dataDir{QStringLiteral("--data-dir"), m_engine.dataDir()};
        process.start(QStringLiteral(COFFER_GUI_PATH), withDataDir ? dataDir + arguments : arguments);
        CofferRun run;
        if (!process.waitForStarted(kTimeoutMs)) {
            run.errors = process.errorString();
            return run;
        }
        run.finished = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, kTimeoutMs);
        if (!run.finished) {
            process.kill();
            process.waitForFinished(kTimeoutMs);
        }
        if (process.exitStatus() == QProcess::NormalExit)
            run.exitCode = process.exitCode();
        run.output = QString::fromLocal8Bit(process.readAllStandardOutput());
        run.errors = QString::fromLocal8Bit(process.readAllStandardError());
        return run;
    }

    // A second launch naming one file, as "Open with" does: it ends, successfully, and the window
    // here comes forward with that file's import open.
    void expectSecondLaunchOpens(const QString& fileName)
    {
        const CofferRun run = runCoffer({copyStatement(fileName)});
        ASSERT_TRUE(run.finished) << "the second launch did not end";
        EXPECT_EQ(run.exitCode, 0) << run.errors.toStdString();
        ASSERT_TRUE(QTest::qWaitFor([&] { return openDialogFile() == fileName; }, kTimeoutMs))
            << "the dialog shows: " << openDialogFile().toStdString();
        EXPECT_TRUE(m_window->isVisible());
        EXPECT_FALSE(m_window->isMinimized());
    }

    // Whether a Coffer in another process listens on that name.
    static bool answers(const QString& name)
    {
        QLocalSocket socket;
        socket.connectToServer(name);
        return socket.waitForConnected(1000);
    }

    TrayHost m_trayHost;
    TestEngine m_engine;
    QTemporaryDir m_files;
    QTemporaryDir m_config;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<ui::SingleInstance> m_instance;
};

} // namespace coffer::test

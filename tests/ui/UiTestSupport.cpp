#include "UiTestSupport.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>

#include <cstdio>

namespace coffer::test {

TestEngine::TestEngine()
{
    EngineOptions options;
    options.dataDir = m_dir.path();
    options.keychainService =
        QStringLiteral("Coffer-test-") + QString::number(QRandomGenerator::global()->generate64(), 16);
    m_host = std::make_unique<EngineHost>(options);
}

bool TestEngine::start()
{
    QSignalSpy started(m_host.get(), &EngineHost::started);
    QSignalSpy failed(m_host.get(), &EngineHost::startFailed);
    m_host->start();
    if (!QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); }, kTimeoutMs)) {
        ADD_FAILURE() << "the engine did not start";
        return false;
    }
    if (!failed.isEmpty()) {
        ADD_FAILURE() << failed.first().first().toString().toStdString();
        return false;
    }
    return true;
}

qint64 TestEngine::addDemo(const QString& name, const QVariantMap& options)
{
    QSignalSpy added(m_host.get(), &EngineHost::connectionAdded);
    m_host->addConnection(model::ConnectionSpec{QStringLiteral("demo"), name, options, {}});
    if (!QTest::qWaitFor([&] { return !added.isEmpty(); }, kTimeoutMs)) {
        ADD_FAILURE() << "the demo connection was not added";
        return 0;
    }
    return added.first().first().toLongLong();
}

TrayHost::~TrayHost()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }
    // Qt notices the tray going away asynchronously; let it, so the next test starts clean.
    (void)QTest::qWaitFor([] { return !QSystemTrayIcon::isSystemTrayAvailable(); }, 5000);
}

bool TrayHost::start()
{
    const QString trayer = QStandardPaths::findExecutable(QStringLiteral("trayer"));
    if (trayer.isEmpty()) {
        ADD_FAILURE() << "trayer is not installed (scripts/lib/common.sh lists it among the test packages)";
        return false;
    }
    m_process.start(trayer, {QStringLiteral("--edge"), QStringLiteral("top"), QStringLiteral("--align"),
                             QStringLiteral("right"), QStringLiteral("--widthtype"), QStringLiteral("pixel"),
                             QStringLiteral("--width"), QStringLiteral("120"), QStringLiteral("--height"),
                             QStringLiteral("28")});
    if (!m_process.waitForStarted(10000)) {
        ADD_FAILURE() << "trayer did not start: " << m_process.errorString().toStdString();
        return false;
    }
    if (!QTest::qWaitFor([] { return QSystemTrayIcon::isSystemTrayAvailable(); }, 20000)) {
        ADD_FAILURE() << "Qt sees no system tray although trayer runs";
        return false;
    }
    return true;
}

QString screenshotDir()
{
    const QString fromEnv = qEnvironmentVariable("COFFER_SCREENSHOT_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(COFFER_UI_TEST_OUTPUT_DIR) : fromEnv;
}

void saveScreenshot(QWidget& widget, const QString& fileName)
{
    QCoreApplication::processEvents(); // let pending layout requests settle before grabbing
    QDir().mkpath(screenshotDir());
    const QString path = QDir(screenshotDir()).filePath(fileName);
    EXPECT_TRUE(widget.grab().save(path)) << path.toStdString();
    std::printf("screenshot: %s\n", qPrintable(QDir::toNativeSeparators(path)));
}

} // namespace coffer::test

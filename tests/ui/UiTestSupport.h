#pragma once

// What the tray and settings UI tests share: an engine over a fresh data folder and the real
// keychain, a real tray host (trayer) on the test display, screenshots.

#include "EngineHost.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QWidget>

#include <memory>

namespace coffer::test {

inline constexpr int kTimeoutMs = 60 * 1000;

// An engine over its own temporary data folder and keychain service; start() waits until the
// database is open and fails the calling test when it is not.
class TestEngine {
public:
    TestEngine();
    EngineHost& host() { return *m_host; }
    QString dataDir() const { return m_dir.path(); }
    // Starts the engine and waits for started(); false (with a test failure) on startFailed().
    bool start();
    // Adds a demo connection with extra options and waits for its id (0 on failure).
    qint64 addDemo(const QString& name, const QVariantMap& options = {});

private:
    QTemporaryDir m_dir;
    std::unique_ptr<EngineHost> m_host;
};

// A system tray on the test display: trayer, as a user's panel would provide. Stops it when destroyed.
class TrayHost {
public:
    TrayHost() = default;
    ~TrayHost();
    TrayHost(const TrayHost&) = delete;
    TrayHost& operator=(const TrayHost&) = delete;
    // Starts trayer and waits until Qt sees a tray; false when it could not.
    bool start();

private:
    QProcess m_process;
};

// Saves a grab of the widget under COFFER_SCREENSHOT_DIR (or the test build folder) and prints its path.
void saveScreenshot(QWidget& widget, const QString& fileName);
QString screenshotDir();

} // namespace coffer::test

// Settings: the dialog reads and writes the same settings as `cofferctl settings`, the engine
// uses them, start at login writes the autostart entry; the menu bar and About.

#include "MainWindow.h"
#include "UiTestSupport.h"
#include "log/Log.h"
#include "settings/AboutDialog.h"
#include "settings/LoginStartup.h"
#include "settings/SettingsDialog.h"
#include "store/EngineStateReader.h"
#include "store/UserSettings.h"
#include "tray/NotificationCenter.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTest>

namespace {

using namespace coffer;
using test::kTimeoutMs;

// Opens the dialog the way a user does (Edit > Settings) and returns it.
ui::SettingsDialog* openSettings(ui::MainWindow& window)
{
    auto* action = window.findChild<QAction*>(QStringLiteral("settingsAction"));
    EXPECT_NE(action, nullptr);
    EXPECT_EQ(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    EXPECT_TRUE(action->isEnabled());
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // a dialog closed before is gone
    action->trigger();
    auto* dialog = window.findChild<ui::SettingsDialog*>(QStringLiteral("settingsDialog"));
    EXPECT_NE(dialog, nullptr);
    if (dialog) {
        EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog));
    }
    return dialog;
}

template <typename T> T* child(QWidget& parent, const char* name)
{
    auto* found = parent.findChild<T*>(QString::fromLatin1(name));
    EXPECT_NE(found, nullptr) << name;
    return found;
}

// What `cofferctl settings` prints, from the running engine.
QString describedSettings(EngineHost& host)
{
    QSignalSpy answered(&host, &EngineHost::operationSucceeded);
    host.showSettings();
    if (!QTest::qWaitFor([&] { return !answered.isEmpty(); }, kTimeoutMs))
        return {};
    return answered.last().first().toString();
}

QString storedSchedule(const QString& databasePath, qint64 connectionId)
{
    const QString name = QStringLiteral("settings-test-schedule");
    QString schedule;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(databasePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open()) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral("SELECT schedule FROM connections WHERE id = ?"));
            q.addBindValue(connectionId);
            if (q.exec() && q.next())
                schedule = q.value(0).toString();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return schedule;
}

TEST(Settings, DialogChangesWhatCofferctlShowsAndTheEngineUses)
{
    test::TestEngine engine;
    EngineHost& host = engine.host();
    ui::MainWindow window(host);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_TRUE(engine.start());
    EXPECT_TRUE(describedSettings(host).contains(QStringLiteral("stale_after_hours = 24")));

    ui::SettingsDialog* dialog = openSettings(window);
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(child<QLineEdit>(*dialog, "dataFolderEdit")->text(),
              QDir::toNativeSeparators(QFileInfo(host.databasePath()).absolutePath()));
    EXPECT_EQ(child<QSpinBox>(*dialog, "retentionRawDaysSpin")->value(), 180) << "the stored default";
    child<QSpinBox>(*dialog, "staleAfterHoursSpin")->setValue(12);
    child<QSpinBox>(*dialog, "failuresBeforeNotifyingSpin")->setValue(5);
    child<QComboBox>(*dialog, "logLevelCombo")->setCurrentText(QStringLiteral("debug"));

    auto* schedule = child<QLineEdit>(*dialog, "defaultScheduleEdit");
    auto* ok = child<QPushButton>(*dialog, "settingsOkButton");
    EXPECT_EQ(schedule->text(), QStringLiteral("every 4h"));
    schedule->setText(QStringLiteral("sometimes"));
    EXPECT_FALSE(ok->isEnabled()) << "a schedule the engine would refuse cannot be saved";
    EXPECT_FALSE(child<QLabel>(*dialog, "defaultScheduleHint")->text().isEmpty());
    schedule->setText(QStringLiteral("daily 06:30"));
    EXPECT_TRUE(ok->isEnabled());
    EXPECT_TRUE(child<QLabel>(*dialog, "defaultScheduleHint")->text().contains(QStringLiteral("06:30")));

    // The receiver's public tunnel address, given to Plaid: https only, explained next to it.
    auto* webhookUrl = child<QLineEdit>(*dialog, "webhookPublicUrlEdit");
    EXPECT_TRUE(webhookUrl->text().isEmpty());
    EXPECT_FALSE(webhookUrl->isEnabled()) << "the receiver is off";
    child<QCheckBox>(*dialog, "webhookEnabledCheck")->setChecked(true);
    EXPECT_TRUE(webhookUrl->isEnabled());
    EXPECT_TRUE(
        child<QLabel>(*dialog, "webhookPublicUrlHint")->text().contains(QStringLiteral("127.0.0.1:8787/plaid")));
    webhookUrl->setText(QStringLiteral("http://coffer-tunnel.example.com/plaid"));
    EXPECT_FALSE(ok->isEnabled()) << "an address the engine would refuse cannot be saved";
    EXPECT_TRUE(child<QLabel>(*dialog, "webhookPublicUrlHint")->text().contains(QStringLiteral("https")));
    webhookUrl->setText(QStringLiteral("https://coffer-tunnel.example.com/plaid"));
    EXPECT_TRUE(ok->isEnabled());

    child<QTabWidget>(*dialog, "settingsTabs")->setCurrentIndex(1);
    test::saveScreenshot(*dialog, QStringLiteral("coffer-settings-notifications.png"));
    child<QTabWidget>(*dialog, "settingsTabs")->setCurrentIndex(0);
    test::saveScreenshot(*dialog, QStringLiteral("coffer-settings-general.png"));
    child<QTabWidget>(*dialog, "settingsTabs")->setCurrentIndex(3);
    test::saveScreenshot(*dialog, QStringLiteral("coffer-settings-advanced.png"));

    QSignalSpy answered(&host, &EngineHost::operationSucceeded);
    ok->click();
    ASSERT_TRUE(QTest::qWaitFor([&] { return answered.size() >= 6; }, kTimeoutMs));

    // Stored where `cofferctl settings` reads them.
    const QString described = describedSettings(host);
    EXPECT_TRUE(described.contains(QStringLiteral("stale_after_hours = 12"))) << described.toStdString();
    EXPECT_TRUE(described.contains(QStringLiteral("failures_before_notifying = 5"))) << described.toStdString();
    EXPECT_TRUE(described.contains(QStringLiteral("default_schedule = daily 06:30"))) << described.toStdString();
    EXPECT_TRUE(described.contains(QStringLiteral("log_level = debug"))) << described.toStdString();
    EXPECT_TRUE(described.contains(QStringLiteral("webhook_enabled = 1"))) << described.toStdString();
    EXPECT_TRUE(described.contains(QStringLiteral("webhook_public_url = https://coffer-tunnel.example.com/plaid")))
        << described.toStdString();
    const auto stored = store::EngineStateReader::readUserSettings(host.databasePath());
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(stored->value(QStringLiteral("stale_after_hours")), QStringLiteral("12"));

    // And used: the notifications, spdlog, and the schedule of a new connection.
    auto* alerts = window.findChild<ui::NotificationCenter*>(QStringLiteral("notificationCenter"));
    ASSERT_NE(alerts, nullptr);
    EXPECT_EQ(alerts->thresholds().failuresBeforeNotifying, 5);
    EXPECT_EQ(log::get("engine")->level(), spdlog::level::debug);
    const qint64 id = engine.addDemo(QStringLiteral("Demo Bank"));
    EXPECT_EQ(storedSchedule(host.databasePath(), id), QStringLiteral("daily 06:30"));

    // Opening the dialog again shows what was saved.
    dialog = openSettings(window);
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(child<QSpinBox>(*dialog, "staleAfterHoursSpin")->value(), 12);
    EXPECT_EQ(child<QLineEdit>(*dialog, "defaultScheduleEdit")->text(), QStringLiteral("daily 06:30"));
    EXPECT_EQ(child<QLineEdit>(*dialog, "webhookPublicUrlEdit")->text(),
              QStringLiteral("https://coffer-tunnel.example.com/plaid"));
    dialog->reject();
    log::setLevel(QStringLiteral("info"));
    host.shutdown();
}

TEST(Settings, StartAtLoginWritesAndRemovesTheAutostartEntry)
{
    QTemporaryDir config;
    ASSERT_TRUE(config.isValid());
    const QByteArray previous = qgetenv("XDG_CONFIG_HOME");
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(config.path()));
    const QString entry = QDir(config.path()).filePath(QStringLiteral("autostart/coffer.desktop"));

    ui::LoginStartup startup(QStringLiteral("/opt/Coffer Test/coffer"));
    EXPECT_EQ(startup.location(), entry);
    EXPECT_FALSE(startup.enabled());
    ASSERT_TRUE(startup.setEnabled(true).ok());
    EXPECT_TRUE(startup.enabled());
    QFile file(entry);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral("Exec=\"/opt/Coffer Test/coffer\" --minimized"))) << text.toStdString();
    EXPECT_TRUE(text.startsWith(QStringLiteral("[Desktop Entry]")));
    ASSERT_TRUE(startup.setEnabled(false).ok());
    EXPECT_FALSE(QFile::exists(entry));
    EXPECT_FALSE(startup.enabled());

    // The same through the dialog.
    test::TestEngine engine;
    ui::MainWindow window(engine.host());
    ASSERT_TRUE(engine.start());
    ui::SettingsDialog* dialog = openSettings(window);
    ASSERT_NE(dialog, nullptr);
    auto* check = child<QCheckBox>(*dialog, "startAtLoginCheck");
    EXPECT_FALSE(check->isChecked());
    check->setChecked(true);
    child<QPushButton>(*dialog, "settingsOkButton")->click();
    EXPECT_TRUE(QFile::exists(entry));

    dialog = openSettings(window);
    ASSERT_NE(dialog, nullptr);
    check = child<QCheckBox>(*dialog, "startAtLoginCheck");
    EXPECT_TRUE(check->isChecked());
    check->setChecked(false);
    child<QPushButton>(*dialog, "settingsOkButton")->click();
    EXPECT_FALSE(QFile::exists(entry));
    engine.host().shutdown();
    qputenv("XDG_CONFIG_HOME", previous);
}

TEST(Settings, MenuBarShortcutsAndAbout)
{
    test::TestEngine engine;
    ui::MainWindow window(engine.host());
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto* navigation = child<QListWidget>(window, "navigationList");
    const QList<QPair<const char*, int>> pages{{"viewPageAction2", 1}, {"viewPageAction3", 2}, {"viewPageAction1", 0}};
    for (const auto& [name, row] : pages) {
        auto* action = window.findChild<QAction*>(QString::fromLatin1(name));
        ASSERT_NE(action, nullptr) << name;
        EXPECT_EQ(action->shortcut(), QKeySequence(Qt::CTRL | (Qt::Key_1 + row)));
        action->trigger();
        EXPECT_EQ(navigation->currentRow(), row);
    }
    auto* quit = window.findChild<QAction*>(QStringLiteral("quitAction"));
    ASSERT_NE(quit, nullptr);
    EXPECT_EQ(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    QSignalSpy quitRequested(&window, &ui::MainWindow::quitRequested);
    quit->trigger();
    EXPECT_EQ(quitRequested.size(), 1);

    window.findChild<QAction*>(QStringLiteral("aboutAction"))->trigger();
    auto* about = window.findChild<ui::AboutDialog*>(QStringLiteral("aboutDialog"));
    ASSERT_NE(about, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(about));
    EXPECT_EQ(child<QLabel>(*about, "aboutVersionLabel")->text(), QStringLiteral("Version " COFFER_VERSION));
    test::saveScreenshot(*about, QStringLiteral("coffer-about.png"));
    about->reject();
}

TEST(Settings, EngineSettingsAreCheckedTheSameEverywhere)
{
    EXPECT_EQ(store::checkUserSetting(QStringLiteral("default_schedule"), QStringLiteral(" daily 06:30 ")).value(),
              QStringLiteral("daily 06:30"));
    EXPECT_FALSE(store::checkUserSetting(QStringLiteral("default_schedule"), QStringLiteral("sometimes")).ok());
    EXPECT_EQ(store::checkUserSetting(QStringLiteral("log_level"), QStringLiteral("DEBUG")).value(),
              QStringLiteral("debug"));
    EXPECT_FALSE(store::checkUserSetting(QStringLiteral("log_level"), QStringLiteral("loud")).ok());
    EXPECT_FALSE(store::checkUserSetting(QStringLiteral("webhook_port"), QStringLiteral("80")).ok());
    EXPECT_FALSE(
        store::checkUserSetting(QStringLiteral("webhook_public_url"), QStringLiteral("http://example.com/")).ok());
    EXPECT_EQ(
        store::checkUserSetting(QStringLiteral("webhook_public_url"), QStringLiteral(" https://example.com/plaid "))
            .value(),
        QStringLiteral("https://example.com/plaid"));
    EXPECT_FALSE(store::checkUserSetting(QStringLiteral("stale_after_hours"), QStringLiteral("0")).ok());
    const store::UserSetting* level = store::findUserSetting(QStringLiteral("log_level"));
    ASSERT_NE(level, nullptr);
    EXPECT_EQ(store::userSettingShown(*level, QStringLiteral("garbage")), QStringLiteral("info"));
}

} // namespace

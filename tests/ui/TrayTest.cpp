// The tray: its menu drives the engine, closing the window keeps Coffer syncing there, alerts
// open the right page, and without a tray the same alerts show in the window. Runs with a real
// tray host (trayer) on the test display.

#include "MainWindow.h"
#include "UiTestSupport.h"
#include "settings/DesktopPreferences.h"
#include "tray/NotificationBar.h"
#include "tray/TrayController.h"
#include "tray/TrayIcons.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

namespace {

using namespace coffer;
using test::kTimeoutMs;
using Page = ui::MainWindow::Page;

QAction* menuAction(ui::TrayController& tray, const QString& name)
{
    auto* action = tray.menu()->findChild<QAction*>(name);
    EXPECT_NE(action, nullptr) << name.toStdString();
    return action;
}

int currentPage(ui::MainWindow& window)
{
    return window.findChild<QListWidget*>(QStringLiteral("navigationList"))->currentRow();
}

// Waits until the engine has nothing queued or running, after whatever was just asked of it.
bool waitForRun(EngineHost& host, const std::function<void()>& request)
{
    QSignalSpy finished(&host, &EngineHost::syncFinished);
    request();
    return QTest::qWaitFor([&] { return !finished.isEmpty(); }, kTimeoutMs);
}

TEST(Tray, IconsTellTheStatesApartOnLightAndDarkPanels)
{
    // A strip of the three icons on a light and a dark panel, for the eye; the test checks what
    // the eye would: every size a tray asks for exists, and the states differ in the middle.
    QImage strip(3 * 72, 2 * 72, QImage::Format_ARGB32);
    QPainter p(&strip);
    p.fillRect(0, 0, strip.width(), 72, QColor(0xf2, 0xf2, 0xf2));
    p.fillRect(0, 72, strip.width(), 72, QColor(0x24, 0x24, 0x24));
    QList<QRgb> centres;
    int column = 0;
    for (const ui::TrayState state : {ui::TrayState::Ok, ui::TrayState::Syncing, ui::TrayState::Attention}) {
        const QIcon icon = ui::TrayIcons::icon(state);
        for (const int size : {16, 22, 32, 64, 256})
            EXPECT_EQ(icon.pixmap(size, size).width(), size);
        const QPixmap pixmap = icon.pixmap(64, 64);
        p.drawPixmap(column * 72 + 4, 4, pixmap);
        p.drawPixmap(column * 72 + 4, 76, pixmap);
        centres << pixmap.toImage().pixel(12, 32); // the coloured square beside the glyph
        ++column;
    }
    p.end();
    EXPECT_NE(centres[0], centres[1]);
    EXPECT_NE(centres[1], centres[2]);
    EXPECT_NE(centres[0], centres[2]);
    QLabel shown;
    shown.setPixmap(QPixmap::fromImage(strip));
    shown.resize(strip.size());
    test::saveScreenshot(shown, QStringLiteral("coffer-tray-icons.png"));
}

TEST(Tray, MenuSyncsPausesResumesOpensAndQuits)
{
    test::TrayHost trayHost;
    ASSERT_TRUE(trayHost.start());
    test::TestEngine engine;
    EngineHost& host = engine.host();
    ui::MainWindow window(host);
    ui::TrayController* tray = window.tray();
    ASSERT_NE(tray, nullptr) << "a tray is available, so Coffer uses it";
    EXPECT_TRUE(tray->icon()->isVisible());
    ASSERT_TRUE(engine.start());
    ASSERT_TRUE(waitForRun(host, [&] { engine.addDemo(QStringLiteral("Demo Bank")); }));
    ASSERT_TRUE(QTest::qWaitFor([&] { return tray->state() == ui::TrayState::Ok; }, kTimeoutMs));

    // Sync all now: a sync runs.
    QAction* syncAll = menuAction(*tray, QStringLiteral("traySyncAllAction"));
    ASSERT_TRUE(syncAll->isEnabled());
    QSignalSpy finished(&host, &EngineHost::syncFinished);
    syncAll->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !finished.isEmpty(); }, kTimeoutMs));
    EXPECT_TRUE(finished.first().first().value<model::SyncSummary>().succeeded);

    // Pause: the engine's queue is paused and the menu offers to resume.
    QAction* pause = menuAction(*tray, QStringLiteral("trayPauseAction"));
    EXPECT_EQ(pause->text(), QStringLiteral("Pause Syncing"));
    QSignalSpy stats(&host, &EngineHost::queueStats);
    pause->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return pause->text() == QStringLiteral("Resume Syncing"); }, kTimeoutMs));
    EXPECT_TRUE(stats.last().first().value<jobs::QueueStats>().paused);
    EXPECT_FALSE(syncAll->isEnabled()) << "nothing would start while paused";
    EXPECT_TRUE(tray->icon()->toolTip().contains(QStringLiteral("paused"))) << tray->icon()->toolTip().toStdString();

    tray->menu()->popup(QPoint(200, 120));
    ASSERT_TRUE(QTest::qWaitForWindowExposed(tray->menu()));
    test::saveScreenshot(*tray->menu(), QStringLiteral("coffer-tray-menu.png"));
    tray->menu()->hide();

    stats.clear();
    pause->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return pause->text() == QStringLiteral("Pause Syncing"); }, kTimeoutMs));
    EXPECT_FALSE(stats.last().first().value<jobs::QueueStats>().paused);
    EXPECT_TRUE(syncAll->isEnabled());

    // Open Coffer brings the hidden window back.
    window.hide();
    menuAction(*tray, QStringLiteral("trayOpenAction"))->trigger();
    EXPECT_TRUE(window.isVisible());

    // A connection that needs a sign-in turns the icon to "attention".
    ASSERT_TRUE(waitForRun(host, [&] {
        engine.addDemo(QStringLiteral("Locked Bank"), {{QStringLiteral("fail"), QStringLiteral("reauth")}});
    }));
    ASSERT_TRUE(QTest::qWaitFor([&] { return tray->state() == ui::TrayState::Attention; }, kTimeoutMs));

    QSignalSpy quit(&window, &ui::MainWindow::quitRequested);
    menuAction(*tray, QStringLiteral("trayQuitAction"))->trigger();
    EXPECT_EQ(quit.size(), 1);
    host.shutdown();
}

TEST(Tray, ClosingTheWindowKeepsSyncingInTheTrayAndSaysSoOnce)
{
    test::TrayHost trayHost;
    ASSERT_TRUE(trayHost.start());
    ui::DesktopPreferences preferences;
    preferences.setCloseToTray(true);
    preferences.setTrayNoticeShown(false);
    test::TestEngine engine;
    EngineHost& host = engine.host();
    ui::MainWindow window(host);
    ui::TrayController* tray = window.tray();
    ASSERT_NE(tray, nullptr);
    ASSERT_TRUE(engine.start());
    ASSERT_TRUE(waitForRun(host, [&] { engine.addDemo(QStringLiteral("Demo Bank")); }));

    QSignalSpy quit(&window, &ui::MainWindow::quitRequested);
    QSignalSpy shown(tray, &ui::TrayController::messageShown);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.close();
    EXPECT_FALSE(window.isVisible());
    EXPECT_TRUE(quit.isEmpty()) << "closing the window is not quitting";
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown.first().first().toString(), QStringLiteral("Coffer keeps running in the tray"));

    // The engine keeps syncing with the window closed.
    ASSERT_TRUE(waitForRun(host, [&] { menuAction(*tray, QStringLiteral("traySyncAllAction"))->trigger(); }));

    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    window.close();
    EXPECT_FALSE(window.isVisible());
    EXPECT_EQ(shown.size(), 1) << "the notice is shown the first time only";

    preferences.setCloseToTray(false); // the user turned it off: closing quits
    window.show();
    window.close();
    EXPECT_EQ(quit.size(), 1);
    host.shutdown();
}

TEST(Tray, ClickingAMessageOpensThePageItIsAbout)
{
    test::TrayHost trayHost;
    ASSERT_TRUE(trayHost.start());
    test::TestEngine engine;
    EngineHost& host = engine.host();
    ui::MainWindow window(host);
    ui::TrayController* tray = window.tray();
    ASSERT_NE(tray, nullptr);
    ASSERT_TRUE(engine.start());
    qint64 id = 0;
    ASSERT_TRUE(waitForRun(host, [&] { id = engine.addDemo(QStringLiteral("Demo Bank")); }));

    // A finished backfill leads to the transactions.
    QSignalSpy shown(tray, &ui::TrayController::messageShown);
    host.backfill(id, QDate::currentDate().addDays(-60));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !shown.isEmpty(); }, kTimeoutMs));
    EXPECT_EQ(shown.first().first().toString(), QStringLiteral("Demo Bank: history downloaded"));
    window.hide();
    Q_EMIT tray->icon()->messageClicked();
    EXPECT_TRUE(window.isVisible());
    EXPECT_EQ(currentPage(window), int(Page::Transactions));

    // A connection that needs a sign-in leads to the dashboard.
    shown.clear();
    engine.addDemo(QStringLiteral("Locked Bank"), {{QStringLiteral("fail"), QStringLiteral("reauth")}});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !shown.isEmpty(); }, kTimeoutMs));
    EXPECT_EQ(shown.first().first().toString(), QStringLiteral("Locked Bank needs you to sign in again"));
    window.showPage(Page::Connections);
    window.hide();
    Q_EMIT tray->icon()->messageClicked();
    EXPECT_TRUE(window.isVisible());
    EXPECT_EQ(currentPage(window), int(Page::Dashboard));
    host.shutdown();
}

TEST(Tray, WithoutATrayTheMessagesShowInTheWindow)
{
    ASSERT_FALSE(QSystemTrayIcon::isSystemTrayAvailable()) << "this test needs a display without a tray";
    test::TestEngine engine;
    EngineHost& host = engine.host();
    ui::MainWindow window(host);
    EXPECT_EQ(window.tray(), nullptr);
    auto* bar = window.findChild<ui::NotificationBar*>(QStringLiteral("notificationBar"));
    ASSERT_NE(bar, nullptr);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_FALSE(bar->isVisible());
    ASSERT_TRUE(engine.start());

    ASSERT_TRUE(waitForRun(host, [&] {
        engine.addDemo(QStringLiteral("Locked Bank"), {{QStringLiteral("fail"), QStringLiteral("reauth")}});
    }));
    ASSERT_TRUE(QTest::qWaitFor([&] { return bar->isVisible(); }, kTimeoutMs));
    auto* title = bar->findChild<QLabel*>(QStringLiteral("notificationBarTitle"));
    EXPECT_EQ(title->text(), QStringLiteral("Locked Bank needs you to sign in again"));
    window.showPage(Page::Transactions);
    test::saveScreenshot(window, QStringLiteral("coffer-notification-bar.png"));

    bar->findChild<QPushButton*>(QStringLiteral("notificationBarOpenButton"))->click();
    EXPECT_EQ(currentPage(window), int(Page::Dashboard));
    EXPECT_FALSE(bar->isVisible());

    // Dismiss closes a message without going anywhere.
    qint64 id = 0;
    ASSERT_TRUE(waitForRun(host, [&] { id = engine.addDemo(QStringLiteral("Demo Bank")); }));
    host.backfill(id, QDate::currentDate().addDays(-30));
    ASSERT_TRUE(QTest::qWaitFor([&] { return bar->isVisible(); }, kTimeoutMs));
    EXPECT_EQ(title->text(), QStringLiteral("Demo Bank: history downloaded"));
    bar->findChild<QPushButton*>(QStringLiteral("notificationBarDismissButton"))->click();
    EXPECT_FALSE(bar->isVisible());
    EXPECT_EQ(currentPage(window), int(Page::Dashboard));
    host.shutdown();
}

TEST(Tray, TheInWindowMessageBarReadsOnADarkPalette)
{
    const QPalette light = QApplication::palette();
    QPalette dark = light;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    QApplication::setPalette(dark);
    {
        QWidget window;
        window.setAutoFillBackground(true);
        auto* bar = new ui::NotificationBar(&window);
        ui::DesktopAlert alert;
        alert.title = QStringLiteral("Demo Bank keeps failing to sync");
        alert.text = QStringLiteral("The dashboard says what went wrong and what fixes it.");
        bar->showAlert(alert);
        bar->showAlert(alert);
        window.resize(760, bar->sizeHint().height() + 24);
        bar->setGeometry(12, 12, 736, bar->sizeHint().height());
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        EXPECT_TRUE(bar->findChild<QLabel*>(QStringLiteral("notificationBarMore"))->isVisible());
        const QImage image = bar->grab().toImage();
        EXPECT_LT(QColor(image.pixel(image.width() / 2, 3)).lightness(), 100) << "a dark bar on a dark palette";
        test::saveScreenshot(window, QStringLiteral("coffer-notification-bar-dark.png"));
    }
    QApplication::setPalette(light);
}

} // namespace

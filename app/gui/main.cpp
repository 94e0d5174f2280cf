// coffer: the desktop application.

#include "AppIcon.h"
#include "EngineHost.h"
#include "MainWindow.h"
#include "common/Startup.h"
#include "log/Log.h"
#include "store/EngineStateReader.h"
#include "store/UserSettings.h"

#include <QApplication>
#include <QMessageBox>

using namespace coffer;

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    app::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Coffer"));
    QApplication::setDesktopFileName(QStringLiteral("coffer"));
    ui::AppIcon::install();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Coffer keeps your bank transactions up to date on your own computer."));
    app::CommonOptions common;
    common.addTo(parser);
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Add a demo bank connection when there is none."));
    parser.addOption(demo);
    const QCommandLineOption minimized(QStringLiteral("minimized"),
                                       QStringLiteral("Start in the tray (or minimized where there is no tray)."));
    parser.addOption(minimized);
    parser.process(application); // prints --help/--version or a one-line error for unknown options

    auto options = app::prepare(parser, common, false);
    if (!options.ok()) {
        QMessageBox::critical(nullptr, QStringLiteral("Coffer"), options.error().userMessage);
        return 1;
    }

    EngineHost host(options.value());
    // A start failure (damaged or newer database) is shown in the window itself, with the file and
    // what to do; the engine leaves the database untouched and logs it.
    if (parser.isSet(demo)) {
        auto once = std::make_shared<bool>(false);
        QObject::connect(&host, &EngineHost::connectionsChanged, &application,
                         [&host, once](const QList<model::ConnectionStatus>& connections) {
                             if (*once)
                                 return;
                             *once = true;
                             if (connections.isEmpty())
                                 host.addConnection(model::ConnectionSpec{
                                     QStringLiteral("demo"), QStringLiteral("Demo Bank"), {}, {}});
                         });
    }

    // The stored log level ("log_level", set in Settings or by cofferctl) applies unless --log-level
    // was given for this run.
    if (!parser.isSet(common.logLevel)) {
        QObject::connect(&host, &EngineHost::started, &application, [](const QString& databasePath) {
            if (const auto settings = store::EngineStateReader::readUserSettings(databasePath); settings.ok())
                log::setLevel(settings.value().value(store::settingKey::kLogLevel));
        });
    }

    // Quitting is explicit (menu, tray, Ctrl+Q, or closing the window when no tray keeps Coffer
    // running), so hiding the window to the tray never ends the process.
    QApplication::setQuitOnLastWindowClosed(false);
    ui::MainWindow window(host);
    QObject::connect(&window, &ui::MainWindow::quitRequested, &application, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    if (!parser.isSet(minimized))
        window.show();
    else if (!window.tray())
        window.showMinimized();
    host.start();
    const int code = application.exec();
    host.shutdown(); // before the window goes: finishes or rolls back a sync in flight
    return code;
}

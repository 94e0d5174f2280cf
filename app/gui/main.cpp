// coffer: the desktop application.

#include "AppIcon.h"
#include "EngineHost.h"
#include "LaunchRequest.h"
#include "MainWindow.h"
#include "SingleInstance.h"
#include "common/Startup.h"
#include "log/Log.h"
#include "store/EngineStateReader.h"
#include "store/UserSettings.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QTextStream>

#include <optional>

using namespace coffer;

namespace {

// The desktop app's command line, the same in both phases of main().
struct GuiOptions {
    app::CommonOptions common;
    QCommandLineOption demo{QStringLiteral("demo"), QStringLiteral("Add a demo bank connection when there is none.")};
    QCommandLineOption minimized{QStringLiteral("minimized"),
                                 QStringLiteral("Start in the tray (or minimized where there is no tray); when Coffer "
                                                "is already running, leave its window as it is.")};

    void addTo(QCommandLineParser& parser)
    {
        parser.setApplicationDescription(
            QStringLiteral("Coffer keeps your bank transactions up to date on your own computer."));
        common.addTo(parser);
        parser.addOption(demo);
        parser.addOption(minimized);
        parser.addPositionalArgument(QStringLiteral("files"),
                                     QStringLiteral("Bank files to import (paths or file:// URLs). When Coffer is "
                                                    "already running, its window opens their import."),
                                     QStringLiteral("[files...]"));
    }
};

// --help and --version: printed, with the exit code; nothing for a launch.
std::optional<int> answerInfoRequest(QCommandLineParser& parser)
{
#if defined(Q_OS_WIN)
    // A GUI program has no console there: Qt shows these in a message box (and exits).
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
#endif
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << QStringLiteral("coffer ") << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    return std::nullopt;
}

// --help and --version need no display, so they are answered before QApplication (whose platform
// plugin needs one) exists. A command line this cannot parse may carry Qt's own GUI options
// (-platform, -style), which only QApplication knows: it is left to the second phase.
std::optional<int> answerWithoutDisplay(int& argc, char** argv)
{
    QCoreApplication core(argc, argv);
    app::setApplicationIdentity();
    QCommandLineParser parser;
    GuiOptions options;
    options.addTo(parser);
    if (!parser.parse(QCoreApplication::arguments()))
        return std::nullopt;
    return answerInfoRequest(parser);
}

} // namespace

int main(int argc, char** argv)
{
    // Read before any platform plugin might take it for a window this launch will not show.
    const QString activationToken = qEnvironmentVariable("XDG_ACTIVATION_TOKEN");
    if (const auto answered = answerWithoutDisplay(argc, argv))
        return *answered;

    QApplication application(argc, argv);
    app::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Coffer"));
    QApplication::setDesktopFileName(QStringLiteral("org.coffer.Coffer")); // Wayland app id: matches the .desktop file
    ui::AppIcon::install();

    QCommandLineParser parser;
    GuiOptions gui;
    gui.addTo(parser);
    if (!parser.parse(QCoreApplication::arguments()))
        parser.process(application); // reports the error the platform's way (a message box on Windows), exits
    if (const auto answered = answerInfoRequest(parser))
        return *answered;

    auto options = app::prepare(parser, gui.common, false);
    if (!options.ok()) {
        QMessageBox::critical(nullptr, QStringLiteral("Coffer"), options.error().userMessage);
        return 1;
    }

    // One Coffer per user and data folder: a later launch hands its files (as "Open with" passes
    // them) to the running one, which comes forward, and exits.
    QStringList notFiles;
    ui::LaunchRequest launch = ui::LaunchRequest::fromArguments(parser.positionalArguments(), QDir::currentPath(),
                                                                !parser.isSet(gui.minimized), &notFiles);
    launch.activationToken = activationToken;
    for (const QString& argument : notFiles)
        QTextStream(stderr) << QStringLiteral("coffer: not a local file, left out: ") << argument << Qt::endl;
    ui::SingleInstance instance(ui::SingleInstance::serverName(options.value().dataDir));
    switch (instance.claim(launch)) {
    case ui::SingleInstance::Role::HandedOver:
        return 0;
    case ui::SingleInstance::Role::Failed:
        QMessageBox::critical(nullptr, QStringLiteral("Coffer"), instance.errorString());
        return 1;
    case ui::SingleInstance::Role::Primary:
        break;
    }

    EngineHost host(options.value());
    // A start failure (damaged or newer database) is shown in the window itself, with the file and
    // what to do; the engine leaves the database untouched and logs it.
    if (parser.isSet(gui.demo)) {
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
    if (!parser.isSet(gui.common.logLevel)) {
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
    QObject::connect(&instance, &ui::SingleInstance::requestReceived, &window, &ui::MainWindow::openLaunchRequest);
    if (!parser.isSet(gui.minimized))
        window.show();
    else if (!window.tray())
        window.showMinimized();
    if (!launch.files.isEmpty()) {
        ui::LaunchRequest first = launch;
        first.activationToken.clear();   // Qt presents it for this launch's own window
        window.openLaunchRequest(first); // their import opens once the engine has started
    }
    host.start();
    const int code = application.exec();
    instance.release(); // a launch from now on starts a new Coffer rather than waiting on this one
    host.shutdown();    // before the window goes: finishes or rolls back a sync in flight
    return code;
}

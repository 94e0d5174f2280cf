// coffer: the desktop application.

#include "EngineHost.h"
#include "MainWindow.h"
#include "common/Startup.h"

#include <QApplication>
#include <QMessageBox>

using namespace coffer;

int main(int argc, char** argv)
{
    QApplication application(argc, argv);
    app::setApplicationIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Coffer"));
    QApplication::setDesktopFileName(QStringLiteral("coffer"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Coffer keeps your bank transactions up to date on your own computer."));
    app::CommonOptions common;
    common.addTo(parser);
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Add a demo bank connection when there is none."));
    parser.addOption(demo);
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
        QObject::connect(
            &host, &EngineHost::connectionsChanged, &application,
            [&host, once](const QList<model::ConnectionStatus>& connections) {
                if (*once)
                    return;
                *once = true;
                if (connections.isEmpty())
                    host.addConnection(model::ConnectionSpec{QStringLiteral("demo"), QStringLiteral("Demo Bank"), {}, {}});
            });
    }

    ui::MainWindow window(host);
    window.show();
    host.start();
    const int code = application.exec();
    host.shutdown(); // before the window goes: finishes or rolls back a sync in flight
    return code;
}

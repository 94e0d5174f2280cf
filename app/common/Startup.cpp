#include "common/Startup.h"

#include "log/Log.h"
#include "store/DataDirectory.h"

#include <QCoreApplication>
#include <QDir>

namespace coffer::app {

void CommonOptions::addTo(QCommandLineParser& parser)
{
    dataDir.setDescription(dataDir.description().arg(store::defaultDataDirectory()));
    parser.addOption(dataDir);
    parser.addOption(logLevel);
    parser.addHelpOption();
    parser.addVersionOption();
}

void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("Coffer"));
    QCoreApplication::setApplicationVersion(QStringLiteral(COFFER_VERSION));
}

model::Result<EngineOptions> prepare(const QCommandLineParser& parser, const CommonOptions& options,
                                     bool echoLogToStderr)
{
    EngineOptions engine;
    engine.dataDir = parser.isSet(options.dataDir) ? QDir(parser.value(options.dataDir)).absolutePath()
                                                   : store::defaultDataDirectory();
    // Tests and side-by-side profiles keep their keychain entries apart with this variable.
    const QString service = qEnvironmentVariable("COFFER_KEYCHAIN_SERVICE");
    if (!service.isEmpty())
        engine.keychainService = service;

    const QString level = parser.value(options.logLevel);
    if (!log::isValidLevel(level))
        return model::Error::permanent(
            QStringLiteral("Unknown log level \"%1\": use trace, debug, info, warn, error or off.").arg(level));
    if (auto ready = store::prepareDataDirectory(engine.dataDir); !ready.ok())
        return ready.error();
    if (auto logging = log::init(engine.dataDir, level, echoLogToStderr); !logging.ok())
        return logging.error();
    return engine;
}

} // namespace coffer::app

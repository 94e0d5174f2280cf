#pragma once

#include "Engine.h"
#include "model/Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QString>

namespace coffer::app {

// Options both executables share: --data-dir and --log-level (plus --help and --version).
struct CommonOptions {
    QCommandLineOption dataDir{QStringList{QStringLiteral("d"), QStringLiteral("data-dir")},
                               QStringLiteral("Folder for the database, backups and logs (default: %1)."),
                               QStringLiteral("DIR")};
    QCommandLineOption logLevel{QStringLiteral("log-level"),
                                QStringLiteral("Log detail: trace, debug, info, warn, error or off (default: info)."),
                                QStringLiteral("LEVEL"), QStringLiteral("info")};

    void addTo(QCommandLineParser& parser);
};

// Sets the application's identity (name, version) so paths and --version agree everywhere.
void setApplicationIdentity();

// Resolves the data folder, makes sure it is writable and starts logging there. On failure
// returns the one line to show the user.
model::Result<EngineOptions> prepare(const QCommandLineParser& parser, const CommonOptions& options,
                                     bool echoLogToStderr);

} // namespace coffer::app

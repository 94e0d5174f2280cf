#pragma once

#include "model/Result.h"

#include <QString>

#include <memory>
#include <spdlog/logger.h>

namespace coffer::log {

// Sets up logging: a size-capped rotating file <dataDir>/logs/coffer.log shared by every module
// logger, optional stderr echo, and Qt's own messages routed into the "qt" logger.
// level: trace, debug, info, warn, error, off. Safe to call again (e.g. tests).
model::Status init(const QString& dataDir, const QString& level, bool echoToStderr);

// Changes the level of every module logger, now and for those created later (the user's
// "log_level" setting). False when the name is unknown.
bool setLevel(const QString& level);

// The named module logger ("engine.store", "engine.sync", "ui", ...), created on first use.
std::shared_ptr<spdlog::logger> get(const std::string& module);

// Parses a level name; false when unknown.
bool isValidLevel(const QString& level);

// Log files live here.
QString logDirectory(const QString& dataDir);

} // namespace coffer::log

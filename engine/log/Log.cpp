#include "log/Log.h"

#include <QDir>
#include <QMutex>
#include <QtGlobal>

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <vector>

namespace coffer::log {

namespace {

constexpr std::size_t kMaxFileBytes = 5 * 1024 * 1024;
constexpr std::size_t kMaxFiles = 3;

QMutex g_mutex;
std::vector<spdlog::sink_ptr> g_sinks;
spdlog::level::level_enum g_level = spdlog::level::info;

spdlog::level::level_enum levelFromName(const QString& name)
{
    return spdlog::level::from_str(name.toStdString());
}

void qtMessageHandler(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    auto logger = get("qt");
    const std::string text = message.toStdString();
    const char* category = context.category ? context.category : "default";
    switch (type) {
    case QtDebugMsg:
        logger->debug("[{}] {}", category, text);
        break;
    case QtInfoMsg:
        logger->info("[{}] {}", category, text);
        break;
    case QtWarningMsg:
        logger->warn("[{}] {}", category, text);
        break;
    case QtCriticalMsg:
        logger->error("[{}] {}", category, text);
        break;
    case QtFatalMsg:
        logger->critical("[{}] {}", category, text);
        logger->flush();
        break;
    }
}

} // namespace

bool isValidLevel(const QString& level)
{
    static const QStringList names{QStringLiteral("trace"), QStringLiteral("debug"), QStringLiteral("info"),
                                   QStringLiteral("warn"),  QStringLiteral("error"), QStringLiteral("off")};
    return names.contains(level);
}

QString logDirectory(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("logs"));
}

model::Status init(const QString& dataDir, const QString& level, bool echoToStderr)
{
    if (!isValidLevel(level))
        return model::Error::permanent(
            QStringLiteral("Unknown log level \"%1\": use trace, debug, info, warn, error or off.").arg(level));
    const QString dir = logDirectory(dataDir);
    if (!QDir().mkpath(dir))
        return model::Error::storage(
            QStringLiteral("Cannot create the log folder %1: check that it is writable.").arg(dir));

    std::vector<spdlog::sink_ptr> sinks;
    try {
        const QString file = QDir(dir).filePath(QStringLiteral("coffer.log"));
        sinks.push_back(
            std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file.toStdString(), kMaxFileBytes, kMaxFiles));
    } catch (const spdlog::spdlog_ex& e) {
        return model::Error::storage(
            QStringLiteral("Cannot open the log file in %1: %2").arg(dir, QString::fromUtf8(e.what())));
    }
    if (echoToStderr)
        sinks.push_back(std::make_shared<spdlog::sinks::stderr_color_sink_mt>());

    {
        QMutexLocker lock(&g_mutex);
        g_sinks = sinks;
        g_level = levelFromName(level);
        spdlog::drop_all();
    }
    spdlog::flush_every(std::chrono::seconds(2));
    qInstallMessageHandler(qtMessageHandler);
    get("app")->info("logging started, level {}", level.toStdString());
    return model::Ok{};
}

bool setLevel(const QString& level)
{
    if (!isValidLevel(level))
        return false;
    QMutexLocker lock(&g_mutex);
    g_level = levelFromName(level);
    spdlog::apply_all([](const std::shared_ptr<spdlog::logger>& logger) { logger->set_level(g_level); });
    return true;
}

std::shared_ptr<spdlog::logger> get(const std::string& module)
{
    QMutexLocker lock(&g_mutex);
    if (auto existing = spdlog::get(module))
        return existing;
    auto logger = std::make_shared<spdlog::logger>(module, g_sinks.begin(), g_sinks.end());
    logger->set_level(g_level);
    logger->flush_on(spdlog::level::warn);
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %-5l %n [%t] %v");
    spdlog::register_logger(logger);
    return logger;
}

} // namespace coffer::log

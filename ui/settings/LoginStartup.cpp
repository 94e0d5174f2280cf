#include "LoginStartup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>

namespace coffer::ui {

namespace {

const QString kMinimized = QStringLiteral("--minimized");

#if defined(Q_OS_WIN)
const QString kRunKey = QStringLiteral("HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run");
const QString kRunValue = QStringLiteral("Coffer");
#else
QString fileLocation()
{
#if defined(Q_OS_MACOS)
    return QDir::home().filePath(QStringLiteral("Library/LaunchAgents/org.coffer.Coffer.plist"));
#else
    QString config = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (config.isEmpty() || QDir::isRelativePath(config)) // the XDG spec ignores a relative one
        config = QDir::home().filePath(QStringLiteral(".config"));
    return QDir(config).filePath(QStringLiteral("autostart/coffer.desktop"));
#endif
}

QByteArray entryText(const QString& executable)
{
#if defined(Q_OS_MACOS)
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                          "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                          "<plist version=\"1.0\">\n<dict>\n"
                          "  <key>Label</key><string>org.coffer.Coffer</string>\n"
                          "  <key>ProgramArguments</key>\n  <array>\n"
                          "    <string>%1</string>\n    <string>%2</string>\n  </array>\n"
                          "  <key>RunAtLoad</key><true/>\n"
                          "</dict>\n</plist>\n")
        .arg(executable.toHtmlEscaped(), kMinimized)
        .toUtf8();
#else
    // Desktop Entry quoting: the path in double quotes, with \ " ` $ escaped by a backslash.
    QString quoted = executable;
    for (const QChar c : {u'\\', u'"', u'`', u'$'})
        quoted.replace(c, QStringLiteral("\\") + c);
    return QStringLiteral("[Desktop Entry]\nType=Application\nName=Coffer\n"
                          "Comment=Keeps your bank transactions up to date\n"
                          "Exec=\"%1\" %2\nIcon=coffer\nTerminal=false\nX-GNOME-Autostart-enabled=true\n")
        .arg(quoted, kMinimized)
        .toUtf8();
#endif
}
#endif

} // namespace

LoginStartup::LoginStartup(QString executable)
    : m_executable(executable.isEmpty() ? QCoreApplication::applicationFilePath() : std::move(executable))
{
}

QString LoginStartup::location() const
{
#if defined(Q_OS_WIN)
    return kRunKey + u'\\' + kRunValue;
#else
    return fileLocation();
#endif
}

bool LoginStartup::enabled() const
{
#if defined(Q_OS_WIN)
    return QSettings(kRunKey, QSettings::NativeFormat).contains(kRunValue);
#else
    return QFileInfo::exists(fileLocation());
#endif
}

model::Status LoginStartup::setEnabled(bool on)
{
#if defined(Q_OS_WIN)
    QSettings run(kRunKey, QSettings::NativeFormat);
    if (on)
        run.setValue(kRunValue, QStringLiteral("\"%1\" %2").arg(QDir::toNativeSeparators(m_executable), kMinimized));
    else
        run.remove(kRunValue);
    run.sync();
    if (run.status() != QSettings::NoError)
        return model::Error::storage(QCoreApplication::translate("LoginStartup", "Windows did not accept the change to "
                                                                                 "the programs started at login."));
    return model::Ok{};
#else
    const QString path = fileLocation();
    if (!on) {
        if (QFileInfo::exists(path) && !QFile::remove(path))
            return model::Error::storage(
                QCoreApplication::translate("LoginStartup", "Cannot remove %1: check its permissions.").arg(path));
        return model::Ok{};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return model::Error::storage(
            QCoreApplication::translate("LoginStartup", "Cannot create the folder of %1.").arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(entryText(m_executable)) < 0 || !file.commit())
        return model::Error::storage(
            QCoreApplication::translate("LoginStartup", "Cannot write %1: %2").arg(path, file.errorString()));
    return model::Ok{};
#endif
}

} // namespace coffer::ui
